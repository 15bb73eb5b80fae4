/**
 * Reading a 1,048,576-row inventory (Excel's row limit; bench/xlsx-inventory.ts) with the CLI:
 * `carbon-peak peaks` end to end — open the file, size guard, parse the sheet, detect the layout, every
 * city's peak — each measurement in its own process (bench/xlsx-child.ts) so peak memory is its own.
 * Baselines measured in the same run: the floor (inflate the sheet part and count its cells: what
 * any reader must do) and ExcelJS 4.4's `readFile` alone (the CLI's reader before the package adapter).
 * value/baseline: ms, or MB of peak resident memory.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { BenchResult } from "./harness";
import { ROWS, millionRowInventory } from "./xlsx-inventory";
import { readZip } from "../src/workbook/xlsx/zip";

const round = (x: number) => Math.round(x * 1000) / 1000;

function child(mode: string, file: string): { ms: number; rssMb: number; cells?: number; code?: number } | { failed: string } {
  const r = spawnSync(process.execPath, [join(__dirname, "xlsx-child.js"), mode, file], { encoding: "utf8", timeout: 900_000 });
  if (r.status !== 0) return { failed: `${mode}: exit ${r.status ?? r.signal}: ${(r.stderr || "").split("\n").filter(Boolean).slice(-1)[0] ?? ""}` };
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { ms: number; rssMb: number };
}

export async function xlsxBenchmarks(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "carbon-peak-bench-"));
  const file = join(dir, "inventory-1048576.xlsx");
  try {
    const bytes = millionRowInventory();
    writeFileSync(file, bytes);
    const sheetMb = readZip(bytes).entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!.size / 1e6;
    const what = `1,048,576-row inventory (${(statSync(file).size / 1e6).toFixed(0)} MB .xlsx, ${sheetMb.toFixed(0)} MB of sheet XML)`;
    const floor = child("floor", file);
    const peaks = child("peaks", file);
    const exceljs = child("exceljs", file);
    if ("failed" in floor) throw new Error(floor.failed);
    if ("failed" in peaks) throw new Error(peaks.failed);
    if (peaks.code !== 0) throw new Error(`peaks exited ${peaks.code}`);
    const out: BenchResult[] = [
      {
        name: `carbon-peak peaks on a ${what}: wall time vs the floor (inflate + count cells)`,
        value: round(peaks.ms),
        unit: "ms",
        baseline: round(floor.ms),
        ratio: round(peaks.ms / floor.ms),
      },
      {
        name: `carbon-peak peaks on a ${what}: peak memory (RSS) vs the floor's`,
        value: round(peaks.rssMb),
        unit: "MB",
        baseline: round(floor.rssMb),
        ratio: round(peaks.rssMb / floor.rssMb),
      },
    ];
    if ("failed" in exceljs) console.error(`bench: ExcelJS baseline failed (${exceljs.failed})`);
    else {
      out.push({
        name: `carbon-peak peaks on a ${what}: wall time vs ExcelJS 4.4 readFile alone (the reader before)`,
        value: round(peaks.ms),
        unit: "ms",
        baseline: round(exceljs.ms),
        ratio: round(peaks.ms / exceljs.ms),
      });
      out.push({
        name: `carbon-peak peaks on a ${what}: peak memory vs ExcelJS 4.4 readFile alone`,
        value: round(peaks.rssMb),
        unit: "MB",
        baseline: round(exceljs.rssMb),
        ratio: round(peaks.rssMb / exceljs.rssMb),
      });
    }
    console.log(`bench: ${ROWS} rows — floor ${JSON.stringify(floor)}, peaks ${JSON.stringify(peaks)}, exceljs ${JSON.stringify(exceljs)}`);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
