/**
 * `carbon-peak run` on the committed 长株潭 sample (samples/changzhutan.xlsx, CEADs data — citation in
 * data/README.md): every output cell read back with ExcelJS equals the engine's results for
 * changzhutanInput() (src/samples/changzhutan.ts); the input file is never written without --in-place.
 */
import { copyFileSync, readFileSync, existsSync, writeFileSync } from "fs";
import { createHash } from "crypto";
import { join } from "path";
import ExcelJS from "exceljs";
import { emissionRows, reductionRows, runScenarios, clusterTotal } from "../../src/engine";
import { scenarioDecomposition } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { ROOT, cli, ensureBuilt, sheetRows, tempDir } from "./helpers";
import { value } from "../helpers/result";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const MT = 1e6;
/** A number as read back from a written cell: NaN (a gap) was written blank and reads as no value. */
const known = (x: number): number[] => (Number.isNaN(x) ? [] : [x]);

beforeAll(ensureBuilt);

describe("argument validation", () => {
  test("no arguments, an unknown command or option, a missing file: exit 2 with one line", () => {
    for (const args of [[], ["frobnicate"], ["run", "--bogus", SAMPLE], ["run", join(tempDir(), "missing.xlsx")]]) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  test("-o naming the input without --in-place is refused and the input stays as it was", () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    const r = cli("run", input, "-o", input);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--in-place/);
    expect(sha(input)).toBe(before);
  });

  test("a file that is not an .xlsx workbook is a problem (exit 1), in one line", () => {
    const dir = tempDir();
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a zip");
    const r = cli("run", bad);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("invariants", () => {
  test("the input file is byte-for-byte unchanged after run without --in-place", () => {
    const dir = tempDir();
    const input = join(dir, "sample.xlsx");
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    const r = cli("run", input, "--quiet");
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, "sample-results.xlsx"))).toBe(true);
  });

  test("--in-place writes into the input; a second run replaces its own sheets instead of adding 'Results (2)'", async () => {
    const dir = tempDir();
    const input = join(dir, "sample.xlsx");
    copyFileSync(SAMPLE, input);
    expect(cli("run", input, "--in-place", "-q").code).toBe(0);
    expect(cli("run", input, "--in-place", "-q").code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => /^Results/.test(n))).toEqual(["Results"]);
    expect(names).toEqual(expect.arrayContaining(["Notes", "Settings", "Inventory", "CEADs city totals", "Peaks", "Run info"]));
  });
});

describe("reference values", () => {
  const ref = value(runScenarios(changzhutanInput()));
  let wb: ExcelJS.Workbook;
  let json: {
    ok: boolean;
    peaks: { scenario: string; region: string; peakYear: number | null; status: string }[];
    record: { inputHash: string; version: string };
    targets: unknown[];
  };

  beforeAll(async () => {
    const out = join(tempDir(), "results.xlsx");
    const r = cli("run", SAMPLE, "-o", out, "--json", "--quiet");
    expect(r.code).toBe(0);
    json = JSON.parse(r.out);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  test("every Results cell equals the engine's emissions (Mt CO2)", () => {
    const rows = sheetRows(wb, "Results");
    expect(rows[0]).toEqual(["Scenario", "City", "Sector", "Year", "Emissions (Mt CO2)", "Basis"]);
    const expected = emissionRows(ref);
    expect(rows.length - 1).toBe(expected.length);
    expected.forEach((e, i) => {
      expect(rows[i + 1].slice(0, 4)).toEqual([e.scenario, e.city, e.sector, e.year]);
      // A gap in the measured history (株洲 2016–2018, 湘潭 2018: CEADs has no value) is a blank cell.
      expect(rows[i + 1][4]).toBe(Number.isNaN(e.emissions) ? undefined : e.emissions / MT);
    });
    expect(expected.filter((e) => Number.isNaN(e.emissions))).toHaveLength(3 * (3 + 1) * 8);
    expect(wb.getWorksheet("Results")!.getCell("E2").numFmt).toBe("#,##0.000");
  });

  test("every Peaks and Reductions cell equals the engine's", () => {
    const peaks = sheetRows(wb, "Peaks").slice(1);
    expect(peaks.length).toBe(ref.peaks.length);
    ref.peaks.forEach((p, i) => {
      const none = p.status === "rising" || p.status === "insufficient";
      expect(peaks[i]).toEqual([
        p.scenario,
        p.region,
        p.isCluster ? "cluster" : "city",
        none ? undefined : p.year,
        none ? undefined : p.value / MT,
        p.status,
        p.byTarget ? "yes" : "no",
        p.gapAfterTarget / MT,
        none ? undefined : p.plateauStart,
        p.firstYear,
        p.lastYear,
        p.points,
        p.flags.length > 0 ? p.flags.join(", ") : undefined, // an empty text cell reads back as no value
      ]);
    });
    const red = sheetRows(wb, "Reductions").slice(1);
    const expected = reductionRows(ref);
    expect(red.length).toBe(expected.length);
    // + 0: the engine's −0 (no reduction yet) is written as 0; Excel has no negative zero.
    expected.forEach((x, i) => expect(red[i]).toEqual([x.scenario, x.lever, x.sector, x.year, x.reduction / MT + 0]));
  });

  test("coordination benefit and the cluster trajectory chart data equal the engine's", () => {
    const Y = ref.years.length;
    const co = sheetRows(wb, "Coordination").slice(1);
    ref.sectors.forEach((s, si) => {
      for (let y = 0; y < Y; y++) expect(co[si * Y + y]).toEqual([s, ref.years[y], ...known(ref.coordination!.bySector[si * Y + y] / MT + 0)]);
    });
    const charts = sheetRows(wb, "Charts");
    expect(charts[0]).toEqual(["Year", ...ref.scenarios]);
    const totals = ref.emissions.map((e) => clusterTotal(ref, e));
    // A year the cluster has no total for (a member unmeasured: 2016–2018) is a blank row of the chart data.
    for (let y = 0; y < Y; y++) expect(charts[y + 1]).toEqual([ref.years[y], ...totals.flatMap((t) => known(t[y] / MT))]);
  });

  test("every Decomposition cell equals the app's LMDI decomposition of the engine's results (Mt CO2)", () => {
    const rows = sheetRows(wb, "Decomposition");
    // Kaya drivers in the sample: from the last historical year 2019 on the Kaya factors (docs/model.md §11).
    expect(rows[0]).toEqual([
      "Scenario",
      "City or cluster",
      "Type",
      "Emissions 2019 (Mt CO2)",
      "Emissions 2030 (Mt CO2)",
      "Population effect (Mt CO2)",
      "GDP per capita effect (Mt CO2)",
      "Structure effect (activity per GDP) (Mt CO2)",
      "Energy intensity effect (Mt CO2)",
      "Carbon intensity effect (Mt CO2)",
      "Levers effect (Mt CO2)",
      "Change 2019–2030 (Mt CO2)",
      "Check (effects − change) (Mt CO2)",
    ]);
    const expected = value(scenarioDecomposition(ref));
    expect(rows.length - 1).toBe(expected.length);
    expected.forEach((d, i) => {
      const k = d.kaya!;
      expect(rows[i + 1]).toEqual([
        d.scenario,
        d.region,
        d.isCluster ? "cluster" : "city",
        d.emissions0 / MT,
        d.emissions1 / MT,
        ...[k.population, k.gdpPerCapita, k.structure, k.energyIntensity, k.carbonIntensity, k.levers, d.total, d.residual].map((x) => x / MT + 0),
      ]);
    });
    expect(wb.getWorksheet("Decomposition")!.getCell("F2").numFmt).toBe("#,##0.000");
  });

  test("the printed peaks and the run record match the engine and package.json", () => {
    expect(json.peaks.map((p) => [p.scenario, p.region, p.peakYear, p.status])).toEqual(
      ref.peaks.map((p) => [p.scenario, p.region, p.status === "rising" ? null : p.year, p.status]),
    );
    expect(json.record.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(sheetRows(wb, "Run info")).toEqual(expect.arrayContaining([["Input hash (SHA-256)", json.record.inputHash]]));
  });

  test("the table output prints one row per city and cluster per scenario", () => {
    const r = cli("run", SAMPLE, "-o", join(tempDir(), "r.xlsx"), "-q");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/coordinated\s+长株潭 \(cluster\)/);
    // The peaks table comes first; the sample's targets follow under "Targets".
    const [peaks, targets] = r.out.split("\nTargets\n");
    expect(peaks.split("\n").filter((l) => /^(baseline|independent|coordinated)\s/.test(l))).toHaveLength(ref.peaks.length);
    expect(targets.split("\n").filter((l) => /^(baseline|independent|coordinated)\s/.test(l))).toHaveLength(json.targets.length);
  });
});
