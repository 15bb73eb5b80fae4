// Writes samples/changzhutan.xlsx from the project's data (src/cli/sample.ts, compiled to lib/ by `npm run build:cli`).
// Run with `npm run sample`; test/cli/sample.test.ts checks the committed file against the generator cell by cell.
import { createRequire } from "module";
import { fileURLToPath } from "url";
import { dirname, join } from "path";
import { mkdirSync } from "fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { buildSampleWorkbook } = require(join(root, "lib", "cli", "sample.js"));

const built = await buildSampleWorkbook();
if (!built.ok) {
  console.error("make-sample: " + JSON.stringify(built.issues));
  process.exit(1);
}
const out = join(root, "samples", "changzhutan.xlsx");
mkdirSync(dirname(out), { recursive: true });
await built.value.xlsx.writeFile(out);
console.log("wrote " + out);
