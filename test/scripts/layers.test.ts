/**
 * The layers of src/ are enforced by ESLint (eslint.config.mjs; docs/design.md, Architecture): each
 * folder may import only the layers below it, and the engine and the app use neither DOM nor Node
 * globals. The probes are linted as if they were files of each folder (nothing is written).
 */
import { spawnSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
jest.setTimeout(180_000);

/**
 * Lints every probe `[path, code]` in one Node process (ESLint loads its .mjs config by a dynamic
 * import, which Jest's module sandbox refuses) and returns, per probe, "rule: message" lines (the
 * message's first sentence); then, for `files`, the layer rules' findings in those files of the tree.
 */
function lint(probes: readonly (readonly [string, string])[], files: readonly string[]): { probes: string[][]; files: string[] } {
  const script = `
    const { ESLint } = require("eslint");
    const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: input.root });
      const probes = [];
      for (const [path, code] of input.probes) {
        const [r] = await eslint.lintText(code, { filePath: require("path").join(input.root, path) });
        probes.push(r.messages.map((m) => m.ruleId + ": " + m.message.split(". ")[0]));
      }
      const results = await eslint.lintFiles(input.files);
      const files = results.flatMap((r) => r.messages.filter((m) => /^no-restricted-(imports|globals)$/.test(m.ruleId)).map((m) => r.filePath + ": " + m.message));
      process.stdout.write(JSON.stringify({ probes, files }));
    })();`;
  const r = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify({ root: ROOT, probes, files }),
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { probes: string[][]; files: string[] };
}

const ENGINE_IMPORTS =
  'import { runAndWrite } from "../app";\nimport type { WorkbookPort } from "../workbook/port";\nimport ExcelJS from "exceljs";\nimport { readFileSync } from "node:fs";\nimport { z } from "zod";\nexport const a = [runAndWrite, ExcelJS, readFileSync, z];\nexport type P = WorkbookPort;\n';
const GLOBALS = "export const a = () => [document.title, window, process.env, Buffer, __dirname, setTimeout, console, new TextEncoder()];\n";
const IMPORTS: readonly (readonly [string, string, boolean])[] = [
  ["src/functions/probe.ts", "../app", true],
  ["src/functions/probe.ts", "../workbook/port", true],
  ["src/functions/probe.ts", "../engine", false],
  ["src/workbook/probe.ts", "../app", true],
  ["src/workbook/probe.ts", "../functions/boundary", true],
  ["src/workbook/probe.ts", "../engine", false],
  ["src/samples/probe.ts", "../app", true],
  ["src/app/probe.ts", "../functions/boundary", true],
  ["src/app/probe.ts", "../cli/main", true],
  ["src/app/probe.ts", "../taskpane/strings", true],
  ["src/app/probe.ts", "../workbook/port", false],
  ["src/app/probe.ts", "../samples/changzhutan", false],
  ["src/taskpane/ui/probe.ts", "../../cli/main", true],
  ["src/taskpane/ui/probe.ts", "../../app", false],
  ["src/cli/probe.ts", "../taskpane/strings", true],
  ["src/cli/probe.ts", "../app", false],
];
const PANE_CLI_GLOBALS = "export const a = [process.argv, document.title];\n";

let found: { probes: string[][]; files: string[] };
beforeAll(() => {
  found = lint(
    [
      ["src/engine/probe.ts", ENGINE_IMPORTS],
      ["src/engine/probe.ts", GLOBALS],
      ["src/app/probe.ts", GLOBALS],
      ["src/taskpane/probe.ts", PANE_CLI_GLOBALS],
      ["src/cli/probe.ts", PANE_CLI_GLOBALS],
      ...IMPORTS.map(([file, from]) => [file, `import * as m from "${from}";\nexport const a = m;\n`] as const),
    ],
    ["src/**/*.ts"],
  );
});

describe("argument validation", () => {
  test("the engine imports nothing outside itself: no other layer, no package but zod, no Node module", () => {
    expect(found.probes[0]).toEqual([
      "no-restricted-imports: '../app' import is restricted from being used by a pattern",
      "no-restricted-imports: '../workbook/port' import is restricted from being used by a pattern",
      "no-restricted-imports: 'exceljs' import is restricted from being used by a pattern",
      "no-restricted-imports: 'node:fs' import is restricted from being used by a pattern",
    ]);
  });

  test("the engine and the app use neither DOM nor Node globals (timers, console and TextEncoder, which both have, are allowed)", () => {
    const expected = ["document", "window", "process", "Buffer", "__dirname"].map((g) => `no-restricted-globals: Unexpected use of '${g}'`);
    expect([found.probes[1], found.probes[2]]).toEqual([expected, expected]);
  });

  test("the task pane has no Node globals, the CLI no DOM globals", () => {
    expect([found.probes[3], found.probes[4]]).toEqual([
      ["no-restricted-globals: Unexpected use of 'process'"],
      ["no-restricted-globals: Unexpected use of 'document'"],
    ]);
  });

  test.each(IMPORTS.map((x, i) => [...x, i] as const))("%s importing %s is refused: %s", (_file, _from, refused, i) => {
    expect(found.probes[5 + i].some((p) => p.startsWith("no-restricted-imports"))).toBe(refused);
  });
});

describe("invariants", () => {
  test("src/ as it is passes the layer rules", () => {
    expect(found.files).toEqual([]);
  });
});
