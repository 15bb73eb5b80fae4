/** Unwrapping engine Results in tests: a failure where success was expected (or the reverse) fails loudly. */
import type { Issue, Result } from "../../src/engine";

/** The value of a successful result; throws with the issues otherwise. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** The issues of a failed result; throws when it succeeded. */
export function issues<T>(r: Result<T>): readonly Issue[] {
  if (r.ok) throw new Error("expected a failure");
  return r.issues;
}
