/**
 * The Peaks output sheet says what each peak rests on (docs/peaks.md) — plateau start, first and last
 * year, number of values, flags — and Run info says which peak rule ran; the Settings row "Strict peak
 * reading" switches the run (and the live formulas) to the strict reading. Reference: the 长株潭 sample
 * (src/samples/changzhutan.ts; docs/model.md §7).
 */
import { createMemoryPort, type MemoryPort } from "../../src/workbook/memory";
import { createScenarioSheets, runAndWrite, type RunOptions } from "../../src/app";
import { value } from "../helpers/result";

async function examplePort(): Promise<MemoryPort> {
  const port = createMemoryPort({});
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  return port;
}
const cells = (port: MemoryPort, sheet: string): unknown[][] => port.memory.sheetList.find((s) => s.name === sheet)!.cells;
const run = async (port: MemoryPort, options: RunOptions = {}) =>
  value(await runAndWrite(port, { now: () => new Date("2024-05-01T08:00:00Z"), version: "9.9.9", ...options }));

/** Sets a Settings row's value (found by its English label). */
function setSetting(port: MemoryPort, label: string, v: unknown): void {
  const rows = cells(port, "Settings");
  const row = rows.find((r) => String(r[0]).startsWith(label));
  if (!row) throw new Error(`no Settings row ${label}`);
  row[1] = v;
}

describe("Peaks sheet — reference values", () => {
  test("header and rows carry plateau start, first year, as of, values and flags after the peak columns", async () => {
    const port = await examplePort();
    await run(port);
    const [header, ...rows] = cells(port, "Peaks");
    expect(header).toEqual([
      "Scenario",
      "City or cluster",
      "Type",
      "Peak year",
      "Peak value (Mt CO2)",
      "Status",
      "Peaked by 2030",
      "Peak gap after 2030 (Mt CO2)",
      "Plateau from",
      "First year",
      "As of (last year)",
      "Values",
      "Flags",
    ]);
    const cluster = (sc: string) => rows.find((r) => r[0] === sc && r[2] === "cluster")!;
    // Baseline: maximum 2021 (98.20 Mt, the post-COVID rebound — docs/model.md §15), tolerance 0 so the plateau starts
    // there; 2015–2060 with the cluster's gaps 2016–2018 (株洲 and 湘潭 unmeasured in CEADs), 43 values; the decline
    // after it is proactive (GDP still grows).
    expect(cluster("baseline").slice(3, 4)).toEqual([2021]);
    expect(cluster("baseline").slice(5)).toEqual(["peaked", "yes", 0, 2021, 2015, 2060, 43, "gaps, decline_proactive"]);
    // Coordinated: the same year, lower — not in a measured year, so not left-censored.
    expect(cluster("coordinated").slice(3, 4)).toEqual([2021]);
    expect(cluster("coordinated")[4] as number).toBeLessThan(cluster("baseline")[4] as number);
    expect(cluster("coordinated")[12]).toBe("gaps, decline_proactive");
  });

  test("Run info states the peak rule and explains the flags", async () => {
    const port = await examplePort();
    await run(port);
    const info = cells(port, "Run info");
    expect(info).toEqual(expect.arrayContaining([["Peak rule", "tolerance 0, confirmation 0 years, smoothing 1 (1 = none), at least 5 values"]]));
    expect(info.find((r) => r[0] === "Peak flags")![1]).toMatch(
      /^left_censored = the peak is the first data year; last_year_max = the last value is the maximum; /,
    );
  });
});

describe("Peaks sheet — the strict setting", () => {
  test('Settings "Strict peak reading" = yes: Run info says strict, the live formulas ask for 5 confirmation years', async () => {
    const port = await examplePort();
    setSetting(port, "Strict peak reading", "yes");
    await run(port, { formulas: true });
    const info = cells(port, "Run info");
    expect(info.find((r) => r[0] === "Peak rule")![1]).toBe(
      "strict — peaked only 5 years or more after the peak, at least 5 values (after Shan et al. 2022); tolerance 0, smoothing 1 (1 = none)",
    );
    const live = port.memory.sheetList.find((s) => s.name === "Peaks (live)")!;
    const formulas = Array.from(live.formulas!.values(), (f) => f.formula);
    expect(formulas).toContain("=CARBON.PEAKYEAR($D5:$AW5,$D$2:$AW$2,0,5,1)");
    expect(formulas).toContain("=CARBON.PEAKSTATUS($D5:$AW5,$D$2:$AW$2,0,5,1)");
  });

  test("an unreadable strict value is a problem naming the Settings cell", async () => {
    const port = await examplePort();
    setSetting(port, "Strict peak reading", "maybe");
    const r = await runAndWrite(port, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => [i.code, i.cell])).toEqual([["invalid_choice", expect.stringMatching(/^Settings!B\d+$/)]]);
  });
});
