import { cellOf, checkPlan, getCall, headerCellOf, validatePlan } from "@coop-plans/shared/rules";
import { AS_OF, cleanPlan, only, packWith, summary, validateEdited, validateUnder, where } from "./helpers";

describe("PLAN-005 a year without a pack never blocks", () => {
  it("validates a 2026 plan under the newest pack, with one warning naming it, at the Convocatoria cell", () => {
    const findings = validateEdited((p) => { p.cooperative.callYear = 2026; });
    expect(summary(findings)).toEqual(["PLAN-005 warning Cooperativa!B1"]);
    expect(findings[0].message).toBe("Se aplicaron las reglas de la convocatoria 2025 (versión 1): las bases de la convocatoria 2026 aún no están cargadas.");
  });

  it("applies the newest pack's figures (a cap still counts)", () => {
    const findings = validateEdited((p) => {
      p.cooperative.callYear = 2026;
      p.investmentLines[3].sercotecAmount = 9_000_000;
    });
    expect(summary(findings)).toEqual([
      "INV-002 error Plan de Inversiones!K5", "INV-005 error Plan de Inversiones!J1", "PLAN-005 warning Cooperativa!B1", "INV-006 warning Plan de Inversiones!K1",
    ]);
  });

  it("uses the year's own pack once it is published, and records which pack checked the plan", () => {
    const pack2026 = packWith((p) => { p.year = 2026; p.version = 2; });
    const plan = cleanPlan();
    plan.cooperative.callYear = 2026;
    expect(checkPlan(plan, { asOf: AS_OF, packs: [pack2026] })).toMatchObject({ findings: [], pack: { year: 2026, version: 2 } });
    expect(checkPlan(cleanPlan(), { asOf: AS_OF }).pack).toEqual({ year: 2025, version: 1 });
    expect(summary(validateUnder([pack2026]))).toEqual(["PLAN-005 warning Cooperativa!B1"]);
  });
});

describe("PLAN-001 call, region and modality", () => {

  it("asks for a missing year, region and modality", () => {
    const f = only(validateEdited((p) => {
      p.cooperative.callYear = null; p.cooperative.regionCode = null; p.cooperative.modality = null;
    }), "PLAN-001");
    expect(f.map(where)).toEqual(["Cooperativa!B1", "Cooperativa!B2", "Cooperativa!B3"]);
    expect(f[2].message).toBe("Falta la modalidad del plan: escriba «Creación y Desarrollo» o «Fortalecimiento».");
  });

  it("accepts another call's parameters given in the options", () => {
    const lookup = getCall(2025);
    if (!lookup.ok) throw new Error("2025 must be loaded");
    const plan = cleanPlan();
    plan.cooperative.callYear = 2026;
    const call = { ...lookup.call, id: "2026", year: 2026, subsidyCap: { ...lookup.call.subsidyCap, creacion: { value: 7_000_000, source: "test", confirmed: true } } };
    expect(summary(validatePlan(plan, { asOf: AS_OF, call }))).toEqual(["INV-005 error Plan de Inversiones!J1"]);
  });

  it("refuses a malformed asOf", () => {
    expect(() => validatePlan(cleanPlan(), { asOf: "01-10-2025" })).toThrow(RangeError);
  });
});

describe("PLAN-002 required fields", () => {
  it("flags each blank required cell", () => {
    const f = only(validateEdited((p) => {
      p.cooperative.managerEmail = null;
      p.members[1].name = " ";
      p.milestones[2].plannedDate = null;
      p.actions[0].number = null;
      p.investmentLines[4].description = null;
      p.investmentLines[4].group = null; // Grupo may be blank: it follows from the ítem
      p.results[1].indicator = null;
    }), "PLAN-002");
    expect(f.map(where)).toEqual([
      "Cooperativa!B11", "Socios!B3", "Hitos!C4", "Plan de Acción!A2", "Plan de Inversiones!E6", "Resultados!B3",
    ]);
    expect(f[0].message).toBe("Falta «Correo del gestor/a» en la hoja Cooperativa: es obligatorio.");
    expect(f[1].message).toBe("Falta «Nombre» en la hoja Socios (fila 3): es obligatorio.");
  });

  it("flags an empty table at its header row", () => {
    const f = only(validateEdited((p) => { p.results = []; }), "PLAN-002");
    expect(f.map(where)).toEqual(["Resultados!A1"]);
  });

  it("checks the follow-up sheets' required columns when present", () => {
    const f = only(validateEdited((p) => {
      p.followUp = { visits: [], links: [{ number: 1, actor: null, type: "Público", institution: null, purpose: "Red de ferias", date: null, status: null, outcome: null }], leverage: [] };
    }), "PLAN-002");
    expect(f.map((x) => x.location)).toEqual([{ sheet: "Vinculaciones", field: "links[0].actor" }]);
  });
});

describe("locations", () => {
  it("falls back to the header column on the record's row, then to the field path", () => {
    const plan = cleanPlan();
    const line = plan.investmentLines[2];
    line.source = { sheet: "Plan de Inversiones", row: 4, cells: {} };
    expect(cellOf(plan, "investmentLines", line, "sercotecAmount", 2)).toEqual({ sheet: "Plan de Inversiones", cell: "J4", field: "investmentLines[2].sercotecAmount" });
    delete line.source;
    expect(cellOf(plan, "investmentLines", line, "sercotecAmount", 2)).toEqual({ sheet: "Plan de Inversiones", field: "investmentLines[2].sercotecAmount" });
    expect(headerCellOf(plan, "investmentLines", "sercotecAmount")).toMatchObject({ sheet: "Plan de Inversiones", cell: "J1" });
    plan.sheets = {};
    expect(headerCellOf(plan, "investmentLines", "sercotecAmount")).toMatchObject({ sheet: "Plan de Inversiones", cell: "A1" });
  });
});
