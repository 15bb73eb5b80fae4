/**
 * Plain inventory rows are read without zod (src/engine/input/inventory-rows.ts). Contract: a row
 * read that way is exactly the record `inventoryRowSchema` produces (values, which keys are present,
 * their order), and every other row is left to the schema, so its issues are reported as before.
 */
import fc from "fast-check";
import { plainInventoryRow } from "../../src/engine/input/inventory-rows";
import { inventoryRowSchema } from "../../src/engine/input/schema";
import { compileScenario, parseScenarioInput } from "../../src/engine";
import { issuesOf, tinyInput } from "./scenario-fixtures";

/** What zod makes of a row: the record, or undefined when it has issues. */
function viaSchema(raw: unknown): unknown {
  const r = inventoryRowSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}

const text = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("长沙", "株洲", " 湘潭 ", "power_heat", "transport\t", "A") },
  { weight: 2, arbitrary: fc.constantFrom<unknown>("", "  ", "\u3000", null, undefined, 3, true, ["长沙"], {}) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 1e12, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(0, -0, Number.MAX_VALUE, -1, NaN, Infinity, -Infinity, "12", "", null, undefined, true, new Date(0)) },
);
const note = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>("CEADs 2020", "  trimmed  ", "", " ", null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(7, false) },
);
const columns = fc.oneof(
  fc.constantFrom<unknown>(undefined, {}, { value: "C" }, { city: "A", sector: "B", value: "C" }),
  fc.constantFrom<unknown>({ value: 3 }, null, ["C"], "C"),
  fc.dictionary(fc.constantFrom("city", "sector", "value", "note", "x"), fc.oneof(fc.constantFrom("A", "B", "$C$5"), fc.constant(1) as fc.Arbitrary<unknown>), {
    maxKeys: 3,
  }),
);
const source = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { sheet: fc.constantFrom<unknown>("Inventory", "清单", ""), row: fc.constantFrom<unknown>(1, 2, 1000), columns },
      { requiredKeys: ["sheet", "row"] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ sheet: fc.constantFrom<unknown>("Inventory", 5), row: fc.constantFrom<unknown>(0, -1, 2.5, 2 ** 53, "3") }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(undefined, null, "Inventory!A2", { sheet: "S", row: 2, extra: 1 }, { sheet: "S" }) },
);
/** Rows with any subset of the fields, sometimes an unknown field or a non-plain object. */
const row = fc.oneof(
  { weight: 12, arbitrary: fc.record({ city: text, sector: text, value, note, source }, { requiredKeys: ["city", "sector", "value"] }) },
  { weight: 3, arbitrary: fc.record({ city: text, sector: text, value, note, source, cityy: text, unit: fc.constant("t") }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 5, "row", [], [1, 2], new Date(0)) },
);

describe("plain inventory rows read without zod", () => {
  test("are exactly what the schema produces — values, keys present and their order — or are left to it", () => {
    let plain = 0;
    let total = 0;
    fc.assert(
      fc.property(row, fc.boolean(), (raw, nullProto) => {
        const r =
          nullProto && raw !== null && typeof raw === "object" && !Array.isArray(raw) && !(raw instanceof Date)
            ? Object.assign(Object.create(null) as object, raw)
            : raw;
        total++;
        const fast = plainInventoryRow(r);
        if (fast === undefined) return;
        plain++;
        const zod = viaSchema(r);
        expect(fast).toStrictEqual(zod);
        expect(Object.keys(fast)).toEqual(Object.keys(zod as object));
        if (fast.source) expect(Object.keys(fast.source)).toEqual(Object.keys((zod as { source: object }).source));
      }),
      { numRuns: 5000 },
    );
    expect(plain).toBeGreaterThan(total * 0.15);
    expect(plain).toBeLessThan(total * 0.95);
  });

  test("a row zod accepts but the plain reader does not is still accepted (through zod)", () => {
    // e.g. a class instance: not plain, but zod reads its fields.
    class Row {
      constructor(
        public city: string,
        public sector: string,
        public value: number,
      ) {}
    }
    const r = new Row("长沙", "power_heat", 1);
    expect(plainInventoryRow(r)).toBeUndefined();
    expect(viaSchema(r)).toEqual({ city: "长沙", sector: "power_heat", value: 1 });
  });

  test("a scenario with plain rows parses to the same input as the schema gives row by row", () => {
    const input = tinyInput();
    input.inventory[0].city = "  A  ";
    (input.inventory[1] as Record<string, unknown>).note = "";
    (input.inventory[2] as Record<string, unknown>).source = { sheet: "Inventory", row: 4, columns: { value: "C" } };
    const parsed = parseScenarioInput(input);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.inventory).toStrictEqual(input.inventory.map(viaSchema));
  });

  test("rows that are not plain keep their issues, paths and cells, in input order with the plain ones", () => {
    const input = tinyInput();
    input.inventory[1].value = -3;
    (input.inventory[2] as Record<string, unknown>).source = { sheet: "Inventory", row: 4, columns: { value: "C" } };
    input.inventory[2].value = "12" as unknown as number;
    const issues = issuesOf(compileScenario(input)).map((i) => [i.code, i.path.join("."), i.cell]);
    expect(issues).toEqual([
      ["must_be_nonnegative", "inventory.1.value", undefined],
      ["not_a_number", "inventory.2.value", "Inventory!C4"],
    ]);
  });
});
