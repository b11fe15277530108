import type { Finding, Plan, PlanPart } from "../domain";
import { MODALITY_LABELS } from "../domain";
import type { CallLookup } from "./calls";
import { cellOf, isFieldMissing, isPartMissing, sheetOf, tableHeaderCellOf } from "./locate";
import { findingOf, isBlank, type Rule, type RuleContext } from "./rule";

const PLAN_001 = { id: "PLAN-001", severity: "error" } as const;
const PLAN_002 = { id: "PLAN-002", severity: "error" } as const;

/** Spanish labels of the fields PLAN-002 requires, per part (standard-workbook.md, columns marked *). */
const REQUIRED_FIELDS: Partial<Record<PlanPart, Record<string, string>>> = {
  // callYear, regionCode and modality are PLAN-001's.
  cooperative: {
    name: "Nombre de la cooperativa o grupo",
    cooperativeType: "Tipo de cooperativa",
    executionStart: "Fecha de inicio de ejecución",
    manager: "Gestor/a",
    managerEmail: "Correo del gestor/a",
    operatorAgent: "Agente Operador (AOS)",
  },
  members: { name: "Nombre", rut: "RUT" },
  milestones: { milestone: "Hito", plannedDate: "Fecha programada", status: "Estado" },
  // The other required columns of Plan de Acción are ACT-001's.
  actions: { number: "N°" },
  // Grupo may be left empty: it follows from the ítem (rules.md, catalogue).
  investmentLines: {
    number: "N°", item: "Ítem", description: "Descripción", quantity: "Cantidad", unitPrice: "Valor unitario neto",
    total: "Total neto", sercotecAmount: "Aporte Sercotec", ownAmount: "Aporte empresarial",
  },
  // Línea base and Meta are RES-001's.
  results: { indicator: "Indicador" },
  visits: { date: "Fecha" },
  links: { actor: "Actor", type: "Tipo", purpose: "Propósito" },
  leverage: { fund: "Fuente o fondo", institution: "Institución" },
};

/** `REQUIRED_FIELDS` as lists, in the same order. */
const REQUIRED_FIELD_LIST: [PlanPart, [string, string][]][] = (Object.entries(REQUIRED_FIELDS) as [PlanPart, Record<string, string>][])
  .map(([part, fields]) => [part, Object.entries(fields)]);

/** Tables that must have at least one row (members and hitos are COOP-002's and HITO-001's). */
const NON_EMPTY_TABLES: PlanPart[] = ["actions", "investmentLines", "results"];

function recordsOf(plan: Plan, part: PlanPart): { source?: Plan["members"][number]["source"] }[] {
  switch (part) {
    case "cooperative": return [plan.cooperative];
    case "visits": return plan.followUp?.visits ?? [];
    case "links": return plan.followUp?.links ?? [];
    case "leverage": return plan.followUp?.leverage ?? [];
    default: return plan[part];
  }
}

/**
 * PLAN-001 (E): the plan names its call (year), region (01–16) and modality. PLAN-005 (W): its
 * year has no published pack, so the newest pack applied (rules.md, "An unknown call year never
 * blocks"). `lookup` is `getCall(callYear, regionCode, packs)`; its PLAN-001 or PLAN-005 finding
 * is relocated to the Convocatoria cell.
 */
export function checkPlanCall(plan: Plan, lookup: CallLookup): Finding[] {
  const c = plan.cooperative;
  const out: Finding[] = [];
  // A Cooperativa sheet or row the parser did not find is already a parse finding (PARSE-002/005).
  const unread = (field: string) => isFieldMissing(plan, "cooperative", field);
  if (c.callYear === null || c.callYear === undefined) {
    if (!unread("callYear")) {
    out.push(findingOf(PLAN_001, "Falta la convocatoria (año) del plan: escriba, por ejemplo, 2025.",
      cellOf(plan, "cooperative", c, "callYear")));
    }
  } else if (!lookup.ok) {
    out.push({ ...lookup.finding, location: cellOf(plan, "cooperative", c, "callYear") });
  } else if (lookup.fallback) {
    out.push({ ...lookup.fallback, location: cellOf(plan, "cooperative", c, "callYear") });
  }
  if (!c.regionCode && !unread("regionCode")) {
    out.push(findingOf(PLAN_001, "Falta la región del plan: escriba su código (01 a 16) o su nombre, por ejemplo «Los Ríos».",
      cellOf(plan, "cooperative", c, "regionCode")));
  }
  if (!c.modality && !unread("modality")) {
    out.push(findingOf(PLAN_001,
      `Falta la modalidad del plan: escriba «${MODALITY_LABELS.creacion}» o «${MODALITY_LABELS.fortalecimiento}».`,
      cellOf(plan, "cooperative", c, "modality")));
  }
  return out;
}

/**
 * PLAN-002 (E): the required fields of each sheet are filled (standard-workbook.md, * columns).
 * Quiet about a part the parser could not read and a required column it did not find (already
 * PARSE-002/003/004/005).
 */
export const PLAN_002_RULE: Rule = {
  ...PLAN_002,
  statement: "Required fields of each sheet are filled (see standard-workbook.md).",
  check: ({ plan }: RuleContext) => {
    const out: Finding[] = [];
    for (const [part, allFields] of REQUIRED_FIELD_LIST) {
      if (isPartMissing(plan, part)) continue;
      const fields = allFields.filter(([field]) => !isFieldMissing(plan, part, field));
      const records = recordsOf(plan, part);
      records.forEach((record, index) => {
        for (const [field, label] of fields) {
          if (!isBlank((record as Record<string, unknown>)[field])) continue;
          const where = part === "cooperative" ? "" : ` (fila ${record.source?.row ?? index + 1})`;
          out.push(findingOf(PLAN_002, `Falta «${label}» en la hoja ${sheetOf(plan, part)}${where}: es obligatorio.`,
            cellOf(plan, part, record, field, part === "cooperative" ? undefined : index)));
        }
      });
    }
    for (const part of NON_EMPTY_TABLES) {
      if (!isPartMissing(plan, part) && recordsOf(plan, part).length === 0) {
        out.push(findingOf(PLAN_002, `La hoja ${sheetOf(plan, part)} no tiene filas: complete la tabla.`,
          tableHeaderCellOf(plan, part), { found: 0, limit: 1 }));
      }
    }
    return out;
  },
};

/** The plan rules that run with the others (PLAN-001 runs first, in validatePlan, with the call lookup). */
export const PLAN_RULES: Rule[] = [PLAN_002_RULE];
