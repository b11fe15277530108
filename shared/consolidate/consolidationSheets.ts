import { MODALITY_LABELS, REGIONS } from "../domain";
import { formatDateEs } from "../format";
import type { CellValue } from "../workbook/grid";
import { CONSOLIDATION_STATUS_LABELS, type Consolidation, type CooperativeRow, type ItemRow } from "./consolidation";

/** How a sheet column's numbers are shown: `clp` integer pesos, `percent` a fraction 0–1. */
export type SheetColumnKind = "text" | "clp" | "integer" | "percent" | "date";

/** A column of a consolidation sheet: Spanish header, kind, width in characters. */
export interface SheetColumn {
  header: string;
  kind?: SheetColumnKind;
  width?: number;
}

/**
 * One table of the consolidation, ready for a writer: the CLI hands it to shared/xlsx
 * `writeReportWorkbook` (the same shape as its `ReportSheet`), the add-in writes `rows` with
 * Office.js. Money cells are integer CLP, percent cells fractions 0–1, empty cells null.
 */
export interface ConsolidationSheet {
  name: string;
  title?: string;
  columns: SheetColumn[];
  rows: CellValue[][];
  /** A final bold row that sums the table (null in the columns that are not summed). */
  totalRow?: CellValue[];
}

/** Names of the sheets, in the order `consolidationSheets` returns them. */
export const CONSOLIDATION_SHEET_NAMES = {
  summary: "Resumen",
  cooperatives: "Por cooperativa",
  items: "Por ítem",
  status: "Por estado",
  milestones: "Por hito",
  compliance: "Cumplimiento",
  regions: "Por región",
} as const;

const MONEY_COLUMNS: SheetColumn[] = [
  { header: "Inversión total", kind: "clp", width: 16 },
  { header: "Aporte Sercotec", kind: "clp", width: 16 },
  { header: "Aporte empresarial", kind: "clp", width: 18 },
  { header: "Ejecutado", kind: "clp", width: 14 },
];

const money = (m: { total: number; sercotecAmount: number; ownAmount: number; executedAmount: number }): CellValue[] =>
  [m.total, m.sercotecAmount, m.ownAmount, m.executedAmount];

/** `Región 14 Los Ríos`, `Nacional`, or `Archivos de las regiones 08, 14` (capitalised, for titles). */
export function consolidationScopeLabel(c: Pick<Consolidation, "scope">): string {
  const scope = c.scope;
  if (scope.kind === "region") return `Región ${scope.regionCode} ${scope.regionName}`;
  if (scope.kind === "files") return scope.regionCodes.length === 0 ? "Archivos" : `Archivos de las regiones ${scope.regionCodes.join(", ")}`;
  return "Nacional";
}

const scopeLabel = consolidationScopeLabel;

/**
 * The title of a consolidation, the same in the CLI's summary, its .xlsx and the pane's sheet:
 * `Consolidado Región 14 Los Ríos`, `Consolidado nacional`, `Consolidado de archivos de las
 * regiones 08, 14` (never «Consolidado Archivos…» nor a region in two spellings).
 */
export function consolidationTitle(c: Pick<Consolidation, "scope">): string {
  const scope = c.scope;
  if (scope.kind === "region") return `Consolidado ${consolidationScopeLabel(c)}`;
  if (scope.kind === "files") return scope.regionCodes.length === 0 ? "Consolidado de archivos" : `Consolidado de archivos de las regiones ${scope.regionCodes.join(", ")}`;
  return "Consolidado nacional";
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const STATUS_PLURALS = { borrador: "Planes en borrador", enviado: "Planes enviados", observado: "Planes observados", aprobado: "Planes aprobados", sinPlan: "Cooperativas sin plan", archivo: "Planes de archivos" } as const;

function summarySheet(c: Consolidation): ConsolidationSheet {
  const n = c.cooperativeCount;
  const byStatus = Object.fromEntries(c.byStatus.map((s) => [s.status, s.cooperatives]));
  const rows: CellValue[][] = [
    ["Cooperativas", null, n, null],
    ["Inversión total (total neto)", c.totals.total, null, null],
    ["Aporte Sercotec", c.funding.sercotecAmount, null, c.funding.sercotecShare],
    ["Aporte empresarial", c.funding.ownAmount, null, c.funding.ownShare],
    ["Aporte empresarial sobre aporte Sercotec", null, null, c.funding.ownShareOfSercotec],
    ["Monto ejecutado", c.totals.executedAmount, null, c.funding.executedShare],
    // «Cooperativas sin plan» is its own row below (compliance), not a plan status row.
    ...c.byStatus.filter((s) => s.status !== "sinPlan").map((s): CellValue[] => [STATUS_PLURALS[s.status], s.total, byStatus[s.status] ?? 0, share(s.cooperatives, n)]),
    ["Cooperativas con errores", null, c.compliance.withErrors, share(c.compliance.withErrors, n)],
    ["Cooperativas con advertencias (sin errores)", null, c.compliance.withWarnings, share(c.compliance.withWarnings, n)],
    ["Cooperativas sin observaciones", null, c.compliance.clean, share(c.compliance.clean, n)],
    ["Cooperativas sin plan", null, c.compliance.withoutPlan, share(c.compliance.withoutPlan, n)],
    ...c.byMilestone.map((m): CellValue[] => [`Hito ${m.milestone} realizado`, null, m.done, share(m.done, n)]),
  ];
  return {
    name: CONSOLIDATION_SHEET_NAMES.summary,
    title: `${consolidationTitle(c)} (${c.generatedAt.slice(0, 10)})`,
    columns: [
      { header: "Indicador", width: 44 },
      { header: "Monto", kind: "clp", width: 16 },
      { header: "Cantidad", kind: "integer", width: 10 },
      { header: "Porcentaje", kind: "percent", width: 12 },
    ],
    rows,
  };
}

const milestoneCell = (row: CooperativeRow, n: 1 | 2 | 3 | 4): CellValue => row.milestones[n] ?? "Sin dato";

/** Link tipos and estados shown as columns of "Por cooperativa", in the workbook's list order. */
const LINK_TYPE_COLUMNS = ["Público", "Privado", "Academia", "Sociedad civil"] as const;
const LINK_STATUS_COLUMNS = ["Contactado", "Reunión", "Acuerdo", "Convenio firmado"] as const;

/** The progress report's columns of "Por cooperativa" (after Hitos realizados). */
const PROGRESS_COLUMNS: SheetColumn[] = [
  { header: "Acciones", kind: "integer", width: 9 },
  { header: "Acciones realizadas", kind: "integer", width: 11 },
  { header: "Avance de las acciones", kind: "percent", width: 11 },
  { header: "% ejecutado", kind: "percent", width: 11 },
  { header: "Visitas a la fecha", kind: "integer", width: 9 },
  { header: "Última visita", width: 12 },
  { header: "Acuerdos abiertos", kind: "integer", width: 10 },
  { header: "Acuerdos vencidos", kind: "integer", width: 10 },
  { header: "Vinculaciones", kind: "integer", width: 13 },
  ...LINK_TYPE_COLUMNS.map((t): SheetColumn => ({ header: `Vinc. ${t}`, kind: "integer", width: 10 })),
  ...LINK_STATUS_COLUMNS.map((t): SheetColumn => ({ header: `Vinc. ${t}`, kind: "integer", width: 10 })),
  { header: "Fondos postulados", kind: "integer", width: 10 },
  { header: "Monto solicitado", kind: "clp", width: 16 },
  { header: "Monto adjudicado", kind: "clp", width: 16 },
  { header: "Fondos adjudicados", kind: "integer", width: 10 },
];

/** A row's progress figures in PROGRESS_COLUMNS order (nulls without a plan). */
function progressCells(r: CooperativeRow): CellValue[] {
  const p = r.progress;
  if (!p) return PROGRESS_COLUMNS.map(() => null);
  const last = p.visits.last?.date;
  return [
    p.actions.total, p.actions.done, p.actions.progress, p.executedShare, p.visits.count,
    last ? formatDateEs(last) : null,
    p.agreements.open, p.agreements.overdue, p.links.total,
    ...LINK_TYPE_COLUMNS.map((t) => p.links.byType[t]), ...LINK_STATUS_COLUMNS.map((t) => p.links.byStatus[t]),
    p.leverage.applications, p.leverage.requested, p.leverage.awarded, p.leverage.awardedCount,
  ];
}

/** The total row's progress cells: counts and money summed, shares and dates left empty. */
function progressTotals(rows: CooperativeRow[]): CellValue[] {
  const cells = rows.map(progressCells);
  return PROGRESS_COLUMNS.map((col, i) =>
    col.kind === "integer" || col.kind === "clp" ? cells.reduce((a, r) => a + ((r[i] as number | null) ?? 0), 0) : null);
}

function cooperativesSheet(c: Consolidation): ConsolidationSheet {
  const rows = c.cooperatives.map((r): CellValue[] => [
    r.name,
    `${r.regionCode} ${REGIONS[r.regionCode].name}`,
    r.modality ? MODALITY_LABELS[r.modality] : null,
    CONSOLIDATION_STATUS_LABELS[r.status],
    r.version,
    ...money(r),
    r.ownShareOfSercotec,
    r.errors,
    r.warnings,
    r.rulePack ? `${r.rulePack.year} v${r.rulePack.version}` : null,
    milestoneCell(r, 1), milestoneCell(r, 2), milestoneCell(r, 3), milestoneCell(r, 4),
    r.milestonesDone,
    ...progressCells(r),
  ]);
  return {
    name: CONSOLIDATION_SHEET_NAMES.cooperatives,
    title: `Cooperativas: ${scopeLabel(c)}`,
    columns: [
      { header: "Cooperativa", width: 40 },
      { header: "Región", width: 18 },
      { header: "Modalidad", width: 22 },
      { header: "Estado", width: 12 },
      { header: "Versión", kind: "integer", width: 9 },
      ...MONEY_COLUMNS,
      { header: "Aporte empresarial / Sercotec", kind: "percent", width: 14 },
      { header: "Errores", kind: "integer", width: 9 },
      { header: "Advertencias", kind: "integer", width: 13 },
      // Which rule pack (convocatoria and version) the plan was validated under.
      { header: "Reglas", width: 10 },
      { header: "Hito 1", width: 11 },
      { header: "Hito 2", width: 11 },
      { header: "Hito 3", width: 11 },
      { header: "Hito 4", width: 11 },
      { header: "Hitos realizados", kind: "integer", width: 10 },
      ...PROGRESS_COLUMNS,
    ],
    rows,
    totalRow: [
      `Total (${c.cooperativeCount} cooperativas)`, null, null, null, null, ...money(c.totals), c.funding.ownShareOfSercotec,
      c.cooperatives.reduce((a, r) => a + r.errors, 0), c.cooperatives.reduce((a, r) => a + r.warnings, 0),
      null, null, null, null, null, c.cooperatives.reduce((a, r) => a + r.milestonesDone, 0),
      ...progressTotals(c.cooperatives),
    ],
  };
}

function itemsSheet(c: Consolidation): ConsolidationSheet {
  const subitemsOf = (item: ItemRow) => c.bySubitem.filter((s) => s.group === item.group && s.item === item.item);
  const rows: CellValue[][] = [];
  for (const item of c.byItem) {
    rows.push(["Ítem", item.group, item.item ?? "(sin ítem)", null, item.cooperatives, item.lines, ...money(item), share(item.total, c.totals.total)]);
    for (const sub of subitemsOf(item)) {
      rows.push(["Sub-ítem", sub.group, sub.item ?? "(sin ítem)", sub.subitem, sub.cooperatives, sub.lines, ...money(sub), share(sub.total, c.totals.total)]);
    }
  }
  return {
    name: CONSOLIDATION_SHEET_NAMES.items,
    title: `Plan de inversiones por ítem y sub-ítem: ${scopeLabel(c)}`,
    columns: [
      { header: "Nivel", width: 10 },
      { header: "Grupo", width: 32 },
      { header: "Ítem", width: 40 },
      { header: "Sub-ítem", width: 30 },
      { header: "Cooperativas", kind: "integer", width: 13 },
      { header: "Líneas", kind: "integer", width: 9 },
      ...MONEY_COLUMNS,
      { header: "% de la inversión", kind: "percent", width: 12 },
    ],
    rows,
    totalRow: ["Total", null, null, null, c.cooperativeCount, c.byItem.reduce((a, r) => a + r.lines, 0), ...money(c.totals), c.totals.total > 0 ? 1 : null],
  };
}

function statusSheet(c: Consolidation): ConsolidationSheet {
  return {
    name: CONSOLIDATION_SHEET_NAMES.status,
    title: `Planes por estado: ${scopeLabel(c)}`,
    columns: [
      { header: "Estado", width: 14 },
      { header: "Cooperativas", kind: "integer", width: 13 },
      { header: "% de cooperativas", kind: "percent", width: 14 },
      ...MONEY_COLUMNS,
    ],
    rows: c.byStatus.map((s) => [CONSOLIDATION_STATUS_LABELS[s.status], s.cooperatives, share(s.cooperatives, c.cooperativeCount), ...money(s)]),
    totalRow: ["Total", c.cooperativeCount, c.cooperativeCount > 0 ? 1 : null, ...money(c.totals)],
  };
}

function milestonesSheet(c: Consolidation): ConsolidationSheet {
  return {
    name: CONSOLIDATION_SHEET_NAMES.milestones,
    title: `Avance de los hitos: ${scopeLabel(c)}`,
    columns: [
      { header: "Hito", kind: "integer", width: 6 },
      { header: "Nombre", width: 40 },
      { header: "Pendiente", kind: "integer", width: 11 },
      { header: "En curso", kind: "integer", width: 10 },
      { header: "Realizado", kind: "integer", width: 11 },
      { header: "Sin dato", kind: "integer", width: 10 },
      { header: "% realizado", kind: "percent", width: 12 },
    ],
    rows: c.byMilestone.map((m) => [m.milestone, m.name, m.pending, m.inProgress, m.done, m.missing, share(m.done, c.cooperativeCount)]),
  };
}

const SEVERITY_LABELS = { error: "Error", warning: "Advertencia", info: "Aviso" } as const;

function complianceSheet(c: Consolidation): ConsolidationSheet {
  const k = c.compliance;
  return {
    name: CONSOLIDATION_SHEET_NAMES.compliance,
    title: `Cumplimiento de reglas: ${k.withErrors} con errores, ${k.withWarnings} con advertencias, ${k.clean} sin observaciones, ${k.withoutPlan} sin plan`,
    columns: [
      { header: "Regla", width: 10 },
      { header: "Severidad", width: 13 },
      { header: "Cooperativas", kind: "integer", width: 13 },
      { header: "% de cooperativas", kind: "percent", width: 14 },
      { header: "Hallazgos", kind: "integer", width: 11 },
    ],
    rows: k.byRule.map((r) => [r.ruleId, SEVERITY_LABELS[r.severity], r.cooperatives, share(r.cooperatives, c.cooperativeCount), r.findings]),
    totalRow: ["Total", null, null, null, k.byRule.reduce((a, r) => a + r.findings, 0)],
  };
}

function regionsSheet(c: Consolidation): ConsolidationSheet {
  const statuses = c.byStatus.map((s) => s.status);
  return {
    name: CONSOLIDATION_SHEET_NAMES.regions,
    title: c.scope.kind === "files" ? `${scopeLabel(c)}: por región` : "Consolidado nacional por región",
    columns: [
      { header: "Código", width: 8 },
      { header: "Región", width: 36 },
      { header: "Cooperativas", kind: "integer", width: 13 },
      ...MONEY_COLUMNS,
      ...statuses.map((s): SheetColumn => ({ header: CONSOLIDATION_STATUS_LABELS[s], kind: "integer", width: 11 })),
      { header: "Con errores", kind: "integer", width: 12 },
    ],
    rows: c.byRegion.map((r) => [
      r.regionCode, r.regionName, r.cooperatives, ...money(r), ...statuses.map((s) => r.byStatus[s] ?? 0), r.withErrors,
    ]),
    totalRow: ["Total", null, c.cooperativeCount, ...money(c.totals), ...c.byStatus.map((s) => s.cooperatives), c.compliance.withErrors],
  };
}

/**
 * The consolidation as tables, one sheet per view: Resumen, Por cooperativa, Por ítem, Por estado,
 * Por hito, Cumplimiento (and Por región in a national consolidation or one of files of several regions). Money columns are integer
 * CLP (`clp`), shares fractions 0–1 (`percent`); each summable table ends with a total row whose
 * money equals `c.totals` to the peso. Spanish headers and labels.
 */
export function consolidationSheets(c: Consolidation): ConsolidationSheet[] {
  const sheets = [summarySheet(c), cooperativesSheet(c), itemsSheet(c), statusSheet(c), milestonesSheet(c), complianceSheet(c)];
  if (c.scope.kind !== "region") sheets.push(regionsSheet(c));
  return sheets;
}
