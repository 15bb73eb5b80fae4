/**
 * Real spreadsheet programs for fixtures: LibreOffice Calc (Debian `libreoffice-calc`, headless
 * `--convert-to xlsx`) and openpyxl (Debian `python3-openpyxl`), with the scripts in
 * test/fixtures/programs. `.ci/run` installs both; a test that needs one fails (it does not skip)
 * when it is missing, naming the package to install.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";

const SCRIPTS = join(__dirname, "..", "fixtures", "programs");

let python: string | undefined;

/** A Python 3 that imports openpyxl (Debian's /usr/bin/python3 first: a PATH python may lack it). */
export function openpyxlPython(): string {
  if (python) return python;
  for (const p of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(p, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (r.status === 0) return (python = p);
  }
  throw new Error("openpyxl is not installed: apt-get install python3-openpyxl (as .ci/run does)");
}

/** Runs a script of test/fixtures/programs with openpyxl's Python; returns its stdout. */
export function runPython(script: string, ...args: string[]): string {
  const r = spawnSync(openpyxlPython(), [join(SCRIPTS, script), ...args], { encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** openpyxl's version (fixtures record which program made them). */
export function openpyxlVersion(): string {
  return spawnSync(openpyxlPython(), ["-c", "import openpyxl; print(openpyxl.__version__)"], { encoding: "utf8" }).stdout.trim();
}

/** Every sheet of a workbook as openpyxl reads it: state, cells (formulas as text), chart count. */
export function openpyxlDump(file: string): { version: string; sheets: Record<string, { state: string; cells: unknown[][]; charts: number }> } {
  return JSON.parse(runPython("openpyxl_dump.py", file)) as ReturnType<typeof openpyxlDump>;
}

/** LibreOffice's version line ("LibreOffice 7.4.7.2 …"). */
export function libreOfficeVersion(): string {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 120_000 });
  if (r.error || r.status !== 0) throw new Error("LibreOffice is not installed: apt-get install libreoffice-calc (as .ci/run does)");
  return r.stdout.trim();
}

/**
 * Opens `file` in LibreOffice Calc (headless) and saves it as .xlsx into `outDir`; returns the new
 * file. Each jest worker uses its own LibreOffice profile, so workers do not wait on each other's lock.
 */
export function libreOfficeSave(file: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const profile = join(tmpdir(), `carbon-peak-lo-profile-${process.pid}`);
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, file], {
    encoding: "utf8",
    timeout: 300_000,
  });
  const out = join(outDir, `${basename(file, extname(file))}.xlsx`);
  if (r.error || r.status !== 0 || !existsSync(out))
    throw new Error(`LibreOffice could not save ${file} (${r.error?.message ?? r.status}): ${r.stderr} — apt-get install libreoffice-calc (as .ci/run does)`);
  return out;
}

/** The bytes of one part of an .xlsx (a ZIP entry), read with openpyxl's Python zipfile: an independent reader. */
export function zipPart(file: string, part: string): Buffer | undefined {
  const r = spawnSync(
    openpyxlPython(),
    [
      "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); n = sys.argv[2]; sys.stdout.buffer.write(z.read(n) if n in z.namelist() else b'')",
      file,
      part,
    ],
    { timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`zipfile: ${r.stderr}`);
  return r.stdout.length === 0 ? undefined : r.stdout;
}

/** The names of an .xlsx's ZIP entries, by Python's zipfile. */
export function zipNames(file: string): string[] {
  const r = spawnSync(openpyxlPython(), ["-c", "import sys, zipfile, json; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))", file], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`zipfile: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

/** A file's bytes. */
export const bytesOf = (file: string) => readFileSync(file);
