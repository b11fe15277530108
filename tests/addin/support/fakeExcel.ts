/**
 * A fake Excel for the adapter's tests: a RequestContext whose proxies queue operations that run
 * in order at `context.sync()`, like Office.js; it COUNTS syncs and estimates the bytes of each
 * request and response, so tests can prove sync counts and the 5 MB request limit.
 * Only the members the adapter uses exist (office-addin-mock needs each member written by hand too).
 */
import { formatA1 as cellAddress, localAddress, rangeSize, requireRange } from "@coop-plans/shared/workbook";

/** A range as top-left cell and size (the fake's own view of an address). */
function parseRange(address: string): { top: { row: number; column: number }; rows: number; columns: number } {
  const r = requireRange(address);
  return { top: { row: r.top, column: r.left }, ...rangeSize(r) };
}

type Value = string | number | boolean | null;

/** One cell's state. */
export interface FakeCell {
  value: Value;
  /** Set when a string written to `values` was taken as a formula (as Excel does with "=…", "+…", "@…"). */
  formula?: string;
  fill: string | null;
  numberFormat?: string;
  bold?: boolean;
}

/** One sheet's state; `generate` makes a large sheet without storing its cells. */
export class FakeSheet {
  cells = new Map<string, FakeCell>();
  notes = new Map<string, string>();
  merged: string[] = [];
  frozenRows = 0;
  charts: { type: string; address: string; title: string }[] = [];
  validations: { address: string; source: string }[] = [];
  /** Worksheet id: stable across renames, like Office's. */
  id = `{SHEET-${Math.random().toString(16).slice(2, 10)}}`;
  protected = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  generate?: { rows: number; columns: number; value: (r: number, c: number) => Value };

  constructor(public name: string) {}

  key(row: number, column: number): string {
    return `${row},${column}`;
  }
  cell(row: number, column: number): FakeCell {
    const k = this.key(row, column);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: this.generate && row <= this.generate.rows && column <= this.generate.columns ? this.generate.value(row, column) : null, fill: null };
      if (!this.generate) this.cells.set(k, c);
    }
    return c;
  }
  /** Writable cell (materialised). */
  at(address: string): FakeCell {
    const { row, column } = parseRange(address).top;
    const k = this.key(row, column);
    const existing = this.cells.get(k);
    if (existing) return existing;
    const c = { ...this.cell(row, column) };
    this.cells.set(k, c);
    return c;
  }
  /** Bounding box of non-empty values (used range, valuesOnly), or null. */
  usedBox(): { top: number; left: number; rows: number; columns: number } | null {
    if (this.generate) return { top: 1, left: 1, rows: this.generate.rows, columns: this.generate.columns };
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [k, c] of this.cells) {
      if (c.value === null || c.value === "") continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r); left = Math.min(left, col); bottom = Math.max(bottom, r); right = Math.max(right, col);
    }
    return bottom === 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }
  /** Sets a block of values from A1. */
  setValues(values: Value[][], top = 1, left = 1): this {
    values.forEach((row, r) => row.forEach((v, c) => { if (v !== null) this.at(cellAddress(top + r, left + c)).value = v; }));
    return this;
  }
}

interface Op {
  bytes: number;
  run: () => unknown;
}

/** Excel on the web's cap on a request and on a response. */
const LIMIT = 5 * 1024 * 1024;
const size = (x: unknown) => JSON.stringify(x ?? null).length;
const notLoaded = (what: string) => { throw new Error(`fake Excel: ${what} read before load + sync`); };

/** The fake: sheets, the counters, and `run` (Excel.run) handing out a fresh context each time. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  date1904 = false;
  /** Threaded comments (`workbook.comments`, the notes' stand-in before ExcelApi 1.18), by id. */
  comments = new Map<string, { sheet: string; cell: string; content: string }>();
  private commentSeq = 0;
  /** Custom document properties (`workbook.properties.custom`), by key as written. */
  customProperties = new Map<string, unknown>();
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  suspendedSyncs = 0;
  /** Syncs Excel refused because the response would exceed 5 MB (like Excel on the web). */
  refusedSyncs = 0;
  private queue: Op[] = [];
  private suspended = false;

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  /** A sheet by name or id (Office's `worksheets.getItem` takes either). */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name || x.id === name);
    if (!s) throw Object.assign(new Error(`ItemNotFound: sheet ${name}`), { code: "ItemNotFound" });
    return s;
  }
  /** The sheet, refusing a write when it is protected (Excel: AccessDenied). */
  writable(name: string): FakeSheet {
    const s = this.sheet(name);
    if (s.protected) throw Object.assign(new Error("The cell or chart you're trying to change is on a protected sheet."), { code: "AccessDenied" });
    return s;
  }
  /** Renames a sheet, as the user does on its tab. */
  rename(from: string, to: string): void {
    this.sheet(from).name = to;
  }
  resetCounters(): void {
    this.syncs = 0; this.requestBytes = []; this.responseBytes = []; this.suspendedSyncs = 0;
  }

  private enqueue(bytes: number, run: () => unknown): void {
    this.queue.push({ bytes, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.syncs++;
    if (this.suspended) this.suspendedSyncs++;
    this.suspended = false;
    this.requestBytes.push(ops.reduce((n, o) => n + o.bytes, 0));
    if (this.requestBytes[this.requestBytes.length - 1] > LIMIT) {
      this.refusedSyncs++;
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
    }
    let response = 0;
    for (const op of ops) response += size(op.run());
    if (response > LIMIT) {
      this.refusedSyncs++;
      this.responseBytes.push(0);
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
    this.responseBytes.push(response);
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context() as unknown as Excel.RequestContext);

  context(): unknown {
    const fx = this;
    const worksheetsProxy = {
      _items: undefined as unknown[] | undefined,
      load(_props: string) {
        fx.enqueue(40, () => {
          worksheetsProxy._items = fx.sheets.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility, protection: { protected: s.protected } }));
          return worksheetsProxy._items;
        });
      },
      get items() { return worksheetsProxy._items ?? notLoaded("worksheets.items"); },
      getItem: (name: string) => fx.sheetProxy(name),
      getItemOrNullObject: (name: string) => {
        const p = {
          _loaded: false, _sheet: undefined as FakeSheet | undefined,
          load() { fx.enqueue(40, () => { p._loaded = true; p._sheet = fx.sheets.find((x) => x.name === name || x.id === name); return p._sheet?.visibility ?? null; }); },
          get isNullObject() { return p._loaded ? p._sheet === undefined : notLoaded("isNullObject"); },
          get visibility() { return p._loaded ? p._sheet!.visibility : notLoaded("visibility"); },
        };
        return p;
      },
      add: (name: string) => {
        fx.enqueue(40 + name.length, () => {
          if (fx.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
          fx.addSheet(name);
        });
        return fx.sheetProxy(name);
      },
    };
    const customKey = (key: string) => [...fx.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
    const customProxy = {
      _items: undefined as unknown[] | undefined,
      load(_props: string) {
        fx.enqueue(40, () => {
          customProxy._items = [...fx.customProperties.entries()].map(([key, value]) => ({
            key, value, delete: () => fx.enqueue(40, () => fx.customProperties.delete(key)),
          }));
          return customProxy._items.map((p) => [(p as { key: string }).key, (p as { value: unknown }).value]);
        });
      },
      get items() { return customProxy._items ?? notLoaded("properties.custom.items"); },
      add: (key: string, value: unknown) => fx.enqueue(40 + key.length + String(value).length, () => {
        // Office replaces the value of an existing key (matched without case), keeping the key's spelling.
        fx.customProperties.set(customKey(key) ?? key, value);
      }),
    };
    const commentsProxy = {
      _items: undefined as { id: string }[] | undefined,
      load(_props: string) {
        fx.enqueue(40, () => (commentsProxy._items = [...fx.comments.keys()].map((id) => ({ id }))));
      },
      get items() { return commentsProxy._items ?? notLoaded("comments.items"); },
      // `'Sheet'!A1` or `Sheet!A1`; a cell holds one comment thread (Excel refuses a second).
      add: (address: string, content: string) => {
        const added = { _id: undefined as string | undefined, load(_p: string) { /* the id is known once the add ran */ }, get id() { return added._id ?? notLoaded("comment.id"); } };
        fx.enqueue(40 + content.length, () => {
          const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(address);
          if (!m) throw new Error(`InvalidArgument: ${address}`);
          const sheet = fx.writable(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).name;
          if ([...fx.comments.values()].some((c) => c.sheet === sheet && c.cell === m[3])) throw new Error("InvalidArgument: the cell already has a comment");
          added._id = `{COMMENT-${++fx.commentSeq}}`;
          fx.comments.set(added._id, { sheet, cell: m[3], content });
          return added._id;
        });
        return added;
      },
      getItem: (id: string) => ({
        delete: () => fx.enqueue(40, () => { if (!fx.comments.delete(id)) throw new Error("ItemNotFound: comment"); }),
        set content(text: string) { fx.enqueue(40 + text.length, () => { const c = fx.comments.get(id); if (!c) throw new Error("ItemNotFound: comment"); c.content = text; }); },
      }),
    };
    return {
      workbook: {
        worksheets: worksheetsProxy,
        comments: commentsProxy,
        properties: { custom: customProxy },
        functions: {
          date(y: number, m: number, d: number) {
            const result = { _v: undefined as number | undefined, load() { fx.enqueue(40, () => (result._v = fx.date1904 ? (y === 1904 && m === 1 ? d - 1 : 99999) : 1462 + d - 1)); }, get value() { return result._v ?? notLoaded("date"); } };
            return result;
          },
        },
      },
      application: { suspendApiCalculationUntilNextSync: () => { fx.suspended = true; fx.enqueue(20, () => null); } },
      sync: () => fx.sync(),
    };
  }

  sheetProxy(name: string): unknown {
    const fx = this;
    return {
      get name() { return name; },
      getUsedRangeOrNullObject: (_valuesOnly?: boolean) => fx.usedRangeProxy(name),
      getRange: (address: string) => fx.rangeProxy(name, address),
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => fx.rangeProxy(name, `${cellAddress(r + 1, c + 1)}:${cellAddress(r + rows, c + cols)}`),
      activate: () => fx.enqueue(30, () => {
        if (fx.sheet(name).visibility !== "Visible") throw Object.assign(new Error("This operation is not permitted for the current object."), { code: "InvalidOperation" });
      }),
      delete: () => fx.enqueue(30, () => { fx.sheets = fx.sheets.filter((s) => s.name !== name); }),
      freezePanes: { freezeRows: (n: number) => fx.enqueue(30, () => { fx.sheet(name).frozenRows = n; }) },
      charts: {
        add: (type: string, range: { _address: string }, _by: string) => {
          const chart = { type, address: range._address, title: "" };
          fx.enqueue(80, () => fx.sheet(name).charts.push(chart));
          return {
            title: { set text(t: string) { fx.enqueue(40 + t.length, () => { chart.title = t; }); } },
            setPosition: () => fx.enqueue(40, () => null),
          };
        },
      },
      notes: {
        getItemOrNullObject: (cell: string) => {
          const note = {
            _loaded: false, _null: true, _content: "",
            load() { fx.enqueue(40, () => { const s = fx.sheet(name); note._loaded = true; note._null = !s.notes.has(cell); note._content = s.notes.get(cell) ?? ""; return note._content; }); },
            get isNullObject() { return note._loaded ? note._null : notLoaded("note"); },
            get content() { return note._loaded ? note._content : notLoaded("note.content"); },
            set content(text: string) { fx.enqueue(40 + text.length, () => { fx.writable(name).notes.set(cell, text); }); },
            delete() { fx.enqueue(40, () => { if (!fx.writable(name).notes.delete(cell)) throw new Error("ItemNotFound: note"); }); },
          };
          return note;
        },
        add: (cell: string, content: string) => fx.enqueue(40 + content.length, () => {
          const s = fx.writable(name);
          if (s.notes.has(cell)) throw new Error("InvalidArgument: the cell already has a note");
          s.notes.set(cell, content);
        }),
      },
    };
  }

  usedRangeProxy(name: string): unknown {
    const fx = this;
    const p = {
      _loaded: false, _box: null as ReturnType<FakeSheet["usedBox"]>,
      load() { fx.enqueue(40, () => { p._loaded = true; p._box = fx.sheet(name).usedBox(); return p._box; }); },
      get isNullObject() { return p._loaded ? p._box === null : notLoaded("isNullObject"); },
      get address() { const b = p._box ?? notLoaded("address"); return `'${name}'!$${cellAddress(b!.top, b!.left).replace(/(\d+)/, "$$$1")}:${cellAddress(b!.top + b!.rows - 1, b!.left + b!.columns - 1)}`; },
      get rowCount() { return (p._box ?? notLoaded("rowCount"))!.rows; },
      get columnCount() { return (p._box ?? notLoaded("columnCount"))!.columns; },
    };
    return p;
  }

  rangeProxy(name: string, address: string): unknown {
    const fx = this;
    const { top, rows, columns } = parseRange(address);
    const each = <T>(f: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => f(top.row + r, top.column + c)));
    const loaded: Record<string, unknown> = {};
    const fill = {
      load(props: string) {
        fx.enqueue(40, () => { const c = fx.sheet(name).cell(top.row, top.column); loaded.color = c.fill ?? "#FFFFFF"; loaded.pattern = c.fill ? "Solid" : "None"; return [loaded.color, props.includes("pattern") ? loaded.pattern : null]; });
      },
      get color() { return (loaded.color as string) ?? notLoaded("fill.color"); },
      set color(v: string) { fx.enqueue(50, () => each((r, c) => { fx.writable(name).at(cellAddress(r, c)).fill = v.toUpperCase(); })); },
      get pattern() { return (loaded.pattern as string) ?? notLoaded("fill.pattern"); },
      clear() { fx.enqueue(40, () => each((r, c) => { fx.writable(name).at(cellAddress(r, c)).fill = null; })); },
    };
    const range = {
      _address: localAddress(address),
      load(props: string) {
        fx.enqueue(40 + props.length, () => {
          const s = fx.sheet(name);
          const out: Record<string, unknown> = {};
          if (props.includes("values")) loaded.values = out.values = each((r, c) => s.cell(r, c).value ?? "");
          if (props.includes("valueTypes")) loaded.valueTypes = out.valueTypes = each((r, c) => { const v = s.cell(r, c).value; return v === null || v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : /^#/.test(String(v)) ? "Error" : "String"; });
          if (props.includes("numberFormat")) loaded.numberFormat = out.numberFormat = each((r, c) => s.cell(r, c).numberFormat ?? "General");
          return out;
        });
      },
      get values(): Value[][] { return (loaded.values as Value[][]) ?? notLoaded("values"); },
      // Like Excel: a leading apostrophe marks text (not part of the value); a string starting with
      // = + - @ that is not a number is taken as a formula.
      set values(v: Value[][]) { fx.enqueue(size(v), () => v.forEach((row, r) => row.forEach((x, c) => {
        const cell = fx.writable(name).at(cellAddress(top.row + r, top.column + c));
        delete cell.formula;
        if (typeof x === "string" && x.startsWith("'")) cell.value = x.slice(1);
        else if (typeof x === "string" && /^[=+\-@]/.test(x) && Number.isNaN(Number(x))) { cell.formula = x; cell.value = "#NAME?"; }
        else cell.value = x;
      }))); },
      get valueTypes() { return (loaded.valueTypes as unknown[][]) ?? notLoaded("valueTypes"); },
      get numberFormat(): string[][] { return (loaded.numberFormat as string[][]) ?? notLoaded("numberFormat"); },
      set numberFormat(v: string[][]) { fx.enqueue(size(v), () => v.forEach((row, r) => row.forEach((x, c) => { fx.sheet(name).at(cellAddress(top.row + r, top.column + c)).numberFormat = x; }))); },
      getMergedAreasOrNullObject() {
        const areas = {
          _loaded: false, _list: [] as string[],
          load() { fx.enqueue(40, () => { areas._loaded = true; areas._list = fx.sheet(name).merged; return areas._list; }); },
          get isNullObject() { return areas._loaded ? areas._list.length === 0 : notLoaded("areas"); },
          get address() { return areas._list.map((a) => `'${name}'!${a}`).join(", "); },
        };
        return areas;
      },
      format: {
        fill,
        font: { set bold(b: boolean) { fx.enqueue(40, () => each((r, c) => { if (fx.sheet(name).cell(r, c).value !== null) fx.sheet(name).at(cellAddress(r, c)).bold = b; })); } },
        set columnWidth(_w: number) { fx.enqueue(40, () => null); },
      },
      dataValidation: {
        clear: () => fx.enqueue(30, () => null),
        set rule(rule: { list: { source: string } }) { fx.enqueue(40 + rule.list.source.length, () => fx.sheet(name).validations.push({ address: localAddress(address), source: rule.list.source })); },
        set errorAlert(_a: unknown) { fx.enqueue(120, () => null); },
      },
      select: () => fx.enqueue(30, () => {
        if (fx.sheet(name).visibility !== "Visible") throw Object.assign(new Error("This operation is not permitted for the current object."), { code: "InvalidOperation" });
      }),
    };
    return range;
  }
}

/** A settings store in memory, counting saves. */
export function memorySettings() {
  const data = new Map<string, unknown>();
  return {
    data,
    saves: 0,
    get(key: string) { return data.has(key) ? JSON.parse(JSON.stringify(data.get(key))) : undefined; },
    set(key: string, value: unknown) { data.set(key, JSON.parse(JSON.stringify(value))); },
    remove(key: string) { data.delete(key); },
    async save() { this.saves++; },
  };
}
