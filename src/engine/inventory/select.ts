/**
 * Part of an inventory: the cities an analyst names (e.g. the members of a cluster), in the order
 * named, each with all its sectors and years — and, for a name that is not one of the inventory's
 * cities, an issue listing the nearest ones (CEADs writes 湖南长沙 where an analyst writes 长沙).
 */
import { fail, issue, ok, type Issue, type Result } from "../issues";
import { nearestNames } from "../nearest";
import type { Inventory } from "./model";

/**
 * The inventory of `cities` only, in the order given (all sectors and years kept; years no chosen
 * city has are dropped). Fails with one `city_not_in_inventory` issue per unknown name, naming up to
 * three nearest cities, or none.
 * @param path path of the issues (e.g. ["--cities", 1]); index appended per name.
 * @example selectCities(inv, ["湖南长沙", "湖南株洲"]).value.cities // ["湖南长沙", "湖南株洲"]
 */
export function selectCities(inv: Inventory, cities: readonly string[], path: (string | number)[] = ["cities"]): Result<Inventory> {
  const issues: Issue[] = [];
  cities.forEach((name, k) => {
    if (inv.cities.includes(name)) return;
    const near = nearestNames(name, inv.cities);
    issues.push(
      issue("city_not_in_inventory", [...path, k], { value: name, nearest: near.length > 0 ? near.join(", ") : undefined, count: inv.cities.length }),
    );
  });
  if (issues.length > 0) return fail(issues);
  const S = inv.sectors.length;
  const Y = inv.years.length;
  const keep = inv.years.map((_, y) =>
    cities.some((c) => {
      const ci = inv.cities.indexOf(c);
      for (let s = 0; s < S; s++) if (!Number.isNaN(inv.values[(ci * S + s) * Y + y])) return true;
      return false;
    }),
  );
  const years = inv.years.filter((_, y) => keep[y]);
  const yearIdx = inv.years.map((_, y) => y).filter((y) => keep[y]);
  const n = cities.length * S * years.length;
  const values = new Float64Array(n);
  const sourceRows = new Int32Array(n);
  const sourceCols = new Int32Array(n);
  const sourceSheets = new Uint16Array(n);
  const scope2 = inv.scope2 ? new Float64Array(n) : undefined;
  cities.forEach((c, k) => {
    const ci = inv.cities.indexOf(c);
    for (let s = 0; s < S; s++) {
      yearIdx.forEach((y, j) => {
        const from = (ci * S + s) * Y + y;
        const to = (k * S + s) * years.length + j;
        values[to] = inv.values[from];
        sourceRows[to] = inv.sourceRows[from];
        sourceCols[to] = inv.sourceCols[from];
        sourceSheets[to] = inv.sourceSheets[from];
        if (scope2 && inv.scope2) scope2[to] = inv.scope2[from];
      });
    }
  });
  return ok({ ...inv, cities: [...cities], years, values, sourceRows, sourceCols, sourceSheets, ...(scope2 ? { scope2 } : {}) });
}
