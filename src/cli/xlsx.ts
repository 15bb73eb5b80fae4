/**
 * Reading and writing .xlsx files for the CLI, failures as Issues.
 *
 * Reading goes through the package adapter (`src/workbook/xlsx`): the file's own cells, cached
 * formula results included, whichever program saved it. A password-protected file, a .csv or any
 * other non-workbook, a damaged or an oversized one each get their own message; nothing is read into
 * memory past the size limits (see `DEFAULT_LIMITS`).
 */
import { readFileSync, statSync } from "fs";
import ExcelJS from "exceljs";
import { fail, issue, ok, type Result } from "../engine";
import { IssueError } from "../workbook/policy";
import { PackageError } from "../workbook/xlsx/package";
import { createPackagePort, packageIssue, type PackagePort } from "../workbook/xlsx/store";
import { describeError, writeFileAtomic, type AtomicWriteOptions } from "./atomic";

/** Largest .xlsx file the CLI opens (the package's parts are then limited one by one). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Reads an .xlsx file into a port over its package: `file_not_found`, `file_not_xlsx`, `file_encrypted`,
 * `file_legacy_xls`, `file_corrupt`, `file_too_large` or `file_unreadable` when it cannot.
 * @example const wb = await readWorkbook("samples/changzhutan.xlsx"); if (wb.ok) await loadInventory(wb.value)
 */
export async function readWorkbook(file: string): Promise<Result<PackagePort>> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail([issue("file_is_folder", [], { file })]);
    size = st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return fail([issue("file_not_found", [], { file })]);
    return fail([issue("file_unreadable", [], { file, detail: errorText(e) })]);
  }
  if (size > MAX_FILE_BYTES) return fail([issue("file_too_large", [], { file, size, limit: MAX_FILE_BYTES })]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return fail([issue("file_unreadable", [], { file, detail: errorText(e) })]);
  }
  try {
    return ok(createPackagePort(bytes));
  } catch (e) {
    if (e instanceof PackageError) return fail([packageIssue(e, file)]);
    return fail([issue("file_unreadable", [], { file, detail: errorText(e) })]);
  }
}

/** Writes the workbook read by {@link readWorkbook}, with the run's changes, to `file` atomically. */
export async function writeWorkbook(wb: PackagePort, file: string, options: AtomicWriteOptions = {}): Promise<Result<void>> {
  let bytes: Buffer;
  try {
    bytes = wb.xlsx.save();
  } catch (e) {
    if (e instanceof IssueError) return fail([{ ...e.issue, file }]);
    return fail([issue("file_unwritable", [], { file, detail: errorText(e) })]);
  }
  return writeFileAtomic(file, bytes, options);
}

/** Writes a new ExcelJS workbook (the template) to `file` atomically. */
export async function writeNewWorkbook(wb: ExcelJS.Workbook, file: string, options: AtomicWriteOptions = {}): Promise<Result<void>> {
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    return fail([issue("file_unwritable", [], { file, detail: errorText(e) })]);
  }
  return writeFileAtomic(file, bytes, options);
}

const errorText = describeError;
