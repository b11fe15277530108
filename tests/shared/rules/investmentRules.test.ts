import type { Plan } from "@coop-plans/shared/domain";
import { getCall, validatePlan, type CallParameters } from "@coop-plans/shared/rules";
import { AS_OF, REFERENTIAL, cleanPlan, only, packWith, summary, validateEdited, validateUnder, where } from "./helpers";

/** Sets line i's amounts keeping its arithmetic right (quantity 1). */
function setLine(p: Plan, i: number, sercotec: number, own: number) {
  const l = p.investmentLines[i];
  l.quantity = 1;
  l.unitPrice = sercotec + own;
  l.total = sercotec + own;
  l.sercotecAmount = sercotec;
  l.ownAmount = own;
}

describe("INV-001 quantity × unit price = total", () => {
  it("passes when exact, with a fractional quantity rounded", () => {
    expect(only(validateEdited((p) => {
      const l = p.investmentLines[5];
      l.quantity = 1.5; l.unitPrice = 3_333; l.total = 5_000; l.sercotecAmount = 4_900; l.ownAmount = 100; // 4.999,5 → 5.000
    }), "INV-001")).toEqual([]);
  });

  it("fails one peso off, at the Total neto cell", () => {
    const f = only(validateEdited((p) => { p.investmentLines[1].unitPrice = 165_001; }), "INV-001");
    expect(f.map(where)).toEqual(["Plan de Inversiones!I3"]);
    expect(f[0]).toMatchObject({ severity: "error", found: 660_000, limit: 660_004 });
  });
});

describe("INV-002 Sercotec + aporte = total", () => {
  it("fails one peso off, at the Aporte empresarial cell", () => {
    const f = only(validateEdited((p) => { p.investmentLines[3].ownAmount = 120_001; }), "INV-002");
    expect(f.map(where)).toEqual(["Plan de Inversiones!K5"]);
    expect(f[0].message).toBe("La línea N° 4: aporte Sercotec + aporte empresarial = $2.240.000 + $120.001 = $2.360.001, pero el total neto es $2.360.000.");
  });
});

describe("INV-003 whole non-negative pesos", () => {
  it("passes at 0 and fails below 0 or with decimals", () => {
    expect(only(validateEdited(() => undefined), "INV-003")).toEqual([]);
    const f = only(validateEdited((p) => {
      p.investmentLines[1].executedAmount = -1;
      p.investmentLines[2].executedAmount = 1500.5;
    }), "INV-003");
    expect(f.map(where)).toEqual(["Plan de Inversiones!T3", "Plan de Inversiones!T4"]);
    expect(f[0].message).toContain("no puede ser negativo");
    expect(f[1].message).toContain("pesos enteros");
  });
});

describe("INV-004 catalogue", () => {
  it("accepts the variants people type and a blank grupo", () => {
    expect(only(validateEdited((p) => {
      p.investmentLines[1].item = "Asistencia tecnica";
      p.investmentLines[3].item = "Activo fijo";
      p.investmentLines[3].subitem = "Activo fijo";
      p.investmentLines[5].item = "CAPITAL DE TRABAJO";
      p.investmentLines[6].item = "Marketing";
      p.investmentLines[6].group = null;
    }), "INV-004")).toEqual([]);
  });

  it("refuses an unknown ítem and a wrong grupo, as errors (the ítems are confirmed); sub-ítems are INV-017's", () => {
    const f = only(validateEdited((p) => {
      p.investmentLines[1].item = "Viáticos";
      p.investmentLines[2].group = "Inversiones";
      p.investmentLines[3].subitem = "mercadería";
    }), "INV-004");
    expect(f.map(where)).toEqual(["Plan de Inversiones!C3", "Plan de Inversiones!B4"]);
    expect(f.map((x) => x.severity)).toEqual(["error", "error"]);
    expect(f[0].message).toContain("el ítem «Viáticos» no está en el catálogo de la convocatoria 2025");
  });
});

describe("INV-017 sub-ítems by meaning (warning)", () => {
  // Line 7 (index 6) is Acciones de marketing / promoción y publicidad; line 4 (index 3) Activos / activos fijos.
  it.each([
    ["Publicidad"], ["Promoción"], ["PUBLICIDAD Y PROMOCIÓN"], ["promocion y publicidad"], ["Publicidad en radio"], ["Difusión"],
  ])("reads «%s» under Acciones de marketing as «promoción y publicidad», without a finding", (typed) => {
    expect(only(validateEdited((p) => { p.investmentLines[6].subitem = typed; }), "INV-017")).toEqual([]);
    expect(only(validateEdited((p) => { p.investmentLines[6].subitem = typed; }), "INV-004")).toEqual([]);
  });

  it("reads «Ferias», «Materias primas» and «Activo fijo» as their sub-ítems", () => {
    expect(only(validateEdited((p) => { p.investmentLines[6].subitem = "Ferias"; }), "INV-017")).toEqual([]);
    expect(only(validateEdited((p) => { p.investmentLines[5].subitem = "Materias primas"; }), "INV-017")).toEqual([]);
    expect(only(validateEdited((p) => { p.investmentLines[3].subitem = "Activo fijo"; }), "INV-017")).toEqual([]);
  });

  it("warns when the words fit several sub-ítems, naming them", () => {
    const f = only(validateEdited((p) => { p.investmentLines[3].subitem = "Activos"; }), "INV-017");
    expect(f.map(where)).toEqual(["Plan de Inversiones!D5"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: "Activos", limit: "activos fijos, activos intangibles" });
    expect(f[0].message).toBe("La línea N° 4: el sub-ítem «Activos» puede ser «activos fijos» o «activos intangibles» del ítem «Activos»: escriba cuál.");
  });

  it("warns when the words fit none, or a sub-ítem of another ítem, naming the candidates", () => {
    const none = only(validateEdited((p) => { p.investmentLines[3].subitem = "Vehículo"; }), "INV-017");
    expect(none[0].message).toBe("La línea N° 4: el sub-ítem «Vehículo» no corresponde a ningún sub-ítem del ítem «Activos» (sus sub-ítems son «activos fijos», «activos intangibles»).");
    const other = only(validateEdited((p) => { p.investmentLines[3].subitem = "mercadería"; }), "INV-017");
    expect(other.map(where)).toEqual(["Plan de Inversiones!D5"]);
    expect(other[0].severity).toBe("warning");
    expect(other[0].message).toBe("La línea N° 4: el sub-ítem «mercadería» corresponde a «mercadería» de «Capital de trabajo», no al ítem «Activos» (sus sub-ítems son «activos fijos», «activos intangibles»).");
    const noSubitems = only(validateEdited((p) => { p.investmentLines[2].subitem = "Taller"; }), "INV-017");
    expect(noSubitems[0].message).toContain("(ese ítem no tiene sub-ítems)");
  });

  it("takes the alternatives from the pack", () => {
    const pack = packWith((p) => { p.catalogue.items[3].subitemAlternatives["activos fijos"] = ["vehículo"]; });
    expect(only(validateUnder([pack], (p) => { p.investmentLines[3].subitem = "Vehículo"; }), "INV-017")).toEqual([]);
  });
});

describe("INV-005 Sercotec cap by modality", () => {
  it("passes at exactly $8.000.000 in Creación", () => {
    expect(only(validateEdited((p) => setLine(p, 3, 2_240_000 + 810_000, 120_000)), "INV-005")).toEqual([]);
  });

  it("fails at $8.000.001, at the Aporte Sercotec header", () => {
    const f = only(validateEdited((p) => setLine(p, 3, 2_240_000 + 810_001, 120_000)), "INV-005");
    expect(f.map(where)).toEqual(["Plan de Inversiones!J1"]);
    expect(f[0]).toMatchObject({ severity: "error", found: 8_000_001, limit: 8_000_000 });
  });

  it("uses $20.000.000 in Fortalecimiento", () => {
    const fortalecimiento = (p: Plan) => {
      p.cooperative.modality = "fortalecimiento";
      p.cooperative.rut = "76488731-K";
      p.cooperative.annualNetSales = 1;
      p.investmentLines.splice(0, 1);
    };
    // Without line 1 (410.000) Sercotec sums 6.780.000; line 4 adds the rest.
    expect(only(validateEdited((p) => { fortalecimiento(p); setLine(p, 2, 2_240_000 + 13_220_000, 120_000); }), "INV-005")).toEqual([]);
    const f = only(validateEdited((p) => { fortalecimiento(p); setLine(p, 2, 2_240_000 + 13_220_001, 120_000); }), "INV-005");
    expect(f[0].message).toBe("El aporte Sercotec suma $20.000.001; el tope de la modalidad Fortalecimiento es $20.000.000.");
  });
});

describe("INV-006 minimum aporte empresarial 2 %", () => {
  // Sercotec 7.190.000 → minimum ⌈2 % × 7.190.000⌉ = 143.800; the clean plan has 177.000.
  it("passes at exactly $143.800", () => {
    expect(only(validateEdited((p) => setLine(p, 3, 2_240_000, 120_000 - 33_200)), "INV-006")).toEqual([]);
  });

  it("fails at $143.799, at the Aporte empresarial header", () => {
    const f = only(validateEdited((p) => setLine(p, 3, 2_240_000, 120_000 - 33_201)), "INV-006");
    expect(f.map(where)).toEqual(["Plan de Inversiones!K1"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 143_799, limit: 143_800 });
    expect(f[0].message).toBe(`El aporte empresarial suma $143.799, 2% del aporte Sercotec; el mínimo es 2% del aporte Sercotec ($143.800)${REFERENTIAL}`);
  });

  it("is an error, without the referential note, once a pack confirms the figure", () => {
    const confirmed = packWith((p) => { p.figures.minimumOwnShare.confirmed = true; });
    expect(only(validateUnder([confirmed], (p) => setLine(p, 3, 2_240_000, 120_000 - 33_200)), "INV-006")).toEqual([]);
    const f = only(validateUnder([confirmed], (p) => setLine(p, 3, 2_240_000, 120_000 - 33_201)), "INV-006");
    expect(f[0]).toMatchObject({ severity: "error", found: 143_799, limit: 143_800 });
    expect(f[0].message).toBe("El aporte empresarial suma $143.799, 2% del aporte Sercotec; el mínimo es 2% del aporte Sercotec ($143.800).");
  });

  it("rounds the minimum up to the peso", () => {
    // Sercotec 7.190.001 → 2 % = 143.800,02 → minimum 143.801.
    expect(only(validateEdited((p) => setLine(p, 3, 2_240_001, 120_000 - 33_199)), "INV-006")).toEqual([]);
    const f = only(validateEdited((p) => setLine(p, 3, 2_240_001, 120_000 - 33_200)), "INV-006");
    expect(f[0]).toMatchObject({ found: 143_800, limit: 143_801 });
  });
});

describe("INV-007 group caps, only where the call sets them", () => {
  it("does nothing in 2025 (no caps)", () => {
    expect(only(validateEdited((p) => setLine(p, 5, 6_000_000, 500_000)), "INV-007")).toEqual([]);
  });

  it("checks a management cap (fraction) and a working-capital cap on both sides", () => {
    // Management (AGE) totals 2.500.000 of Sercotec 7.190.000 (34,8 %).
    const run = (managementShare: number, wcShare: number | null, confirmed = true) => {
      return only(validatePlan(cleanPlan(), { asOf: AS_OF, call: withCaps(managementShare, wcShare, confirmed) }), "INV-007");
    };
    expect(run(2_500_000 / 7_190_000 + 1e-9, null)).toEqual([]);
    const f = run(0.34, null);
    expect(f.map(where)).toEqual(["Plan de Inversiones!I1"]);
    expect(f[0]).toMatchObject({ severity: "error", found: 2_500_000, limit: 2_444_600 });
    // Working capital 630.000: 8,76 % of Sercotec.
    expect(run(1, 0.0877)).toEqual([]);
    const g = run(1, 0.087);
    expect(g[0]).toMatchObject({ found: 630_000, limit: 625_530 });
    expect(g[0].message).toBe("El capital de trabajo suma $630.000, 8,8% del subsidio; el máximo es 8,7% ($625.530).");
    expect(summary(validatePlan(cleanPlan(), { asOf: AS_OF }))).toEqual([]);
    // An unconfirmed cap only warns, and says so.
    const w = run(0.34, 0.087, false);
    expect(w.map((x) => x.severity)).toEqual(["warning", "warning"]);
    expect(w[1].message).toBe(`El capital de trabajo suma $630.000, 8,8% del subsidio; el máximo es 8,7% ($625.530)${REFERENTIAL}`);
  });
});

function withCaps(managementShare: number, workingCapitalShare: number | null, confirmed: boolean): CallParameters {
  const lookup = getCall(2025, "14");
  if (!lookup.ok) throw new Error("2025 must be loaded");
  return {
    ...lookup.call,
    managementCap: { value: { kind: "fraction", value: managementShare }, source: "test", confirmed },
    workingCapitalCap: { value: workingCapitalShare, source: "test", confirmed },
  };
}

describe("INV-008 capital de trabajo above 30 % of the subsidy (warning)", () => {
  // Sercotec total stays 7.190.000 while line 6 (Capital de trabajo) grows: 30 % = 2.157.000.
  const grow = (p: Plan, wc: number) => {
    const delta = wc - 630_000;
    setLine(p, 5, wc - 30_000, 30_000);
    setLine(p, 3, 2_240_000 - delta, 120_000);
  };
  it("passes at exactly 30 %", () => {
    expect(only(validateEdited((p) => grow(p, 2_157_000)), "INV-008")).toEqual([]);
  });

  it("warns one peso above, at the Total neto header", () => {
    const f = only(validateEdited((p) => grow(p, 2_157_001)), "INV-008");
    expect(f.map(where)).toEqual(["Plan de Inversiones!I1"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 2_157_001, limit: 2_157_000 });
    expect(f[0].message).toBe("El capital de trabajo suma $2.157.001, 30% del subsidio; el máximo recomendado es 30%.");
  });

  it("names the share as the message example does (42 %)", () => {
    const f = only(validateEdited((p) => {
      p.investmentLines = p.investmentLines.slice(3, 6); // Activos ×2 + Capital de trabajo
      setLine(p, 0, 5_000_000, 100_000);
      setLine(p, 1, 800_000, 100_000);
      setLine(p, 2, 4_200_000, 0);
    }), "INV-008");
    expect(f[0].message).toBe("El capital de trabajo suma $4.200.000, 42% del subsidio; el máximo recomendado es 30%.");
  });
});

describe("INV-009 Gastos de formalización only in Creación", () => {
  const toFortalecimiento = (p: Plan) => { p.cooperative.modality = "fortalecimiento"; p.cooperative.rut = "76488731-K"; p.cooperative.annualNetSales = 0; };
  it("passes in Creación and warns in Fortalecimiento at the Ítem cell (an inference, unconfirmed in 2025)", () => {
    expect(only(validateEdited(() => undefined), "INV-009")).toEqual([]);
    const f = only(validateEdited(toFortalecimiento), "INV-009");
    expect(f.map(where)).toEqual(["Plan de Inversiones!C2"]);
    expect(f[0].severity).toBe("warning");
    expect(f[0].message).toBe(`La línea N° 1: «Gastos de formalización» solo se financia en la modalidad Creación y Desarrollo; este plan es de Fortalecimiento${REFERENTIAL}`);
  });

  it("is an error once a pack confirms it", () => {
    const confirmed = packWith((p) => { p.figures.creacionOnlyItems.confirmed = true; });
    const f = only(validateUnder([confirmed], toFortalecimiento), "INV-009");
    expect(f.map((x) => x.severity)).toEqual(["error"]);
    expect(only(validateUnder([confirmed]), "INV-009")).toEqual([]);
  });
});

describe("INV-010 link to an action (warning)", () => {
  it("warns on a missing or unknown Actividad N°", () => {
    const f = only(validateEdited((p) => { p.investmentLines[0].actionNumber = null; p.investmentLines[1].actionNumber = 7; }), "INV-010");
    expect(f.map(where)).toEqual(["Plan de Inversiones!F2", "Plan de Inversiones!F3"]);
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    expect(f[1].message).toContain("actividad N° 7, que no existe en Plan de Acción");
    expect(only(validateEdited((p) => { p.investmentLines[1].actionNumber = 6; }), "INV-010")).toEqual([]);
  });
});

describe("INV-011 related-party purchase (warning)", () => {
  it("warns when a supplier RUT is a member's", () => {
    const f = only(validateEdited((p) => { p.investmentLines[2].supplierRut = "15.110.178-k"; }), "INV-011");
    expect(f.map(where)).toEqual(["Plan de Inversiones!M4"]);
    expect(f[0].severity).toBe("warning");
  });
});

describe("INV-012 used good without authorisation (warning)", () => {
  it("warns without a reference and passes with one", () => {
    const f = only(validateEdited((p) => { p.investmentLines[3].usedGood = true; }), "INV-012");
    expect(f.map(where)).toEqual(["Plan de Inversiones!O5"]);
    expect(only(validateEdited((p) => {
      p.investmentLines[3].usedGood = true;
      p.investmentLines[3].usedGoodAuthorization = "Resp. AOS 12/2025";
    }), "INV-012")).toEqual([]);
  });
});

describe("INV-013 supplier and quotes (minimum 1, warning)", () => {
  it("passes with 1 quote and warns with 0 or no supplier", () => {
    expect(only(validateEdited((p) => { p.investmentLines[0].quotes = 1; }), "INV-013")).toEqual([]);
    const f = only(validateEdited((p) => { p.investmentLines[0].quotes = 0; p.investmentLines[1].supplier = null; }), "INV-013");
    expect(f.map(where)).toEqual(["Plan de Inversiones!N2", "Plan de Inversiones!L3"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 0, limit: 1 });
  });
});

describe("INV-014 declared TOTAL row", () => {
  const totalsRow = (total: number, sercotec: number, own: number | null): NonNullable<Plan["investmentTotalsRow"]> => ({
    sheet: "Plan de Inversiones", row: 10, label: "TOTAL", cells: { total: "I10", sercotecAmount: "J10", ownAmount: "K10" },
    unitPrice: null, total, sercotecAmount: sercotec, ownAmount: own, executedAmount: null,
  });
  it("passes when the row matches the sums", () => {
    expect(only(validateEdited((p) => { p.investmentTotalsRow = totalsRow(7_367_000, 7_190_000, 177_000); }), "INV-014")).toEqual([]);
  });

  it("warns on each figure that differs, at its cell", () => {
    const f = only(validateEdited((p) => { p.investmentTotalsRow = totalsRow(7_367_000, 7_190_001, null); }), "INV-014");
    expect(f.map(where)).toEqual(["Plan de Inversiones!J10"]);
    expect(f[0]).toMatchObject({ severity: "warning", found: 7_190_001, limit: 7_190_000 });
    expect(f[0].message).toBe("La fila de totales dice $7.190.001 en «Aporte Sercotec», pero la suma de las líneas es $7.190.000.");
    const g = only(validateEdited((p) => { p.investmentTotalsRow = { ...totalsRow(7_366_999, 7_190_000, 177_000), cells: {} }; }), "INV-014");
    expect(g.map(where)).toEqual(["Plan de Inversiones!I10"]); // the Total neto column on the TOTAL row
  });
});

describe("INV-015 IVA and non-financeable expenses (warning)", () => {
  it("warns on «IVA incluido» and on a description naming a non-financeable expense", () => {
    const f = only(validateEdited((p) => {
      p.investmentLines[1].description = "Asesoría contable, IVA incluido";
      p.investmentLines[2].description = "Pago de multas e intereses atrasados";
      p.investmentLines[3].description = "Compra de terreno para el taller";
    }), "INV-015");
    expect(f.map(where)).toEqual(["Plan de Inversiones!E3", "Plan de Inversiones!E4", "Plan de Inversiones!E5"]);
    expect(f[1].message).toContain("(intereses)");
    expect(f[2].message).toContain("(terrenos)");
  });

  it("does not warn on ordinary descriptions", () => {
    expect(only(validateEdited((p) => { p.investmentLines[1].description = "Asesoría en costos (valores netos)"; }), "INV-015")).toEqual([]);
  });
});

describe("INV-016 sub-ítem expected (warning)", () => {
  it("warns when Activos has no sub-ítem; ítems without sub-ítems need none", () => {
    const f = only(validateEdited((p) => { p.investmentLines[3].subitem = null; }), "INV-016");
    expect(f.map(where)).toEqual(["Plan de Inversiones!D5"]);
    expect(f[0].severity).toBe("warning");
    expect(only(validateEdited(() => undefined), "INV-016")).toEqual([]);
  });
});
