/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides: `Error` carrying code
 * and message, the `ErrorCode` strings Excel uses, and `associate` recording id → function.
 * Used both by jest tests of the wrappers and by the test that loads the built bundle in a vm.
 */
export class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function makeCustomFunctionsStub() {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associated,
    global: {
      Error: StubError,
      ErrorCode,
      associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
        if (typeof id === "string") associated.set(id, fn!);
        else for (const [k, f] of Object.entries(id)) associated.set(k, f);
      },
    },
  };
}

/** Installs the stub as the `CustomFunctions` global for in-process tests. */
export function installCustomFunctionsStub() {
  const stub = makeCustomFunctionsStub();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub.global;
  return stub;
}
