/**
 * A small XML scanner for the parts of an .xlsx package: tags with their positions in the text (so
 * a part can be edited by splicing, leaving every other byte as it was), attributes, and text with
 * the five predefined entities and character references decoded. It checks that tags nest and close
 * and refuses a document type declaration (no entity expansion of any kind: nothing in a workbook
 * needs one). Element names are compared by their local part (`x:sheet` and `sheet` alike), since
 * writers differ in namespace prefixes.
 */

/** The XML of a part is not well-formed (or uses a DTD). */
export class XmlError extends Error {}

/** Kinds of token {@link XmlScanner.next} stops at. */
export const OPEN: number = 1;
export const CLOSE: number = 2;
export const EMPTY: number = 3;
export const CDATA: number = 4;

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*)?(;)?/g;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes entity and character references; an unknown or unterminated one is an error. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (m, e: string | undefined, semi: string | undefined) => {
    if (e === undefined || semi === undefined) throw new XmlError(`bare "&" in text`);
    if (e[0] !== "#") {
      const named = NAMED[e];
      if (named === undefined) throw new XmlError(`unknown entity ${m}`);
      return named;
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(code >= 0 && code <= 0x10ffff)) throw new XmlError(`bad character reference ${m}`);
    return String.fromCodePoint(code);
  });
}

/** Escapes text content (`&`, `<`, `>`). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Escapes an attribute value for double quotes (also newlines and tabs, which attributes would normalise). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" })[c]!);
}

/** The local part of a qualified name: `x:sheet` → `sheet`. */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Parses the attribute text of a tag into name → decoded value. */
export function parseAttrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text.length === 0) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(text)) !== null) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/**
 * Walks the tags of an XML text in order. After {@link next} returns true: `kind` (OPEN, CLOSE,
 * EMPTY, CDATA), `name` (qualified) and `local`, `start`/`end` (the tag's span), `textStart` (the text
 * before the tag runs from there to `start`), and {@link attrs}. Comments and processing
 * instructions are skipped. Mismatched or unclosed tags throw {@link XmlError}.
 * @example const x = new XmlScanner("<a b='1'><c/></a>"); while (x.next()) console.log(x.local, x.kind)
 */
export class XmlScanner {
  kind = 0;
  name = "";
  local = "";
  start = 0;
  end = 0;
  textStart = 0;
  /** For CDATA: the content's span. */
  cdataStart = 0;
  cdataEnd = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private parsed: Record<string, string> | undefined;
  private readonly stack: string[] = [];

  /**
   * @param fragment the text is a piece of a larger document (a run of rows of a sheet split for size):
   *   closing tags of elements opened before it and elements left open at its end are allowed.
   */
  constructor(
    readonly xml: string,
    private readonly fragment = false,
  ) {}

  /** Nesting depth after the current token (an OPEN tag counts itself). */
  get depth(): number {
    return this.stack.length;
  }

  next(): boolean {
    const xml = this.xml;
    let i = this.end;
    this.textStart = i;
    for (;;) {
      i = xml.indexOf("<", i);
      if (i < 0) {
        if (this.stack.length > 0 && !this.fragment) throw new XmlError(`<${this.stack[this.stack.length - 1]}> is not closed`);
        return false;
      }
      const c = xml.charCodeAt(i + 1);
      if (c === 0x3f /* ? */) {
        const e = xml.indexOf("?>", i + 2);
        if (e < 0) throw new XmlError("unterminated processing instruction");
        i = e + 2;
        if (this.stack.length === 0) this.textStart = i;
        continue;
      }
      if (c === 0x21 /* ! */) {
        if (xml.startsWith("<!--", i)) {
          const e = xml.indexOf("-->", i + 4);
          if (e < 0) throw new XmlError("unterminated comment");
          i = e + 3;
          if (this.stack.length === 0) this.textStart = i;
          continue;
        }
        if (xml.startsWith("<![CDATA[", i)) {
          const e = xml.indexOf("]]>", i + 9);
          if (e < 0) throw new XmlError("unterminated CDATA section");
          this.kind = CDATA;
          this.start = i;
          this.end = e + 3;
          this.cdataStart = i + 9;
          this.cdataEnd = e;
          return true;
        }
        throw new XmlError("document type declarations are not allowed");
      }
      // The tag by hand (this is the hot loop of a million-row sheet): name, attributes, end.
      const closing = c === 0x2f; /* / */
      let j = closing ? i + 2 : i + 1;
      const nameStart = j;
      for (; j < xml.length; j++) {
        const ch = xml.charCodeAt(j);
        if (ch === 0x3e /* > */ || ch === 0x2f /* / */ || ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) break;
      }
      if (j === nameStart) throw new XmlError(`malformed tag at ${i}`);
      const name = xml.slice(nameStart, j);
      // The closing ">": attribute values may hold ">", so quotes are skipped.
      let k = j;
      for (;;) {
        const gt = xml.indexOf(">", k);
        if (gt < 0) throw new XmlError(`unterminated tag <${name}`);
        let q = -1;
        for (let p = k; p < gt; p++) {
          const ch = xml.charCodeAt(p);
          if (ch === 0x22 || ch === 0x27) {
            q = p;
            break;
          }
        }
        if (q < 0) {
          k = gt;
          break;
        }
        const close = xml.indexOf(xml[q], q + 1);
        if (close < 0) throw new XmlError(`unterminated attribute value in <${name}`);
        k = close + 1;
      }
      const selfClosing = xml.charCodeAt(k - 1) === 0x2f;
      this.start = i;
      this.end = k + 1;
      if (this.name !== name) {
        this.name = name;
        const colon = name.indexOf(":");
        this.local = colon < 0 ? name : name.slice(colon + 1);
      }
      this.attrStart = j;
      this.attrEnd = selfClosing ? k - 1 : k;
      this.parsed = undefined;
      if (closing) {
        const open = this.stack.pop();
        if (open !== name && !(open === undefined && this.fragment)) throw new XmlError(`</${name}> closes <${open ?? "nothing"}>`);
        this.kind = CLOSE;
      } else if (selfClosing) this.kind = EMPTY;
      else {
        this.stack.push(name);
        this.kind = OPEN;
      }
      return true;
    }
  }

  /** The current tag's attributes (decoded). */
  attrs(): Record<string, string> {
    return (this.parsed ??= parseAttrs(this.xml.slice(this.attrStart, this.attrEnd)));
  }

  /**
   * One attribute of the current tag (decoded). Looked up in place — `name="` after a space — without
   * parsing the others: the sheet reader asks for r, s and t of every cell.
   */
  attr(name: string): string | undefined {
    if (this.parsed) return this.parsed[name];
    const xml = this.xml;
    let at = this.attrStart;
    for (;;) {
      at = xml.indexOf(name, at);
      if (at < 0 || at >= this.attrEnd) return undefined;
      const before = xml.charCodeAt(at - 1);
      let eq = at + name.length;
      if (before === 0x20 || before === 0x0a || before === 0x0d || before === 0x09) {
        while (xml.charCodeAt(eq) === 0x20) eq++;
        if (xml.charCodeAt(eq) === 0x3d /* = */) {
          let v = eq + 1;
          while (xml.charCodeAt(v) === 0x20) v++;
          const q = xml[v];
          if (q === '"' || q === "'") {
            const end = xml.indexOf(q, v + 1);
            if (end < 0 || end > this.attrEnd) return this.attrs()[name];
            return decodeXml(xml.slice(v + 1, end));
          }
        }
      }
      at += name.length;
    }
  }

  /**
   * The text of the current OPEN element when it is only text (`<v>12</v>`), moving past its close;
   * otherwise as {@link textContent}. The sheet reader's fast path for `<v>` and `<t>`.
   */
  simpleText(): string {
    if (this.kind !== OPEN) return "";
    const xml = this.xml;
    const lt = xml.indexOf("<", this.end);
    if (lt >= 0 && xml.charCodeAt(lt + 1) === 0x2f && xml.startsWith(this.name, lt + 2) && xml.charCodeAt(lt + 2 + this.name.length) === 0x3e) {
      const text = decodeXml(xml.slice(this.end, lt));
      this.stack.pop();
      this.kind = CLOSE;
      this.start = lt;
      this.textStart = this.end;
      this.end = lt + 3 + this.name.length;
      return text;
    }
    return this.textContent();
  }

  /** The decoded text between the previous token and the current one. */
  text(): string {
    return decodeXml(this.xml.slice(this.textStart, this.start));
  }

  /** The CDATA token's content. */
  cdata(): string {
    return this.xml.slice(this.cdataStart, this.cdataEnd);
  }

  /**
   * Skips to the CLOSE tag matching the current OPEN tag (no-op for an EMPTY tag) and returns the
   * element's text content (CDATA included, nested tags' text joined).
   */
  textContent(): string {
    if (this.kind !== OPEN) return "";
    const depth = this.stack.length;
    let out = "";
    while (this.next()) {
      if (this.kind === CDATA) {
        out += this.cdata();
        continue;
      }
      out += this.text();
      if (this.kind === CLOSE && this.stack.length === depth - 1) return out;
    }
    return out;
  }

  /** Skips to the CLOSE tag matching the current OPEN tag (no-op for an EMPTY tag). */
  skip(): void {
    if (this.kind !== OPEN) return;
    const depth = this.stack.length;
    while (this.next()) if (this.kind === CLOSE && this.stack.length === depth - 1) return;
  }
}

/** Namespace-prefix of the root element's own name (`"x:"` for `<x:workbook …>`, else ""). */
export function rootPrefix(xml: string): string {
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.kind === OPEN || x.kind === EMPTY) {
      const i = x.name.indexOf(":");
      return i < 0 ? "" : x.name.slice(0, i + 1);
    }
  }
  return "";
}
