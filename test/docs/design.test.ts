/**
 * docs/design.md stays true to the code: its function catalog lists every CARBON function the code
 * declares (and no other), its file map names every file of src/app and every folder of src/engine, and
 * no comment or test name points to the old external design ("DESIGN 3").
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const design = readFileSync(join(ROOT, "docs", "design.md"), "utf8");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe("invariants", () => {
  test("the function catalog (§4) lists exactly the functions src/functions/functions.ts declares", () => {
    const declared = [...readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8").matchAll(/@customfunction (\w+)/g)].map((m) => m[1]).sort();
    const section = design.slice(design.indexOf("## 4."), design.indexOf("## 5."));
    const listed = [...section.matchAll(/^\| ([A-Z]+) \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(declared);
  });

  test("the file map (§2.2) names every file of src/app and every folder of src/engine", () => {
    const map = design.slice(design.indexOf("### 2.2"), design.indexOf("### 2.3"));
    const app = readdirSync(join(ROOT, "src", "app")).filter((f) => f.endsWith(".ts") && f !== "index.ts");
    expect(app.filter((f) => !map.includes(f))).toEqual([]);
    const folders = readdirSync(join(ROOT, "src", "engine")).filter((f) => statSync(join(ROOT, "src", "engine", f)).isDirectory());
    expect(folders.filter((f) => !map.includes(`${f}/`))).toEqual([]);
  });

  test("no source file, test or doc points to the external design (DESIGN n, ../shared)", () => {
    const files = ["src", "test", "docs"].flatMap((d) => filesUnder(join(ROOT, d))).filter((f) => /\.(ts|md|json)$/.test(f) && !f.endsWith("design.test.ts"));
    const offending = files.filter((f) => /\bDESIGN\s*§?\d|\.\.\/shared\//.test(readFileSync(f, "utf8")));
    expect(offending).toEqual([]);
  });
});
