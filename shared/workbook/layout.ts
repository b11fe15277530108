import {
  ActionStatus, LineStatus, Leverage, Link, MilestoneStatus, MODALITY_LABELS, Visit, type PlanPart,
} from "../domain";
import { REGION_SHORT_NAMES } from "../domain/regionNames";
import { PACK_2025 } from "../rules/calls/builtinPacks";
import type { OpenList, RulePack } from "../rules/calls/rulePack";
import type { ChoiceList } from "./cellValues/choices";

/**
 * The standard workbook, layout v1.1, as data (standard-workbook.md): its sheets, their columns
 * (or form rows) with the label the template writes, the variants the parser accepts, the
 * required flag (*), the value type, the dropdown list and the number format. The parser and the
 * template renderer both read this file; nothing else knows the layout.
 */

/**
 * How a column's cells are read:
 * text · rut (canonical, kept as typed when no RUT) · integer (N°) · count (non-negative integer) ·
 * quantity (non-negative, fractional) · money (integer CLP ≥ 0) · number (any) · percentage
 * (fraction 0–1) · date (ISO) · milestone (integer 1–4) · choice (a domain enum label) · yesNo
 * (boolean) · region (code "01".."16") · modality · year · group / item / subitem (catalogue labels,
 * kept as typed when unknown).
 */
export type ColumnType =
  | "text" | "rut" | "integer" | "count" | "quantity" | "money" | "number" | "percentage" | "date"
  | "milestone" | "choice" | "yesNo" | "region" | "modality" | "year" | "group" | "item" | "subitem";

/** A column of a table sheet, or a row of the Cooperativa form. */
export interface ColumnSpec {
  /** The domain field it fills (`sercotecAmount`). */
  field: string;
  /** The label the template writes ("Aporte Sercotec"). */
  label: string;
  /** Other labels accepted (matched after `normalizeLabel`, like `label`). */
  variants: readonly string[];
  /** Marked * in the spec: counts for header detection and data-row detection. */
  required: boolean;
  type: ColumnType;
  /** For `choice` columns: the domain labels and their accepted spellings. */
  choices?: ChoiceList;
  /** Column width in characters in the template. */
  width: number;
}

/** A table sheet: a header row, then one record per data row. */
export interface TableSpec {
  kind: "table";
  part: Exclude<PlanPart, "cooperative">;
  /** The sheet name the template writes. */
  name: string;
  /** Other sheet names accepted (matched like labels). */
  nameVariants: readonly string[];
  /** Required sheets of layout v1; the Seguimiento sheets (v1.1) are optional. */
  required: boolean;
  columns: readonly ColumnSpec[];
}

/** The Cooperativa form: label in one column, value in the next. */
export interface FormSpec {
  kind: "form";
  part: "cooperative";
  name: string;
  nameVariants: readonly string[];
  required: true;
  fields: readonly ColumnSpec[];
}

export type SheetSpec = TableSpec | FormSpec;

const col = (
  field: string, label: string, type: ColumnType, required: boolean, width: number,
  variants: readonly string[] = [], choices?: ChoiceList,
): ColumnSpec => ({ field, label, type, required, width, variants, ...(choices ? { choices } : {}) });

const NUMBER_VARIANTS = ["Nº", "No.", "No", "#", "Número", "Nro", "Nro.", "N"];
const VERIFICATION_VARIANTS = ["Medios de verificación", "Medio verificación", "Verificador", "Verificadores", "Medio de verificación (documento)"];

// ---- Lists (domain labels + what people type) ----

/** An open list of the built-in pack as the parser reads it (usual values canonicalised, others kept as typed). */
const openList = (key: NonNullable<ChoiceList["openList"]>, list: OpenList): ChoiceList =>
  ({ options: list.values, aliases: list.aliases, openList: key });

export const ROLE_LIST: ChoiceList = openList("memberRoles", PACK_2025.enumerations.memberRoles);
export const GENDER_LIST: ChoiceList = openList("genders", PACK_2025.enumerations.genders);
export const MILESTONE_STATUS_LIST: ChoiceList = {
  options: MilestoneStatus.options,
  aliases: {
    Pendiente: ["No iniciado", "Por realizar", "Programado"],
    "En curso": ["En proceso", "En ejecución", "En desarrollo"],
    Realizado: ["Realizada", "Ejecutado", "Terminado", "Finalizado", "Completado"],
  },
};
export const ACTION_STATUS_LIST: ChoiceList = {
  options: ActionStatus.options,
  aliases: {
    Pendiente: ["No iniciada", "Por realizar", "Programada"],
    "En curso": ["En proceso", "En ejecución", "En desarrollo"],
    Realizada: ["Realizado", "Ejecutada", "Terminada", "Finalizada", "Completada"],
  },
};
export const LINE_STATUS_LIST: ChoiceList = {
  options: LineStatus.options,
  aliases: { Pendiente: ["Por comprar"], Comprado: ["Comprada", "Adquirido", "Adquirida"], Rendido: ["Rendida"] },
};
export const AXIS_LIST: ChoiceList = openList("actionAxes", PACK_2025.enumerations.actionAxes);
export const COOPERATIVE_TYPE_LIST: ChoiceList = openList("cooperativeTypes", PACK_2025.enumerations.cooperativeTypes);
export const VISIT_MODE_LIST: ChoiceList = {
  options: Visit.shape.mode.unwrap().options,
  aliases: { Presencial: ["En terreno"], Remota: ["Remoto", "Virtual", "En línea", "Online", "Videollamada"] },
};
export const AGREEMENT_STATUS_LIST: ChoiceList = {
  options: Visit.shape.agreementStatus.unwrap().options,
  aliases: { Cumplido: ["Cumplida"], Vencido: ["Vencida", "Atrasado", "Atrasada"] },
};
export const LINK_TYPE_LIST: ChoiceList = {
  options: Link.shape.type.unwrap().options,
  aliases: { "Público": ["Sector público", "Pública"], Privado: ["Sector privado", "Privada", "Empresa"], Academia: ["Universidad", "Académico"], "Sociedad civil": ["ONG", "Organización social"] },
};
export const LINK_STATUS_LIST: ChoiceList = {
  options: Link.shape.status.unwrap().options,
  aliases: { "Convenio firmado": ["Convenio"], "Reunión": ["Reunion realizada", "Reunión realizada"] },
};
export const LEVERAGE_STATUS_LIST: ChoiceList = {
  options: Leverage.shape.status.unwrap().options,
  aliases: { Postulado: ["Postulada"], Adjudicado: ["Adjudicada"], Rechazado: ["Rechazada", "No adjudicado", "No adjudicada"] },
};

// ---- Sheets ----

export const COOPERATIVE_SHEET: FormSpec = {
  kind: "form", part: "cooperative", name: "Cooperativa", required: true,
  nameVariants: ["Ficha", "Ficha cooperativa", "Datos de la cooperativa", "Cooperativa o grupo", "Antecedentes"],
  fields: [
    col("callYear", "Convocatoria", "year", true, 14, ["Año de la convocatoria", "Año convocatoria", "Convocatoria año"]),
    col("regionCode", "Región", "region", true, 14, ["Región de ejecución", "Región del proyecto"]),
    col("modality", "Modalidad", "modality", true, 14, ["Modalidad de postulación", "Modalidad del programa"]),
    col("name", "Nombre de la cooperativa o grupo", "text", true, 14, [
      "Nombre de la cooperativa", "Nombre del grupo", "Nombre de la cooperativa o grupo pre cooperativo",
      "Nombre del grupo pre cooperativo", "Razón social", "Nombre"]),
    col("rut", "RUT", "rut", false, 14, ["RUT de la cooperativa", "RUT cooperativa", "Rol único tributario"]),
    col("cooperativeType", "Tipo de cooperativa", "choice", true, 14, ["Tipo", "Tipo de cooperativa o grupo"], COOPERATIVE_TYPE_LIST),
    col("annualNetSales", "Ventas netas anuales (CLP)", "money", false, 14, ["Ventas netas anuales", "Ventas anuales", "Ventas netas"]),
    col("executionStart", "Fecha de inicio de ejecución", "date", true, 14, ["Fecha de inicio", "Inicio de ejecución", "Fecha inicio", "Fecha inicio ejecución"]),
    col("executionEnd", "Fecha de término de ejecución", "date", false, 14, ["Fecha de término", "Término de ejecución", "Fecha término", "Fecha término ejecución"]),
    col("manager", "Gestor/a", "text", true, 14, ["Gestor", "Gestora", "Gestor/a de cooperativas", "Nombre del gestor/a", "Nombre del gestor", "Nombre de la gestora"]),
    col("managerEmail", "Correo del gestor/a", "text", true, 14, [
      "Correo", "Email", "E-mail", "Correo electrónico", "Correo del gestor", "Correo de la gestora",
      "Correo electrónico del gestor/a", "Email del gestor/a"]),
    col("operatorAgent", "Agente Operador (AOS)", "text", true, 14, ["Agente Operador", "AOS", "Agente Operador Sercotec", "Agente operador Sercotec (AOS)"]),
  ],
};

export const MEMBERS_SHEET: TableSpec = {
  kind: "table", part: "members", name: "Socios", required: true,
  nameVariants: ["Socias y socios", "Integrantes", "Nómina de socios", "Nómina de integrantes", "Socios y socias"],
  columns: [
    col("number", "N°", "integer", false, 6, NUMBER_VARIANTS),
    col("name", "Nombre", "text", true, 36, ["Nombre completo", "Nombre del socio/a", "Nombre socio", "Nombre y apellidos", "Integrante", "Nombre integrante"]),
    col("rut", "RUT", "rut", true, 14, ["RUT socio/a", "RUT del socio/a", "RUN", "RUT integrante"]),
    col("role", "Cargo", "choice", false, 16, ["Rol", "Cargo en la directiva"], ROLE_LIST),
    col("gender", "Género", "choice", false, 16, ["Sexo"], GENDER_LIST),
  ],
};

export const MILESTONES_SHEET: TableSpec = {
  kind: "table", part: "milestones", name: "Hitos", required: true,
  nameVariants: ["Seguimiento de hitos"],
  columns: [
    col("milestone", "Hito", "milestone", true, 6, ["N° hito", "Hito N°", "Número de hito", "N° de hito"]),
    col("name", "Nombre", "text", false, 36, ["Nombre del hito", "Descripción", "Hito nombre"]),
    col("plannedDate", "Fecha programada", "date", true, 14, ["Fecha planificada", "Fecha prevista", "Fecha estimada", "Fecha planificación"]),
    col("doneDate", "Fecha realizada", "date", false, 14, ["Fecha de realización", "Fecha real", "Fecha ejecución", "Fecha de ejecución", "Fecha realización"]),
    col("status", "Estado", "choice", true, 14, ["Estado del hito"], MILESTONE_STATUS_LIST),
    col("attendees", "N° de asistentes", "count", false, 12, ["N° asistentes", "Asistentes", "Número de asistentes", "Asistencia", "Cantidad de asistentes"]),
    col("verification", "Medio de verificación", "text", false, 36, VERIFICATION_VARIANTS),
    col("notes", "Observaciones", "text", false, 36, ["Observación", "Comentarios", "Notas"]),
  ],
};

export const ACTIONS_SHEET: TableSpec = {
  kind: "table", part: "actions", name: "Plan de Acción", required: true,
  nameVariants: ["Plan de acciones", "Plan de Acción Hito 2", "Acciones"],
  columns: [
    col("number", "N°", "integer", true, 6, NUMBER_VARIANTS),
    col("axis", "Eje", "choice", true, 20, ["Eje de trabajo", "Ámbito", "Eje temático"], AXIS_LIST),
    col("gap", "Brecha", "text", false, 36, ["Brecha detectada", "Brecha identificada", "Brechas"]),
    col("objective", "Objetivo", "text", true, 36, ["Objetivo específico", "Objetivos"]),
    col("activity", "Actividad", "text", true, 36, ["Actividades", "Acción", "Descripción de la actividad"]),
    col("owner", "Responsable", "text", true, 24, ["Responsables", "Encargado", "Encargada", "Encargado/a"]),
    col("startDate", "Fecha inicio", "date", true, 14, ["Fecha de inicio", "Inicio"]),
    col("endDate", "Fecha término", "date", true, 14, ["Fecha de término", "Término", "Fecha fin", "Fecha de fin", "Fin"]),
    col("indicator", "Indicador", "text", true, 30, ["Indicadores", "Indicador de logro"]),
    col("goal", "Meta", "text", true, 20, ["Metas"]),
    col("verification", "Medio de verificación", "text", true, 30, VERIFICATION_VARIANTS),
    col("status", "Estado", "choice", false, 14, ["Estado de la actividad"], ACTION_STATUS_LIST),
    col("progress", "% de avance", "percentage", false, 12, ["% avance", "Avance", "Porcentaje de avance", "Avance %", "Avance (%)"]),
  ],
};

export const INVESTMENTS_SHEET: TableSpec = {
  kind: "table", part: "investmentLines", name: "Plan de Inversiones", required: true,
  nameVariants: ["Plan de inversión", "Inversiones", "Plan de Inversiones Hito 3", "Presupuesto"],
  columns: [
    col("number", "N°", "integer", true, 6, NUMBER_VARIANTS),
    col("group", "Grupo", "group", true, 28, ["Grupo de ítem", "Grupo de gasto", "Grupo ítem"]),
    col("item", "Ítem", "item", true, 30, ["Ítem de gasto", "Ítem financiable", "Ítems"]),
    col("subitem", "Sub-ítem", "subitem", false, 26, ["Sub ítem", "Subitem", "Sub-ítems", "Subítem"]),
    col("description", "Descripción", "text", true, 40, ["Detalle", "Descripción del gasto", "Glosa", "Descripción del bien o servicio", "Detalle del gasto"]),
    col("actionNumber", "Actividad N°", "integer", false, 10, [
      "Actividad Nº", "N° de actividad", "N° actividad", "Actividad asociada", "Acción N°", "N° acción", "Actividad", "N° actividad plan de acción"]),
    col("quantity", "Cantidad", "quantity", true, 10, ["Cant.", "Cant", "Unidades", "N° de unidades"]),
    col("unitPrice", "Valor unitario neto", "money", true, 16, [
      "Valor unitario", "Precio unitario", "V. unitario (neto)", "V. unitario", "V. unitario neto", "Precio unitario neto",
      "Costo unitario", "Valor unitario neto ($)", "Valor neto unitario"]),
    col("total", "Total neto", "money", true, 16, ["Total", "Monto total", "Total ($)", "Valor total", "Monto total neto", "Costo total", "Total neto ($)"]),
    col("sercotecAmount", "Aporte Sercotec", "money", true, 16, [
      "Monto Sercotec", "Subsidio Sercotec", "Aporte SERCOTEC ($)", "Financiamiento Sercotec", "Sercotec", "Aporte Sercotec neto"]),
    col("ownAmount", "Aporte empresarial", "money", true, 16, [
      "Cofinanciamiento", "Aporte propio", "Aporte de la cooperativa", "Aporte beneficiario", "Aporte del grupo", "Aporte socios", "Aporte empresarial neto"]),
    col("supplier", "Proveedor", "text", false, 28, ["Nombre proveedor", "Nombre del proveedor", "Proveedor sugerido"]),
    col("supplierRut", "RUT proveedor", "rut", false, 14, ["RUT del proveedor", "Rut proveedor sugerido"]),
    col("quotes", "N° de cotizaciones", "count", false, 12, ["N° cotizaciones", "Cotizaciones", "Número de cotizaciones", "Cantidad de cotizaciones", "Nº de cotizaciones"]),
    col("usedGood", "Bien usado", "yesNo", false, 10, ["¿Bien usado?", "Usado", "Bien usado (Sí/No)"]),
    col("usedGoodAuthorization", "Autorización bien usado", "text", false, 24, ["Autorización de bien usado", "Autorización", "Autorización bien usado (referencia)"]),
    col("sustainable", "Sustentable", "yesNo", false, 12, ["¿Sustentable?", "Sostenible", "Sustentable (Sí/No)"]),
    col("plannedPurchaseDate", "Fecha estimada de compra", "date", false, 14, ["Fecha de compra", "Fecha compra", "Fecha estimada compra", "Fecha estimada"]),
    col("status", "Estado", "choice", false, 14, ["Estado de la compra"], LINE_STATUS_LIST),
    col("executedAmount", "Monto ejecutado", "money", false, 16, ["Ejecutado", "Monto rendido", "Total ejecutado", "Monto ejecutado ($)"]),
  ],
};

export const RESULTS_SHEET: TableSpec = {
  kind: "table", part: "results", name: "Resultados", required: true,
  nameVariants: ["Medición de resultados", "Resultados hito 4", "Indicadores"],
  columns: [
    col("number", "N°", "integer", false, 6, NUMBER_VARIANTS),
    col("indicator", "Indicador", "text", true, 36, ["Indicadores", "Indicador de resultado"]),
    col("unit", "Unidad", "text", false, 16, ["Unidad de medida"]),
    col("baseline", "Línea base", "number", true, 14, ["Línea de base", "Valor inicial", "Situación inicial", "Valor línea base"]),
    col("target", "Meta", "number", true, 14, ["Valor meta", "Metas"]),
    col("result", "Resultado", "number", false, 14, ["Valor logrado", "Resultado obtenido", "Logro", "Valor final"]),
    col("verification", "Medio de verificación", "text", false, 36, VERIFICATION_VARIANTS),
  ],
};

export const VISITS_SHEET: TableSpec = {
  kind: "table", part: "visits", name: "Bitácora", required: false,
  nameVariants: ["Bitácora de visitas", "Bitácora de asesorías", "Visitas", "Actas de asesoría"],
  columns: [
    col("date", "Fecha", "date", true, 14, ["Fecha de la visita", "Fecha de la sesión", "Fecha visita", "Fecha sesión"]),
    col("mode", "Modalidad", "choice", false, 14, ["Modalidad de la visita", "Tipo de visita"], VISIT_MODE_LIST),
    col("participants", "N° de participantes", "count", false, 12, ["N° participantes", "Participantes", "Asistentes", "N° de asistentes"]),
    col("topics", "Temas tratados", "text", true, 40, ["Temas", "Tema"]),
    col("agreements", "Acuerdos", "text", true, 40, ["Acuerdo", "Acuerdos y compromisos", "Compromisos"]),
    col("agreementOwner", "Responsable del acuerdo", "text", false, 24, ["Responsable", "Responsable acuerdo"]),
    col("dueDate", "Fecha de compromiso", "date", false, 14, ["Fecha compromiso", "Plazo", "Fecha límite"]),
    col("agreementStatus", "Estado del acuerdo", "choice", false, 14, ["Estado", "Estado acuerdo"], AGREEMENT_STATUS_LIST),
    col("milestone", "Hito", "milestone", false, 8, ["Hito N°", "N° hito"]),
  ],
};

export const LINKS_SHEET: TableSpec = {
  kind: "table", part: "links", name: "Vinculaciones", required: false,
  nameVariants: ["Vinculación", "Vinculaciones con actores", "Redes"],
  columns: [
    col("number", "N°", "integer", false, 6, NUMBER_VARIANTS),
    col("actor", "Actor", "text", true, 28, ["Actor vinculado", "Nombre del actor"]),
    col("type", "Tipo", "choice", true, 16, ["Tipo de actor"], LINK_TYPE_LIST),
    col("institution", "Institución", "text", false, 28, ["Organización", "Entidad"]),
    col("purpose", "Propósito", "text", true, 36, ["Objetivo", "Propósito de la vinculación"]),
    col("date", "Fecha", "date", false, 14, ["Fecha de contacto"]),
    col("status", "Estado", "choice", false, 16, ["Estado de la vinculación"], LINK_STATUS_LIST),
    col("outcome", "Resultado", "text", false, 36, ["Resultados", "Resultado obtenido"]),
  ],
};

export const LEVERAGE_SHEET: TableSpec = {
  kind: "table", part: "leverage", name: "Apalancamiento", required: false,
  nameVariants: ["Apalancamiento de recursos", "Fondos", "Otros fondos"],
  columns: [
    col("number", "N°", "integer", false, 6, NUMBER_VARIANTS),
    col("fund", "Fuente o fondo", "text", true, 30, ["Fondo", "Fuente", "Fuente de financiamiento", "Nombre del fondo"]),
    col("institution", "Institución", "text", true, 28, ["Organización", "Entidad"]),
    col("requestedAmount", "Monto solicitado", "money", false, 16, ["Monto postulado", "Solicitado"]),
    col("awardedAmount", "Monto adjudicado", "money", false, 16, ["Adjudicado", "Monto obtenido"]),
    col("applicationDate", "Fecha de postulación", "date", false, 14, ["Fecha postulación"]),
    col("status", "Estado", "choice", false, 16, ["Estado de la postulación"], LEVERAGE_STATUS_LIST),
  ],
};

/** Every sheet of layout v1.1, in the template's order. */
export const WORKBOOK_LAYOUT: readonly SheetSpec[] = [
  COOPERATIVE_SHEET, MEMBERS_SHEET, MILESTONES_SHEET, ACTIONS_SHEET, INVESTMENTS_SHEET, RESULTS_SHEET,
  VISITS_SHEET, LINKS_SHEET, LEVERAGE_SHEET,
];

/** Helper sheets a writer may add (the xlsx writer's very hidden `_listas` of long dropdown lists): never a plan part, never reported. */
export const HELPER_SHEET_NAMES: readonly string[] = ["_listas"];

/** The layout version the template writes. */
export const LAYOUT_VERSION = "1.1";

/** Excel number formats the template applies by column type (CLP, dates, percentages). */
export const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  money: "\"$\"#,##0",
  date: "dd-mm-yyyy",
  percentage: "0%",
  integer: "0",
  count: "0",
  milestone: "0",
  year: "0",
};

/** Yes/No list as the template offers it. */
export const YES_NO_LIST = ["Sí", "No"] as const;

/** Milestone numbers as the template offers them. */
export const MILESTONE_LIST = ["1", "2", "3", "4"] as const;

type ModalityKey = "creacion" | "fortalecimiento";

/** The catalogue ítems of a pack a modality may use: a Creación-only ítem (INV-009) leaves Fortalecimiento's list only when that figure is confirmed. */
function catalogueFor(modality: ModalityKey | undefined, pack: RulePack) {
  const only = pack.figures.creacionOnlyItems;
  const confirmedForFortalecimiento = typeof only.confirmed === "boolean" ? only.confirmed : only.confirmed.fortalecimiento;
  const excluded = modality === "fortalecimiento" && confirmedForFortalecimiento ? new Set(only.value) : new Set<string>();
  return pack.catalogue.items.filter((c) => !excluded.has(c.item));
}

/** The ítems a modality may use under a pack (default: the built-in 2025 pack). */
export function itemsFor(modality?: ModalityKey, pack: RulePack = PACK_2025): string[] {
  return catalogueFor(modality, pack).map((c) => c.item);
}

/** The grupos a modality may use under a pack. */
export function groupsFor(modality?: ModalityKey, pack: RulePack = PACK_2025): string[] {
  const items = catalogueFor(modality, pack);
  return pack.catalogue.groups.map((g) => g.label).filter((g) => items.some((c) => c.group === g));
}

/** Every sub-ítem of the ítems a modality may use under a pack. */
export function subitemsFor(modality?: ModalityKey, pack: RulePack = PACK_2025): string[] {
  return catalogueFor(modality, pack).flatMap((c) => c.subitems);
}

/** True when a column's dropdown only suggests (an open list: the gestor may type another value). */
export function isOpenListColumn(spec: ColumnSpec): boolean {
  return Boolean(spec.type === "choice" && spec.choices?.openList);
}

/**
 * The dropdown list of a column in the template, from the pack in force (default: the built-in
 * 2025 pack): catalogue columns from its catalogue, open lists from its enumerations; undefined
 * for free columns.
 */
export function dropdownFor(spec: ColumnSpec, modality?: ModalityKey, pack: RulePack = PACK_2025): string[] | undefined {
  switch (spec.type) {
    case "choice":
      if (spec.choices?.openList) return [...pack.enumerations[spec.choices.openList].values];
      return spec.choices ? [...spec.choices.options] : undefined;
    case "yesNo": return [...YES_NO_LIST];
    case "milestone": return [...MILESTONE_LIST];
    case "region": return REGION_SHORT_NAMES.map((r) => r.name);
    case "modality": return Object.values(MODALITY_LABELS);
    case "group": return groupsFor(modality, pack);
    case "item": return itemsFor(modality, pack);
    case "subitem": return subitemsFor(modality, pack);
    default: return undefined;
  }
}
