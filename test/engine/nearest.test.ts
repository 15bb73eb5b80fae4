import fc from "fast-check";
import { editDistance, nearestNames } from "../../src/engine";

/** City names as the CEADs city inventory writes them (province prefix except municipalities). */
const CITIES = ["北京", "天津", "河北石家庄", "湖南长沙", "湖南株洲", "湖南湘潭", "湖北武汉", "Beijing", "Tianjin"];

describe("nearest names — argument validation", () => {
  test("a blank name has no nearest names", () => {
    expect(nearestNames("  ", CITIES)).toEqual([]);
  });
});

describe("nearest names — edge cases", () => {
  test("a name without its province prefix finds the prefixed one first", () => {
    expect(nearestNames("长沙", CITIES)).toEqual(["湖南长沙"]);
    expect(nearestNames("石家庄", CITIES)).toEqual(["河北石家庄"]);
  });
  test("typos, case and spaces", () => {
    expect(nearestNames("株州", CITIES)[0]).toBe("湖南株洲");
    expect(nearestNames("beijng", CITIES)).toEqual(["Beijing"]);
    expect(nearestNames(" tianjin ", CITIES)).toEqual(["Tianjin"]);
  });
  test("nothing near: empty", () => {
    expect(nearestNames("Shanghai", CITIES)).toEqual([]);
  });
});

describe("nearest names — reference values", () => {
  test("edit distances", () => {
    expect([editDistance("kitten", "sitting"), editDistance("", "ab"), editDistance("株州", "株洲")]).toEqual([3, 2, 1]);
  });
});

describe("nearest names — invariants", () => {
  test("a known name is its own nearest; results are known names, at most max", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ""),
          { minLength: 1, maxLength: 10, selector: (s) => s.trim().toLowerCase().replace(/\s+/g, "") },
        ),
        fc.nat(),
        (known, k) => {
          const name = known[k % known.length];
          const near = nearestNames(name, known, 3);
          return near[0] === name && near.length <= 3 && near.every((x) => known.includes(x));
        },
      ),
    );
  });
});
