/**
 * Display names of the codes the scenario template and the 长株潭 example write into cells: the
 * example's sectors (`MODEL_SECTORS` of src/samples/changzhutan.ts: power_heat → 电力热力 / Power and heat)
 * and the template's three scenario roles (baseline, independent, coordinated → 基准情景, 独立减排情景,
 * 协同减排情景). The cells keep the codes (formulas and the CLI read them); the task pane shows the names.
 * A code the template does not give stays as it is — an analyst's own sector or scenario name is shown as typed.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import type { Bilingual, Lang } from "../engine";
import { MODEL_SECTORS } from "../samples/changzhutan";

/** The template's scenario roles. In English the codes are the names. */
const SCENARIO_NAMES: Readonly<Record<string, Bilingual>> = {
  baseline: { en: "baseline", zh: "基准情景" },
  independent: { en: "independent", zh: "独立减排情景" },
  coordinated: { en: "coordinated", zh: "协同减排情景" },
};

const SECTOR_NAMES: ReadonlyMap<string, Bilingual> = new Map(MODEL_SECTORS.map((s) => [s.id, { en: s.en, zh: s.zh }]));

/** What a display name is for. */
export type NamedKind = "scenario" | "sector";

/**
 * The display name of a code in `lang`, or the code itself when the template gives none.
 * @example displayName("sector", "power_heat", "zh") // "电力热力"
 * @example displayName("scenario", "coordinated", "zh") // "协同减排情景"
 * @example displayName("sector", "钢铁", "en") // "钢铁" (the analyst's own name)
 */
export function displayName(kind: NamedKind, code: string, lang: Lang): string {
  const names = kind === "scenario" ? SCENARIO_NAMES[code] : SECTOR_NAMES.get(code);
  return names ? names[lang] : code;
}

/**
 * The display name with the code beside it when they differ, so that the analyst finds the cell:
 * "协同减排情景 (coordinated)" (Chinese brackets in Chinese).
 * @example labelWithCode("scenario", "coordinated", "zh") // "协同减排情景（coordinated）"
 * @example labelWithCode("scenario", "coordinated", "en") // "coordinated"
 */
export function labelWithCode(kind: NamedKind, code: string, lang: Lang): string {
  const name = displayName(kind, code, lang);
  if (name === code) return code;
  return lang === "zh" ? `${name}（${code}）` : `${name} (${code})`;
}
