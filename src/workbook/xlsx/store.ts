/**
 * The package adapter: a WorkbookPort over an .xlsx file that writes **only the add-in's own
 * sheets** into the existing package and keeps every other part byte for byte.
 *
 * Reading: sheets are parsed from the file as it is (see `cells.ts`), one at a time, only when read,
 * each after a size check on its uncompressed size ({@link PackageLimits}).
 *
 * Writing (`save()`): the sheets the add-in added, cleared or wrote into (and its `_carbonpeak`
 * records sheet) become new worksheet parts with their table parts; the workbook part's sheet list
 * and defined names, its relationships, [Content_Types].xml and, when a number format is new, the
 * styles part are edited in place (only the elements concerned change); parts that only a replaced
 * or deleted owned sheet used (its old tables, drawings) are removed, and calculation-chain entries
 * of those sheets dropped. Every other ZIP entry — the user's sheets, charts, images, pivot tables,
 * theme (or its absence), comments, VBA, custom XML — is copied with its compressed bytes unchanged.
 * A workbook saved as Strict Open XML is read but not written (refused, named).
 *
 * Ownership marks are sheet-scoped hidden defined names (`_carbonpeak_owner`, see policy.ts).
 */
import { UncachedFormula, issue, pushAll } from "../../engine";
import { MemoryStore } from "../memory";
import { IssueError, OWNER_MARK_NAME, markFormula, markOfFormula, type PlannedFormula, type PlannedValidation, type Rect } from "../policy";
import type { CellValue, ChartSpec } from "../port";
import { StorePort, type SheetStore } from "../store-port";
import { CHARTS_KEY, STORE_SHEET, chartRecordsOf, decodeStore, encodeStore, withoutSheetCharts, type ChartRecord } from "../store-sheet";
import { cellAddress, rangeAddress } from "../../engine";
import { parseRef, readDateStyles, readSharedStrings, readSheetCells, readTablePart, type SheetCells } from "./cells";
import { PackageError, XlsxPackage, relativeTarget, relsPartOf, type SheetEntry } from "./package";
import {
  CT_STYLES,
  CT_TABLE,
  CT_WORKSHEET,
  NS_REL,
  REL_STYLES,
  REL_TABLE,
  REL_WORKSHEET,
  addNumberFormats,
  applySplices,
  editContentTypes,
  editRels,
  filterCalcChain,
  minimalStylesXml,
  relsXml,
  tableColumnNames,
  tableXml,
  worksheetXml,
  type OwnedSheetData,
  type Splice,
} from "./write";
import { escapeAttr, escapeText, rootPrefix } from "./xml";
import { getHeapStatistics } from "v8";
import { writeZip, type ZipOut } from "./zip";

/** How much of a workbook the reader inflates and holds. */
export interface PackageLimits {
  /** Sum of the uncompressed sizes of the worksheet parts read. */
  readonly sheetBytes: number;
  /** Cells read over all sheets. */
  readonly cells: number;
}

/** Cells the default limit allows with a 4 GB heap: a 1,048,576-row inventory of 12 columns. */
export const MAX_CELLS = 1_048_576 * 12;
/** Heap bytes budgeted per cell read (measured: bench/xlsx.bench.ts, README "Benchmarks"; ≈ 2.5× headroom). */
const HEAP_BYTES_PER_CELL = 320;

/**
 * Default limits: 1 GiB of worksheet XML, and {@link MAX_CELLS} cells — fewer when this Node's heap
 * is smaller than 4 GB (it is about a quarter of the machine's memory), so that reading never ends
 * in a heap crash. A 1,048,576-row inventory in the long layout (city, sector, year, emissions: 4.2
 * million cells, ≈ 180 MB of XML as Excel writes it) reads in about 5 s with ≈ 1.2 GB of memory.
 */
export function defaultLimits(heapBytes: number = getHeapStatistics().heap_size_limit): PackageLimits {
  return { sheetBytes: 1024 * 1024 * 1024, cells: Math.min(MAX_CELLS, Math.floor(heapBytes / HEAP_BYTES_PER_CELL)) };
}

export const DEFAULT_LIMITS: PackageLimits = defaultLimits();

type State = SheetEntry["state"];

interface Slot {
  name: string;
  state: State;
  /** The sheet as the file has it (undefined for a sheet added in this session). */
  readonly entry: SheetEntry | undefined;
  /** Its content lives in the in-memory store (added, cleared or written into): written out on save. */
  memory: boolean;
  mark: string | undefined;
}

const lower = (s: string) => s.toLowerCase();

function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

/** The .xlsx workbook behind {@link createPackagePort}. */
export class PackageStore implements SheetStore {
  private readonly slots: Slot[];
  /** Content of the sheets the add-in writes (added, cleared or written into). */
  readonly memory = new MemoryStore();
  private readonly parsed = new Map<string, SheetCells>();
  private sharedStrings: string[] | undefined;
  private dateStyles: boolean[] | undefined;
  private inflated = 0;
  private cellsRead = 0;
  private settings: Map<string, string> | undefined;
  private settingsDirty = false;
  private readonly deleted: SheetEntry[] = [];
  /** Tables of owned sheets still in the file that a batch deleted (their cells go when the sheet is materialised). */
  private readonly droppedTables = new Map<string, Rect>();

  constructor(
    readonly pkg: XlsxPackage,
    readonly limits: PackageLimits = DEFAULT_LIMITS,
  ) {
    const marks = new Map<number, string>();
    for (const n of pkg.definedNames) {
      if (n.name !== OWNER_MARK_NAME || n.localSheetId === undefined) continue;
      const m = markOfFormula(n.text);
      if (m !== undefined) marks.set(n.localSheetId, m);
    }
    this.slots = pkg.sheets.map((e, i) => ({ name: e.name, state: e.state, entry: e, memory: false, mark: marks.get(i) }));
  }

  private slot(name: string): Slot {
    const s = this.slots.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheets(): { name: string; visible: boolean }[] {
    return this.slots.filter((s) => s.name !== STORE_SHEET).map((s) => ({ name: s.name, visible: s.state === "visible" }));
  }

  /** The parsed cells of a sheet from the file (empty for chart sheets and the like). */
  private cells(slot: Slot): SheetCells {
    const part = slot.entry?.part;
    if (!part || slot.entry!.kind !== "worksheet") return { rows: [], used: undefined, count: 0, tableRels: [] };
    const cached = this.parsed.get(part);
    if (cached) return cached;
    const pkg = this.pkg;
    const size = pkg.size(part);
    if (this.inflated + size > this.limits.sheetBytes) {
      throw new IssueError(issue("workbook_too_large", [], { sheet: slot.name, size, read: this.inflated, limit: this.limits.sheetBytes }));
    }
    this.inflated += size;
    this.sharedStrings ??= this.workbookPartText("sharedStrings", readSharedStrings, []);
    this.dateStyles ??= this.workbookPartText("styles", readDateStyles, []);
    const bytes = this.guarded(() => pkg.bytes(part, this.limits.sheetBytes - this.inflated + size));
    const remaining = this.limits.cells - this.cellsRead;
    const cells = this.guarded(() =>
      pkg.xml(part, () =>
        readSheetCells(bytes, {
          sharedStrings: this.sharedStrings!,
          dateStyles: this.dateStyles!,
          date1904: pkg.date1904,
          maxCells: remaining,
          tooMany: (count) =>
            new IssueError(issue("workbook_too_many_cells", [], { sheet: slot.name, count: this.cellsRead + count, limit: this.limits.cells })),
        }),
      ),
    );
    this.cellsRead += cells.count;
    this.parsed.set(part, cells);
    return cells;
  }

  /** Runs a package read, turning a package problem into the issue it is. */
  private guarded<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof PackageError) throw new IssueError(packageIssue(e, undefined));
      throw e;
    }
  }

  private workbookPartText<T>(kind: string, parse: (xml: string) => T, none: T): T {
    const rel = this.pkg.workbookRel(kind);
    if (!rel) return none;
    return this.guarded(() => this.pkg.xml(rel.target, () => parse(this.pkg.text(rel.target))));
  }

  usedRange(name: string): Rect | undefined {
    const s = this.slot(name);
    return s.memory ? this.memory.usedRange(name) : this.cells(s).used;
  }

  read(name: string, rect: Rect): unknown[][] {
    const s = this.slot(name);
    if (s.memory) return this.memory.read(name, rect);
    const rows = this.cells(s).rows;
    const out: unknown[][] = [];
    for (let r = rect.row; r <= rect.lastRow; r++) {
      const src = rows[r - 1];
      const row: unknown[] = new Array(rect.lastCol - rect.col + 1);
      for (let c = rect.col; c <= rect.lastCol; c++) {
        const v = src?.[c - 1];
        row[c - rect.col] = v === undefined ? null : v;
      }
      out.push(row);
    }
    return out;
  }

  /** The tables of a sheet as the file has them (from its relationships; the sheet itself is not parsed). */
  private fileTables(slot: Slot): { name: string; sheet: string; rect: Rect; part: string }[] {
    const part = slot.entry?.part;
    if (!part) return [];
    const out: { name: string; sheet: string; rect: Rect; part: string }[] = [];
    for (const rel of this.pkg.rels(part)) {
      if (rel.kind !== "table" || rel.external || !this.pkg.has(rel.target)) continue;
      const t = this.guarded(() => this.pkg.xml(rel.target, () => readTablePart(this.pkg.text(rel.target))));
      if (!t) continue;
      const [a, b] = t.ref.split(":");
      const p = parseRef(a);
      const q = b === undefined ? p : parseRef(b);
      if (p && q && !this.droppedTables.has(lower(t.name)))
        out.push({ name: t.name, sheet: slot.name, rect: { row: p.row, col: p.col, lastRow: q.row, lastCol: q.col }, part: rel.target });
    }
    return out;
  }

  tables(): { name: string; sheet: string; rect: Rect }[] {
    const out: { name: string; sheet: string; rect: Rect }[] = [];
    for (const s of this.slots) {
      if (s.name === STORE_SHEET) continue;
      if (s.memory)
        pushAll(
          out,
          this.memory.tables().filter((t) => t.sheet === s.name),
        );
      else
        pushAll(
          out,
          this.fileTables(s).map(({ name, sheet, rect }) => ({ name, sheet, rect })),
        );
    }
    return out;
  }

  addSheet(name: string): void {
    this.slots.push({ name, state: "visible", entry: undefined, memory: true, mark: undefined });
    this.memory.addSheet(name);
  }

  deleteSheet(name: string): void {
    const s = this.slot(name);
    this.slots.splice(this.slots.indexOf(s), 1);
    if (s.memory) this.memory.deleteSheet(name);
    if (s.entry) this.deleted.push(s.entry);
    this.dropCharts(name);
  }

  clearSheet(name: string): void {
    const s = this.slot(name);
    if (s.memory) this.memory.clearSheet(name);
    else {
      s.memory = true;
      this.memory.addSheet(name);
    }
    this.dropCharts(name);
  }

  /** Moves a sheet's content from the file into the in-memory store (values and tables; the add-in rewrites its own sheets whole). */
  private materialize(s: Slot): void {
    if (s.memory) return;
    const rows = this.cells(s).rows;
    const tables = this.fileTables(s);
    this.memory.addSheet(s.name);
    const sheet = this.memory.sheetList.find((x) => x.name === s.name)!;
    sheet.cells = rows.map((r) => (r ? r.map((v) => (v instanceof UncachedFormula ? null : v)) : []));
    for (const t of tables) this.memory.tableList.push({ name: t.name, sheet: s.name, rect: t.rect });
    // Tables deleted before: their cells go with them (as Excel's table.delete()).
    for (const [name, rect] of this.droppedTables) {
      if (!this.pkgTableOn(s, name)) continue;
      for (let r = rect.row; r <= rect.lastRow; r++) for (let c = rect.col; c <= rect.lastCol; c++) if (sheet.cells[r - 1]) sheet.cells[r - 1][c - 1] = null;
    }
    s.memory = true;
  }

  writeTable(
    name: string,
    rect: Rect,
    table: string,
    values: readonly (readonly CellValue[])[],
    formats: readonly (string | undefined)[],
    validation: readonly PlannedValidation[] = [],
    formulas: readonly PlannedFormula[] = [],
  ): void {
    this.materialize(this.slot(name));
    this.memory.writeTable(name, rect, table, values, formats, validation, formulas);
  }

  deleteTable(name: string): void {
    const t = this.memory.tableList.find((x) => lower(x.name) === lower(name));
    if (t) return this.memory.deleteTable(t.name);
    // A table still in the file: dropped now, its cells cleared if the sheet is written into later
    // (a cleared or deleted sheet is not parsed at all).
    for (const s of this.slots) {
      const f = s.memory ? undefined : this.fileTables(s).find((x) => lower(x.name) === lower(name));
      if (f) this.droppedTables.set(lower(name), f.rect);
    }
  }

  /** Whether the file has a table of that name on the sheet (dropped ones included). */
  private pkgTableOn(s: Slot, name: string): boolean {
    const part = s.entry?.part;
    if (!part) return false;
    return this.pkg
      .rels(part)
      .some(
        (rel) =>
          rel.kind === "table" && this.pkg.has(rel.target) && lower(this.guarded(() => readTablePart(this.pkg.text(rel.target)))?.name ?? "") === lower(name),
      );
  }

  addChart(sheet: string, spec: ChartSpec, source: { sheet: string; rect: Rect }, anchor: { row: number; col: number }): void {
    const s = source.rect;
    const record: ChartRecord = {
      sheet,
      spec,
      source: rangeAddress(source.sheet, s.row, s.col, s.lastRow, s.lastCol),
      anchor: cellAddress(sheet, anchor.row, anchor.col),
    };
    this.setSetting(CHARTS_KEY, JSON.stringify([...chartRecordsOf(this.getSetting(CHARTS_KEY)), record]));
  }

  /** Charts recorded by {@link addChart} (this adapter does not draw charts). */
  chartRecords(): ChartRecord[] {
    return chartRecordsOf(this.getSetting(CHARTS_KEY));
  }

  private dropCharts(sheet: string): void {
    const kept = withoutSheetCharts(this.getSetting(CHARTS_KEY), sheet);
    if (kept !== undefined) this.setSetting(CHARTS_KEY, kept);
  }

  private store(): Map<string, string> {
    if (this.settings) return this.settings;
    const s = this.slots.find((x) => x.name === STORE_SHEET);
    let rows: unknown[][] = [];
    if (s) {
      const used = this.usedRange(STORE_SHEET);
      if (used) rows = this.read(STORE_SHEET, { row: used.row, col: 1, lastRow: used.lastRow, lastCol: used.lastCol });
    }
    this.settings = decodeStore(rows.map((r) => r.map((v) => (v instanceof UncachedFormula ? null : v))));
    return this.settings;
  }

  getSetting(key: string): string | undefined {
    return this.store().get(key);
  }

  setSetting(key: string, json: string): void {
    this.store().set(key, json);
    this.settingsDirty = true;
  }

  select(): void {
    // No user interface: nothing to select.
  }

  sheetMark(sheet: string): string | undefined {
    return this.slots.find((x) => x.name === sheet)?.mark;
  }

  setSheetMark(sheet: string, mark: string): void {
    this.slot(sheet).mark = mark;
  }

  /** Whether anything would be written: an added, cleared, written or deleted sheet, or changed records. */
  get changed(): boolean {
    return this.settingsDirty || this.deleted.length > 0 || this.slots.some((s) => s.memory || this.markChanged(s));
  }

  private markChanged(s: Slot): boolean {
    const i = s.entry ? this.pkg.sheets.indexOf(s.entry) : -1;
    const before = i < 0 ? undefined : this.pkg.definedNames.find((n) => n.name === OWNER_MARK_NAME && n.localSheetId === i);
    return (before === undefined ? undefined : markOfFormula(before.text)) !== s.mark;
  }

  /**
   * The workbook with this session's changes, as the bytes of an .xlsx file. Nothing changed: the
   * original bytes. A Strict Open XML workbook is refused (`workbook_strict`).
   */
  save(): Buffer {
    if (!this.changed) return this.pkg.zip.bytes;
    if (this.pkg.strict) throw new IssueError(issue("workbook_strict", []));
    return new PackageWriter(this).write();
  }

  /** @internal for the writer */
  internals() {
    return {
      slots: this.slots,
      deleted: this.deleted,
      settingsDirty: this.settingsDirty,
      settings: this.settings,
      pkg: this.pkg,
      memory: this.memory,
      fileTables: (s: Slot) => this.fileTables(s),
    };
  }
}

/** One save: allocates part names, serialises owned sheets, edits shared parts, sweeps what is no longer used. */
class PackageWriter {
  private readonly pkg: XlsxPackage;
  private readonly out = new Map<string, Buffer | null>();
  private readonly used = new Set<string>();
  private readonly contentTypes = new Map<string, string>();
  private readonly newRels = new Map<string, { id: string; type: string; target: string }[]>();

  constructor(private readonly store: PackageStore) {
    this.pkg = store.pkg;
    for (const e of this.pkg.zip.entries) this.used.add(lower(e.name.replace(/^\//, "")));
  }

  private alloc(folder: string, base: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder === "" ? "" : `${folder}/`}${base}${n}.xml`;
      if (!this.used.has(lower(name))) {
        this.used.add(lower(name));
        return name;
      }
    }
  }

  private put(part: string, text: string): void {
    this.out.set(part, Buffer.from(text, "utf8"));
  }

  write(): Buffer {
    const { slots, deleted, settingsDirty, memory, fileTables } = this.store.internals();
    const pkg = this.pkg;
    const wbPart = pkg.workbookPart;
    const wbFolder = folderOf(wbPart);
    const storeRows = settingsDirty ? encodeStore(this.store.internals().settings!) : undefined;

    // The records sheet: rewritten when the records changed, added (very hidden) when missing.
    let storeSlot = slots.find((s) => s.name === STORE_SHEET);
    if (storeRows && !storeSlot) {
      storeSlot = { name: STORE_SHEET, state: "veryHidden", entry: undefined, memory: true, mark: undefined };
      slots.push(storeSlot);
    }
    if (storeRows && storeSlot) storeSlot.state = "veryHidden";
    const rewritten = slots.filter((s) => s.memory || (s === storeSlot && storeRows !== undefined));

    // Table ids are unique in a workbook: after those of the tables that stay.
    let nextTableId = 1;
    for (const s of slots) if (!rewritten.includes(s)) for (const t of fileTables(s)) nextTableId = Math.max(nextTableId, (this.tableId(t.part) ?? 0) + 1);

    // Number formats of the owned sheets, added to the styles part (created if the package has none).
    const formats = new Set<string>();
    for (const s of rewritten) for (const f of memory.sheetList.find((x) => x.name === s.name)?.formats.values() ?? []) formats.add(f);
    let styleOf = new Map<string, number>();
    const wbRelAdds: { id: string; type: string; target: string }[] = [];
    const wbRels = pkg.rels(wbPart);
    const relIds = new Set(wbRels.map((r) => r.id));
    const newRelId = () => {
      for (let n = relIds.size + 1; ; n++) if (!relIds.has(`rId${n}`)) return (relIds.add(`rId${n}`), `rId${n}`);
    };
    if (formats.size > 0) {
      const rel = pkg.workbookRel("styles");
      if (rel) {
        const edited = pkg.xml(rel.target, () => addNumberFormats(pkg.text(rel.target), [...formats]));
        styleOf = edited.styles;
        this.put(rel.target, edited.text);
      } else {
        const part = this.alloc(wbFolder, "styles");
        const edited = addNumberFormats(minimalStylesXml(), [...formats]);
        styleOf = edited.styles;
        this.put(part, edited.text);
        wbRelAdds.push({ id: newRelId(), type: REL_STYLES, target: relativeTarget(wbPart, part) });
        this.contentTypes.set(part, CT_STYLES);
      }
    }

    // The owned sheets' parts: a cleared sheet keeps its part name, a new one gets a free one.
    const sheetParts = new Map<Slot, { part: string; rId: string }>();
    for (const s of rewritten) {
      let part = s.entry?.part;
      let rId = s.entry?.rId;
      if (!part || !rId) {
        part = this.alloc(`${wbFolder === "" ? "" : `${wbFolder}/`}worksheets`, "sheet");
        rId = newRelId();
        wbRelAdds.push({ id: rId, type: REL_WORKSHEET, target: relativeTarget(wbPart, part) });
      }
      this.contentTypes.set(part, CT_WORKSHEET);
      sheetParts.set(s, { part, rId });
      let data: OwnedSheetData;
      const rels: { id: string; type: string; target: string }[] = [];
      if (s === storeSlot && storeRows) {
        data = { cells: storeRows, formats: new Map(), formulas: new Map(), validations: [], tableRels: [] };
      } else {
        const sheet = memory.sheetList.find((x) => x.name === s.name)!;
        const cells = sheet.cells.map((r) => (r ? [...r] : r));
        for (const t of memory.tableList.filter((x) => x.sheet === s.name)) {
          const header = (cells[t.rect.row - 1] ??= []);
          const names = tableColumnNames(Array.from({ length: t.rect.lastCol - t.rect.col + 1 }, (_, i) => header[t.rect.col - 1 + i]));
          names.forEach((n, i) => (header[t.rect.col - 1 + i] = n));
          const tablePart = this.alloc(`${wbFolder === "" ? "" : `${wbFolder}/`}tables`, "table");
          this.put(tablePart, tableXml(nextTableId++, t.name, t.rect, names));
          this.contentTypes.set(tablePart, CT_TABLE);
          rels.push({ id: `rId${rels.length + 1}`, type: REL_TABLE, target: relativeTarget(part, tablePart) });
        }
        data = { cells, formats: sheet.formats, formulas: sheet.formulas ?? new Map(), validations: sheet.validations ?? [], tableRels: rels.map((r) => r.id) };
      }
      this.put(
        part,
        worksheetXml(data, (f) => styleOf.get(f)!),
      );
      const relsPart = relsPartOf(part);
      if (rels.length > 0) this.put(relsPart, relsXml(rels));
      else if (pkg.has(relsPart)) this.out.set(relsPart, null);
      this.newRels.set(
        part,
        rels.map((r) => ({ ...r, target: resolve(part, r.target) })),
      );
    }

    // The workbook part: sheet list, defined names (marks), active tab; its relationships.
    this.put(wbPart, this.workbookXml(slots, sheetParts, deleted));
    const removeRels = new Set(deleted.map((d) => d.rId));
    const wbRelsPart = relsPartOf(wbPart);

    // The calculation chain loses the entries of sheets rewritten or deleted (removed when empty).
    const calc = pkg.workbookRel("calcChain");
    const dropIds = new Set([...deleted, ...rewritten.flatMap((s) => (s.entry ? [s.entry] : []))].map((e) => e.sheetId));
    if (calc && dropIds.size > 0) {
      const kept = pkg.xml(calc.target, () => filterCalcChain(pkg.text(calc.target), dropIds));
      if (kept === undefined) {
        this.out.set(calc.target, null);
        removeRels.add(calc.id);
      } else this.put(calc.target, kept);
    }
    this.put(wbRelsPart, editRels(pkg.text(wbRelsPart), removeRels, wbRelAdds));
    const wbRelsAfter = [
      ...wbRels.filter((r) => !removeRels.has(r.id)),
      ...wbRelAdds.map((r) => ({ ...r, target: resolve(wbPart, r.target), external: false })),
    ];
    this.newRels.set(wbPart, wbRelsAfter);

    // Parts only the replaced or deleted sheets used are removed (with their rels parts).
    const before = this.reachable((p) => pkg.rels(p));
    const after = this.reachable((p) => this.newRels.get(p) ?? pkg.rels(p));
    for (const p of before) {
      if (after.has(p) || this.out.has(p)) continue;
      this.out.set(p, null);
      if (pkg.has(relsPartOf(p))) this.out.set(relsPartOf(p), null);
    }
    for (const d of deleted) if (d.part && !after.has(d.part)) this.out.set(d.part, null);
    const removed = new Set([...this.out].filter(([, v]) => v === null).map(([k]) => lower(k)));
    this.put("[Content_Types].xml", editContentTypes(pkg.text("[Content_Types].xml"), removed, this.contentTypes));

    // The archive: every entry in its place (copied unless replaced or removed), new parts after.
    const items: ZipOut[] = [];
    const written = new Set<string>();
    for (const e of pkg.zip.entries) {
      const name = e.name.replace(/^\//, "");
      const key = [...this.out.keys()].find((k) => lower(k) === lower(name));
      if (key === undefined) items.push({ name: e.name, copy: e, from: pkg.zip });
      else {
        written.add(key);
        const data = this.out.get(key);
        if (data) items.push({ name: e.name, data });
      }
    }
    for (const [name, data] of this.out) if (!written.has(name) && data) items.push({ name, data });
    return writeZip(items);
  }

  private tableId(part: string): number | undefined {
    return this.pkg.xml(part, () => readTablePart(this.pkg.text(part)))?.id;
  }

  /** Parts reachable from the package's relationships (internal targets that exist). */
  private reachable(relsOf: (part: string) => readonly { target: string; external?: boolean }[]): Set<string> {
    const seen = new Set<string>();
    const queue: string[] = [""];
    while (queue.length > 0) {
      const p = queue.pop()!;
      for (const r of relsOf(p)) {
        if (r.external) continue;
        const e = this.pkg.entry(r.target);
        const name = e ? e.name.replace(/^\//, "") : this.out.has(r.target) ? r.target : undefined;
        if (name === undefined || seen.has(name)) continue;
        seen.add(name);
        queue.push(name);
      }
    }
    return seen;
  }

  /** The workbook part after the session: sheet list, defined names, active tab. */
  private workbookXml(slots: readonly Slot[], parts: ReadonlyMap<Slot, { part: string; rId: string }>, deleted: readonly SheetEntry[]): string {
    const pkg = this.pkg;
    const xml = pkg.workbookXml;
    const p = rootPrefix(xml);
    const rPrefix = relPrefix(xml, pkg.sheetsSpan.start);
    let nextId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
    const items = slots.map((s) => {
      if (s.entry && s.state === s.entry.state) return s.entry.raw;
      if (s.entry) return withAttr(s.entry.raw, "state", s.state);
      const rId = parts.get(s)!.rId;
      const state = s.state === "visible" ? "" : ` state="${s.state}"`;
      const ns = rPrefix.declare ? ` xmlns:${rPrefix.prefix}="${NS_REL}"` : "";
      return `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${nextId++}"${state}${ns} ${rPrefix.prefix}:id="${rId}"/>`;
    });
    const splices: Splice[] = [];
    const span = pkg.sheetsSpan;
    const openEnd = xml.indexOf(">", span.start) + 1;
    const openTag = xml.slice(span.start, openEnd).replace(/\/>$/, ">");
    splices.push({ start: span.start, end: span.end, text: `${openTag}${items.join("")}</${p}sheets>` });

    // Defined names: sheet-scoped ones follow their sheet's new position (those of deleted sheets go), marks are restated.
    const newIndex = new Map<number, number>();
    pkg.sheets.forEach((e, i) => {
      const j = slots.findIndex((s) => s.entry === e);
      if (j >= 0) newIndex.set(i, j);
    });
    const names: string[] = [];
    for (const n of pkg.definedNames) {
      if (n.localSheetId !== undefined && (n.name === OWNER_MARK_NAME || !newIndex.has(n.localSheetId))) continue;
      const raw = xml.slice(n.start, n.end);
      names.push(
        n.localSheetId === undefined || newIndex.get(n.localSheetId) === n.localSheetId
          ? raw
          : withAttr(raw, "localSheetId", String(newIndex.get(n.localSheetId))),
      );
    }
    slots.forEach((s, i) => {
      if (s.mark !== undefined)
        names.push(`<${p}definedName name="${OWNER_MARK_NAME}" localSheetId="${i}" hidden="1">${escapeText(markFormula(s.mark))}</${p}definedName>`);
    });
    const block = names.length === 0 ? "" : `<${p}definedNames>${names.join("")}</${p}definedNames>`;
    if (pkg.definedNamesSpan) splices.push({ start: pkg.definedNamesSpan.start, end: pkg.definedNamesSpan.end, text: block });
    else if (block) {
      // After the sheet list (and external references / function groups, which come between).
      let at = span.end;
      const after = /<\/(?:\w+:)?(?:externalReferences|functionGroups)>|<(?:\w+:)?(?:externalReferences|functionGroups)\b[^>]*\/>/g;
      after.lastIndex = span.end;
      let m: RegExpExecArray | null;
      while ((m = after.exec(xml)) !== null) at = m.index + m[0].length;
      splices.push({ start: at, end: at, text: block });
    }

    // The active and first visible tabs follow their sheets; a deleted one gives way to the first visible sheet.
    const view = /<(?:\w+:)?workbookView\b[^>]*>/.exec(xml);
    if (view && (deleted.length > 0 || slots.length !== pkg.sheets.length)) {
      let tag = view[0];
      const firstVisible = Math.max(
        0,
        slots.findIndex((s) => s.state === "visible"),
      );
      for (const attr of ["activeTab", "firstSheet"]) {
        const m = new RegExp(`\\s${attr}="(\\d+)"`).exec(tag);
        if (!m) continue;
        const now = newIndex.get(Number(m[1]));
        const next = now === undefined || slots[now]?.state !== "visible" ? firstVisible : now;
        if (next !== Number(m[1])) tag = withAttr(tag, attr, String(next));
      }
      if (tag !== view[0]) splices.push({ start: view.index, end: view.index + view[0].length, text: tag });
    }
    return applySplices(xml, splices);
  }
}

function resolve(source: string, target: string): string {
  const base = folderOf(source).split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "" && seg !== ".") base.push(seg);
  }
  return base.join("/");
}

/** Sets (or adds) an attribute on an element's start tag text. */
function withAttr(raw: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(raw)) return raw.replace(re, `$1"${escapeAttr(value)}"`);
  return raw.replace(/^(<[^\s/>]+)/, `$1 ${name}="${escapeAttr(value)}"`);
}

/**
 * The prefix bound to the relationships namespace on the workbook's root or `<sheets>` element; when
 * neither declares one (openpyxl declares it on each `<sheet>`), new sheets declare `xmlns:r` themselves.
 */
function relPrefix(xml: string, sheetsStart: number): { prefix: string; declare: boolean } {
  const ns = NS_REL.replace(/[.]/g, "\\.");
  const root = /<[^?!][^>]*>/.exec(xml)?.[0] ?? "";
  const sheetsTag = xml.slice(sheetsStart, xml.indexOf(">", sheetsStart) + 1);
  for (const tag of [root, sheetsTag]) {
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${ns}["']`).exec(tag);
    if (m) return { prefix: m[1], declare: false };
  }
  return { prefix: "r", declare: true };
}

/** The issue for a package that cannot be read (`file` names it in the message). */
export function packageIssue(e: PackageError, file: string | undefined) {
  const p = e.problem;
  switch (p.kind) {
    case "not_xlsx":
      return issue("file_not_xlsx", [], { file });
    case "encrypted":
      return issue("file_encrypted", [], { file });
    case "legacy_ole":
      return issue("file_legacy_xls", [], { file });
    case "too_large":
      return issue("workbook_part_too_large", [], { file, part: p.part, size: p.size, limit: p.limit });
    case "corrupt":
      return issue("file_corrupt", [], { file, detail: p.detail });
  }
}

/** The package adapter's WorkbookPort; `xlsx` exposes the store (its chart records, `save()`). */
export class PackagePort extends StorePort {
  constructor(readonly xlsx: PackageStore) {
    super(xlsx);
  }
}

/**
 * A WorkbookPort over an .xlsx file's bytes; `port.xlsx.save()` gives the bytes with the add-in's
 * changes (only its own sheets written, everything else kept).
 * @throws PackageError when the bytes are not a readable .xlsx package
 * @example const port = createPackagePort(readFileSync("book.xlsx")); await runAndWrite(port); writeFileSync("out.xlsx", port.xlsx.save())
 */
export function createPackagePort(bytes: Buffer, limits: PackageLimits = DEFAULT_LIMITS): PackagePort {
  return new PackagePort(new PackageStore(new XlsxPackage(bytes), limits));
}
