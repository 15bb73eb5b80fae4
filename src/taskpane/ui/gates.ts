/* One step at a time, as pure functions of the pane's state (tested with jest): which inventory the run
 * will use, which controls are available (and if not, why), and which button is the one primary action. */
import type { InventoryPreview, InventorySource } from "../../app";
import type { PaneStrings } from "../strings";
import { format } from "../strings";
import type { PaneState } from "./state";

/** What Run would run on, as far as the pane knows. */
export type RunPlan =
  | { readonly kind: "no-scenario" }
  | { readonly kind: "checking" }
  /** The scenario resolves to no inventory at all (the issues say why). */
  | { readonly kind: "no-inventory"; readonly count: number }
  /** The previewed inventory and the scenario's own differ: the analyst chooses. */
  | { readonly kind: "choose"; readonly previewed: InventoryPreview; readonly scenario: InventoryPreview }
  | {
      readonly kind: "ready";
      readonly inventory: InventoryPreview;
      readonly source: InventorySource | undefined;
      readonly from: "previewed" | "scenario";
      readonly problems: number;
    };

/** Same place in the workbook (sheet names compare case-insensitively, as Excel does). */
export function sameLocation(a: InventoryPreview, b: InventoryPreview): boolean {
  return a.address.toLowerCase() === b.address.toLowerCase();
}

/**
 * The source that reads the previewed inventory again: what step 1 asked for when it named a sheet or
 * table, else the sheet the automatic search found (its used range, so rows added since are read too).
 */
export function previewedSource(source: InventorySource | undefined, p: InventoryPreview, unit: string): InventorySource {
  if (source && (source.table !== undefined || source.sheet !== undefined)) return source;
  return unit ? { sheet: p.sheet, unit } : { sheet: p.sheet };
}

/** The source that lets the scenario resolve its own inventory (Settings' Inventory row, else found), with the unit chosen in step 1. */
export function scenarioSource(unit: string): InventorySource | undefined {
  return unit ? { unit } : undefined;
}

/** Problems of a preview (rejected cells); 0 for a clean one. */
function problemCount(p: InventoryPreview): number {
  return p.issues.length;
}

/** The previewed inventory and the scenario's own when they are two different ones (the analyst chooses), else undefined. */
export function inventoryPair(state: PaneState): { previewed: InventoryPreview; scenario: InventoryPreview } | undefined {
  if (!state.scenarioSheets || state.scenarioSheets.length === 0) return undefined;
  const previewed = state.preview?.result.ok ? state.preview.result.value : undefined;
  const own = state.target?.ok ? state.target.value : undefined;
  return previewed && own && !sameLocation(previewed, own) ? { previewed, scenario: own } : undefined;
}

/** What Run will use, from the state: see {@link RunPlan}. */
export function runPlan(state: PaneState): RunPlan {
  if (!state.scenarioSheets || state.scenarioSheets.length === 0) return { kind: "no-scenario" };
  const target = state.target;
  if (!target) return { kind: "checking" };
  const previewed = state.preview?.result.ok ? state.preview.result.value : undefined;
  const fromPreview = (): RunPlan =>
    previewed
      ? {
          kind: "ready",
          inventory: previewed,
          source: previewedSource(state.preview?.source, previewed, state.unit),
          from: "previewed",
          problems: problemCount(previewed),
        }
      : { kind: "no-inventory", count: target.ok ? 0 : target.issues.length };
  if (!target.ok) return previewed ? fromPreview() : { kind: "no-inventory", count: target.issues.length };
  const own = target.value;
  if (!previewed || sameLocation(previewed, own)) {
    const source = previewed ? previewedSource(state.preview?.source, previewed, state.unit) : scenarioSource(state.unit);
    return { kind: "ready", inventory: own, source, from: previewed ? "previewed" : "scenario", problems: problemCount(own) };
  }
  if (state.runChoice === "previewed") return fromPreview();
  if (state.runChoice === "scenario")
    return { kind: "ready", inventory: own, source: scenarioSource(state.unit), from: "scenario", problems: problemCount(own) };
  return { kind: "choose", previewed, scenario: own };
}

/** Why a control is unavailable (shown next to it), or null when it can be used. */
export type Gate = string | null;

export interface Gates {
  readonly create: Gate;
  readonly check: Gate;
  readonly run: Gate;
  /** The one primary button of this state. */
  readonly primary: "preview" | "create" | "run" | "none";
}

/** Which controls are available in `state`, and why not. Busy state is handled apart (every action waits). */
export function gates(state: PaneState, s: PaneStrings): Gates {
  const preview = state.preview;
  const previewClean = preview?.result.ok === true && preview.result.value.issues.length === 0;
  const create: Gate = preview ? null : s.gateNeedPreview;
  const plan = runPlan(state);
  let run: Gate;
  switch (plan.kind) {
    case "no-scenario":
      run = s.gateNeedScenario;
      break;
    case "checking":
      run = s.gateChecking;
      break;
    case "no-inventory":
      run = s.gateNoInventory;
      break;
    case "choose":
      run = s.gateChoose;
      break;
    case "ready":
      run = plan.problems > 0 ? format(s.gateProblems, { count: plan.problems, inventory: plan.inventory.address }) : null;
      break;
  }
  const check: Gate = plan.kind === "no-scenario" ? s.gateNeedScenario : null;
  let primary: Gates["primary"];
  if (run === null) primary = "run";
  else if (plan.kind === "choose" || plan.kind === "checking") primary = "none";
  else if (plan.kind === "no-scenario") primary = previewClean ? "create" : "preview";
  else primary = "preview"; // the inventory the run would use has problems, or there is none: fix, then preview again
  return { create, check, run, primary };
}
