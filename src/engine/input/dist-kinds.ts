/**
 * The distributions an uncertain Drivers or Levers row may name (docs/uncertainty.md), and the words
 * accepted for each: normal (正态), triangular (三角), uniform (均匀). How each is drawn is
 * `uncertainty/distributions.ts`.
 */

/** The distribution kinds. */
export type DistKind = "normal" | "triangular" | "uniform";

/** The kinds, in the order the docs list them. */
export const DIST_KINDS: readonly DistKind[] = ["normal", "triangular", "uniform"];

const NAMES: Readonly<Record<string, DistKind>> = {
  normal: "normal",
  norm: "normal",
  gaussian: "normal",
  正态: "normal",
  正态分布: "normal",
  triangular: "triangular",
  triangle: "triangular",
  tri: "triangular",
  三角: "triangular",
  三角分布: "triangular",
  uniform: "uniform",
  均匀: "uniform",
  均匀分布: "uniform",
};

/**
 * Reads a distribution name (English or Chinese, any case): normal/正态, triangular/三角, uniform/均匀.
 * Returns undefined for anything else.
 * @example parseDistKind(" 三角 ") // "triangular"
 */
export function parseDistKind(v: unknown): DistKind | undefined {
  if (typeof v !== "string") return undefined;
  return NAMES[v.trim().toLowerCase()];
}
