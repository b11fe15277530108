import type { Finding, Milestone } from "../domain";
import { formatDateEs } from "../format";
import { cellOf, isFieldMissing, isPartMissing, sheetCellOf, sheetOf } from "./locate";
import { findingOf, isBlank, periodFindingOf, type Rule } from "./rule";

const HITO_001 = { id: "HITO-001", severity: "error" } as const;
const HITO_002 = { id: "HITO-002", severity: "error" } as const;
const HITO_003 = { id: "HITO-003", severity: "warning" } as const;
const HITO_004 = { id: "HITO-004", severity: "warning" } as const;

/**
 * HITO-001 (E): hitos 1–4 present once each (a missing hito points to the Hitos sheet's A1, a
 * repeated one to its Hito cell); planned dates in order 1 ≤ 2 ≤ 3 ≤ 4 and inside the execution
 * period (2025: 6 months [S2][S3][S4]). Source of the order: the program's design (research.md §3.2).
 * Missing hitos are not reported when the Hitos sheet or its Hito column was not read.
 */
export const HITO_001_RULE: Rule = {
  ...HITO_001,
  statement: "Hitos 1–4 present once each; planned dates in order 1 ≤ 2 ≤ 3 ≤ 4, inside the execution period.",
  check: (ctx) => {
    const { plan, period } = ctx;
    const out: Finding[] = [];
    const first = new Map<number, { m: Milestone; i: number }>();
    plan.milestones.forEach((m, i) => {
      if (m.milestone === null) return;
      if (first.has(m.milestone)) {
        out.push(findingOf(HITO_001, `El hito ${m.milestone} aparece más de una vez en ${sheetOf(plan, "milestones")}: deje una sola fila por hito.`,
          cellOf(plan, "milestones", m, "milestone", i), { found: m.milestone }));
      } else {
        first.set(m.milestone, { m, i });
      }
    });
    // Without the Hitos sheet or its Hito column (PARSE-002/003/004) every hito would be "missing".
    const hitosUnread = isFieldMissing(plan, "milestones", "milestone");
    for (const n of [1, 2, 3, 4]) {
      if (!first.has(n) && !hitosUnread) {
        out.push(findingOf(HITO_001, `Falta el hito ${n} en ${sheetOf(plan, "milestones")}: el plan debe tener los hitos 1 a 4.`,
          sheetCellOf(plan, "milestones"), { found: null, limit: n }));
      }
    }
    let previous: { n: number; date: string } | null = null;
    for (const n of [1, 2, 3, 4]) {
      const entry = first.get(n);
      const date = entry?.m.plannedDate;
      if (!entry || !date) continue;
      const location = cellOf(plan, "milestones", entry.m, "plannedDate", entry.i);
      if (previous && date < previous.date) {
        out.push(findingOf(HITO_001,
          `El hito ${n} está programado el ${formatDateEs(date)}, antes que el hito ${previous.n} (${formatDateEs(previous.date)}): ` +
          "los hitos van en orden 1, 2, 3, 4.", location, { found: date, limit: previous.date }));
      }
      if (period && (date < period.start || date > period.end)) {
        out.push(periodFindingOf(HITO_001, ctx,
          `El hito ${n} está programado el ${formatDateEs(date)}, fuera del período de ejecución ` +
          `(del ${formatDateEs(period.start)} al ${formatDateEs(period.end)}).`,
          location, { found: date, limit: date < period.start ? period.start : period.end }));
      }
      if (!previous || date >= previous.date) previous = { n, date };
    }
    return out;
  },
};

/** HITO-002 (E): a hito marked Realizado has its done date and verifier. */
export const HITO_002_RULE: Rule = {
  ...HITO_002,
  statement: "A hito marked Realizado has its done date and verifier.",
  check: ({ plan }) => plan.milestones.flatMap((m, i) => {
    const out: Finding[] = [];
    const name = `El hito ${m.milestone ?? i + 1}`;
    if (m.status === "Realizado") {
      if (isBlank(m.doneDate)) {
        out.push(findingOf(HITO_002, `${name} está Realizado pero no tiene fecha realizada.`, cellOf(plan, "milestones", m, "doneDate", i)));
      }
      if (isBlank(m.verification)) {
        out.push(findingOf(HITO_002, `${name} está Realizado pero no tiene medio de verificación.`,
          cellOf(plan, "milestones", m, "verification", i)));
      }
    }
    return out;
  }),
};

/**
 * HITO-004 (W): a hito's attendance above the plan's members: the socialización and the cuenta
 * pública participativa are open to families, the community, the AOS and Sercotec, so this only
 * asks to check the figure. Not checked when the Socios sheet was not read.
 */
export const HITO_004_RULE: Rule = {
  ...HITO_004,
  statement: "A hito's attendance above the members.",
  check: ({ plan }) => {
    if (isPartMissing(plan, "members")) return [];
    const members = plan.members.length;
    return plan.milestones.flatMap((m, i) => {
      if (m.attendees === null || m.attendees <= members) return [];
      return [findingOf(HITO_004,
        `El hito ${m.milestone ?? i + 1} registra ${m.attendees} asistentes, más que los ${members} socios del plan: ` +
        "si asistieron familias, la comunidad, el AOS o Sercotec está bien; si no, revise la cifra.",
        cellOf(plan, "milestones", m, "attendees", i), { found: m.attendees, limit: members })];
    });
  },
};

/**
 * HITO-003 (W): purchases (Fecha estimada de compra) not before hito 2's date (its done date if
 * any, else its planned date): the plan de acción comes before the purchases (research.md R-021).
 */
export const HITO_003_RULE: Rule = {
  ...HITO_003,
  statement: "Purchases (Fecha estimada de compra) not before hito 2's date (done date if any, else planned).",
  check: ({ plan }) => {
    const hito2 = plan.milestones.find((m) => m.milestone === 2);
    const ref = hito2 ? hito2.doneDate ?? hito2.plannedDate : null;
    if (!ref) return [];
    const which = hito2?.doneDate ? "realizado" : "programado";
    return plan.investmentLines.flatMap((l, i) => {
      const d = l.plannedPurchaseDate;
      if (!d || d >= ref) return [];
      return [findingOf(HITO_003,
        `La línea N° ${l.number ?? i + 1} se compraría el ${formatDateEs(d)}, antes del hito 2 (plan de acción, ${which} el ` +
        `${formatDateEs(ref)}).`,
        cellOf(plan, "investmentLines", l, "plannedPurchaseDate", i), { found: d, limit: ref })];
    });
  },
};

/** The hito rules, in report order. */
export const MILESTONE_RULES: Rule[] = [HITO_001_RULE, HITO_002_RULE, HITO_003_RULE, HITO_004_RULE];
