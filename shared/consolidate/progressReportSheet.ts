import { MODALITY_LABELS, REGIONS } from "../domain";
import type { CellValue } from "../workbook/grid";
import { formatDateEs } from "../format";
import type { SheetColumn, SheetColumnKind } from "./consolidationSheets";
import type { ProgressReport } from "./progressReportSchema";

/** Name of the report sheet (the CLI's informe.xlsx and the add-in's "Informe de avance" action). */
export const PROGRESS_REPORT_SHEET_NAME = "Informe de avance";

/**
 * One line of the report's summary: a Spanish label and its value (CLP integer, fraction 0–1,
 * count or text, as `kind` says); a `heading` line has no value and starts a group.
 */
export interface ReportFact {
  label: string;
  value: CellValue;
  kind?: SheetColumnKind;
  heading?: boolean;
}

/** A table of the report: bold title, columns (Spanish headers, kinds), rows and an optional bold total row. */
export interface ReportTableData {
  title: string;
  columns: SheetColumn[];
  rows: CellValue[][];
  totalRow?: CellValue[];
}

/**
 * The progress report laid out for a person to read or print: the title, the summary `facts`
 * (label/value), the planned-vs-executed table by ítem (`investment`, its first column the ítem
 * and its second and third the planned and executed CLP, so a chart can span them) and the hitos
 * table. Dates are Spanish text (`18-09-2025`), money integer CLP, shares fractions 0–1.
 */
export interface ProgressReportSheet {
  name: string;
  title: string;
  facts: ReportFact[];
  investment: ReportTableData;
  milestones: ReportTableData;
}

const date = (iso: string | null): string | null => (iso ? formatDateEs(iso) : null);

/** The report of `progressReport()` as the printable sheet "Informe de avance" (Spanish labels). */
export function progressReportSheet(r: ProgressReport): ProgressReportSheet {
  const c = r.cooperative;
  const period = c.executionStart ? `${formatDateEs(c.executionStart)} al ${c.executionEnd ? formatDateEs(c.executionEnd) : "—"}` : null;
  const last = r.visits.last;
  const facts: ReportFact[] = [
    { label: "Cooperativa", value: c.name },
    { label: "Región", value: c.regionCode ? `${c.regionCode} ${REGIONS[c.regionCode].name}` : null },
    { label: "Modalidad", value: c.modality ? MODALITY_LABELS[c.modality] : null },
    { label: "Convocatoria", value: c.callYear },
    { label: "Período de ejecución", value: period },
    { label: "Gestor/a", value: c.manager },
    { label: "Fecha de corte", value: formatDateEs(r.asOf) },

    { label: "Hitos y plan de acción", value: null, heading: true },
    { label: "Hitos realizados (de 4)", value: r.milestonesDone, kind: "integer" },
    { label: "Acciones del plan", value: r.actions.total, kind: "integer" },
    { label: "Acciones realizadas", value: r.actions.done, kind: "integer" },
    { label: "Acciones en curso", value: r.actions.inProgress, kind: "integer" },
    { label: "Avance promedio de las acciones", value: r.actions.progress, kind: "percent" },

    { label: "Inversión", value: null, heading: true },
    { label: "Inversión planificada (total neto)", value: r.investment.planned, kind: "clp" },
    { label: "Inversión ejecutada", value: r.investment.executed, kind: "clp" },
    { label: "Porcentaje ejecutado", value: r.investment.executedShare, kind: "percent" },
    { label: "Aporte Sercotec planificado", value: r.investment.sercotecAmount, kind: "clp" },
    { label: "Aporte empresarial planificado", value: r.investment.ownAmount, kind: "clp" },

    { label: "Seguimiento", value: null, heading: true },
    { label: "Visitas a la fecha", value: r.visits.count, kind: "integer" },
    { label: "Última visita", value: last ? `${formatDateEs(last.date)}${last.mode ? ` (${last.mode.toLowerCase()})` : ""}` : "Sin visitas" },
    { label: "Acuerdos registrados", value: r.agreements.total, kind: "integer" },
    { label: "Acuerdos cumplidos", value: r.agreements.done, kind: "integer" },
    { label: "Acuerdos abiertos", value: r.agreements.open, kind: "integer" },
    { label: "Acuerdos vencidos", value: r.agreements.overdue, kind: "integer" },
    { label: "Vinculaciones", value: r.links.total, kind: "integer" },
    ...Object.entries(r.links.byType).filter(([k, n]) => k !== "Sin tipo" || n > 0)
      .map(([k, n]): ReportFact => ({ label: `Vinculaciones de tipo ${k}`, value: n, kind: "integer" })),
    ...Object.entries(r.links.byStatus).filter(([k, n]) => k !== "Sin estado" || n > 0)
      .map(([k, n]): ReportFact => ({ label: `Vinculaciones en estado ${k}`, value: n, kind: "integer" })),
    { label: "Fondos postulados (apalancamiento)", value: r.leverage.applications, kind: "integer" },
    { label: "Monto solicitado", value: r.leverage.requested, kind: "clp" },
    { label: "Monto adjudicado", value: r.leverage.awarded, kind: "clp" },
    { label: "Fondos adjudicados", value: r.leverage.awardedCount, kind: "integer" },
  ];
  return {
    name: PROGRESS_REPORT_SHEET_NAME,
    title: `Informe de avance: ${c.name ?? "cooperativa sin nombre"} (al ${formatDateEs(r.asOf)})`,
    facts,
    investment: {
      title: "Inversión planificada y ejecutada por ítem",
      columns: [
        { header: "Ítem", width: 40 },
        { header: "Planificado", kind: "clp", width: 16 },
        { header: "Ejecutado", kind: "clp", width: 16 },
        { header: "% ejecutado", kind: "percent", width: 12 },
        { header: "Grupo", width: 32 },
      ],
      rows: r.byItem.map((i) => [i.item ?? "(sin ítem)", i.planned, i.executed, i.executedShare, i.group]),
      totalRow: ["Total", r.investment.planned, r.investment.executed, r.investment.executedShare, null],
    },
    milestones: {
      title: "Hitos",
      columns: [
        { header: "Hito", kind: "integer", width: 6 },
        { header: "Nombre", width: 40 },
        { header: "Fecha programada", width: 16 },
        { header: "Fecha realizada", width: 16 },
        { header: "Estado", width: 12 },
      ],
      rows: r.milestones.map((m) => [m.milestone, m.name, date(m.plannedDate), date(m.doneDate), m.status ?? "Sin dato"]),
    },
  };
}
