import type { Finding } from "../domain";
import { formatDateEs } from "../format";
import { cellOf, isFieldMissing } from "./locate";
import { findingOf, isBlank, periodFindingOf, withCall, type Rule } from "./rule";
import { matchOpenList } from "./openLists";

const ACT_001 = { id: "ACT-001", severity: "error" } as const;
const ACT_002 = { id: "ACT-002", severity: "error" } as const;
const ACT_003 = { id: "ACT-003", severity: "warning" } as const;

/** The fields ACT-001 requires, with their column labels. */
const ACTION_FIELDS: [string, string][] = [
  ["axis", "Eje"], ["activity", "Actividad"], ["objective", "Objetivo"], ["owner", "Responsable"],
  ["startDate", "Fecha inicio"], ["endDate", "Fecha término"], ["indicator", "Indicador"], ["goal", "Meta"],
  ["verification", "Medio de verificación"],
];

/**
 * ACT-001 (E): each action has eje, actividad, objetivo, responsable, dates, indicador, meta, medio
 * de verificación. One finding per blank cell; none for a column the parser did not find (PARSE-004).
 */
export const ACT_001_RULE: Rule = {
  ...ACT_001,
  statement: "Each action has eje, actividad, objetivo, responsable, dates, indicador, meta, medio de verificación.",
  check: ({ plan }) => {
    const fields = ACTION_FIELDS.filter(([field]) => !isFieldMissing(plan, "actions", field));
    return plan.actions.flatMap((a, i) => fields.flatMap(([field, label]): Finding[] => {
      if (!isBlank((a as Record<string, unknown>)[field])) return [];
      return [findingOf(ACT_001, `La actividad N° ${a.number ?? i + 1} no tiene «${label}»: es obligatorio.`,
        cellOf(plan, "actions", a, field, i))];
    }));
  },
};

/**
 * ACT-002 (E): action dates: start ≤ end, both inside the execution period (start to start + the
 * call's months − 1 day; 2025: 6 months [S2][S3][S4]). ISO dates compare as text.
 */
export const ACT_002_RULE: Rule = {
  ...ACT_002,
  statement: "Action dates: start ≤ end, both inside the execution period.",
  check: (ctx) => ctx.plan.actions.flatMap((a, i) => {
    const { plan, period } = ctx;
    const out: Finding[] = [];
    const name = `La actividad N° ${a.number ?? i + 1}`;
    if (a.startDate && a.endDate && a.startDate > a.endDate) {
      out.push(findingOf(ACT_002,
        `${name} termina (${formatDateEs(a.endDate)}) antes de empezar (${formatDateEs(a.startDate)}).`,
        cellOf(plan, "actions", a, "endDate", i), { found: a.endDate, limit: a.startDate }));
    }
    if (!period) return out;
    const range = `del ${formatDateEs(period.start)} al ${formatDateEs(period.end)}`;
    for (const [field, label] of [["startDate", "empieza"], ["endDate", "termina"]] as const) {
      const d = a[field];
      if (!d || (d >= period.start && d <= period.end)) continue;
      out.push(periodFindingOf(ACT_002, ctx,
        `${name} ${label} el ${formatDateEs(d)}, fuera del período de ejecución (${range}).`,
        cellOf(plan, "actions", a, field, i), { found: d, limit: d < period.start ? period.start : period.end }));
    }
    return out;
  }),
};

/**
 * ACT-003 (W): an action's Eje outside the call's usual list (an open list; 2025: Gobernanza,
 * Modelo de negocio, Estrategia comercial, Gestión, Asociatividad, Sustentabilidad, Vinculación,
 * Formalización, Otro). Never an error. At the Eje cell. An id of this repository (issue 11's
 * open lists) that ../shared/program/rules.md does not list yet.
 */
export const ACT_003_RULE: Rule = {
  ...ACT_003,
  statement: "An action's Eje outside the usual list (open list).",
  check: withCall(({ plan }, call) => {
    const axes = call.enumerations.actionAxes;
    return plan.actions.flatMap((a, i) => {
      if (isBlank(a.axis) || matchOpenList(a.axis as string, axes)) return [];
      return [findingOf(ACT_003,
        `La actividad N° ${a.number ?? i + 1} tiene el eje «${a.axis}», que no está entre los habituales (${axes.values.join(", ")}): ` +
        "revise que esté bien escrito o use «Otro».",
        cellOf(plan, "actions", a, "axis", i), { found: a.axis })];
    });
  }),
};

/** The action rules, in report order. */
export const ACTION_RULES: Rule[] = [ACT_001_RULE, ACT_002_RULE, ACT_003_RULE];
