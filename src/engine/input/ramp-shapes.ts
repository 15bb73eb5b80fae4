/**
 * The ramp shapes a lever row (or RAMP's `shape` argument) may name, and the words accepted for each:
 * linear (线性), s-curve (S型, logistic), step (阶跃, 一次性). What each shape computes is `scenario/ramp.ts`.
 */

/** Ramp shapes. */
export type RampShape = "linear" | "s-curve" | "step";

/** The shapes, in the order the docs list them. */
export const RAMP_SHAPES: readonly RampShape[] = ["linear", "s-curve", "step"];

const SHAPE_ALIASES: Readonly<Record<string, RampShape>> = {
  linear: "linear",
  line: "linear",
  线性: "linear",
  "s-curve": "s-curve",
  scurve: "s-curve",
  s: "s-curve",
  logistic: "s-curve",
  s型: "s-curve",
  s形: "s-curve",
  s曲线: "s-curve",
  step: "step",
  阶跃: "step",
  一次性: "step",
};

/**
 * Reads a ramp shape (case-insensitive; "S-curve", "scurve", "logistic", "S型", "线性", "阶跃" …).
 * Blank means linear. Returns `undefined` for anything else.
 * @example parseRampShape("S-Curve") // "s-curve"
 */
export function parseRampShape(v: unknown): RampShape | undefined {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "linear";
  if (typeof v !== "string") return undefined;
  const key = v.trim().toLowerCase().replace(/\s+/g, "");
  return Object.prototype.hasOwnProperty.call(SHAPE_ALIASES, key) ? SHAPE_ALIASES[key] : undefined;
}
