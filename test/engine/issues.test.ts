/**
 * Issues are plain data: `issue(code, path, params)` is the params, then `code` and `path`, exactly as
 * the object spread `{ ...params, code, path }` would build it (values, keys and their order).
 */
import fc from "fast-check";
import { distinctIssues, issue, type IssueCode } from "../../src/engine";

describe("issue()", () => {
  test("is the params, then code and path", () => {
    const i = issue("not_a_number", ["years", 0], { value: "x" });
    expect(i).toStrictEqual({ value: "x", code: "not_a_number", path: ["years", 0] });
    expect(Object.keys(i)).toEqual(["value", "code", "path"]);
    expect(issue("empty", ["emissions"])).toStrictEqual({ code: "empty", path: ["emissions"] });
  });

  test("equals { ...params, code, path } for arbitrary params, keys in the same order", () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("code", "path", "__proto__", "constructor", "0", "10", "value"));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), fc.string(), (pairs, code) => {
        const params: Record<string, string | number | boolean | null | undefined> = {};
        for (const [k, v] of pairs) Object.defineProperty(params, k, { value: v, enumerable: true, writable: true, configurable: true });
        const path = ["x", 1];
        // Any text as the code (the type admits only the message table's codes; the copy must not depend on it).
        const got = issue(code as IssueCode, path, params);
        const spread = { ...params, code, path };
        // Entries, not toStrictEqual: Jest's type check compares `.constructor`, which an own "constructor" key
        // overrides (NaN !== NaN made equal objects fail).
        expect(Object.entries(got)).toEqual(Object.entries(spread));
        expect(Object.keys(got)).toEqual(Object.keys(spread));
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      }),
    );
  });
});

describe("distinctIssues()", () => {
  test("keeps the first of equal issues, in order; issues differing in any parameter, the path or the cell are all kept", () => {
    const a = issue("no_values", ["inventory"], { city: "长沙" });
    const b = issue("no_values", ["inventory"], { city: "湘潭" });
    const c = { ...issue("no_values", ["inventory"], { city: "长沙" }), cell: "Inventory!A2" };
    expect(distinctIssues([a, b], [issue("no_values", ["inventory"], { city: "长沙" }), c], [b])).toEqual([a, b, c]);
    expect(distinctIssues()).toEqual([]);
  });

  test("invariant: the result holds every issue given, none twice", () => {
    const one = fc.record({
      code: fc.constantFrom("no_values", "empty"),
      path: fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.nat(3)), { maxLength: 2 }),
      n: fc.nat(2),
    });
    fc.assert(
      fc.property(fc.array(fc.array(one, { maxLength: 6 }), { maxLength: 3 }), (lists) => {
        const all = lists.flat().map((x) => issue(x.code as IssueCode, x.path, { n: x.n }));
        const out = distinctIssues(...lists.map((l) => l.map((x) => issue(x.code as IssueCode, x.path, { n: x.n }))));
        const keys = out.map((i) => JSON.stringify(i));
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(all.map((i) => JSON.stringify(i)))).toEqual(new Set(keys));
      }),
    );
  });
});
