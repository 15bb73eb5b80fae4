/* The offline manifest validator (scripts/validate-manifest.cjs) on the real manifest.xml, and on broken
 * copies made by small string edits, each of which must be reported with the expected problem code. */

import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pngSize, validateManifest, type ManifestProblem } from "../scripts/validate-manifest.cjs";
import { PROCESS_TEST_MS } from "./helpers/timeouts";

// Some tests here start node processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const root = join(__dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

function validate(xml: string): ManifestProblem[] {
  return validateManifest(xml, { baseDir: root });
}

function codes(problems: ManifestProblem[]): string[] {
  return [...new Set(problems.map((p) => p.code))].sort();
}

/** Replaces `from` (which must occur) with `to`, so a typo in a test cannot silently test nothing. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`test edit did not apply: ${String(from)}`);
  return out;
}

describe("manifest.xml", () => {
  test("passes every offline check", () => {
    expect(validate(manifest)).toEqual([]);
  });

  test("declares the shared runtime, the CARBON namespace and zh-CN strings", () => {
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="CARBON"/>');
    expect(manifest).toContain('<Override Locale="zh-CN" Value="城市群碳达峰分析"/>');
    expect(manifest).toContain('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  test("every URL uses the dev base https://localhost:3000/ (the build rewrites exactly these)", () => {
    const urls = manifest.match(/https?:\/\/[^"\s<]+/g) ?? [];
    const ownUrls = urls.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(ownUrls.length).toBeGreaterThan(5);
    for (const u of ownUrls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
  });

  test("still passes with the URL base moved to a production sub-path", () => {
    const prod = manifest.split("https://localhost:3000/").join("https://example.github.io/carbon/");
    expect(validate(prod)).toEqual([]);
  });
});

describe("broken manifests are reported", () => {
  test("malformed XML", () => {
    const p = validate(edit(manifest, "</DisplayName>", ""));
    expect(codes(p)).toEqual(["XML_MALFORMED"]);
    expect(p[0].message).toMatch(/not well-formed/);
  });

  test("dangling resid", () => {
    const p = validate(edit(manifest, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'));
    expect(codes(p)).toEqual(["RESID_DANGLING"]);
    expect(p[0].message).toContain('"Group.Missing"');
    expect(p[0].line).toBeGreaterThan(1);
  });

  test("resid naming a resource of the wrong kind", () => {
    const p = validate(edit(manifest, '<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'));
    expect(codes(p)).toEqual(["RESID_KIND"]);
  });

  test("resource id longer than 32 characters", () => {
    const long = "Functions.Namespace.Is.Far.Too.Long";
    const xml = manifest.split('"Functions.Namespace"').join(`"${long}"`);
    expect(xml).not.toBe(manifest);
    expect(codes(validate(xml))).toEqual(["RESID_TOO_LONG"]);
  });

  test("top-level elements out of schema order (Permissions before DefaultSettings)", () => {
    const perm = "  <Permissions>ReadWriteDocument</Permissions>\n";
    const xml = edit(edit(manifest, perm, ""), "  <DefaultSettings>", perm + "  <DefaultSettings>");
    const p = validate(xml);
    expect(codes(p)).toEqual(["ELEMENT_ORDER"]);
    expect(p[0].message).toMatch(/<DefaultSettings> must come before <Permissions>/);
  });

  test("Runtimes after AllFormFactors inside the Host", () => {
    const runtimes = /( *<Runtimes>[\s\S]*?<\/Runtimes>\n)/.exec(manifest)![1];
    const xml = edit(edit(manifest, runtimes, ""), "        <DesktopFormFactor>", runtimes + "        <DesktopFormFactor>");
    const p = validate(xml);
    expect(codes(p)).toEqual(["ELEMENT_ORDER"]);
    expect(p[0].message).toMatch(/Runtimes/);
  });

  test("VersionOverrides children out of order (Resources before Hosts)", () => {
    const resources = /( *<Resources>[\s\S]*<\/Resources>\n)/.exec(manifest)![1];
    const xml = edit(edit(manifest, resources, ""), "    <Hosts>\n      <Host xsi:type", resources + "    <Hosts>\n      <Host xsi:type");
    expect(codes(validate(xml))).toEqual(["ELEMENT_ORDER"]);
  });

  test("URL on another origin", () => {
    const xml = edit(manifest, "https://localhost:3000/functions.js", "https://cdn.example.com/functions.js");
    const p = validate(xml);
    expect(codes(p)).toEqual(["URL_ORIGIN"]);
    expect(p[0].message).toContain("https://cdn.example.com/functions.js");
  });

  test("plain http URL", () => {
    const xml = edit(manifest, 'DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"');
    expect(codes(validate(xml))).toEqual(["URL_NOT_HTTPS"]);
  });

  test("missing icon file", () => {
    const xml = edit(manifest, "assets/icon-80.png", "assets/icon-96.png");
    const p = validate(xml);
    expect(codes(p)).toEqual(["ICON_MISSING"]);
    expect(p[0].message).toContain("icon-96.png");
  });

  test("icon of the wrong size for its slot", () => {
    const xml = edit(manifest, '"https://localhost:3000/assets/icon-80.png"', '"https://localhost:3000/assets/icon-64.png"');
    const p = validate(xml);
    expect(codes(p)).toEqual(["ICON_SIZE"]);
    expect(p[0].message).toMatch(/64x64 px, expected 80x80/);
  });

  test("missing shared runtime (no <Runtimes>)", () => {
    const xml = edit(manifest, /( *<Runtimes>[\s\S]*?<\/Runtimes>\n)/, "");
    const p = validate(xml);
    expect(codes(p)).toEqual(["SHARED_RUNTIME"]);
    expect(p[0].message).toMatch(/lifetime="long"/);
  });

  test("missing SharedRuntime requirement set", () => {
    const xml = edit(manifest, '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>', '<bt:Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(codes(validate(xml))).toEqual(["SHARED_RUNTIME"]);
  });

  test("custom functions page not in the shared runtime", () => {
    const xml = edit(
      edit(manifest, /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page>\n              <SourceLocation resid="Functions.Page.Url"/>'),
      "      </bt:Urls>",
      '        <bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/functions.html"/>\n      </bt:Urls>',
    );
    const p = validate(xml);
    expect(codes(p)).toEqual(["SHARED_RUNTIME"]);
    expect(p[0].message).toMatch(/Page/);
  });

  test("short-lived runtime is not a shared runtime", () => {
    const xml = edit(manifest, 'lifetime="long"', 'lifetime="short"');
    expect(codes(validate(xml))).toContain("SHARED_RUNTIME");
  });

  test.each([
    ["starts with a digit", "9CARBON"],
    ["contains a hyphen", "CAR-BON"],
    ["contains a space", "CARBON PEAK"],
    ["longer than 32 characters", "C".repeat(33)],
    ["ends with a period", "CARBON."],
  ])("bad custom functions namespace: %s", (_why, ns) => {
    const xml = edit(manifest, 'DefaultValue="CARBON"', `DefaultValue="${ns}"`);
    const p = validate(xml);
    expect(codes(p)).toEqual(["NAMESPACE"]);
  });

  test("a dotted namespace is accepted", () => {
    expect(validate(edit(manifest, 'DefaultValue="CARBON"', 'DefaultValue="CARBON.PEAK"'))).toEqual([]);
  });

  test("Id that is not a GUID and a version that is not n.n.n.n", () => {
    let xml = edit(manifest, /<Id>[^<]*<\/Id>/, "<Id>carbon-peak</Id>");
    xml = edit(xml, /<Version>[^<]*<\/Version>/, "<Version>1.0</Version>");
    expect(codes(validate(xml))).toEqual(["ID", "VERSION"]);
  });

  test("Permissions beyond ReadWriteDocument", () => {
    const xml = edit(manifest, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>");
    expect(codes(validate(xml))).toEqual(["PERMISSIONS"]);
  });

  test("lesser permissions are accepted", () => {
    const xml = edit(manifest, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>");
    expect(validate(xml)).toEqual([]);
  });

  test("not a task pane add-in", () => {
    const xml = edit(manifest, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"');
    expect(codes(validate(xml))).toContain("ROOT");
  });

  test("no ribbon button opening the task pane", () => {
    const xml = edit(manifest, '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">');
    expect(codes(validate(xml))).toEqual(["TASKPANE_BUTTON"]);
  });

  test("requirement sets inside VersionOverrides without the bt: prefix", () => {
    const xml = edit(
      manifest,
      /<bt:Sets DefaultMinVersion="1.1">\s*<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>\s*<\/bt:Sets>/,
      '<Sets DefaultMinVersion="1.1"><Set Name="SharedRuntime" MinVersion="1.1"/></Sets>',
    );
    const c = codes(validate(xml));
    expect(c).toContain("REQUIREMENTS_NS");
    expect(c).toContain("SHARED_RUNTIME");
  });
});

describe("validate-manifest CLI", () => {
  const cli = join(root, "scripts", "validate-manifest.mjs");

  test("prints a summary and exits 0 on manifest.xml", () => {
    const out = execFileSync(process.execPath, [cli, "manifest.xml"], { cwd: root, encoding: "utf8" });
    expect(out).toMatch(/manifest OK/);
  });

  test("prints each problem and exits 1 on a broken manifest", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const file = join(dir, "manifest.xml");
    writeFileSync(file, edit(manifest, '<Label resid="Group.Label"/>', '<Label resid="Nope"/>'));
    const r = spawnSync(process.execPath, [cli, file, "--base-dir", root], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\[RESID_DANGLING\].*"Nope"/);
  });
});

describe("assets", () => {
  test.each([16, 32, 64, 80])("assets/icon-%i.png is a square PNG of that size", (size) => {
    expect(pngSize(readFileSync(join(root, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  test("committed icons are what scripts/make-icons.mjs draws", () => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "make-icons.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
