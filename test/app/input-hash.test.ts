/** The inputs hash (src/app/input-hash.ts): Web Crypto SHA-256 of the canonical JSON — FIPS 180-4 test vectors, agreement with Node's crypto, cell locations left out. */
import { createHash } from "crypto";
import fc from "fast-check";
import { canonicalJson, inputHash, sha256 } from "../../src/app";

describe("reference values", () => {
  // FIPS 180-4 / NIST CSRC example values for SHA-256.
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ])("sha256(%j) is the published digest", async (text, hex) => expect(await sha256(text)).toBe(hex));

  test("one million 'a' gives the published digest", async () => {
    expect(await sha256("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });
});

describe("invariants", () => {
  test("agrees with Node's crypto on any text (UTF-8), including Chinese and astral characters and lone surrogates", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (s) => (await sha256(s)) === createHash("sha256").update(s, "utf8").digest("hex")),
    );
  });

  test("the inputs hash depends on the values, not on the cells they came from", async () => {
    const at = (row: number) => ({
      settings: { baseYear: 2015, source: { sheet: "Settings", row } },
      levers: [{ value: 0.2, source: { sheet: "Levers", row: row + 1 } }],
    });
    expect(await inputHash(at(3))).toBe(await inputHash(at(9)));
    expect(await inputHash(at(3))).toBe(`sha256:${createHash("sha256").update('{"levers":[{"value":0.2}],"settings":{"baseYear":2015}}').digest("hex")}`);
  });
});

describe("edge cases", () => {
  test("canonical JSON sorts keys at every depth and drops undefined fields", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  test("padding boundaries (55, 56, 63, 64 bytes) hash like Node's crypto", async () => {
    for (const n of [55, 56, 63, 64, 65, 119, 120]) expect(await sha256("x".repeat(n))).toBe(createHash("sha256").update("x".repeat(n)).digest("hex"));
  });
});
