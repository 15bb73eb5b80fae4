// ESLint flat config: @eslint/js + typescript-eslint recommended for TypeScript (src, test, bench), Node
// globals for scripts and config files. No eval in any form anywhere (docs/design.md, "Security").
//
// The layers (docs/design.md, "Architecture") are enforced here, per folder of src/:
//   engine    ← imports nothing outside itself (zod is its one package); neither DOM nor Node globals
//   functions ← the engine only
//   workbook  ← the engine only (Office.js globals in office.ts; exceljs)
//   samples   ← the engine only
//   app       ← the engine, the workbook port and the samples; neither DOM nor Node globals
//   taskpane  ← the app and below (browser globals, no Node); cli ← the app and below (Node globals, no DOM)
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const noEval = {
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
};

/** Names of the standard library and of what browsers and Node share (timers, console, URL, TextEncoder, …). */
const everywhere = new Set([...Object.keys(globals.es2021), ...Object.keys(globals["shared-node-browser"])]);
const only = (names) => [...new Set(names)].filter((n) => !everywhere.has(n));
/** Globals only a browser (DOM, Web Worker) has: window, document, navigator, self, HTMLElement, … */
const BROWSER_ONLY = only([...Object.keys(globals.browser), ...Object.keys(globals.worker)]);
/** Globals only Node has: process, Buffer, require, module, __dirname, … */
const NODE_ONLY = only([...Object.keys(globals.node), ...Object.keys(globals.nodeBuiltin)]);
const restrictGlobals = (names, why) => ["error", ...names.map((name) => ({ name, message: why }))];

/** An import of a sibling layer of src/ by relative path ("../app", "../../workbook/port"). */
const layer = (...names) => `^(\\.\\./)+(${names.join("|")})(/|$)`;
/** Node's built-in modules, with or without the node: prefix. */
const NODE_MODULES = `^(node:|(${["fs", "path", "os", "util", "child_process", "crypto", "url", "stream", "zlib", "events", "buffer", "worker_threads", "process"].join("|")})(/|$))`;
/** Any package but zod (a bare import other than "zod", or a Node built-in). */
const NOT_ZOD = "^(?!zod$)(?![./])";

/** no-restricted-imports with regex patterns and their messages. */
const restrictImports = (...patterns) => ["error", { patterns: patterns.map(([regex, message]) => ({ regex, message })) }];

export default tseslint.config(
  {
    ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "out/**", "**/*.min.js"],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      ...noEval,
      // Unused arguments are common in Office callbacks and custom-function signatures: allow a _ prefix.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  // A spread into push passes every item as an argument: a flood of issues (≥ 100,000 bad cells) overflows the stack.
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='push'] > SpreadElement",
          message: "use pushAll(target, items) from the engine: a spread into push overflows the stack for large arrays",
        },
      ],
    },
  },
  // --- layers of src/ ---
  {
    files: ["src/engine/**/*.ts"],
    languageOptions: { globals: { ...globals.es2021, ...globals["shared-node-browser"] } },
    rules: {
      "no-restricted-imports": restrictImports(
        [layer("app", "workbook", "functions", "taskpane", "cli", "samples"), "The engine imports nothing outside src/engine (docs/design.md, Architecture)."],
        [NOT_ZOD, "The engine uses no package but zod, and no Node module: plain numbers and typed records in."],
      ),
      "no-restricted-globals": restrictGlobals(
        [...BROWSER_ONLY, ...NODE_ONLY],
        "The engine runs in the pane, the worker and Node alike: no DOM or Node globals.",
      ),
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": restrictImports(
        [
          layer("app", "workbook", "taskpane", "cli", "samples"),
          "Function wrappers import the engine only: coerce, call the *Core, map issues in the one boundary.",
        ],
        [NODE_MODULES, "Custom functions run in Excel's JavaScript runtime: no Node modules."],
      ),
      "no-restricted-globals": restrictGlobals(NODE_ONLY, "Custom functions run in Excel's JavaScript runtime: no Node globals."),
    },
  },
  {
    files: ["src/workbook/**/*.ts", "src/samples/**/*.ts"],
    rules: {
      "no-restricted-imports": restrictImports([
        layer("app", "functions", "taskpane", "cli", "samples"),
        "The workbook adapters and the samples import the engine only.",
      ]),
    },
  },
  {
    files: [
      "src/workbook/office.ts",
      "src/workbook/batched-port.ts",
      "src/workbook/policy.ts",
      "src/workbook/port.ts",
      "src/workbook/store-port.ts",
      "src/workbook/store-sheet.ts",
      "src/workbook/memory.ts",
      "src/workbook/file-formula.ts",
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-globals": restrictGlobals(NODE_ONLY, "The Office adapter and what it shares run in Office's webview: no Node globals."),
    },
  },
  {
    files: ["src/app/**/*.ts"],
    languageOptions: { globals: { ...globals.es2021, ...globals["shared-node-browser"] } },
    rules: {
      "no-restricted-imports": restrictImports(
        [layer("functions", "taskpane", "cli"), "The app imports the engine, the workbook port and the samples only."],
        ["^(?![./])", "The app runs in the pane and in Node alike: no packages, no Node modules."],
      ),
      "no-restricted-globals": restrictGlobals([...BROWSER_ONLY, ...NODE_ONLY], "The app runs in the pane and in Node alike: no DOM or Node globals."),
    },
  },
  {
    files: ["src/taskpane/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      "no-restricted-imports": restrictImports(
        [layer("cli"), "The task pane uses the app and below, never the CLI."],
        [NODE_MODULES, "The task pane runs in Office's webview: no Node modules."],
      ),
      "no-restricted-globals": restrictGlobals(NODE_ONLY, "The task pane runs in Office's webview: no Node globals."),
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-restricted-imports": restrictImports([layer("taskpane"), "The CLI uses the app and below, never the task pane."]),
      "no-restricted-globals": restrictGlobals(BROWSER_ONLY, "The CLI runs in Node: no DOM globals."),
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    rules: {
      ...noEval,
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js"],
    languageOptions: { sourceType: "commonjs" },
  },
);
