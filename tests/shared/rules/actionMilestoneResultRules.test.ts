import { only, validateEdited, where } from "./helpers";

// The clean plan runs from 2025-09-08 to 2026-03-07 (6 months − 1 day).

describe("ACT-001 action fields", () => {
  it("flags each blank required field of an action", () => {
    const f = only(validateEdited((p) => { p.actions[1].owner = null; p.actions[1].goal = ""; p.actions[2].verification = null; }), "ACT-001");
    expect(f.map(where)).toEqual(["Plan de Acción!F3", "Plan de Acción!J3", "Plan de Acción!K4"]);
    expect(f[0].message).toBe("La actividad N° 2 no tiene «Responsable»: es obligatorio.");
    expect(f[0].severity).toBe("error");
  });
});

describe("ACT-002 action dates", () => {
  it("accepts dates on the period's first and last day", () => {
    expect(only(validateEdited((p) => { p.actions[0].startDate = "2025-09-08"; p.actions[0].endDate = "2026-03-07"; }), "ACT-002")).toEqual([]);
  });

  it("flags a start one day early and an end one day late", () => {
    const f = only(validateEdited((p) => { p.actions[0].startDate = "2025-09-07"; p.actions[1].endDate = "2026-03-08"; }), "ACT-002");
    expect(f.map(where)).toEqual(["Plan de Acción!G2", "Plan de Acción!H3"]);
    expect(f[0].message).toBe("La actividad N° 1 empieza el 07-09-2025, fuera del período de ejecución (del 08-09-2025 al 07-03-2026).");
  });

  it("flags an end before the start, and uses a given Fecha de término", () => {
    const f = only(validateEdited((p) => { p.actions[1].endDate = "2025-10-12"; }), "ACT-002");
    expect(f.map(where)).toEqual(["Plan de Acción!H3"]);
    const g = only(validateEdited((p) => { p.cooperative.executionEnd = "2026-02-26"; }), "ACT-002");
    expect(g.map(where)).toEqual(["Plan de Acción!H7"]); // action 6 ends 2026-02-27
  });
});

describe("HITO-001 hitos 1–4, in order, inside the period", () => {
  it("flags a missing hito at the sheet's A1 and a repeated one at its cell", () => {
    const f = only(validateEdited((p) => { p.milestones[3] = { ...p.milestones[2], source: p.milestones[3].source }; }), "HITO-001");
    expect(f.map(where)).toEqual(["Hitos!A5", "Hitos!A1"]);
    expect(f[1].message).toBe("Falta el hito 4 en Hitos: el plan debe tener los hitos 1 a 4.");
  });

  it("accepts equal dates and flags a date before the previous hito's", () => {
    expect(only(validateEdited((p) => { p.milestones[2].plannedDate = "2025-10-08"; }), "HITO-001")).toEqual([]);
    const f = only(validateEdited((p) => { p.milestones[2].plannedDate = "2025-10-07"; }), "HITO-001");
    expect(f.map(where)).toEqual(["Hitos!C4"]);
    expect(f[0]).toMatchObject({ severity: "error", found: "2025-10-07", limit: "2025-10-08" });
  });

  it("flags a hito after the period's end", () => {
    expect(only(validateEdited((p) => { p.milestones[3].plannedDate = "2026-03-07"; }), "HITO-001")).toEqual([]);
    const f = only(validateEdited((p) => { p.milestones[3].plannedDate = "2026-03-08"; }), "HITO-001");
    expect(f.map(where)).toEqual(["Hitos!C5"]);
  });
});

describe("HITO-002 Realizado needs date and verifier", () => {
  it("flags a Realizado hito without date or verifier", () => {
    const f = only(validateEdited((p) => { p.milestones[0].doneDate = null; p.milestones[0].verification = null; }), "HITO-002");
    expect(f.map(where)).toEqual(["Hitos!D2", "Hitos!G2"]);
  });

});

describe("HITO-004 attendance above the members (warning)", () => {
  it("accepts 6 attendees with 6 members and only warns at 7 or at 23 (families, the AOS, Sercotec)", () => {
    expect(only(validateEdited((p) => { p.milestones[0].attendees = 6; }), "HITO-004")).toEqual([]);
    const f = only(validateEdited((p) => { p.milestones[0].attendees = 7; }), "HITO-004");
    expect(f.map(where)).toEqual(["Hitos!F2"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 7, limit: 6 });
    const many = validateEdited((p) => { p.milestones[0].attendees = 23; });
    expect(many.filter((x) => x.severity === "error")).toEqual([]);
    expect(only(many, "HITO-002")).toEqual([]);
    expect(only(many, "HITO-004")[0].message).toBe(
      "El hito 1 registra 23 asistentes, más que los 6 socios del plan: si asistieron familias, la comunidad, el AOS o Sercotec está bien; si no, revise la cifra.");
  });
});

describe("ACT-003 Eje is an open list (warning)", () => {
  it("accepts Sustentabilidad, Asociatividad, Gestión and the other usual ejes", () => {
    const f = validateEdited((p) => {
      p.actions[0].axis = "Sustentabilidad"; p.actions[1].axis = "Asociatividad"; p.actions[2].axis = "Gestión"; p.actions[3].axis = "Otro";
    });
    expect(f).toEqual([]);
  });

  it("warns on another eje at its cell", () => {
    const f = only(validateEdited((p) => { p.actions[1].axis = "Turismo"; }), "ACT-003");
    expect(f.map(where)).toEqual(["Plan de Acción!B3"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: "Turismo" });
  });
});

describe("HITO-003 purchases not before hito 2 (warning)", () => {
  it("accepts a purchase on hito 2's planned date and warns the day before", () => {
    expect(only(validateEdited((p) => { p.investmentLines[0].plannedPurchaseDate = "2025-10-08"; }), "HITO-003")).toEqual([]);
    const f = only(validateEdited((p) => { p.investmentLines[0].plannedPurchaseDate = "2025-10-07"; }), "HITO-003");
    expect(f.map(where)).toEqual(["Plan de Inversiones!R2"]);
    expect(f[0].severity).toBe("warning");
  });

  it("uses hito 2's done date when it has one", () => {
    const f = only(validateEdited((p) => { p.milestones[1].doneDate = "2025-11-07"; }), "HITO-003");
    expect(f.map(where)).toEqual(["Plan de Inversiones!R2"]); // line 1 buys on 2025-11-06
  });
});

describe("RES-001 results (warning)", () => {
  it("warns on a missing baseline or goal", () => {
    const f = only(validateEdited((p) => { p.results[0].baseline = null; p.results[2].target = null; }), "RES-001");
    expect(f.map(where)).toEqual(["Resultados!D2", "Resultados!E4"]);
    expect(f.every((x) => x.severity === "warning")).toBe(true);
  });

  it("asks for results only once hito 4 is Realizado", () => {
    expect(only(validateEdited(() => undefined), "RES-001")).toEqual([]);
    const f = only(validateEdited((p) => {
      p.milestones[3].status = "Realizado"; p.milestones[3].doneDate = "2026-02-25";
      p.results[0].result = 38; p.results[1].result = 1_100_000;
    }), "RES-001");
    expect(f.map(where)).toEqual(["Resultados!F4"]);
  });
});
