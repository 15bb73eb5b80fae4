/**
 * From lever rows to levers: rows with the same scenario and name are the milestones of one lever
 * (e.g. built-up area −28% by 2020, then −33% by 2030). This file checks each row against the rest of
 * the input (known cities, sectors, activities; no milestone in force in a measured year, i.e. up to the
 * last historical year) and the
 * milestones against each other (same kind, targets and parameters; no overlapping ramps).
 */
import { issue, type Issue, type IssueCode, type Path } from "../issues";
import type { CompiledActivity, CompiledLever } from "./model";
import { rampFraction, type RampSegment } from "./ramp";
import { DEFAULT_ELASTICITY, type LeverRow, type Targets } from "../input/schema";
import { locate } from "../input/zod-issues";

/** What lever compilation needs to know about the rest of the input. */
export interface LeverContext {
  readonly baseYear: number;
  /** Levers act only after it: a milestone in force in a measured year is a problem. */
  readonly lastHistoricalYear: number;
  readonly baseline: string;
  readonly cityIndex: ReadonlyMap<string, number>;
  readonly sectorIndex: ReadonlyMap<string, number>;
  /** False when cities and sectors are stand-ins for an absent inventory: an unknown name is then not reported. */
  readonly namesKnown: boolean;
  readonly activities: readonly CompiledActivity[];
  /** Scenario name → index (baseline is 0); extended with the levers' scenarios. */
  readonly scenarioIndex: Map<string, number>;
  readonly scenarios: string[];
}

function resolveTargets(
  t: Targets,
  index: ReadonlyMap<string, number>,
  unknownCode: IssueCode | undefined,
  path: Path,
  row: LeverRow,
  issues: Issue[],
): Int32Array | undefined {
  if (t === "all") return Int32Array.from(index.values()).sort();
  const out: number[] = [];
  let bad = false;
  for (const name of t) {
    const i = index.get(name);
    if (i === undefined) {
      if (unknownCode !== undefined)
        issues.push(locate(issue(unknownCode, path, { value: name, known: Array.from(index.keys()).slice(0, 12).join(", ") }), row.source, 2));
      bad = true;
    } else out.push(i);
  }
  return bad ? undefined : Int32Array.from(out).sort();
}

function sameArray(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Draft {
  row: LeverRow;
  raw: number;
  cities: Int32Array;
  sectors: Int32Array;
  activity: number;
}

/**
 * Checks lever rows against the input and merges milestones into levers (input order of each
 * lever's first row). `rows[k]` is the raw index of `levers[k]`. Adds the levers' scenarios to
 * `ctx.scenarios` in order of first appearance.
 * @example compileLevers(rows, rows.map((_, i) => i), ctx, issues) // two "紧凑用地" rows → one lever with two segments
 */
export function compileLevers(levers: readonly LeverRow[], rows: readonly number[], ctx: LeverContext, issues: Issue[]): CompiledLever[] {
  const groups = new Map<string, Draft[]>();
  const order: string[] = [];
  levers.forEach((row, k) => {
    const at = (field: string): Path => ["levers", rows[k], field];
    const where = (i: Issue) => locate(i, row.source, 2);
    let ok = true;
    if (row.scenario === ctx.baseline) {
      issues.push(where(issue("lever_in_baseline", at("scenario"), { value: row.scenario })));
      ok = false;
    }
    const cities = resolveTargets(row.cities, ctx.cityIndex, ctx.namesKnown ? "unknown_city" : undefined, at("cities"), row, issues);
    const sectors = resolveTargets(row.sectors, ctx.sectorIndex, ctx.namesKnown ? "unknown_sector" : undefined, at("sectors"), row, issues);
    const H = ctx.lastHistoricalYear;
    if (row.startYear < ctx.baseYear) {
      issues.push(where(issue("lever_before_base", at("startYear"), { value: row.startYear, year: ctx.baseYear })));
      ok = false;
    } else if (row.startYear < H || (row.startYear === H && row.fullYear >= row.startYear && rampFraction(H, row.startYear, row.fullYear, row.shape) > 0)) {
      // In force in a measured year: before H, or from H on with a step (or a ramp of no length).
      issues.push(
        where(
          issue("lever_in_history", at("startYear"), {
            value: row.startYear,
            year: H,
            shape: row.shape === "step" || row.fullYear === row.startYear ? "step" : row.shape,
          }),
        ),
      );
      ok = false;
    }
    if (row.fullYear < row.startYear) {
      issues.push(where(issue("year_order", at("fullYear"), { value: row.fullYear, after: "startYear", year: row.startYear })));
      ok = false;
    }
    let activity = -1;
    if (row.activity !== undefined) {
      activity = ctx.activities.findIndex((a) => a.name === row.activity);
      if (activity < 0) {
        issues.push(where(issue("unknown_activity", at("activity"), { value: row.activity, known: ctx.activities.map((a) => a.name).join(", ") })));
        ok = false;
      } else if (cities) {
        const a = ctx.activities[activity];
        const names = Array.from(ctx.cityIndex.keys());
        for (const c of cities) {
          if (Number.isNaN(a.base[c])) {
            issues.push(where(issue("activity_missing", at("activity"), { activity: a.name, city: names[c] })));
            ok = false;
          } else if (row.kind === "activity" && Number.isNaN(a.intensity[c])) {
            issues.push(where(issue("activity_no_intensity", at("activity"), { activity: a.name, city: names[c] })));
            ok = false;
          } else if (row.kind === "align_best" && !(a.base[c] > 0)) {
            issues.push(where(issue("activity_not_positive", at("activity"), { value: a.base[c], activity: a.name, city: names[c] })));
            ok = false;
          }
        }
      }
    }
    if (!ok || !cities || !sectors) return;
    const key = JSON.stringify([row.scenario, row.name]);
    let g = groups.get(key);
    if (!g) {
      g = [];
      groups.set(key, g);
      order.push(key);
    }
    g.push({ row, raw: rows[k], cities, sectors, activity });
  });

  const out: CompiledLever[] = [];
  for (const key of order) {
    const g = groups.get(key)!;
    const first = g[0];
    let consistent = true;
    for (const d of g.slice(1)) {
      const mismatch = (field: string) => {
        issues.push(locate(issue("lever_inconsistent", ["levers", d.raw, field], { name: first.row.name, other: first.raw + 1 }), d.row.source, 2));
        consistent = false;
      };
      if (d.row.kind !== first.row.kind) mismatch("kind");
      if (!sameArray(d.cities, first.cities)) mismatch("cities");
      if (!sameArray(d.sectors, first.sectors)) mismatch("sectors");
      if (d.row.activity !== first.row.activity) mismatch("activity");
      if (d.row.coverage !== first.row.coverage) mismatch("coverage");
      if (d.row.elasticity !== first.row.elasticity) mismatch("elasticity");
      if (d.row.electricityShare !== first.row.electricityShare) mismatch("electricityShare");
      if (d.row.dist !== first.row.dist) {
        issues.push(locate(issue("dist_inconsistent", ["levers", d.raw, "dist"], { name: first.row.name, other: first.raw + 1 }), d.row.source, 2));
        consistent = false;
      }
    }
    const sorted = [...g].sort((a, b) => a.row.startYear - b.row.startYear);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1].row;
      const d = sorted[i];
      if (d.row.startYear < prev.fullYear) {
        issues.push(
          locate(
            issue("milestone_overlap", ["levers", d.raw, "startYear"], { value: d.row.startYear, year: prev.fullYear, other: sorted[i - 1].raw + 1 }),
            d.row.source,
            2,
          ),
        );
        consistent = false;
      }
    }
    if (!consistent) continue;
    let scenario = ctx.scenarioIndex.get(first.row.scenario);
    if (scenario === undefined) {
      scenario = ctx.scenarios.length;
      ctx.scenarios.push(first.row.scenario);
      ctx.scenarioIndex.set(first.row.scenario, scenario);
    }
    const segments: RampSegment[] = sorted.map((d) => ({ start: d.row.startYear, full: d.row.fullYear, value: d.row.value, shape: d.row.shape }));
    out.push({
      scenario,
      name: first.row.name,
      kind: first.row.kind,
      cities: first.cities,
      sectors: first.sectors,
      segments,
      activity: first.activity,
      coverage: first.row.coverage ?? 1,
      elasticity: first.row.elasticity ?? DEFAULT_ELASTICITY,
      electricityShare: first.row.electricityShare ?? 0,
      rows: g.map((d) => d.raw),
      note: first.row.note,
    });
  }
  return out;
}
