import type { FollowUp, Plan } from "@coop-plans/shared/domain";
import { getCall, validatePlan, type CallParameters } from "@coop-plans/shared/rules";
import { withRowSources } from "./fixtures/standardLayout";
import { cleanPlan, only, summary, where } from "./helpers";

type Visit = FollowUp["visits"][number];
const visit = (date: string, extra: Partial<Visit> = {}): Visit => ({
  date, mode: "Presencial", participants: 5, topics: "Avance del plan", agreements: "Cotizar telares", agreementOwner: "Tesorero",
  dueDate: null, agreementStatus: null, milestone: 2, ...extra,
});

/** The clean plan with a Bitácora (one visit per execution month unless given) on the standard layout. */
function withFollowUp(visits: Visit[], leverage: FollowUp["leverage"] = []): Plan {
  const plan = cleanPlan();
  plan.followUp = { visits: withRowSources("visits", visits), links: [], leverage: withRowSources("leverage", leverage) };
  plan.sheets.visits = { sheet: "Bitácora", headerRow: 1, headers: { date: "A1", topics: "D1", agreements: "E1", agreementStatus: "H1" } };
  plan.sheets.leverage = { sheet: "Apalancamiento", headerRow: 1, headers: { awardedAmount: "E1" } };
  return plan;
}
const monthly = ["2025-09-10", "2025-10-15", "2025-11-12", "2025-12-10", "2026-01-14", "2026-02-11"].map((d) => visit(d));

describe("SEG rules only with follow-up sheets", () => {
  it("a plan without follow-up gets no SEG finding, whatever the date", () => {
    expect(summary(validatePlan(cleanPlan(), { asOf: "2026-12-31" })).filter((s) => s.startsWith("SEG"))).toEqual([]);
  });
});

describe("SEG-001 visits inside the period, with topics and agreements", () => {
  it("warns on a visit outside the period and on blank topics/agreements", () => {
    const plan = withFollowUp([visit("2025-09-07"), visit("2025-09-08", { topics: null, agreements: " " })]);
    const f = only(validatePlan(plan, { asOf: "2025-09-20" }), "SEG-001");
    expect(f.map(where)).toEqual(["Bitácora!A2", "Bitácora!D3", "Bitácora!E3"]);
    expect(f[0].severity).toBe("warning");
  });
});

describe("SEG-002 one visit per month of execution so far", () => {
  it("needs no visit before the first month ends", () => {
    expect(only(validatePlan(withFollowUp([]), { asOf: "2025-10-07" }), "SEG-002")).toEqual([]);
  });

  it("warns on a month without a visit once it has ended", () => {
    const f = only(validatePlan(withFollowUp([]), { asOf: "2025-10-08" }), "SEG-002");
    expect(f.map(where)).toEqual(["Bitácora!A1"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 0, limit: 1 });
    expect(f[0].message).toBe("Entre el 08-09-2025 y el 07-10-2025 (mes 1 de ejecución) la bitácora registra 0 visitas; se espera al menos 1 por mes.");
  });

  it("is satisfied by one visit a month, and names the months that lack one", () => {
    expect(only(validatePlan(withFollowUp(monthly), { asOf: "2026-12-31" }), "SEG-002")).toEqual([]);
    const f = only(validatePlan(withFollowUp(monthly.filter((v) => v.date !== "2025-12-10")), { asOf: "2026-01-20" }), "SEG-002");
    expect(f.map((x) => x.message.slice(0, 42))).toEqual(["Entre el 08-12-2025 y el 07-01-2026 (mes 4"]);
  });
});

describe("SEG-003 overdue agreements", () => {
  it("warns the day after the due date unless Cumplido or Vencido", () => {
    const v = (status: Visit["agreementStatus"]) => withFollowUp([visit("2025-09-10", { dueDate: "2025-09-30", agreementStatus: status })]);
    expect(only(validatePlan(v("Pendiente"), { asOf: "2025-09-30" }), "SEG-003")).toEqual([]);
    const f = only(validatePlan(v("Pendiente"), { asOf: "2025-10-01" }), "SEG-003");
    expect(f.map(where)).toEqual(["Bitácora!H2"]);
    expect(f[0].severity).toBe("warning");
    expect(only(validatePlan(v("Cumplido"), { asOf: "2025-10-01" }), "SEG-003")).toEqual([]);
    expect(only(validatePlan(v("Vencido"), { asOf: "2025-10-01" }), "SEG-003")).toEqual([]);
  });
});

describe("SEG-004 leverage amounts", () => {
  const fund = (requested: number | null, awarded: number | null, status: FollowUp["leverage"][number]["status"]) => ({
    number: 1, fund: "FOSIS Acción", institution: "FOSIS", requestedAmount: requested, awardedAmount: awarded,
    applicationDate: "2025-10-01", status,
  });
  it("accepts adjudicado = solicitado and warns one peso above", () => {
    expect(only(validatePlan(withFollowUp(monthly, [fund(1_000_000, 1_000_000, "Adjudicado")]), { asOf: "2025-10-01" }), "SEG-004")).toEqual([]);
    const f = only(validatePlan(withFollowUp(monthly, [fund(1_000_000, 1_000_001, "Adjudicado")]), { asOf: "2025-10-01" }), "SEG-004");
    expect(f.map(where)).toEqual(["Apalancamiento!E2"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 1_000_001, limit: 1_000_000 });
  });

  it("warns on Adjudicado without an amount and on a negative amount", () => {
    const f = only(validatePlan(withFollowUp(monthly, [fund(-5, null, "Adjudicado")]), { asOf: "2025-10-01" }), "SEG-004");
    expect(f.map((x) => x.location.field)).toEqual(["leverage[0].requestedAmount", "leverage[0].awardedAmount"]);
  });
});

/** The 2025 call with another visitsPerMonth (an AOS override). */
function callWithVisits(perMonth: number): CallParameters {
  const lookup = getCall(2025, "14");
  if (!lookup.ok) throw new Error("no 2025 call");
  return { ...lookup.call, visitsPerMonth: { ...lookup.call.visitsPerMonth, value: perMonth } };
}

describe("SEG rules: the other side of each limit", () => {
  it("SEG-001 accepts visits on the first and the last day of the period, warns the day after the end", () => {
    expect(only(validatePlan(withFollowUp([visit("2025-09-08"), visit("2026-03-07")]), { asOf: "2025-09-20" }), "SEG-001")).toEqual([]);
    const f = only(validatePlan(withFollowUp([visit("2026-03-08")]), { asOf: "2025-09-20" }), "SEG-001");
    expect(f.map(where)).toEqual(["Bitácora!A2"]);
    expect(f[0]).toMatchObject({ found: "2026-03-08", limit: "2026-03-07" });
    expect(f[0].message).toBe("La visita del 08-03-2026 está fuera del período de ejecución (del 08-09-2025 al 07-03-2026).");
  });

  it("SEG-002 takes visitsPerMonth from the call: 2 a month needs two visits, 0 turns it off", () => {
    const twice = monthly.flatMap((v) => [v, visit(v.date!.replace(/-\d\d$/, "-20"))]);
    expect(only(validatePlan(withFollowUp(twice), { asOf: "2026-12-31", call: callWithVisits(2) }), "SEG-002")).toEqual([]);
    const f = only(validatePlan(withFollowUp(monthly), { asOf: "2025-10-08", call: callWithVisits(2) }), "SEG-002");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ found: 1, limit: 2 });
    expect(f[0].message).toBe("Entre el 08-09-2025 y el 07-10-2025 (mes 1 de ejecución) la bitácora registra 1 visita; se espera al menos 2 por mes.");
    expect(only(validatePlan(withFollowUp([]), { asOf: "2026-12-31", call: callWithVisits(0) }), "SEG-002")).toEqual([]);
  });

  it("SEG-002 counts only months of the period: after the end no more months are asked for", () => {
    // Six months (08-09-2025 … 07-03-2026): a Bitácora without visits gives six findings, no seventh.
    expect(only(validatePlan(withFollowUp([]), { asOf: "2027-01-01" }), "SEG-002")).toHaveLength(6);
  });

  it("SEG-003 ignores a visit without a due date, whatever the date", () => {
    expect(only(validatePlan(withFollowUp([visit("2025-09-10", { agreementStatus: "Pendiente" })]), { asOf: "2026-12-31" }), "SEG-003")).toEqual([]);
  });

  it("SEG-004 accepts zero amounts and Adjudicado with its amount; warns on Adjudicado without one", () => {
    const fund = (requested: number | null, awarded: number | null, status: FollowUp["leverage"][number]["status"]) => ({
      number: 1, fund: "Fondo Ejemplo", institution: "GORE", requestedAmount: requested, awardedAmount: awarded, applicationDate: null, status,
    });
    expect(only(validatePlan(withFollowUp(monthly, [fund(0, 0, "Rechazado"), fund(500_000, 500_000, "Adjudicado"), fund(null, null, "Postulado")]), { asOf: "2025-10-01" }), "SEG-004")).toEqual([]);
    const f = only(validatePlan(withFollowUp(monthly, [fund(500_000, null, "Adjudicado")]), { asOf: "2025-10-01" }), "SEG-004");
    expect(f.map(where)).toEqual(["Apalancamiento!E2"]);
    expect(f[0].message).toBe("El fondo «Fondo Ejemplo» está Adjudicado pero no indica el monto adjudicado en Apalancamiento.");
  });
});
