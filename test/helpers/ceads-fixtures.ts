/**
 * The CEADs-shaped workbooks of test/fixtures/ceads/ (written by openpyxl from data/ — see
 * scripts/make-ceads-fixtures.py and docs/inventories.md; citations in data/README.md), read the
 * way the add-in reads a file (ExcelJS adapter), as grids.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import type { Grid } from "../../src/engine";
import { createExcelJsPort } from "../../src/workbook/exceljs";

/** Path of a fixture: "provincial-2019", "provincial-2015", "city" (and "city-libreoffice", the same re-saved by LibreOffice). */
export const fixturePath = (name: "provincial-2019" | "provincial-2015" | "city" | "city-libreoffice"): string => join(__dirname, "..", "fixtures", "ceads", `${name}.xlsx`);

/** Every sheet of an .xlsx file as a grid, in sheet order. */
export async function fileGrids(path: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const port = createExcelJsPort(wb);
  const grids = await port.readMany(wb.worksheets.map((w) => ({ kind: "range" as const, sheet: w.name })));
  if (!grids.ok) throw new Error(grids.issues.map((i) => i.code).join(", "));
  return [...grids.value];
}
