/** Reading and writing .xlsx files for the CLI (ExcelJS), failures as Issues. */
import { existsSync, mkdirSync } from "fs";
import { dirname } from "path";
import ExcelJS from "exceljs";
import { fail, issue, ok, type Result } from "../engine";

/**
 * Reads an .xlsx file into an ExcelJS workbook: `file_not_found` or `file_unreadable`.
 * @example const wb = await readWorkbook("samples/changzhutan.xlsx")
 */
export async function readWorkbook(file: string): Promise<Result<ExcelJS.Workbook>> {
  if (!existsSync(file)) return fail([issue("file_not_found", [], { file })]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    return fail([issue("file_unreadable", [], { file, detail: e instanceof Error ? e.message.split("\n")[0] : String(e) })]);
  }
  return ok(wb);
}

/** Writes a workbook to `file`, creating its folder. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<Result<void>> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    await wb.xlsx.writeFile(file);
  } catch (e) {
    return fail([issue("file_unwritable", [], { file, detail: e instanceof Error ? e.message.split("\n")[0] : String(e) })]);
  }
  return ok(undefined);
}
