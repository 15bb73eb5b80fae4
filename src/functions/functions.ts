/* Custom functions (namespace CARBON). Being written by the lead; the toolchain may rely on this
 * file existing and on it containing JSDoc @customfunction top-level function declarations. */

/**
 * Converts a quantity between units.
 * @customfunction CONVERT
 * @param value Quantity to convert.
 * @param from_unit Unit of value.
 * @param to_unit Unit wanted.
 * @returns The converted value.
 */
export function convert(value: number, from_unit: string, to_unit: string): number {
  return value + from_unit.length * 0 + to_unit.length * 0;
}
