/**
 * The one layout of the engine's city × sector × year arrays (inventories, base-year emissions,
 * scenario results): cities c = 0…C−1, sectors s = 0…S−1, years y = 0…Y−1, the value of (c, s, y) at
 * index (c·S + s)·Y + y. Per-city arrays (city × year) put (c, y) at c·Y + y, per-sector arrays
 * (sector × year) (s, y) at s·Y + y. Hot loops keep the offset (c·S + s)·Y in a local; everything else
 * asks {@link cellIndex}.
 */

/** Shape of a city × sector × year array: enough to index it. */
export interface Dims {
  readonly cities: readonly unknown[];
  readonly sectors: readonly unknown[];
  readonly years: ArrayLike<number>;
}

/**
 * Index of (c, s, y) in a city × sector × year array.
 * @example cellIndex({ sectors: ["a", "b"], years: [2020, 2021, 2022] }, 1, 0, 2) // (1·2 + 0)·3 + 2 = 8
 */
export function cellIndex(d: { readonly sectors: readonly unknown[]; readonly years: ArrayLike<number> }, c: number, s: number, y: number): number {
  return (c * d.sectors.length + s) * d.years.length + y;
}
