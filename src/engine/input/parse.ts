/**
 * Field-level validation of a whole scenario input: every record is checked on its own, so every
 * invalid field of every record is reported at once (with its path, and its cell when the record
 * came from a sheet). The records that pass are kept, so that the cross-record checks in
 * `compile.ts` can run on them too and report their issues in the same pass.
 */
import { fail, issue, ok, pushAll, type Issue, type Path, type Result } from "../issues";
import {
  KIND_PARAMS,
  LEVER_PARAMS,
  TARGET_PARAMS,
  activityRowSchema,
  driverRowSchema,
  inventoryRowSchema,
  leverRowSchema,
  leverValueCheck,
  settingsSchema,
  socioRowSchema,
  targetRowSchema,
  type ActivityRow,
  type DriverRow,
  type InventoryRow,
  type LeverRow,
  type ScenarioInput,
  type Settings,
  type SocioRow,
  type TargetRow,
} from "./schema";
import { parseTargetKind } from "./driver-words";
import { fromZodIssues, locate, sourceOf } from "./zod-issues";
import { driverDistChecks, leverDistChecks } from "./dist-columns";
import { plainInventoryRow } from "./inventory-rows";
import type { z } from "zod";

/** A partly valid input: the records that passed, and every issue found. */
export interface ParsedParts {
  /** Undefined when the settings themselves are invalid. */
  readonly settings?: Settings;
  readonly inventory: readonly InventoryRow[];
  readonly activities: readonly ActivityRow[];
  readonly drivers: readonly DriverRow[];
  readonly levers: readonly LeverRow[];
  readonly socioeconomic: readonly SocioRow[];
  readonly targets: readonly TargetRow[];
  /** For each kept record, its index in the raw input (issues from later checks use it). */
  readonly index: {
    readonly inventory: number[];
    readonly activities: number[];
    readonly drivers: number[];
    readonly levers: number[];
    readonly socioeconomic: number[];
    readonly targets: number[];
  };
  readonly issues: Issue[];
}

const SECTIONS = ["settings", "inventory", "activities", "drivers", "levers", "socioeconomic", "targets"] as const;
const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Checks each record of one section with `schema` (and `extra`). `plain`, when given, reads a record
 * that needs no checking into exactly what the schema would produce (undefined: let the schema check it).
 */
function parseRows<S extends z.ZodType>(
  raw: unknown,
  name: string,
  schema: S,
  required: boolean,
  issues: Issue[],
  extra?: (row: unknown, path: Path) => Issue[],
  plain?: (row: unknown) => z.output<S> | undefined,
): { rows: z.output<S>[]; index: number[] } {
  const rows: z.output<S>[] = [];
  const index: number[] = [];
  if (raw === undefined || raw === null) {
    if (required) issues.push(issue("required", [name]));
    return { rows, index };
  }
  if (!Array.isArray(raw)) {
    issues.push(issue("not_a_list", [name]));
    return { rows, index };
  }
  if (required && raw.length === 0) issues.push(issue("empty", [name]));
  raw.forEach((r, i) => {
    const row = plain?.(r);
    if (row !== undefined) {
      rows.push(row);
      index.push(i);
      return;
    }
    const path: Path = [name, i];
    const source = sourceOf(r);
    const res = schema.safeParse(r, { reportInput: true });
    const found = res.success ? [] : fromZodIssues(res.error.issues, path, source);
    if (extra) for (const x of extra(r, path)) found.push(locate(x, source, path.length));
    if (found.length > 0) pushAll(issues, found);
    else if (res.success) {
      rows.push(res.data);
      index.push(i);
    }
  });
  return { rows, index };
}

/** Lever checks that depend on the kind: the value's range, required and foreign parameters. */
function leverKindChecks(raw: unknown, path: Path): Issue[] {
  if (raw === null || typeof raw !== "object") return [];
  const r = raw as Record<string, unknown>;
  const k = leverRowSchema.shape.kind.safeParse(r.kind);
  if (!k.success) return [];
  const kind = k.data;
  const out: Issue[] = [];
  if (typeof r.value === "number" && Number.isFinite(r.value)) {
    const bad = leverValueCheck(kind)(r.value);
    if (bad) out.push(issue(bad.code, [...path, "value"], { value: r.value, kind }));
  }
  const spec = KIND_PARAMS[kind];
  for (const p of spec.required) if (isBlank(r[p])) out.push(issue("required", [...path, p], { kind }));
  for (const p of LEVER_PARAMS) {
    if (!spec.allowed.includes(p) && !isBlank(r[p])) out.push(issue("param_not_for_kind", [...path, p], { param: p, kind }));
  }
  return out;
}

/** Target checks that depend on the kind: the fields it needs (`required`), the others blank, a decline a share 0–1. */
function targetKindChecks(raw: unknown, path: Path): Issue[] {
  if (raw === null || typeof raw !== "object") return [];
  const r = raw as Record<string, unknown>;
  const kind = parseTargetKind(typeof r.kind === "string" ? r.kind.trim() : r.kind);
  if (kind === undefined) return [];
  const out: Issue[] = [];
  const wanted = TARGET_PARAMS[kind];
  for (const p of ["from", "to", "value"] as const) {
    if (wanted.includes(p)) {
      if (isBlank(r[p])) out.push(issue("required", [...path, p], { kind }));
    } else if (!isBlank(r[p])) out.push(issue("param_not_for_kind", [...path, p], { param: p, kind }));
  }
  if (
    (kind === "intensity_decline" || kind === "energy_intensity_decline") &&
    typeof r.value === "number" &&
    Number.isFinite(r.value) &&
    !(r.value >= 0 && r.value <= 1)
  ) {
    out.push(issue("share_range", [...path, "value"], { value: r.value, kind }));
  }
  return out;
}

/**
 * Checks every field of every record and keeps the records that pass (see {@link ParsedParts}).
 * @example parseScenarioParts({ settings: {...}, inventory: [...], levers: [{ ..., value: 28 }] }).issues
 *   // [{ code: "share_range", path: ["levers", 0, "value"], value: 28, kind: "reduce" }]
 */
export function parseScenarioParts(raw: unknown): ParsedParts {
  const issues: Issue[] = [];
  const empty = {
    inventory: [],
    activities: [],
    drivers: [],
    levers: [],
    socioeconomic: [],
    targets: [],
    index: { inventory: [], activities: [], drivers: [], levers: [], socioeconomic: [], targets: [] },
    issues,
  };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    issues.push(issue("wrong_type", [], { expected: "object", received: Array.isArray(raw) ? "list" : typeof raw }));
    return empty;
  }
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(SECTIONS as readonly string[]).includes(key)) issues.push(issue("unknown_field", [key], { value: key }));
  }
  let settings: Settings | undefined;
  if (o.settings === undefined || o.settings === null) issues.push(issue("required", ["settings"]));
  else {
    const s = settingsSchema.safeParse(o.settings, { reportInput: true });
    if (s.success) settings = s.data;
    else pushAll(issues, fromZodIssues(s.error.issues, ["settings"], sourceOf(o.settings)));
  }
  const inv = parseRows(o.inventory, "inventory", inventoryRowSchema, true, issues, undefined, plainInventoryRow);
  const act = parseRows(o.activities, "activities", activityRowSchema, false, issues);
  const drv = parseRows(o.drivers, "drivers", driverRowSchema, false, issues, driverDistChecks);
  const lev = parseRows(o.levers, "levers", leverRowSchema, false, issues, (r, path) => [...leverKindChecks(r, path), ...leverDistChecks(r, path)]);
  const soc = parseRows(o.socioeconomic, "socioeconomic", socioRowSchema, false, issues);
  const tar = parseRows(o.targets, "targets", targetRowSchema, false, issues, targetKindChecks);
  return {
    settings,
    inventory: inv.rows,
    activities: act.rows,
    drivers: drv.rows,
    levers: lev.rows,
    socioeconomic: soc.rows,
    targets: tar.rows,
    index: { inventory: inv.index, activities: act.index, drivers: drv.index, levers: lev.index, socioeconomic: soc.index, targets: tar.index },
    issues,
  };
}

/**
 * Validates every field of a scenario input (zod schemas of `schema.ts` plus the kind-specific lever
 * parameters). Fails with every field issue at once. Cross-record consistency (unknown cities,
 * overlapping driver periods …) is checked by `compileScenario`.
 * @example parseScenarioInput(changzhutan).ok // true
 */
export function parseScenarioInput(raw: unknown): Result<ScenarioInput> {
  const p = parseScenarioParts(raw);
  if (p.issues.length > 0 || !p.settings) return fail(p.issues.length > 0 ? p.issues : [issue("required", ["settings"])]);
  return ok({
    settings: p.settings,
    inventory: p.inventory,
    activities: p.activities,
    drivers: p.drivers,
    levers: p.levers,
    socioeconomic: p.socioeconomic,
    targets: p.targets,
  });
}
