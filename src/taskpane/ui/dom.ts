/* DOM helpers of the task pane. Text goes in only through textContent and attributes through
 * setAttribute: nothing a cell holds is ever parsed as HTML. */

/** Attributes and properties of a new element. */
export interface ElementOptions {
  /** CSS class names (space separated). */
  className?: string;
  /** Text content (set with textContent). */
  text?: string;
  /** Plain attributes (set with setAttribute). */
  attrs?: Record<string, string>;
  /** Children appended in order (strings become text nodes). */
  children?: Array<Node | string | null | undefined | false>;
}

/** Creates an element; text only through textContent / text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.attrs) for (const [k, v] of Object.entries(options.attrs)) node.setAttribute(k, v);
  if (options.text !== undefined) node.textContent = options.text;
  for (const child of options.children ?? []) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** Removes every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replaces a node's children. */
export function replaceChildren(node: Node, ...children: Array<Node | null | undefined | false>): void {
  clear(node);
  for (const c of children) if (c) node.appendChild(c);
}

/** A Fluent-style button. */
export function button(text: string, onClick: () => void, kind: "primary" | "secondary" | "subtle" = "secondary"): HTMLButtonElement {
  const b = el("button", { className: `btn btn-${kind}`, text, attrs: { type: "button" } });
  b.addEventListener("click", onClick);
  return b;
}

let ids = 0;
/** A fresh element id for label/for pairs. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A message bar (Fluent MessageBar look): intent info | success | warning | error. */
export function messageBar(intent: "info" | "success" | "warning" | "error", text: string): HTMLElement {
  return el("div", {
    className: `message message-${intent}`,
    attrs: { role: intent === "error" ? "alert" : "status" },
    text,
  });
}

/** A small table (header row + rows) of text cells; `numeric` columns are right-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
  rowClass: (index: number) => string = () => "",
): HTMLTableElement {
  const thead = el("thead", { children: [el("tr", { children: header.map((h, i) => el("th", { text: h, className: numeric[i] ? "num" : "" })) })] });
  const tbody = el("tbody", {
    children: rows.map((r, k) => el("tr", { className: rowClass(k), children: r.map((c, i) => el("td", { text: c, className: numeric[i] ? "num" : "" })) })),
  });
  return el("table", { className: "grid", children: [thead, tbody] });
}
