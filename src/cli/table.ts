/**
 * Plain-text tables for the terminal: columns padded to the widest cell, counting CJK characters as
 * two columns wide (so 长株潭 lines up), numbers right-aligned.
 */

/** Display width of a string: East Asian wide/fullwidth characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** A cell as text: whole numbers as they are (years), others with `decimals`; null/undefined as "–". */
export function cellText(v: unknown, decimals = 2): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(decimals);
  return String(v);
}

/**
 * Renders rows under a header as aligned text lines (two spaces between columns).
 * @example renderTable(["Name", "Peak year"], [["长沙", 2035]])
 */
export function renderTable(header: readonly string[], rows: readonly (readonly unknown[])[], decimals = 2): string {
  const text = rows.map((r) => r.map((v) => cellText(v, decimals)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number" || r[c] === null || r[c] === undefined));
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[c] ?? ""))));
  const pad = (s: string, c: number) => {
    const gap = " ".repeat(widths[c] - displayWidth(s));
    return numeric[c] ? gap + s : s + gap;
  };
  const line = (cells: readonly string[]) =>
    cells
      .map((s, c) => pad(s, c))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
}
