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

// `<` then an optional `/`, the name, the attributes (quoted values may hold `>`), an optional `/`, `>`.
const TAG = /<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/y;
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
  private attrText = "";
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
      TAG.lastIndex = i;
      const m = TAG.exec(xml);
      if (!m) throw new XmlError(`malformed tag at ${i}`);
      this.start = i;
      this.end = TAG.lastIndex;
      this.name = m[2];
      this.local = localName(m[2]);
      this.attrText = m[3];
      this.parsed = undefined;
      if (m[1] === "/") {
        const open = this.stack.pop();
        if (open !== this.name && !(open === undefined && this.fragment)) throw new XmlError(`</${this.name}> closes <${open ?? "nothing"}>`);
        this.kind = CLOSE;
      } else if (m[4] === "/") this.kind = EMPTY;
      else {
        this.stack.push(this.name);
        this.kind = OPEN;
      }
      return true;
    }
  }

  /** The current tag's attributes (decoded). */
  attrs(): Record<string, string> {
    return (this.parsed ??= parseAttrs(this.attrText));
  }

  /** One attribute of the current tag. */
  attr(name: string): string | undefined {
    return this.attrs()[name];
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
