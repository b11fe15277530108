import { MODALITY_LABELS, type Modality, type Plan, type PlanPart, type RegionCode } from "../domain";
import { REGION_SHORT_NAMES } from "../domain/regionNames";
import { formatA1, formatRange, parseRange } from "./a1";
import { isoDateToSerial } from "./cellValues/dates";
import type { CellValue, WorkbookGrids } from "./grid";
import type { RulePack } from "../rules/calls/rulePack";
import {
  LAYOUT_VERSION, NUMBER_FORMATS, WORKBOOK_LAYOUT, dropdownFor, isOpenListColumn,
  type ColumnSpec, type FormSpec, type TableSpec,
} from "./layout";

/** A dropdown list (data validation) over a column of a template sheet. */
export interface TemplateValidation {
  /** A1 range, e.g. `C2:C500`. */
  range: string;
  /** Allowed values, as the user reads them. Each list joined by "," fits Excel's 255-character inline limit, and no value holds a comma. */
  list: string[];
  /** An open list (Cargo, Eje, Tipo, Género): the dropdown only suggests (an Information alert), any value may be typed. */
  open?: boolean;
}

/** A column's validation: its dropdown from the pack, marked open for an open list. */
function validationOf(spec: ColumnSpec, range: string, modality: Modality | undefined, pack: RulePack | undefined): TemplateValidation | undefined {
  const list = dropdownFor(spec, modality, pack);
  if (!list) return undefined;
  return isOpenListColumn(spec) ? { range, list, open: true } : { range, list };
}

/**
 * One sheet of a rendered standard workbook: values plus the formatting a writer applies.
 * Extended compatibly (layout v1.1) with the optional `kind`, `headerRow` and `dateRanges`, which
 * `renderWorkbook` always fills; all ranges are absolute A1.
 */
export interface TemplateSheet {
  name: string;
  /** `form` (Cooperativa: label in A, value in B) or `table` (header row, then one record per row). */
  kind?: "form" | "table";
  /** Header row (1-based); 0 for the form. */
  headerRow?: number;
  /** Rows from A1; dates are 1900-system serial numbers, money integer CLP, percentages fractions. */
  values: CellValue[][];
  /** Header row (1-based) frozen in the view; 0 for none. */
  frozenRows: number;
  /** Column widths in characters, by column index (0-based). */
  columnWidths: number[];
  /** Number formats by A1 range (`H2:K500` → `"$"#,##0`, `G2:G500` → `dd-mm-yyyy`, `M2:M500` → `0%`). */
  numberFormats: { range: string; format: string }[];
  validations: TemplateValidation[];
  /** A1 ranges holding date serials (1900 system); they also carry a `dd-mm-yyyy` entry in `numberFormats`. A writer may turn the serials into Date cells. */
  dateRanges?: string[];
}

/** A whole standard workbook, ready for `shared/xlsx` (CLI) or the add-in's Excel adapter to write. */
export interface TemplateWorkbook {
  /** Layout version written ("1.1"). */
  layoutVersion?: string;
  sheets: TemplateSheet[];
}

/** Rows offered for input below the header of an empty table (formats and dropdowns reach that far). */
export const TEMPLATE_INPUT_ROWS = 200;
/** Rows offered below the last record of a filled table. */
export const TEMPLATE_SPARE_ROWS = 100;

/** The hitos an empty template lists, with their names (DESIGN.md, "Who uses it"). */
export const MILESTONE_NAMES = ["Socialización", "Plan de acción", "Plan de inversiones", "Medición de resultados y cuenta pública"] as const;

const REGION_NAME_BY_CODE = new Map<RegionCode, string>(REGION_SHORT_NAMES.map((r) => [r.code, r.name]));

/** A domain value → the cell the template writes: dates as serials, Sí/No, region name, modality label. */
function toCell(spec: ColumnSpec, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case "date": return typeof value === "string" ? (isoDateToSerial(value) ?? value) : null;
    case "yesNo": return typeof value === "boolean" ? (value ? "Sí" : "No") : null;
    case "region": return REGION_NAME_BY_CODE.get(value as RegionCode) ?? String(value);
    case "modality": return MODALITY_LABELS[value as Modality] ?? String(value);
    default: return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  }
}

function renderForm(spec: FormSpec, modality: Modality | undefined, plan: Plan | undefined, pack: RulePack | undefined): TemplateSheet {
  const info = plan?.cooperative as Record<string, unknown> | undefined;
  const values: CellValue[][] = [];
  const numberFormats: TemplateSheet["numberFormats"] = [];
  const validations: TemplateValidation[] = [];
  const dateRanges: string[] = [];
  spec.fields.forEach((field, i) => {
    const row = i + 1;
    let value = toCell(field, info?.[field.field]);
    if (!info && field.field === "modality" && modality) value = MODALITY_LABELS[modality];
    values.push([field.label, value]);
    const cell = formatA1(row, 2);
    const format = NUMBER_FORMATS[field.type];
    if (format && field.type !== "year") numberFormats.push({ range: `${cell}:${cell}`, format });
    if (field.type === "date") dateRanges.push(`${cell}:${cell}`);
    const validation = validationOf(field, `${cell}:${cell}`, modality ?? plan?.cooperative.modality ?? undefined, pack);
    if (validation) validations.push(validation);
  });
  return {
    name: spec.name, kind: "form", headerRow: 0, values, frozenRows: 0, columnWidths: [36, 48],
    numberFormats, validations, dateRanges,
  };
}

function recordsOf(part: PlanPart, plan: Plan | undefined): Record<string, unknown>[] | undefined {
  if (!plan) return undefined;
  switch (part) {
    case "members": return plan.members;
    case "milestones": return plan.milestones;
    case "actions": return plan.actions;
    case "investmentLines": return plan.investmentLines;
    case "results": return plan.results;
    case "visits": return plan.followUp?.visits ?? [];
    case "links": return plan.followUp?.links ?? [];
    case "leverage": return plan.followUp?.leverage ?? [];
    default: return [];
  }
}

function renderTable(spec: TableSpec, modality: Modality | undefined, plan: Plan | undefined, pack: RulePack | undefined): TemplateSheet {
  const columns = spec.columns;
  const header: CellValue[] = columns.map((c) => c.label);
  let records = recordsOf(spec.part, plan);
  if (!records && spec.part === "milestones") {
    records = MILESTONE_NAMES.map((name, i) => ({ milestone: i + 1, name }));
  }
  const body: CellValue[][] = (records ?? []).map((r) => columns.map((c) => toCell(c, r[c.field])));
  const lastRow = 1 + Math.max(TEMPLATE_INPUT_ROWS, body.length + TEMPLATE_SPARE_ROWS);
  const numberFormats: TemplateSheet["numberFormats"] = [];
  const validations: TemplateValidation[] = [];
  const dateRanges: string[] = [];
  const effectiveModality = modality ?? plan?.cooperative.modality ?? undefined;
  columns.forEach((c, i) => {
    const range = formatRange({ top: 2, bottom: lastRow, left: i + 1, right: i + 1 });
    const format = NUMBER_FORMATS[c.type];
    if (format) numberFormats.push({ range, format });
    if (c.type === "date") dateRanges.push(range);
    const validation = validationOf(c, range, effectiveModality, pack);
    if (validation) validations.push(validation);
  });
  return {
    name: spec.name, kind: "table", headerRow: 1, values: [header, ...body], frozenRows: 1,
    columnWidths: columns.map((c) => c.width), numberFormats, validations, dateRanges,
  };
}

/**
 * Renders the standard workbook (layout v1.1: Cooperativa, Socios, Hitos, Plan de Acción, Plan de
 * Inversiones, Resultados, Bitácora, Vinculaciones, Apalancamiento) with header rows, dropdown
 * lists, CLP `"$"#,##0` / `dd-mm-yyyy` / `0%` formats, frozen headers and column widths.
 * Empty, it offers `TEMPLATE_INPUT_ROWS` input rows, lists the four hitos and writes the modality
 * when given (which also drops Gastos de formalización from Fortalecimiento's ítem list). Filled
 * from a plan, it writes every record (dates as 1900-system serials, money integer CLP,
 * percentages as fractions, Sí/No, region names) so that `parseWorkbook(templateToGrids(…))`
 * gives back the same plan (records with no required value are not re-read: they are blank rows).
 * The dropdowns come from `pack`, the rule pack in force (default: the built-in 2025 pack):
 * catalogue columns from its catalogue, and the open lists (Cargo, Eje, Tipo, Género) from its
 * enumerations, marked `open` (they only suggest).
 */
export function renderWorkbook(options: { modality?: Modality; plan?: Plan; pack?: RulePack }): TemplateWorkbook {
  const { modality, plan, pack } = options ?? {};
  // A follow-up sheet the plan's workbook did not have (no sheet read, no record) is not rendered
  // from a plan: an empty Bitácora reads back as a visit log with no visits, and SEG-002 would
  // then warn on the server's copy of a plan about what the server never saw.
  const sheets = plan ? WORKBOOK_LAYOUT.filter((spec) => !FOLLOW_UP_PARTS.has(spec.part) || hasFollowUpSheet(plan, spec.part)) : WORKBOOK_LAYOUT;
  return {
    layoutVersion: LAYOUT_VERSION,
    sheets: sheets.map((spec) =>
      spec.kind === "form" ? renderForm(spec, modality, plan, pack) : renderTable(spec, modality, plan, pack)),
  };
}

/** The parts of the plan's follow-up (Bitácora, Vinculaciones, Apalancamiento). */
const FOLLOW_UP_PARTS: ReadonlySet<PlanPart> = new Set<PlanPart>(["visits", "links", "leverage"]);

/** Whether the plan's workbook had this follow-up sheet: read from a sheet, or holding records. */
function hasFollowUpSheet(plan: Plan, part: PlanPart): boolean {
  return Boolean(plan.sheets?.[part as keyof NonNullable<Plan["sheets"]>]) || (recordsOf(part, plan)?.length ?? 0) > 0;
}

/**
 * A rendered workbook as the grids a reader would hand the parser (values and number formats,
 * origin A1, 1900 date system): the template seen without a file in between, for tests and for
 * validating a plan exactly as it will be written.
 */
export function templateToGrids(workbook: TemplateWorkbook): WorkbookGrids {
  return {
    date1904: false,
    sheets: workbook.sheets.map((s) => {
      const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
      const formats: string[][] = s.values.map((r) => new Array<string>(Math.max(r.length, width)).fill("General"));
      for (const { range, format } of s.numberFormats) {
        const cells = parseRange(range);
        if (!cells) continue;
        const col = cells.left - 1;
        for (let r = cells.top - 1; r <= Math.min(cells.bottom - 1, formats.length - 1); r++) {
          if (formats[r] && col < formats[r].length) formats[r][col] = format;
        }
      }
      return { name: s.name, origin: "A1", values: s.values.map((r) => [...r]), numberFormats: formats };
    }),
  };
}
