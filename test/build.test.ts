/* The production build (dist/) and the webpack config that makes it.
 * The dist/ checks assume `npm run build` ran first (`npm test` does that). */

import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import vm from "vm";
import { validateManifest } from "../scripts/validate-manifest.cjs";
import { changzhutanInput } from "../src/samples/changzhutan";

jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: jest.fn() }));

const root = join(__dirname, "..");
const dist = join(root, "dist");

interface WebpackConfig {
  mode: string;
  devtool: string | false;
  entry: Record<string, string>;
  output: { path: string; filename: string };
  devServer?: {
    port: number;
    server: string | { type: string; options: Record<string, unknown> };
    headers: Record<string, string>;
  };
}
type ConfigFactory = ((env?: Record<string, unknown>, argv?: Record<string, unknown>) => Promise<WebpackConfig>) & {
  DEV_URL: string;
  DEFAULT_PROD_URL: string;
};

const configFactory = jest.requireActual<ConfigFactory>("../webpack.config.js");
const devCerts = jest.requireMock<{ getHttpsServerOptions: jest.Mock }>("office-addin-dev-certs");
const prodUrl = process.env.ADDIN_PROD_URL || configFactory.DEFAULT_PROD_URL;

/** Path of dist/<name>; throws a clear message when the build has not run. */
function distFile(name: string): string {
  const file = join(dist, name);
  if (!existsSync(file)) {
    throw new Error(`dist/${name} does not exist: run \`npm run build\` before these tests (\`npm test\` builds first).`);
  }
  return file;
}

function readDist(name: string): string {
  return readFileSync(distFile(name), "utf8");
}

/** The add-in's own URLs in a manifest (schema namespaces left out). */
function manifestUrls(xml: string): string[] {
  return (xml.match(/https?:\/\/[^"\s<]+/g) ?? []).filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
}

describe("dist/ after npm run build", () => {
  test.each(["manifest.xml", "functions.json", "functions.zh-CN.json", "functions.js", "taskpane.html", "taskpane.js", "mcworker.js"])(
    "dist/%s exists",
    (name) => {
      expect(readDist(name).length).toBeGreaterThan(0);
    },
  );

  test.each([16, 32, 64, 80])("dist/assets/icon-%i.png is copied", (size) => {
    expect(readFileSync(distFile(`assets/icon-${size}.png`))).toEqual(readFileSync(join(root, "assets", `icon-${size}.png`)));
  });

  test("dist/manifest.xml has no localhost at all and every URL on the production base", () => {
    const xml = readDist("manifest.xml");
    expect(xml).not.toMatch(/localhost/i);
    const urls = manifestUrls(xml);
    const source = manifestUrls(readFileSync(join(root, "manifest.xml"), "utf8"));
    expect(urls).toHaveLength(source.length);
    for (const u of urls) expect(u.startsWith(prodUrl)).toBe(true);
  });

  test("dist/manifest.xml passes the offline checks, with every URL mapping to a file in dist/", () => {
    expect(validateManifest(readDist("manifest.xml"), { baseDir: dist, checkAllUrls: true })).toEqual([]);
  });

  test("dist/taskpane.html loads office.js, then functions.js and taskpane.js, under a strict CSP", () => {
    const html = readDist("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
    expect(html).toMatch(/http-equiv=["']?Content-Security-Policy/);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(html).toContain("worker-src 'self';");
    expect(html).not.toMatch(/mcworker\.js/); // a worker, started by the pane, never a page script
    expect(html).not.toMatch(/unsafe-eval/);
  });

  test("functions.json lists the custom functions and functions.zh-CN.json has the same ids", () => {
    const en = JSON.parse(readDist("functions.json")) as { functions: { id: string }[] };
    const zh = JSON.parse(readDist("functions.zh-CN.json")) as { functions: { id: string }[] };
    expect(en.functions.length).toBeGreaterThan(0);
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
  });

  test("the Monte Carlo worker bundle validates and runs a scenario (zod parsing) without ever calling eval or new Function", () => {
    // Run dist/mcworker.js as a worker in a context where Function and eval are traps that record every
    // call, and where code generation from strings is refused outright, as under the pane's CSP.
    const calls: string[] = [];
    const posted: { type: string; result?: { ok: boolean } }[] = [];
    const scope: { onmessage?: (e: { data: unknown }) => void; postMessage: (m: { type: string }) => void } = { postMessage: (m) => posted.push(m) };
    const context = vm.createContext({ self: scope, console, __calls: calls }, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(
      `globalThis.Function = new Proxy(Function, { apply(t, self, args) { __calls.push("Function(" + args.join(",") + ")"); throw new EvalError("no Function"); }, construct(t, args) { __calls.push("new Function(" + args.join(",") + ")"); throw new EvalError("no Function"); } });
       globalThis.eval = function (code) { __calls.push("eval(" + code + ")"); throw new EvalError("no eval"); };`,
      context,
    );
    vm.runInContext(readDist("mcworker.js"), context, { filename: "mcworker.js" });
    scope.onmessage!({ data: { input: JSON.parse(JSON.stringify(changzhutanInput())), draws: 20, seed: 1, chunk: 10 } });
    expect(posted.map((m) => m.type)).toEqual(["progress", "progress", "done"]);
    expect(posted[2].result?.ok).toBe(true);
    expect(calls).toEqual([]);
  });

  test("bundles use no eval and the task pane never writes HTML", () => {
    const pane = readDist("taskpane.js");
    expect(pane).not.toMatch(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write/);
    for (const bundle of [pane, readDist("functions.js"), readDist("mcworker.js")]) {
      expect(bundle).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});

describe("webpack.config.js", () => {
  const savedProdUrl = process.env.ADDIN_PROD_URL;
  afterEach(() => {
    if (savedProdUrl === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = savedProdUrl;
    devCerts.getHttpsServerOptions.mockReset();
    jest.restoreAllMocks();
  });

  test("a plain build has stable file names, the three entries, and never asks for certificates", async () => {
    const config = await configFactory({}, { mode: "production" });
    expect(config.entry).toEqual({ functions: "./src/functions/functions.ts", taskpane: "./src/taskpane/taskpane.ts", mcworker: "./src/taskpane/mcworker.ts" });
    expect(config.output.filename).toBe("[name].js");
    expect(config.output.path).toBe(dist);
    expect(config.devServer).toBeUndefined();
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });

  test("the development build keeps source maps (and no eval devtool, which the CSP would block)", async () => {
    const config = await configFactory({}, { mode: "development" });
    expect(config.mode).toBe("development");
    expect(config.devtool).toBe("source-map");
  });

  test("webpack serve uses the trusted office-addin-dev-certs certificate when available", async () => {
    devCerts.getHttpsServerOptions.mockResolvedValue({ cert: "C", key: "K", ca: "A" });
    const config = await configFactory({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(config.devServer?.port).toBe(3000);
    expect(config.devServer?.headers).toEqual({ "Access-Control-Allow-Origin": "*" });
    expect(config.devServer?.server).toEqual({ type: "https", options: { cert: "C", key: "K", ca: "A" } });
  });

  test("webpack serve falls back to a self-signed certificate, with a one-line explanation", async () => {
    devCerts.getHttpsServerOptions.mockRejectedValue(new Error("Unable to install the CA certificate. sudo: not found\nmore"));
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const config = await configFactory({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(config.devServer?.server).toBe("https");
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0][0]);
    expect(message).not.toContain("\n");
    expect(message).toContain("sudo: not found");
    expect(message).toContain("npx office-addin-dev-certs install");
  });

  test.each([
    ["does not end with a slash", "https://example.org/addin", /end with "\/"/],
    ["is not https", "http://example.org/addin/", /https/],
    ["is not an absolute URL", "example.org/addin/", /not an absolute URL/],
  ])("ADDIN_PROD_URL is rejected when it %s", async (_why, url, message) => {
    process.env.ADDIN_PROD_URL = url;
    await expect(configFactory({}, { mode: "production" })).rejects.toThrow(message);
  });

  test("ADDIN_PROD_URL replaces every occurrence of the dev URL in a production build", () => {
    const out = mkdtempSync(join(tmpdir(), "carbon-build-"));
    const base = "https://addins.example.org/carbon/peak/";
    const r = spawnSync(process.execPath, [join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ADDIN_PROD_URL: base },
    });
    expect(r.status).toBe(0);
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/i);
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(base)).toBe(true);
    expect(validateManifest(xml, { baseDir: out, checkAllUrls: true })).toEqual([]);
  }, 120_000);
});
