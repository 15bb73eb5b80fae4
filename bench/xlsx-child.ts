/**
 * One measurement of bench/xlsx.bench.ts in its own process, so that its peak memory (maxRSS) is its
 * own: `node xlsx-child.js <peaks|floor|exceljs> <file.xlsx>` prints { ms, rssMb, cells? } as JSON.
 * - peaks: `carbon-peak peaks <file> --json` in this process (read, detect, every city's peak);
 * - floor: inflate the sheet part and count its cells — the least any reader of the file must do;
 * - exceljs: ExcelJS 4.4 `readFile` and a walk over the cells (the CLI's reader before the package adapter).
 */
import { readFileSync } from "fs";
import { performance } from "perf_hooks";
import { inflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { rawEntryData, readZip } from "../src/workbook/xlsx/zip";

async function measure(mode: string, file: string): Promise<{ ms: number; cells?: number; code?: number }> {
  const t0 = performance.now();
  if (mode === "peaks") {
    let printed = "";
    const code = await main(["peaks", file, "--json"], { out: (t) => void (printed += t), err: () => undefined });
    return { ms: performance.now() - t0, code, cells: (JSON.parse(printed) as unknown[]).length };
  }
  if (mode === "floor") {
    const zip = readZip(readFileSync(file));
    const e = zip.entries.find((x) => x.name === "xl/worksheets/sheet1.xml")!;
    const xml = inflateRawSync(rawEntryData(zip, e));
    let cells = 0;
    for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) cells++;
    return { ms: performance.now() - t0, cells };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let cells = 0;
  wb.worksheets[0].eachRow((row) => row.eachCell(() => void cells++));
  return { ms: performance.now() - t0, cells };
}

void measure(process.argv[2], process.argv[3]).then((r) => {
  process.stdout.write(`${JSON.stringify({ ...r, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
