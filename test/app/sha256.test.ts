/** SHA-256 in plain TypeScript (src/app/sha256.ts): FIPS 180-4 test vectors and agreement with Node's crypto. */
import { createHash } from "crypto";
import fc from "fast-check";
import { canonicalJson, sha256, utf8 } from "../../src/app/sha256";

describe("reference values", () => {
  // FIPS 180-4 / NIST CSRC example values for SHA-256.
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ])("sha256(%j) is the published digest", (text, hex) => expect(sha256(text)).toBe(hex));

  test("one million 'a' gives the published digest", () => {
    expect(sha256(new Uint8Array(1_000_000).fill(0x61))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });
});

describe("invariants", () => {
  test("agrees with Node's crypto on any text (UTF-8), including Chinese and astral characters", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => sha256(s) === createHash("sha256").update(s, "utf8").digest("hex")));
  });

  test("utf8 agrees with Buffer's encoding", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => Buffer.from(utf8(s)).equals(Buffer.from(s, "utf8"))));
  });
});

describe("edge cases", () => {
  test("canonical JSON sorts keys at every depth and drops undefined fields", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  test("padding boundaries (55, 56, 63, 64 bytes) hash like Node's crypto", () => {
    for (const n of [55, 56, 63, 64, 65, 119, 120]) expect(sha256("x".repeat(n))).toBe(createHash("sha256").update("x".repeat(n)).digest("hex"));
  });
});
