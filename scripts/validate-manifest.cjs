"use strict";
// Offline checks for the add-in only (XML) manifest of a task pane add-in with custom functions and a
// shared runtime. `office-addin-manifest validate` posts the manifest to an online service; this file needs
// no network. It is not a full XSD validation: it checks what has bitten Office add-in projects in practice
// (element order, dangling resids, shared-runtime wiring, URLs, icons, the custom-functions namespace).
//
//   const { validateManifest } = require("./validate-manifest.cjs");
//   const problems = validateManifest(xmlText, { baseDir });   // [] when the manifest is fine
//
// Each problem is { code, message, line? }. `baseDir` is where the URLs' files live: the repository root for
// ./manifest.xml (https://localhost:3000/assets/x.png -> <root>/assets/x.png) and dist/ for dist/manifest.xml.
// Options: checkAllUrls (also require that every non-image URL maps to an existing file under baseDir:
// use it on dist/ after a build).
//
// Schema facts used below come from the Office add-in manifest reference (learn.microsoft.com,
// "OfficeApp element", "TaskPaneApp complexType", "VersionOverrides 1.0 (task pane)", "Host", "Namespace",
// "Runtime", "Configure your Office Add-in to use a shared runtime") and [MS-OWEMXML].

const fs = require("node:fs");
const path = require("node:path");
const { SaxesParser } = require("saxes");

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  dsig: "http://www.w3.org/2000/09/xmldsig#",
};

// Children of OfficeApp xsi:type="TaskPaneApp", in schema order (OfficeApp base sequence, then the
// TaskPaneApp extension). IconUrl/HighResolutionIconUrl are formally optional but required for AppSource
// and by this project.
const OFFICEAPP_SEQUENCE = [
  ["Id", 1, 1],
  ["AlternateId", 0, 1],
  ["Version", 1, 1],
  ["ProviderName", 1, 1],
  ["DefaultLocale", 1, 1],
  ["DisplayName", 1, 1],
  ["Description", 1, 1],
  ["IconUrl", 1, 1],
  ["HighResolutionIconUrl", 1, 1],
  ["SupportUrl", 0, 1],
  ["AppDomains", 0, 1],
  ["Hosts", 0, 1],
  ["Requirements", 0, 1],
  ["DefaultSettings", 1, 1],
  ["Permissions", 1, 1],
  ["Dictionary", 0, 1],
  ["VersionOverrides", 0, 1],
];

// VersionOverrides (task pane 1.0): Description?, Requirements?, Hosts, Resources, WebApplicationInfo?,
// EquivalentAddins?, then optionally a nested VersionOverrides 1.1.
const VERSIONOVERRIDES_SEQUENCE = [
  ["Description", 0, 1],
  ["Requirements", 0, 1],
  ["Hosts", 1, 1],
  ["Resources", 1, 1],
  ["WebApplicationInfo", 0, 1],
  ["EquivalentAddins", 0, 1],
  ["VersionOverrides", 0, 1],
];

// Host inside VersionOverrides: Runtimes must come before AllFormFactors (the shared runtime will not load
// otherwise), DesktopFormFactor last.
const VO_HOST_SEQUENCE = [
  ["Runtimes", 0, 1],
  ["AllFormFactors", 0, 1],
  ["DesktopFormFactor", 0, 1],
];

const DESKTOP_FORMFACTOR_SEQUENCE = [
  ["GetStarted", 0, 1],
  ["FunctionFile", 0, 1],
  ["ExtensionPoint", 0, Infinity],
];

const CUSTOMFUNCTIONS_SEQUENCE = [
  ["Script", 1, 1],
  ["Page", 1, 1],
  ["Metadata", 1, 1],
  ["Namespace", 1, 1],
];

const RESOURCES_SEQUENCE = [
  ["Images", 0, 1],
  ["Urls", 0, 1],
  ["ShortStrings", 0, 1],
  ["LongStrings", 0, 1],
];

// Resource groups inside <Resources> and the kind of resource they hold.
const RESOURCE_GROUPS = { Images: "Image", Urls: "Url", ShortStrings: "ShortString", LongStrings: "LongString" };
const RESOURCE_ITEM = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" };
const MAX_LENGTH = { ShortString: 125, LongString: 250, Url: 2048, Image: 2048 };

// Which resource kind an element's resid must point to (by the element's local name).
const RESID_KIND = {
  Runtime: "Url",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Image: "Image",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^(0|[1-9][0-9]{0,4})(\.(0|[1-9][0-9]{0,4})){3}$/;
const CULTURE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
// Custom-function namespace: Office documents at most 32 characters; the characters follow the rules for
// function ids (a letter first, then letters, digits, periods and underscores; no trailing period).
const NAMESPACE = /^[A-Za-z][A-Za-z0-9_.]*$/;
const MAX_RESID = 32;

// ---------------------------------------------------------------- XML tree

function parseXml(xmlText) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root = { local: "#document", uri: "", attrs: [], children: [], text: "", line: 0, parent: null };
  let current = root;
  let error = null;
  parser.on("error", (err) => {
    error = err;
    throw err;
  });
  parser.on("opentag", (node) => {
    const attrs = Object.values(node.attributes).map((a) => ({
      name: a.name,
      local: a.local,
      uri: a.uri,
      value: a.value,
    }));
    const el = { local: node.local, uri: node.uri, name: node.name, attrs, children: [], text: "", line: parser.line, parent: current };
    current.children.push(el);
    current = el;
  });
  parser.on("text", (t) => {
    current.text += t;
  });
  parser.on("cdata", (t) => {
    current.text += t;
  });
  parser.on("closetag", () => {
    current = current.parent;
  });
  try {
    parser.write(xmlText).close();
  } catch (err) {
    return { error: error || err };
  }
  const elements = root.children;
  if (elements.length !== 1) return { error: new Error("expected exactly one root element") };
  return { root: elements[0] };
}

function attr(el, local, uri = "") {
  const a = el.attrs.find((x) => x.local === local && x.uri === uri);
  return a ? a.value : undefined;
}

function xsiType(el) {
  const t = attr(el, "type", NS.xsi);
  return t === undefined ? undefined : t.replace(/^.*:/, "");
}

function kids(el, local, uri) {
  return el.children.filter((c) => (local === undefined || c.local === local) && (uri === undefined || c.uri === uri));
}

function kid(el, local, uri) {
  return kids(el, local, uri)[0];
}

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function pathOf(el) {
  const parts = [];
  for (let e = el; e && e.local !== "#document"; e = e.parent) parts.unshift(e.local);
  return parts.join("/");
}

// ---------------------------------------------------------------- PNG

/** Width and height from a PNG's IHDR, or null if the bytes are not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b) || buf.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------- checks, one function per section
// Each takes `report(code, message, el)` and what earlier sections found; the order of the sections is the
// order of the problems.

/** The children of `parent` against a schema sequence: unknown, repeated, out of order, missing. */
function checkSequence(report, parent, sequence, label) {
  const names = sequence.map((s) => s[0]);
  const counts = new Map();
  let lastIndex = -1;
  let lastName = null;
  for (const child of parent.children) {
    if (child.uri === NS.dsig) continue; // an XML signature may follow
    const idx = names.indexOf(child.local);
    if (idx < 0) {
      report("ELEMENT_UNKNOWN", `<${child.name}> is not allowed inside ${label} (allowed, in order: ${names.join(", ")})`, child);
      continue;
    }
    counts.set(child.local, (counts.get(child.local) || 0) + 1);
    if (counts.get(child.local) > sequence[idx][2]) {
      report("ELEMENT_REPEATED", `<${child.local}> may appear at most ${sequence[idx][2]} time(s) inside ${label}`, child);
    }
    if (idx < lastIndex) {
      report("ELEMENT_ORDER", `<${child.local}> must come before <${lastName}> inside ${label} (schema order: ${names.join(", ")})`, child);
    } else {
      lastIndex = idx;
      lastName = child.local;
    }
  }
  for (const [name, min] of sequence) {
    if (min > 0 && !counts.has(name)) report("ELEMENT_MISSING", `${label} is missing required <${name}>`, parent);
  }
}

/** The root element: OfficeApp in its namespace, xsi:type TaskPaneApp. False when nothing else can be checked. */
function checkRoot(report, root) {
  if (root.local !== "OfficeApp" || root.uri !== NS.officeApp) {
    report("ROOT", `root element must be OfficeApp in namespace ${NS.officeApp} (found ${root.name} in "${root.uri}")`, root);
    return false;
  }
  if (xsiType(root) !== "TaskPaneApp") {
    report("ROOT", `OfficeApp must have xsi:type="TaskPaneApp" (found ${JSON.stringify(xsiType(root) ?? null)})`, root);
  }
  return true;
}

/** OfficeApp's own children: their order, Id, Version, DefaultLocale, Permissions, Hosts, locales, names. */
function checkOfficeApp(report, root) {
  checkSequence(report, root, OFFICEAPP_SEQUENCE, "<OfficeApp>");

  const text = (el) => (el ? el.text.trim() : "");
  const idEl = kid(root, "Id", NS.officeApp);
  if (idEl && !GUID.test(text(idEl))) report("ID", `<Id> must be a GUID (found ${JSON.stringify(text(idEl))})`, idEl);
  const versionEl = kid(root, "Version", NS.officeApp);
  if (versionEl && !VERSION.test(text(versionEl))) {
    report("VERSION", `<Version> must have the form n.n.n.n (found ${JSON.stringify(text(versionEl))})`, versionEl);
  }
  const localeEl = kid(root, "DefaultLocale", NS.officeApp);
  if (localeEl && !CULTURE.test(text(localeEl))) {
    report("LOCALE", `<DefaultLocale> is not a culture name such as en-US (found ${JSON.stringify(text(localeEl))})`, localeEl);
  }
  const permEl = kid(root, "Permissions", NS.officeApp);
  if (permEl && !PERMISSIONS.includes(text(permEl))) {
    report("PERMISSIONS", `<Permissions> must be one of ${PERMISSIONS.join(", ")} (found ${JSON.stringify(text(permEl))})`, permEl);
  }
  const baseHosts = kid(root, "Hosts", NS.officeApp);
  if (baseHosts && !kids(baseHosts, "Host").some((h) => attr(h, "Name") === "Workbook")) {
    report("HOST", `<Hosts> must contain <Host Name="Workbook"/> (Excel)`, baseHosts);
  }
  for (const el of walk(root)) {
    if (el.local === "Override" && attr(el, "Locale") !== undefined && !CULTURE.test(attr(el, "Locale"))) {
      report("LOCALE", `<${el.name}> has an invalid Locale ${JSON.stringify(attr(el, "Locale"))}`, el);
    }
  }
  for (const name of ["DisplayName", "Description"]) {
    const el = kid(root, name, NS.officeApp);
    if (el && !attr(el, "DefaultValue")) report("ELEMENT_MISSING", `<${name}> needs a DefaultValue`, el);
  }
}

/** VersionOverrides: present, its namespace and type, its children. Undefined when it is missing. */
function checkVersionOverrides(report, root) {
  const vo = kid(root, "VersionOverrides");
  if (!vo) {
    report("VERSIONOVERRIDES", "no <VersionOverrides>: the ribbon button, the custom functions and the shared runtime all live there", root);
    return undefined;
  }
  if (vo.uri !== NS.ov) report("VERSIONOVERRIDES", `<VersionOverrides> must be in namespace ${NS.ov} (found "${vo.uri}")`, vo);
  if (xsiType(vo) !== "VersionOverridesV1_0") {
    report(
      "VERSIONOVERRIDES",
      `<VersionOverrides> of a TaskPaneApp must have xsi:type="VersionOverridesV1_0" (found ${JSON.stringify(xsiType(vo) ?? null)})`,
      vo,
    );
  }
  checkSequence(report, vo, VERSIONOVERRIDES_SEQUENCE, "<VersionOverrides>");
  return vo;
}

/** The Resources: groups and items, ids, values and their lengths. Returns id → { kind, values, el }. */
function readResources(report, vo) {
  const resources = new Map(); // id -> { kind, values: [{value, el}], el }
  const resourcesEl = kid(vo, "Resources");
  if (resourcesEl) {
    checkSequence(report, resourcesEl, RESOURCES_SEQUENCE, "<Resources>");
    for (const group of resourcesEl.children) {
      const kind = RESOURCE_GROUPS[group.local];
      if (!kind) continue;
      if (group.uri !== NS.bt) report("RESOURCE_NS", `<${group.name}> must be in the bt: namespace (${NS.bt})`, group);
      for (const item of group.children) {
        if (item.local !== RESOURCE_ITEM[group.local] || item.uri !== NS.bt) {
          report("ELEMENT_UNKNOWN", `<${item.name}> is not allowed inside <${group.name}> (expected bt:${RESOURCE_ITEM[group.local]})`, item);
          continue;
        }
        const id = attr(item, "id");
        if (!id) {
          report("RESOURCE_ID", `<${item.name}> in <${group.name}> has no id`, item);
          continue;
        }
        if (id.length > MAX_RESID) report("RESID_TOO_LONG", `resource id "${id}" is ${id.length} characters long (at most ${MAX_RESID})`, item);
        if (resources.has(id)) report("RESOURCE_DUPLICATE", `resource id "${id}" is defined more than once`, item);
        const values = [];
        const dv = attr(item, "DefaultValue");
        if (dv === undefined) report("RESOURCE_VALUE", `resource "${id}" has no DefaultValue`, item);
        else values.push({ value: dv, el: item, locale: null });
        for (const ov of kids(item, "Override")) {
          if (ov.uri !== NS.bt) report("RESOURCE_NS", `<${ov.name}> inside resource "${id}" must be bt:Override`, ov);
          const v = attr(ov, "Value");
          if (v === undefined) report("RESOURCE_VALUE", `an override of resource "${id}" has no Value`, ov);
          else values.push({ value: v, el: ov, locale: attr(ov, "Locale") ?? null });
        }
        for (const { value, el } of values) {
          if (value.length > MAX_LENGTH[kind]) {
            report("RESOURCE_TOO_LONG", `${kind} "${id}" is ${value.length} characters long (at most ${MAX_LENGTH[kind]})`, el);
          }
        }
        resources.set(id, { kind, values, el: item });
      }
    }
  }
  return resources;
}

/** Every resid names a resource of the right kind. */
function checkResidReferences(report, root, resources) {
  for (const el of walk(root)) {
    const resid = attr(el, "resid");
    if (resid === undefined) continue;
    if (resid.length > MAX_RESID) report("RESID_TOO_LONG", `resid "${resid}" on <${el.name}> is ${resid.length} characters long (at most ${MAX_RESID})`, el);
    const res = resources.get(resid);
    if (!res) {
      report("RESID_DANGLING", `resid "${resid}" on <${el.name}> (${pathOf(el)}) does not match any resource in <Resources>`, el);
      continue;
    }
    const want = RESID_KIND[el.local];
    if (want && res.kind !== want) {
      report(
        "RESID_KIND",
        `resid "${resid}" on <${el.name}> must name a bt:${want === "ShortString" || want === "LongString" ? `String in bt:${want}s` : want} but names a ${res.kind}`,
        el,
      );
    }
  }
}

/** VersionOverrides/Requirements in the bt: namespace, and the SharedRuntime requirement set declared. */
function checkRequirements(report, root, vo) {
  const sharedRuntimeSet = (reqEl, setsNs) => {
    if (!reqEl) return false;
    return kids(reqEl, "Sets").some((sets) => sets.uri === setsNs && kids(sets, "Set").some((s) => s.uri === setsNs && attr(s, "Name") === "SharedRuntime"));
  };
  const voReq = kid(vo, "Requirements");
  if (voReq) {
    for (const sets of kids(voReq, "Sets")) {
      if (sets.uri !== NS.bt) report("REQUIREMENTS_NS", `<Sets> inside VersionOverrides/Requirements must be bt:Sets`, sets);
      for (const s of kids(sets, "Set")) {
        if (s.uri !== NS.bt) report("REQUIREMENTS_NS", `<Set> inside VersionOverrides/Requirements must be bt:Set`, s);
      }
    }
  }
  if (!sharedRuntimeSet(voReq, NS.bt) && !sharedRuntimeSet(kid(root, "Requirements", NS.officeApp), NS.officeApp)) {
    report(
      "SHARED_RUNTIME",
      `the SharedRuntime 1.1 requirement set is not declared (VersionOverrides/Requirements/bt:Sets/bt:Set Name="SharedRuntime")`,
      voReq || vo,
    );
  }
}

/**
 * The Workbook hosts: shared runtime before AllFormFactors, the custom functions extension point and its
 * namespace, the task pane button, everything on the shared runtime's resid. Returns that resid (or null).
 */
function checkHosts(report, vo, resources) {
  const voHosts = kid(vo, "Hosts");
  const workbookHosts = voHosts ? kids(voHosts, "Host").filter((h) => xsiType(h) === "Workbook") : [];
  if (voHosts && workbookHosts.length === 0) report("HOST", `VersionOverrides/Hosts has no <Host xsi:type="Workbook">`, voHosts);

  let taskpaneResid = null;
  for (const host of workbookHosts) {
    checkSequence(report, host, VO_HOST_SEQUENCE, `<Host xsi:type="Workbook">`);
    const runtimes = kid(host, "Runtimes");
    const runtime = runtimes ? kids(runtimes, "Runtime").find((r) => attr(r, "lifetime") === "long") : undefined;
    if (!runtime) {
      report(
        "SHARED_RUNTIME",
        `no shared runtime: <Host xsi:type="Workbook"> needs <Runtimes><Runtime resid="..." lifetime="long"/></Runtimes> before <AllFormFactors>`,
        host,
      );
    }
    const runtimeResid = runtime ? attr(runtime, "resid") : undefined;
    if (runtimeResid) taskpaneResid = runtimeResid;

    // Custom functions extension point.
    const cfPoints = [];
    const showTaskpanes = [];
    for (const el of walk(host)) {
      if (el.local === "ExtensionPoint" && xsiType(el) === "CustomFunctions") cfPoints.push(el);
      if (el.local === "Action" && xsiType(el) === "ShowTaskpane") showTaskpanes.push(el);
    }
    if (cfPoints.length === 0) report("CUSTOM_FUNCTIONS", `no <ExtensionPoint xsi:type="CustomFunctions"> in <Host xsi:type="Workbook">`, host);
    for (const cf of cfPoints) {
      if (cf.parent.local !== "AllFormFactors") report("CUSTOM_FUNCTIONS", `the CustomFunctions extension point must be inside <AllFormFactors>`, cf);
      checkSequence(report, cf, CUSTOMFUNCTIONS_SEQUENCE, `<ExtensionPoint xsi:type="CustomFunctions">`);
      const page = kid(cf, "Page");
      const pageLoc = page ? kid(page, "SourceLocation") : undefined;
      if (runtimeResid && pageLoc && attr(pageLoc, "resid") !== runtimeResid) {
        report(
          "SHARED_RUNTIME",
          `CustomFunctions <Page> SourceLocation resid "${attr(pageLoc, "resid")}" must be the shared runtime's resid "${runtimeResid}"`,
          pageLoc,
        );
      }
      const ns = kid(cf, "Namespace");
      const nsRes = ns ? resources.get(attr(ns, "resid") || "") : undefined;
      if (nsRes && nsRes.kind === "ShortString") {
        for (const { value, el } of nsRes.values) {
          if (!NAMESPACE.test(value) || value.endsWith(".") || value.length > 32) {
            report(
              "NAMESPACE",
              `custom functions namespace ${JSON.stringify(value)} is invalid: use 1-32 letters, digits, periods or underscores, starting with a letter`,
              el,
            );
          }
        }
      }
    }
    if (showTaskpanes.length === 0) report("TASKPANE_BUTTON", `no ribbon control with <Action xsi:type="ShowTaskpane"> opens the task pane`, host);
    for (const action of showTaskpanes) {
      const loc = kid(action, "SourceLocation");
      if (!loc) {
        report("TASKPANE_BUTTON", `<Action xsi:type="ShowTaskpane"> has no <SourceLocation>`, action);
      } else if (runtimeResid && attr(loc, "resid") !== runtimeResid) {
        report("SHARED_RUNTIME", `ShowTaskpane SourceLocation resid "${attr(loc, "resid")}" must be the shared runtime's resid "${runtimeResid}"`, loc);
      }
    }
    for (const el of walk(host)) {
      if (el.local === "FunctionFile" && runtimeResid && attr(el, "resid") !== runtimeResid) {
        report("SHARED_RUNTIME", `<FunctionFile> resid "${attr(el, "resid")}" must be the shared runtime's resid "${runtimeResid}"`, el);
      }
    }
    const dff = kid(host, "DesktopFormFactor");
    if (dff) checkSequence(report, dff, DESKTOP_FORMFACTOR_SEQUENCE, "<DesktopFormFactor>");
  }
  return taskpaneResid;
}

/** The task pane's base URL (the shared runtime's Url resource, else DefaultSettings/SourceLocation), or null. */
function taskpaneBase(root, resources, taskpaneResid) {
  const defaultSettings = kid(root, "DefaultSettings", NS.officeApp);
  const defaultSource = defaultSettings ? kid(defaultSettings, "SourceLocation", NS.officeApp) : undefined;
  let taskpaneUrl = null;
  if (taskpaneResid && resources.get(taskpaneResid) && resources.get(taskpaneResid).kind === "Url") {
    taskpaneUrl = resources.get(taskpaneResid).values[0].value;
  } else if (defaultSource) {
    taskpaneUrl = attr(defaultSource, "DefaultValue") || null;
  }
  let base;
  try {
    base = taskpaneUrl ? new URL(".", taskpaneUrl) : null;
  } catch {
    base = null;
  }
  return base;
}

/** Every URL of the manifest with what it is, and for icons the sizes asked for: { value, el, what, image? }. */
function manifestUrls(root, vo, resources) {
  const defaultSettings = kid(root, "DefaultSettings", NS.officeApp);
  const defaultSource = defaultSettings ? kid(defaultSettings, "SourceLocation", NS.officeApp) : undefined;
  const urls = []; // { value, el, what, image?: {expected?: number} }
  const pushLocaleAware = (el, what, image) => {
    if (!el) return;
    const dv = attr(el, "DefaultValue");
    if (dv !== undefined) urls.push({ value: dv, el, what, image });
    for (const ov of kids(el, "Override")) {
      const v = attr(ov, "Value");
      if (v !== undefined) urls.push({ value: v, el: ov, what: `${what} (${attr(ov, "Locale")})`, image });
    }
  };
  pushLocaleAware(kid(root, "IconUrl", NS.officeApp), "IconUrl", { expected: 32 });
  pushLocaleAware(kid(root, "HighResolutionIconUrl", NS.officeApp), "HighResolutionIconUrl", { expected: 64 });
  pushLocaleAware(kid(root, "SupportUrl", NS.officeApp), "SupportUrl");
  pushLocaleAware(defaultSource, "DefaultSettings/SourceLocation");
  // Image sizes requested by <bt:Image size="n" resid="..."/> references.
  const requestedSizes = new Map();
  for (const el of walk(vo)) {
    if (el.local === "Image" && el.uri === NS.bt && attr(el, "resid") && attr(el, "size")) {
      const set = requestedSizes.get(attr(el, "resid")) || new Set();
      set.add(Number(attr(el, "size")));
      requestedSizes.set(attr(el, "resid"), set);
    }
  }
  for (const [id, res] of resources) {
    if (res.kind !== "Url" && res.kind !== "Image") continue;
    for (const { value, el, locale } of res.values) {
      const what = `resource "${id}"${locale ? ` (${locale})` : ""}`;
      if (res.kind === "Image") {
        const sizes = requestedSizes.get(id);
        urls.push({ value, el, what, image: { sizes: sizes ? [...sizes] : [] } });
      } else {
        urls.push({ value, el, what });
      }
    }
  }
  return urls;
}

/** One URL: absolute, https, on the task pane's origin; an icon (or with checkAllUrls any file) present, PNG, of the size asked for. */
function checkUrl(report, u, base, baseDir, options) {
  const origin = base ? base.origin : null;
  let url;
  try {
    url = new URL(u.value);
  } catch {
    report("URL", `${u.what}: ${JSON.stringify(u.value)} is not an absolute URL`, u.el);
    return;
  }
  if (url.protocol !== "https:") {
    report("URL_NOT_HTTPS", `${u.what}: ${u.value} must use https`, u.el);
    return;
  }
  if (origin && url.origin !== origin) {
    report("URL_ORIGIN", `${u.what}: ${u.value} is not on the task pane's origin ${origin}`, u.el);
    return;
  }
  if (!base) return;
  const isImage = Boolean(u.image);
  if (!isImage && !options.checkAllUrls) return;
  if (!url.pathname.startsWith(base.pathname)) {
    report(isImage ? "ICON_MISSING" : "FILE_MISSING", `${u.what}: ${u.value} is outside the add-in's base URL ${base.href}`, u.el);
    return;
  }
  const rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
  const file = path.join(baseDir, ...rel.split("/"));
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    report(isImage ? "ICON_MISSING" : "FILE_MISSING", `${u.what}: ${u.value} -> ${path.relative(process.cwd(), file) || file} does not exist`, u.el);
    return;
  }
  if (!isImage) return;
  const size = pngSize(fs.readFileSync(file));
  if (!size) {
    report("ICON_NOT_PNG", `${u.what}: ${file} is not a PNG file`, u.el);
    return;
  }
  const expected = new Set();
  const m = /(?:^|[^0-9])(\d{2,3})(?:x(\d{2,3}))?\.png$/i.exec(rel);
  if (m) expected.add(Number(m[1]));
  if (u.image.expected) expected.add(u.image.expected);
  for (const s of u.image.sizes || []) expected.add(s);
  for (const e of expected) {
    if (size.width !== e || size.height !== e) {
      report("ICON_SIZE", `${u.what}: ${rel} is ${size.width}x${size.height} px, expected ${e}x${e}`, u.el);
    }
  }
}

/** Every URL of the manifest (see {@link checkUrl}). */
function checkUrls(report, root, vo, resources, taskpaneResid, baseDir, options) {
  const base = taskpaneBase(root, resources, taskpaneResid);
  const urls = manifestUrls(root, vo, resources);
  if (!base) report("URL", `cannot determine the task pane URL (shared runtime resid or DefaultSettings/SourceLocation)`, vo);
  for (const u of urls) checkUrl(report, u, base, baseDir, options);
}

/**
 * Every problem of a manifest (see the file comment): [] when it is fine.
 * @example validateManifest(readFileSync("manifest.xml", "utf8"), { baseDir: "." }) // []
 */
function validateManifest(xmlText, options = {}) {
  const baseDir = options.baseDir === undefined ? process.cwd() : options.baseDir;
  const problems = [];
  const report = (code, message, el) => {
    const p = { code, message: el && el.line ? `line ${el.line}: ${message}` : message };
    if (el && el.line) p.line = el.line;
    problems.push(p);
  };

  const parsed = parseXml(xmlText);
  if (parsed.error) {
    report("XML_MALFORMED", `not well-formed XML: ${parsed.error.message}`);
    return problems;
  }
  const root = parsed.root;
  if (!checkRoot(report, root)) return problems;
  checkOfficeApp(report, root);
  const vo = checkVersionOverrides(report, root);
  if (!vo) return problems;
  const resources = readResources(report, vo);
  checkResidReferences(report, root, resources);
  checkRequirements(report, root, vo);
  const taskpaneResid = checkHosts(report, vo, resources);
  checkUrls(report, root, vo, resources, taskpaneResid, baseDir, options);
  return problems;
}

function formatProblem(p) {
  return typeof p === "string" ? p : `[${p.code}] ${p.message}`;
}

/** A short summary of a manifest that passed: id, version, task pane URL, resource count. */
function summarizeManifest(xmlText) {
  const parsed = parseXml(xmlText);
  if (parsed.error) return "";
  const root = parsed.root;
  const t = (name) => {
    const el = kid(root, name, NS.officeApp);
    return el ? el.text.trim() : "?";
  };
  const ds = kid(root, "DefaultSettings", NS.officeApp);
  const src = ds ? kid(ds, "SourceLocation", NS.officeApp) : undefined;
  let resources = 0;
  for (const el of walk(root)) if (el.uri === NS.bt && attr(el, "id") !== undefined) resources++;
  return `Id ${t("Id")}, Version ${t("Version")}, task pane ${src ? attr(src, "DefaultValue") : "?"}, ${resources} resources`;
}

module.exports = { validateManifest, formatProblem, summarizeManifest, pngSize };
