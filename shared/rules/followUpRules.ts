import type { Finding, Plan } from "../domain";
import { addDaysIso, addMonthsIso } from "./calendarDate";
import { formatClp, formatDateEs, formatNumber } from "../format";
import { cellOf, headerCellOf, isFieldMissing, sheetOf } from "./locate";
import { findingOf, isBlank, withCall, type Rule } from "./rule";

const SEG_001 = { id: "SEG-001", severity: "warning" } as const;
const SEG_002 = { id: "SEG-002", severity: "warning" } as const;
const SEG_003 = { id: "SEG-003", severity: "warning" } as const;
const SEG_004 = { id: "SEG-004", severity: "warning" } as const;

/** True when the plan has a Bitácora (the sheet was read, or visits are present). */
function hasVisitLog(plan: Plan): boolean {
  return Boolean(plan.followUp && (plan.sheets?.visits || plan.followUp.visits.length > 0));
}

/** SEG-001 (W): visit dates inside the execution period; each visit has topics and agreements (unless the column was not found: PARSE-004). */
export const SEG_001_RULE: Rule = {
  ...SEG_001,
  statement: "Visit dates inside the execution period; each visit has topics and agreements.",
  check: ({ plan, period }) => (plan.followUp?.visits ?? []).flatMap((v, i) => {
    const out: Finding[] = [];
    const name = v.date ? `La visita del ${formatDateEs(v.date)}` : `La visita de la fila ${v.source?.row ?? i + 1}`;
    if (v.date && period && (v.date < period.start || v.date > period.end)) {
      out.push(findingOf(SEG_001,
        `${name} está fuera del período de ejecución (del ${formatDateEs(period.start)} al ${formatDateEs(period.end)}).`,
        cellOf(plan, "visits", v, "date", i), { found: v.date, limit: v.date < period.start ? period.start : period.end }));
    }
    if (isBlank(v.topics) && !isFieldMissing(plan, "visits", "topics")) out.push(findingOf(SEG_001, `${name} no registra los temas tratados.`, cellOf(plan, "visits", v, "topics", i)));
    if (isBlank(v.agreements) && !isFieldMissing(plan, "visits", "agreements")) out.push(findingOf(SEG_001, `${name} no registra acuerdos.`, cellOf(plan, "visits", v, "agreements", i)));
    return out;
  }),
};

/**
 * SEG-002 (W): at least `visitsPerMonth` visits (default 1, rules.md) in each month of execution
 * already completed by `asOf`: month k runs from start + k months to start + k+1 months − 1 day.
 * One finding per month short of visits, at the Bitácora's Fecha header. Only when the plan has a
 * Bitácora.
 */
export const SEG_002_RULE: Rule = {
  ...SEG_002,
  statement: "At least one visit per month of execution so far (the call's visitsPerMonth, default 1).",
  check: withCall(({ plan, period, asOf }, call) => {
    const perMonth = call.visitsPerMonth.value;
    if (!hasVisitLog(plan) || !period || perMonth === 0) return [];
    const dates = (plan.followUp?.visits ?? []).map((v) => v.date).filter((d): d is string => Boolean(d));
    const out: Finding[] = [];
    for (let k = 0; k < 240; k++) {
      const from = addMonthsIso(period.start, k);
      const next = addMonthsIso(period.start, k + 1);
      const to = next ? addDaysIso(next, -1) : null;
      // Only full months of execution that ended before asOf count (a partial last month does not).
      if (!from || !to || to > period.end || to >= asOf) break;
      const count = dates.filter((d) => d >= from && d <= to).length;
      if (count >= perMonth) continue;
      out.push(findingOf(SEG_002,
        `Entre el ${formatDateEs(from)} y el ${formatDateEs(to)} (mes ${k + 1} de ejecución) la bitácora registra ${count} ` +
        `${count === 1 ? "visita" : "visitas"}; se espera al menos ${perMonth} por mes.`,
        headerCellOf(plan, "visits", "date"), { found: count, limit: perMonth }));
    }
    return out;
  }),
};

/** SEG-003 (W): an agreement past its due date (before `asOf`) and not Cumplido should be marked Vencido. */
export const SEG_003_RULE: Rule = {
  ...SEG_003,
  statement: "An agreement past its due date and not Cumplido is Vencido.",
  check: ({ plan, asOf }) => (plan.followUp?.visits ?? []).flatMap((v, i) => {
    if (!v.dueDate || v.dueDate >= asOf || v.agreementStatus === "Cumplido" || v.agreementStatus === "Vencido") return [];
    return [findingOf(SEG_003,
      `El acuerdo${v.agreements ? ` «${v.agreements}»` : ""} tenía fecha de compromiso el ${formatDateEs(v.dueDate)} y no está Cumplido: ` +
      `márquelo Vencido o Cumplido (estado actual: ${v.agreementStatus ?? "sin estado"}).`,
      cellOf(plan, "visits", v, "agreementStatus", i), { found: v.agreementStatus ?? null, limit: v.dueDate })];
  }),
};

/** SEG-004 (W): leverage amounts are non-negative integers; adjudicado ≤ solicitado; Adjudicado has an amount. */
export const SEG_004_RULE: Rule = {
  ...SEG_004,
  statement: "Leverage amounts are non-negative integers; adjudicado ≤ solicitado; Adjudicado has an amount.",
  check: ({ plan }) => (plan.followUp?.leverage ?? []).flatMap((x, i) => {
    const out: Finding[] = [];
    const name = `El fondo ${x.fund ? `«${x.fund}»` : `N° ${x.number ?? i + 1}`}`;
    for (const [field, label] of [["requestedAmount", "monto solicitado"], ["awardedAmount", "monto adjudicado"]] as const) {
      const v = x[field];
      if (v === null || (Number.isInteger(v) && v >= 0)) continue;
      out.push(findingOf(SEG_004, `${name}: el ${label} (${formatNumber(v)}) debe ser un monto en pesos enteros, no negativo.`,
        cellOf(plan, "leverage", x, field, i), { found: v, limit: 0 }));
    }
    if (x.awardedAmount !== null && x.requestedAmount !== null && x.awardedAmount > x.requestedAmount) {
      out.push(findingOf(SEG_004,
        `${name}: el monto adjudicado (${formatClp(x.awardedAmount)}) supera el solicitado (${formatClp(x.requestedAmount)}).`,
        cellOf(plan, "leverage", x, "awardedAmount", i), { found: x.awardedAmount, limit: x.requestedAmount }));
    }
    if (x.status === "Adjudicado" && x.awardedAmount === null) {
      out.push(findingOf(SEG_004, `${name} está Adjudicado pero no indica el monto adjudicado en ${sheetOf(plan, "leverage")}.`,
        cellOf(plan, "leverage", x, "awardedAmount", i)));
    }
    return out;
  }),
};

/** The follow-up rules, in report order. */
export const FOLLOW_UP_RULES: Rule[] = [SEG_001_RULE, SEG_002_RULE, SEG_003_RULE, SEG_004_RULE];
