/**
 * The nearest names to one that is not known — for "did you mean …" in messages about a city, sector
 * or cluster member that is not in the inventory. Analysts write 长沙 where CEADs writes 湖南长沙, or
 * "Hunan " with a space: a known name that contains the one written (or is contained in it) comes
 * first, then the closest by edit distance — to the whole name or to its end (a prefix left out) —
 * case and spaces ignored.
 */

/** Levenshtein distance between two strings (by code point). @example editDistance("株州", "株洲") // 1 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, "");

/**
 * Up to `max` known names nearest to `name`: those containing it or contained in it first (shortest
 * first), then those within an edit distance of a third of the name's length (at least 1), of the whole name or its end
 * (nearest first); ties keep the order of `known`. Empty when nothing is near.
 * @example nearestNames("长沙", ["湖南株洲", "湖南长沙", "湖南湘潭"]) // ["湖南长沙"]
 * @example nearestNames("Beijng", ["Beijing", "Tianjin"]) // ["Beijing"]
 */
export function nearestNames(name: string, known: readonly string[], max = 3): string[] {
  const n = norm(name);
  if (n === "") return [];
  const scored: { k: string; score: number; i: number }[] = [];
  known.forEach((k, i) => {
    const m = norm(k);
    if (m === n) scored.push({ k, score: -1, i });
    else if (m.includes(n) || n.includes(m)) scored.push({ k, score: Math.abs(m.length - n.length) / 100, i });
    else {
      // The whole name, or its end against the name written (a province prefix left out: 株州 → 湖南株洲).
      const chars = [...m];
      const tail = chars.length > [...n].length ? chars.slice(chars.length - [...n].length).join("") : m;
      const d = Math.min(editDistance(n, m), editDistance(n, tail) + 0.5);
      if (d <= Math.max(1, Math.floor([...n].length / 3)) + 0.5) scored.push({ k, score: d, i });
    }
  });
  return scored
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, max)
    .map((s) => s.k);
}

/**
 * Whether `name` reads as a slip of the keyboard for `known` rather than a name of its own — for
 * names a user makes up (scenarios), where containment ("coordinated high" ⊃ "coordinated") and
 * numbered variants ("S1", "S2"; "2030", "2035") are deliberate: equal but for case and spaces, or
 * — with the same digits, both names at least 4 characters — within an edit distance of one per 5
 * characters (at least 1). A name is never a slip of itself.
 * @example isSlipOf("indepndent", "independent") // true
 * @example isSlipOf("S3", "S1") // false
 * @example isSlipOf("coordinated high", "coordinated") // false
 */
export function isSlipOf(name: string, known: string): boolean {
  if (name === known) return false;
  const a = norm(name);
  const b = norm(known);
  if (a === b) return true;
  const digits = (s: string) => s.replace(/\D+/g, " ").trim();
  const n = Math.min([...a].length, [...b].length);
  if (n < 4 || digits(a) !== digits(b)) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(n / 5));
}
