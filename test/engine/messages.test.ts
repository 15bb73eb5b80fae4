/**
 * The one message table (src/engine/messages.ts): every issue code has an English and a Chinese text,
 * and both read the same parameters of the issue (a parameter `xZh` is the Chinese text of `x`).
 * The codes are the table's keys (IssueCode): an issue with a code that has no message does not compile.
 */
import { MESSAGES, formatIssue, isIssueCode, type Issue, type IssueCode, type MessageParams } from "../../src/engine";

const codes = Object.keys(MESSAGES) as IssueCode[];

/** The parameters a message function reads, with every parameter given (`given`) or none. */
function paramsRead(f: (p: MessageParams) => string, given: boolean): { read: string[]; text: string } {
  const read = new Set<string>();
  const p = new Proxy({} as MessageParams, {
    get: (_t, key) => {
      if (typeof key === "string") read.add(key.replace(/Zh$/, ""));
      return given ? `<${String(key)}>` : undefined;
    },
    has: (_t, key) => {
      if (typeof key === "string") read.add(key.replace(/Zh$/, ""));
      return given;
    },
  });
  const text = f(p);
  return { read: [...read].sort(), text };
}

describe("invariants", () => {
  test.each(codes)("%s has a non-empty English and Chinese text reading the same parameters", (code) => {
    const m = MESSAGES[code];
    for (const given of [true, false]) {
      const en = paramsRead(m.en, given);
      const zh = paramsRead(m.zh, given);
      expect(en.text.trim()).not.toBe("");
      expect(zh.text.trim()).not.toBe("");
      expect(zh.read).toEqual(en.read);
    }
  });

  test("the Chinese texts are Chinese (every one has a CJK character)", () => {
    const notChinese = codes.filter((c) => !/[\u4e00-\u9fff]/.test(paramsRead(MESSAGES[c].zh, true).text));
    expect(notChinese).toEqual([]);
  });

  test("isIssueCode knows exactly the table's codes", () => {
    expect(codes.every(isIssueCode)).toBe(true);
    expect([isIssueCode("nope"), isIssueCode("toString"), isIssueCode(3)]).toEqual([false, false, false]);
  });
});

describe("edge cases", () => {
  test("an issue from outside the type system with an unknown code shows its code", () => {
    expect(formatIssue({ code: "from_a_worker", path: ["x"] } as unknown as Issue)).toBe("x: from_a_worker");
  });

  test("there is one cancel code; its text says what was cancelled", () => {
    expect(codes.filter((c) => c.includes("cancel"))).toEqual(["cancelled"]);
    expect([
      formatIssue({ code: "cancelled", path: [] }),
      formatIssue({ code: "cancelled", path: [], during: "inventory" }),
      formatIssue({ code: "cancelled", path: [], during: "draws", done: 300, draws: 1000 }, "zh"),
    ]).toEqual([
      "the run was cancelled; nothing was written",
      "reading the inventory was cancelled; nothing was changed",
      "蒙特卡洛模拟在完成 1000 次抽样中的 300 次后被停止",
    ]);
  });
});
