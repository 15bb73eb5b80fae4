/**
 * A scenario name in Levers that reads as a slip for a known one (docs/model.md §2). A lever whose
 * scenario Settings does not list still runs — as a scenario of its own — so "indepndent" for
 * "independent" would add a fourth scenario and empty the one the benefit of coordination is measured
 * against, with nothing said. A lever's scenario is a problem at its cell when it is not a known name
 * but a slip of one (`isSlipOf`: case and spaces, or a letter or two in a long name, same digits);
 * the names known are the baseline, the scenarios and the coordination pair of Settings, and the
 * scenarios that more lever rows name than this one. A new scenario far from every name runs as before.
 */
import { issue, type Issue } from "../issues";
import type { LeverRow, Settings } from "../input/schema";
import { locate } from "../input/zod-issues";
import { isSlipOf } from "../nearest";

/**
 * Pushes a `scenario_typo` problem for each lever row whose scenario is a slip of a known scenario's
 * name. `rows[k]` is the raw index of `levers[k]`.
 * @example checkLeverScenarios([{ scenario: "indepndent", … }], [0], settings, issues) // issues[0].code === "scenario_typo"
 */
export function checkLeverScenarios(levers: readonly LeverRow[], rows: readonly number[], settings: Settings, issues: Issue[]): void {
  const listed = [settings.baseline, ...settings.scenarios, settings.independent, settings.coordinated].filter((s): s is string => s !== undefined);
  const known = new Set(listed);
  const uses = new Map<string, number>();
  for (const r of levers) uses.set(r.scenario, (uses.get(r.scenario) ?? 0) + 1);
  const settingsList = [...new Set([settings.baseline, ...settings.scenarios])].join(", ");
  levers.forEach((r, k) => {
    if (known.has(r.scenario)) return;
    const n = uses.get(r.scenario)!;
    const near = [...known].find((s) => isSlipOf(r.scenario, s)) ?? [...uses.keys()].find((s) => !known.has(s) && uses.get(s)! > n && isSlipOf(r.scenario, s));
    if (near === undefined) return;
    issues.push(locate(issue("scenario_typo", ["levers", rows[k], "scenario"], { value: r.scenario, near, known: settingsList }), r.source, 2));
  });
}
