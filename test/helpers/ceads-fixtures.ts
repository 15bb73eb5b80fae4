/**
 * The CEADs-shaped workbooks of test/fixtures/ceads/ (written by openpyxl from data/ — see
 * scripts/make-ceads-fixtures.py and docs/inventories.md; citations in data/README.md), read the
 * way the CLI reads a file (the package adapter: exactly the cells and cached results the file holds), as grids.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Grid } from "../../src/engine";
import { createPackagePort } from "../../src/workbook/xlsx/store";

/** Path of a fixture: "provincial-2019", "provincial-2015", "city" (and "city-libreoffice", the same re-saved by LibreOffice). */
export const fixturePath = (name: "provincial-2019" | "provincial-2015" | "city" | "city-libreoffice"): string =>
  join(__dirname, "..", "fixtures", "ceads", `${name}.xlsx`);

/** Every sheet of an .xlsx file as a grid, in sheet order. */
export async function fileGrids(path: string): Promise<Grid[]> {
  const port = createPackagePort(readFileSync(path));
  const sheets = await port.listSheets();
  if (!sheets.ok) throw new Error(sheets.issues.map((i) => i.code).join(", "));
  const grids = await port.readMany(sheets.value.map((w) => ({ kind: "range" as const, sheet: w.name })));
  if (!grids.ok) throw new Error(grids.issues.map((i) => i.code).join(", "));
  return [...grids.value];
}
