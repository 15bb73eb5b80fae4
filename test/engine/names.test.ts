/** Name lists in one cell and the words for "all" (src/engine/input/names.ts), shared by the schema, the check without an inventory and `carbon-peak peaks --cluster`. */
import fc from "fast-check";
import { isAllWord, leverRowSchema, parseClusterSpec, settingsSchema, splitNames } from "../../src/engine";

describe("reference values", () => {
  test("names are split at , ; ， ； 、 and trimmed, blanks dropped, duplicates kept", () => {
    expect(splitNames("长沙, 株洲、湘潭；")).toEqual(["长沙", "株洲", "湘潭"]);
    expect(splitNames(" a ;b，c ,, a ")).toEqual(["a", "b", "c", "a"]);
    expect(splitNames(" ")).toEqual([]);
  });

  test("the words for all, in any case and with spaces around", () => {
    for (const w of ["all", " ALL ", "*", "全部", "所有", "全部城市", "全部部门"]) expect(isAllWord(w)).toBe(true);
    for (const w of ["alle", "长沙", "", "all cities"]) expect(isAllWord(w)).toBe(false);
  });
});

describe("invariants", () => {
  const name = fc.stringMatching(/^[a-z长株潭]{1,4}$/);
  const sep = fc.constantFrom(",", ";", "，", "；", "、", " , ");
  const listText = fc.tuple(fc.array(name, { minLength: 1, maxLength: 5 }), sep).map(([names, s]) => ({ names, text: names.join(s) }));

  test("a lever's cities, Settings' other scenarios and a cluster's members split a cell the same way", () => {
    const lever = { scenario: "s", name: "n", sectors: "all", kind: "reduce", value: 0.1, startYear: 2020, fullYear: 2025 };
    fc.assert(
      fc.property(listText, ({ names, text }) => {
        expect(splitNames(text)).toEqual(names);
        expect(leverRowSchema.parse({ ...lever, cities: text }).cities).toEqual(Array.from(new Set(names)));
        expect(settingsSchema.parse({ baseYear: 2020, endYear: 2030, targetYear: 2025, scenarios: text }).scenarios).toEqual(names);
        const spec = parseClusterSpec(`X=${text}`, names);
        expect(spec.ok && spec.value.members).toEqual(Array.from(new Set(names)));
      }),
    );
  });
});
