import type {
  Action, CooperativeInfo, Finding, InvestmentLine, InvestmentTotalsRow, Leverage, Link, Member, Milestone,
  Plan, PlanPart, PlanSheetSource, RecordSource, Result, Visit,
} from "../domain";
import { findCatalogueItem, findGroup, findSubitem } from "../rules/catalogue";
import type { WorkbookGrids } from "./grid";
import type { FieldValue } from "./cellValues/readCell";
import { readForm } from "./formReader";
import {
  COOPERATIVE_SHEET, HELPER_SHEET_NAMES, WORKBOOK_LAYOUT, type ColumnSpec, type SheetSpec, type TableSpec,
} from "./layout";
import { parseFinding } from "./parseFindings";
import { SheetView } from "./sheetView";
import { matchSheet } from "./sheetMatching";
import { readTable, type TableReadResult } from "./tableReader";

/** What the parser returns: the plan as read and the findings of reading it (located to Sheet!A1). */
export interface ParseResult {
  plan: Plan;
  findings: Finding[];
}

type Row = Record<string, FieldValue>;

/**
 * A record with every field of the layout (null when its column is absent), plus its source;
 * `normalise` then rewrites fields of the fresh record in place (it never adds a field).
 */
function record<T>(columns: readonly ColumnSpec[], values: Row, source?: RecordSource, normalise?: (line: Row) => void): T {
  const out: Row & { source?: RecordSource } = {};
  for (const c of columns) out[c.field] = values[c.field] ?? null;
  if (normalise) normalise(out);
  if (source) out.source = source;
  return out as T;
}

/** Catalogue spelling for grupo / ítem / sub-ítem when recognised; the typed text otherwise (INV-004 reports it). */
function catalogueNormaliser(): (line: Row) => void {
  // findGroup / findCatalogueItem / findSubitem memoise their answers per label.
  return (line) => {
    if (typeof line.group === "string") line.group = findGroup(line.group) ?? line.group;
    const item = typeof line.item === "string" ? findCatalogueItem(line.item) : undefined;
    if (item) line.item = item.item;
    if (item && typeof line.subitem === "string") line.subitem = findSubitem(item, line.subitem) ?? line.subitem;
  };
}

/** An empty Cooperativa (every field null). */
function emptyCooperative(): CooperativeInfo {
  return record<CooperativeInfo>(COOPERATIVE_SHEET.fields, {});
}

function emptyPlan(): Plan {
  return {
    schemaVersion: 1, cooperative: emptyCooperative(), members: [], milestones: [], actions: [], investmentLines: [],
    results: [], followUp: { visits: [], links: [], leverage: [] }, sheets: {},
  };
}

const asNumber = (v: FieldValue | undefined): number | null => (typeof v === "number" ? v : null);

/**
 * Parses the standard workbook's grids into a Plan plus parse findings (standard-workbook.md,
 * "The parsing contract"). Sheets are matched by name (case/accent-insensitive, sheet order
 * free), columns by header label, the Cooperativa form by its labels. Values come out typed:
 * money integer CLP, `progress` a fraction 0–1, dates ISO `YYYY-MM-DD`, RUTs canonical, region a
 * two-digit code, enums in the spec's Spanish labels, grupo/ítem/sub-ítem in catalogue spelling.
 * Every record keeps `source` (its row and the A1 cell of every field whose column exists) and
 * `plan.sheets[part]` where its table sat (with `missingColumns`, the required columns or form rows
 * not found: PARSE-004/005), `plan.missingParts` the parts not read at all (PARSE-002/003/005: the
 * rules stay quiet about them); the Plan de Inversiones TOTAL row goes to
 * `plan.investmentTotalsRow`. The Seguimiento sheets fill `plan.followUp` (empty lists when absent).
 *
 * Findings are PARSE-001…PARSE-027 (parseFindings.ts), each Spanish and on an absolute cell.
 * Never throws on bad input: an unreadable value is null plus a finding, never a guess.
 */
export function parseWorkbook(grids: WorkbookGrids): ParseResult {
  const findings: Finding[] = [];
  const plan = emptyPlan();
  const rawSheets = grids && Array.isArray(grids.sheets) ? grids.sheets : [];
  const views: SheetView[] = [];
  for (const g of rawSheets) {
    if (!g || typeof g.name !== "string" || !Array.isArray(g.values)) continue;
    views.push(new SheetView(g));
  }
  if (views.every((v) => v.isEmpty())) {
    findings.push(parseFinding("PARSE-001",
      "El libro no tiene datos: ninguna hoja tiene valores. Use la plantilla estándar (coop-plans template o «Insertar plantilla») y complete sus hojas.",
      views[0] ? { sheet: views[0].name, cell: "A1" } : {}));
    return { plan, findings };
  }
  const date1904 = grids.date1904 === true;

  const assigned = new Map<SheetSpec, SheetView>();
  const extras: string[] = [];
  for (const view of views) {
    const spec = matchSheet(view.name, WORKBOOK_LAYOUT);
    if (!spec) {
      if (!HELPER_SHEET_NAMES.includes(view.name.trim().toLowerCase())) extras.push(view.name);
      continue;
    }
    const prior = assigned.get(spec);
    if (prior) {
      findings.push(parseFinding("PARSE-025",
        `Las hojas "${prior.name}" y "${view.name}" corresponden a "${spec.name}": se lee solo "${prior.name}". Borre o renombre la otra.`,
        { sheet: view.name, cell: "A1" }, view.name));
      continue;
    }
    assigned.set(spec, view);
  }
  if (extras.length > 0) {
    findings.push(parseFinding("PARSE-006",
      `Se ignoraron las hojas que no son de la plantilla: ${extras.map((n) => `"${n}"`).join(", ")}. Si contienen datos del plan, cópielos a la hoja que corresponde.`,
      { sheet: extras[0] }, extras.join(", ")));
  }
  // Parts the workbook does not give (the rules stay quiet about them: the parse finding says what to do).
  const missingParts: PlanPart[] = [];
  for (const spec of WORKBOOK_LAYOUT) {
    if (spec.required && !assigned.has(spec)) {
      missingParts.push(spec.part);
      findings.push(parseFinding("PARSE-002",
        `Falta la hoja "${spec.name}". Agregue una hoja con ese nombre y los encabezados de la plantilla estándar.`,
        { sheet: spec.name, cell: "A1" }, spec.name));
    }
  }

  const sheets: Partial<Record<PlanPart, PlanSheetSource>> = {};
  const guarded = <T>(view: SheetView, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      findings.push(parseFinding("PARSE-026",
        `No se pudo leer la hoja "${view.name}" por un error interno del lector. Revise que la hoja no tenga celdas dañadas y vuelva a intentarlo; si persiste, informe el problema.`,
        { sheet: view.name, cell: "A1" }));
      return fallback;
    }
  };

  const formView = assigned.get(COOPERATIVE_SHEET);
  if (formView) {
    const form = guarded(formView, () => readForm(formView, COOPERATIVE_SHEET, { date1904 }), { values: {}, findings: [] });
    findings.push(...form.findings);
    plan.cooperative = record<CooperativeInfo>(COOPERATIVE_SHEET.fields, form.values, form.source);
    if (form.sheetSource) {
      sheets.cooperative = form.missingFields ? { ...form.sheetSource, missingColumns: form.missingFields } : form.sheetSource;
    } else {
      missingParts.push("cooperative");
    }
  }

  const tables = new Map<PlanPart, { spec: TableSpec; result: TableReadResult }>();
  for (const spec of WORKBOOK_LAYOUT) {
    if (spec.kind !== "table") continue;
    const view = assigned.get(spec);
    if (!view) continue;
    const result = guarded(view, () => readTable(view, spec, { date1904 }), { records: [], findings: [] } as TableReadResult);
    findings.push(...result.findings);
    if (result.source) {
      sheets[spec.part] = result.missingColumns ? { ...result.source, missingColumns: result.missingColumns } : result.source;
    } else {
      missingParts.push(spec.part);
    }
    tables.set(spec.part, { spec, result });
  }
  const rows = <T>(part: PlanPart, normalise?: (line: Row) => void): T[] => {
    const t = tables.get(part);
    if (!t) return [];
    return t.result.records.map((r) => record<T>(t.spec.columns, r.values, { sheet: t.result.source!.sheet, row: r.row, cells: r.cells }, normalise));
  };
  plan.members = rows<Member>("members");
  plan.milestones = rows<Milestone>("milestones");
  plan.actions = rows<Action>("actions");
  plan.investmentLines = rows<InvestmentLine>("investmentLines", catalogueNormaliser());
  plan.results = rows<Result>("results");
  plan.followUp = { visits: rows<Visit>("visits"), links: rows<Link>("links"), leverage: rows<Leverage>("leverage") };
  plan.sheets = sheets;
  if (missingParts.length > 0) plan.missingParts = missingParts;

  const inv = tables.get("investmentLines")?.result;
  if (inv?.totalsRow && inv.source) {
    const t = inv.totalsRow;
    const totals: InvestmentTotalsRow = {
      sheet: inv.source.sheet, row: t.row, label: t.label, cells: t.cells,
      unitPrice: asNumber(t.values.unitPrice), total: asNumber(t.values.total),
      sercotecAmount: asNumber(t.values.sercotecAmount), ownAmount: asNumber(t.values.ownAmount),
      executedAmount: asNumber(t.values.executedAmount),
    };
    plan.investmentTotalsRow = totals;
  }
  return { plan, findings };
}
