/**
 * The inputs hash of a run ("sha256:<hex>" in the run record and the Run info sheet): SHA-256 of the
 * canonical JSON of the scenario input's values, without the cell locations — so the same values give
 * the same hash wherever they sit, and a Monte Carlo computed elsewhere (the pane's Web Worker) can be
 * checked against the inputs it was drawn from. Text is hashed as UTF-8 (`TextEncoder`) with the
 * platform's Web Crypto (`crypto.subtle.digest`), which every host the add-in supports has: the shared
 * runtime it requires runs in Edge WebView2 (Windows), WKWebView (Mac) or the browser (Excel on the web),
 * all in a secure context; the CLI runs on Node ≥ 20, whose global `crypto` is the same API.
 */

/**
 * JSON with object keys sorted (recursively) and undefined fields dropped, so equal data always gives
 * the same text and hash.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
}

/**
 * SHA-256 of a text's UTF-8 bytes (lone surrogates become U+FFFD, as `TextEncoder` does), as lower-case hex.
 * @example await sha256("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A value without its `source` fields (the cells records were read from), at every depth. */
function stripSources(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripSources);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== "source") out[k] = stripSources(x);
    return out;
  }
  return v;
}

/**
 * The inputs hash: "sha256:" + SHA-256 of the canonical JSON of `input` without its cell locations.
 * @example await inputHash({ settings: { baseYear: 2015, source: { sheet: "Settings", row: 1 } } }) // "sha256:…" (as without the source)
 */
export async function inputHash(input: unknown): Promise<string> {
  return `sha256:${await sha256(canonicalJson(stripSources(input)))}`;
}
