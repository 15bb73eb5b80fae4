/**
 * A city or sector name of the inventory that reads as a typo of another (docs/model.md §2). The cities
 * and sectors of a run are those the inventory names, so one mistyped cell (湘潭 → 湘潭市 on one row,
 * power_heat → power) makes a new city or sector; the real one then misses that row, which counts as 0.
 * A name X is a problem at its first row's City (Sector) cell when:
 * - X covers only some of the inventory's sectors (cities) — a name on every one is a real one;
 * - another name Y is near it (`nearestNames`: contains it, is contained in it, or an edit or two away —
 *   and not every character of the shorter one changed: "A" is not near "B");
 * - X and Y never both have a value for the same sector (city) and year — put together they would be one
 *   complete name, not two that overlap; and
 * - X covers fewer sectors (cities) than Y (ties: fewer values, then the later name).
 * A genuinely partial inventory — a city without some sectors, whose name is not near another's, or
 * whose values overlap it — still runs, its missing rows counted as 0 with a warning (`inventory_missing`).
 * While some inventory row is itself invalid (reported), the check is not made: the rows left would look partial.
 */
import { issue, type Issue } from "../issues";
import type { InventoryRow } from "../input/schema";
import { locate } from "../input/zod-issues";
import { editDistance, nearestNames } from "../nearest";

interface Coverage {
  /** The other axis's names it has a value for. */
  readonly others: Set<string>;
  /** Its (other name, year) keys. */
  readonly cells: Set<string>;
  /** Its first row (position in the inventory). */
  readonly first: number;
}

function coverage(inventory: readonly InventoryRow[], axis: "city" | "sector", baseYear: number): Map<string, Coverage> {
  const other = axis === "city" ? "sector" : "city";
  const by = new Map<string, Coverage>();
  inventory.forEach((r, k) => {
    let c = by.get(r[axis]);
    if (!c) {
      c = { others: new Set(), cells: new Set(), first: k };
      by.set(r[axis], c);
    }
    c.others.add(r[other]);
    c.cells.add(`${r[other]}\u0000${r.year ?? baseYear}`);
  });
  return by;
}

/** Whether two names have something in common: one contains the other, or fewer edits than the shorter's length ("A" and "B" have not). */
const sharesSome = (a: string, b: string) => a.includes(b) || b.includes(a) || editDistance(a, b) < Math.min([...a].length, [...b].length);

const disjoint = (a: Set<string>, b: Set<string>) => {
  for (const x of a) if (b.has(x)) return false;
  return true;
};

/**
 * Pushes an `inventory_name_typo` problem for each city and sector name of the inventory that reads as a
 * typo of another (see the file's rules). `rows[k]` is the raw index of `inventory[k]`.
 * @example checkInventoryNames(rows, rows.map((_, i) => i), 2015, issues) // "湘潭市" on one row beside 湘潭's seven → a problem at its City cell
 */
export function checkInventoryNames(inventory: readonly InventoryRow[], rows: readonly number[], baseYear: number, issues: Issue[]): void {
  for (const axis of ["city", "sector"] as const) {
    const by = coverage(inventory, axis, baseYear);
    const names = [...by.keys()];
    const total = new Set(inventory.map((r) => (axis === "city" ? r.sector : r.city))).size;
    const order = new Map(names.map((n, i) => [n, i]));
    for (const [x, cx] of by) {
      if (cx.others.size >= total) continue;
      const fewer = (y: string) => {
        const cy = by.get(y)!;
        if (cx.others.size !== cy.others.size) return cx.others.size < cy.others.size;
        if (cx.cells.size !== cy.cells.size) return cx.cells.size < cy.cells.size;
        return order.get(x)! > order.get(y)!;
      };
      const near = nearestNames(
        x,
        names.filter((n) => n !== x),
      ).find((y) => sharesSome(x, y) && disjoint(cx.cells, by.get(y)!.cells) && fewer(y));
      if (near === undefined) continue;
      const r = inventory[cx.first];
      issues.push(
        locate(
          issue("inventory_name_typo", ["inventory", rows[cx.first], axis], {
            value: x,
            near,
            axis,
            count: cx.others.size,
            total,
            nearCount: by.get(near)!.others.size,
          }),
          r.source,
          2,
        ),
      );
    }
  }
}
