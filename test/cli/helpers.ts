/** Running the real `carbon-peak` command (node bin/carbon-peak.cjs) on .xlsx files in a temporary folder. */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";

export const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "carbon-peak.cjs");

/** Builds lib/ when a test run starts without it (npm test builds it first). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, "lib", "cli", "main.js"))) return;
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.cli.json")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build:cli failed: ${r.stdout}${r.stderr}`);
}

/** Runs the command; returns exit code, stdout, stderr. */
export function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "carbon-peak-"));
}

/** A workbook with plain sheets (rows of cells) written to `file`. */
export async function writeSheets(file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  }
  await wb.xlsx.writeFile(file);
}

/** Every cell value of every worksheet (hidden ones included), for comparisons. */
export function workbookValues(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.value instanceof Date ? cell.value.toISOString() : cell.value));
      rows[r - 1] = cells;
    });
    out[ws.name] = rows;
  });
  return out;
}

/** A .xlsx file read with ExcelJS. */
export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A worksheet's rows as arrays of cell values (column A first), for comparisons. */
export function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
