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

/** Button kinds: one primary per state of the pane, secondary for the others, subtle for small tools. */
export type ButtonKind = "primary" | "secondary" | "subtle";

/**
 * A Fluent-style button. It is never `disabled` (which would drop keyboard focus to the page): an
 * unavailable button has `aria-disabled="true"`, stays focusable and ignores clicks (see {@link setUnavailable}).
 */
export function button(text: string, onClick: () => void, kind: ButtonKind = "secondary"): HTMLButtonElement {
  const b = el("button", { className: `btn btn-${kind}`, text, attrs: { type: "button" } });
  b.addEventListener("click", (e) => {
    if (isUnavailable(b)) {
      e.preventDefault();
      return;
    }
    onClick();
  });
  return b;
}

/** Marks a button (or any control) unavailable — `aria-disabled`, still focusable — or available again. */
export function setUnavailable(control: HTMLElement, on: boolean): void {
  if (on) control.setAttribute("aria-disabled", "true");
  else control.removeAttribute("aria-disabled");
}

/** Whether a control is unavailable (busy or gated). */
export function isUnavailable(control: HTMLElement): boolean {
  return control.getAttribute("aria-disabled") === "true";
}

/** Switches a button between primary and secondary. */
export function setPrimary(b: HTMLButtonElement, primary: boolean): void {
  b.classList.toggle("btn-primary", primary);
  b.classList.toggle("btn-secondary", !primary);
}

/**
 * Moves keyboard focus to `target` (made focusable with tabindex -1 when it is not) and scrolls it into
 * view, so that the result of an action is where the analyst is.
 */
export function focusResult(target: HTMLElement | null | undefined): void {
  if (!target || !target.isConnected) return;
  if (!target.hasAttribute("tabindex") && !/^(BUTTON|A|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(target.tagName)) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start", behavior: "auto" });
}

/** Focuses the summary of a result shown in `container`: its message bar or first heading (see {@link focusResult}). */
export function focusFirst(container: HTMLElement): void {
  focusResult(container.querySelector<HTMLElement>(".message, h3, .problems-title") ?? container);
}

/**
 * A region that scrolls sideways when its content is wider than the pane: focusable (so the keyboard can
 * scroll it), named by `labelledBy` (the id of its table's caption or heading).
 */
export function scrollRegion(child: HTMLElement, labelledBy: string): HTMLElement {
  return el("div", { className: "table-scroll", attrs: { role: "region", tabindex: "0", "aria-labelledby": labelledBy }, children: [child] });
}

let ids = 0;
/** A fresh element id for label/for pairs. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A message bar (Fluent MessageBar look): intent info | success | warning | error. Not a live region — the
 * pane's one live region says what needs saying (see `announcer` in context.ts).
 */
export function messageBar(intent: "info" | "success" | "warning" | "error", text: string): HTMLElement {
  return el("div", { className: `message message-${intent}`, attrs: { "data-intent": intent }, text });
}

/**
 * A small table (caption, header row, rows) of text cells; `numeric` columns are right-aligned. Header cells
 * are `th scope="col"`; the caption names the table for screen readers (and its scroll region, see
 * {@link captionedTable}).
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
  rowClass: (index: number) => string = () => "",
  caption?: HTMLElement,
): HTMLTableElement {
  const thead = el("thead", {
    children: [el("tr", { children: header.map((h, i) => el("th", { text: h, className: numeric[i] ? "num" : "", attrs: { scope: "col" } })) })],
  });
  const tbody = el("tbody", {
    children: rows.map((r, k) => el("tr", { className: rowClass(k), children: r.map((c, i) => el("td", { text: c, className: numeric[i] ? "num" : "" })) })),
  });
  return el("table", { className: "grid", children: [caption ?? null, thead, tbody] });
}

/** A table with its caption inside a labelled, focusable scroll region (see {@link scrollRegion}). */
export function captionedTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
  rowClass: (index: number) => string = () => "",
): { region: HTMLElement; table: HTMLTableElement } {
  const id = uid("caption");
  const table = textTable(header, rows, numeric, rowClass, el("caption", { text: caption, attrs: { id } }));
  return { region: scrollRegion(table, id), table };
}
