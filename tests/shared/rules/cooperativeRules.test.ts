import type { Plan } from "@coop-plans/shared/domain";
import { REFERENTIAL, only, packWith, validateEdited, validateUnder, where } from "./helpers";

const toFortalecimiento = (p: Plan) => {
  p.cooperative.modality = "fortalecimiento";
  p.cooperative.rut = "76488731-K"; // a valid RUT (módulo 11)
  p.cooperative.annualNetSales = 100_000_000;
  p.investmentLines[0].item = "Capacitación"; // no Gastos de formalización in Fortalecimiento
  p.investmentLines[0].group = "Acciones de Gestión Empresarial";
  p.investmentLines[0].subitem = null;
};

describe("COOP-001 RUTs", () => {
  it("accepts valid member RUTs, including check digit K", () => {
    expect(only(validateEdited(() => undefined), "COOP-001")).toEqual([]);
  });

  it("flags a member RUT with the wrong check digit, naming the right one", () => {
    const f = only(validateEdited((p) => { p.members[2].rut = "15110178-1"; }), "COOP-001");
    expect(f.map(where)).toEqual(["Socios!C4"]);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toBe("El RUT del socio N° 3 15.110.178-1 no es válido: el dígito verificador correcto es K (15.110.178-K).");
  });

  it("flags text that is not a RUT", () => {
    const f = only(validateEdited((p) => { p.members[0].rut = "sin rut"; }), "COOP-001");
    expect(f.map(where)).toEqual(["Socios!C2"]);
    expect(f[0].message).toContain("«sin rut» no tiene formato de RUT");
  });

  it("flags a repeated member RUT (written differently) on the second row", () => {
    const f = only(validateEdited((p) => { p.members[4].rut = "18.919.557-5"; }), "COOP-001");
    expect(f.map(where)).toEqual(["Socios!C6"]);
    expect(f[0].message).toBe("El RUT 18.919.557-5 se repite: ya está en el socio N° 1 (fila 2). Cada socio debe tener un RUT distinto.");
  });

  it("flags a supplier RUT at the RUT proveedor cell", () => {
    const f = only(validateEdited((p) => { p.investmentLines[1].supplierRut = "76301749-5"; }), "COOP-001");
    expect(f.map(where)).toEqual(["Plan de Inversiones!M3"]);
    expect(f[0].message).toContain("correcto es 4");
  });

  it("flags the cooperative's RUT", () => {
    const f = only(validateEdited((p) => { toFortalecimiento(p); p.cooperative.rut = "76488731-1"; }), "COOP-001");
    expect(f.map(where)).toEqual(["Cooperativa!B5"]);
  });
});

describe("COOP-002 minimum members (5)", () => {
  it("passes with 5 members", () => {
    expect(only(validateEdited((p) => { p.members = p.members.slice(0, 5); }), "COOP-002")).toEqual([]);
  });

  it("fails with 4, at the Socios header row's first cell", () => {
    const f = only(validateEdited((p) => { p.members = p.members.slice(0, 4); }), "COOP-002");
    expect(f.map(where)).toEqual(["Socios!A1"]);
    expect(f[0]).toMatchObject({ severity: "error", found: 4, limit: 5 });
    expect(f[0].message).toBe("El plan tiene 4 socios; el mínimo de la convocatoria 2025 es 5.");
  });

  it("only warns in Fortalecimiento, where the minimum is not confirmed, and says so", () => {
    expect(only(validateEdited((p) => { toFortalecimiento(p); p.members = p.members.slice(0, 5); }), "COOP-002")).toEqual([]);
    const f = only(validateEdited((p) => { toFortalecimiento(p); p.members = p.members.slice(0, 4); }), "COOP-002");
    expect(f[0]).toMatchObject({ severity: "warning", found: 4, limit: 5 });
    expect(f[0].message).toBe(`El plan tiene 4 socios; el mínimo de la convocatoria 2025 es 5${REFERENTIAL}`);
    const confirmed = packWith((p) => { p.figures.minimumMembers.confirmed = true; });
    expect(only(validateUnder([confirmed], (p) => { toFortalecimiento(p); p.members = p.members.slice(0, 4); }), "COOP-002")[0].severity).toBe("error");
  });

  it("points to the header row where the table sits", () => {
    const f = only(validateEdited((p) => {
      p.members = p.members.slice(0, 3);
      p.sheets.members = { sheet: "socios", headerRow: 4, headers: { rut: "B4", name: "C4", number: "A4" } };
      p.members.forEach((m) => { delete m.source; });
    }), "COOP-002");
    expect(f.map(where)).toEqual(["socios!A4"]);
  });
});

describe("COOP-005 cooperative RUT in Fortalecimiento", () => {
  it("passes in Fortalecimiento with a RUT, and in Creación without one", () => {
    expect(only(validateEdited(toFortalecimiento), "COOP-005")).toEqual([]);
    expect(only(validateEdited(() => undefined), "COOP-005")).toEqual([]);
  });

  it("fails in Fortalecimiento without a RUT", () => {
    const f = only(validateEdited((p) => { toFortalecimiento(p); p.cooperative.rut = null; }), "COOP-005");
    expect(f.map(where)).toEqual(["Cooperativa!B5"]);
    expect(f[0].severity).toBe("error");
  });
});

describe("COOP-003 cooperative type", () => {
  it("accepts every eligible type", () => {
    for (const t of ["agrícola", "campesina", "pesquera", "de consumo", "de trabajo", "de servicios"] as const) {
      expect(only(validateEdited((p) => { p.cooperative.cooperativeType = t; }), "COOP-003")).toEqual([]);
    }
  });

  it("recognises the spellings and subtypes people write", () => {
    for (const t of ["Cooperativa de servicios", "de servicios (agua potable rural)", "Agrícola", "Trabajo asociado", "CAMPESINA"]) {
      expect([t, only(validateEdited((p) => { p.cooperative.cooperativeType = t; }), "COOP-003")]).toEqual([t, []]);
    }
  });

  it("warns (never refuses) on a type it does not recognise, asking to check eligibility, at the Tipo cell", () => {
    const unknown = only(validateEdited((p) => { p.cooperative.cooperativeType = "de vivienda"; }), "COOP-003");
    expect(unknown.map(where)).toEqual(["Cooperativa!B6"]);
    expect(unknown[0].severity).toBe("warning");
    expect(unknown[0].message).toBe(
      "El tipo de cooperativa «de vivienda» no está entre los tipos habituales del programa (agrícola, campesina, pesquera, de consumo, " +
      "de trabajo, de servicios): verifique que sea elegible según las bases de la convocatoria.");
  });
});

describe("COOP-007 excluded type (referential in 2025)", () => {
  it("warns on ahorro y crédito and servicios financieros, saying the figure is referential", () => {
    for (const t of ["Ahorro y Crédito", "Cooperativa de ahorro y crédito", "de servicios financieros"]) {
      const f = only(validateEdited((p) => { p.cooperative.cooperativeType = t; }), "COOP-007");
      expect([t, f.map(where), f[0]?.severity]).toEqual([t, ["Cooperativa!B6"], "warning"]);
      expect(f[0].message.endsWith(REFERENTIAL)).toBe(true);
      expect(only(validateEdited((p) => { p.cooperative.cooperativeType = t; }), "COOP-003")).toEqual([]);
    }
    expect(only(validateEdited((p) => { p.cooperative.cooperativeType = "de servicios"; }), "COOP-007")).toEqual([]);
  });

  it("refuses once a pack confirms the exclusion", () => {
    const confirmed = packWith((p) => { p.figures.excludedCooperativeTypes.confirmed = true; });
    const f = only(validateUnder([confirmed], (p) => { p.cooperative.cooperativeType = "Ahorro y Crédito"; }), "COOP-007");
    expect(f[0]).toMatchObject({ severity: "error", message: "Las cooperativas de ahorro y crédito no pueden postular a este programa (tipo indicado: «Ahorro y Crédito»)." });
  });
});

describe("COOP-008 Cargo and Género are open lists (warning)", () => {
  it("accepts the usual cargos of a cooperative: vicepresidenta, gerente, consejera, junta de vigilancia", () => {
    const f = validateEdited((p) => {
      p.members[0].role = "vicepresidente/a";
      p.members[1].role = "gerente";
      p.members[2].role = "Consejera";
      p.members[3].role = "junta de vigilancia";
      p.members[4].gender = "Mujer";
    });
    expect(f).toEqual([]);
  });

  it("warns on another value at its cell, never refusing it", () => {
    const f = only(validateEdited((p) => { p.members[1].role = "Vocal"; p.members[2].gender = "N/A"; }), "COOP-008");
    expect(f.map(where)).toEqual(["Socios!D3", "Socios!E4"]);
    expect(f.map((x) => x.severity)).toEqual(["warning", "warning"]);
    expect(f[0].message).toContain("El socio N° 2 tiene el cargo «Vocal», que no está entre los habituales (presidente/a, vicepresidente/a,");
  });
});

describe("COOP-004 sales per member ≤ 25.000 UF at $38.419 (Fortalecimiento)", () => {
  const cap = 25_000 * 38_419; // 960.475.000 per member
  it("passes at exactly 25.000 UF per member (6 members)", () => {
    expect(only(validateEdited((p) => { toFortalecimiento(p); p.cooperative.annualNetSales = 6 * cap; }), "COOP-004")).toEqual([]);
  });

  it("fails one peso above, at the Ventas cell", () => {
    const f = only(validateEdited((p) => { toFortalecimiento(p); p.cooperative.annualNetSales = 6 * cap + 6; }), "COOP-004");
    expect(f.map(where)).toEqual(["Cooperativa!B7"]);
    expect(f[0]).toMatchObject({ severity: "error", found: 960_475_001, limit: 960_475_000 });
    expect(f[0].message).toContain("el máximo es 25.000 UF por socio ($960.475.000 con la UF a $38.419)");
  });

  it("ignores the sales in Creación, and accepts 0 («sin ventas») in Fortalecimiento", () => {
    expect(only(validateEdited((p) => { p.cooperative.annualNetSales = 100 * cap; }), "COOP-004")).toEqual([]);
    expect(validateEdited((p) => { toFortalecimiento(p); p.cooperative.annualNetSales = 0; })).toEqual([]);
  });

  it("COOP-006: blank sales in Fortalecimiento are a warning asking for 0 or the figure, at the Ventas cell", () => {
    const f = validateEdited((p) => { toFortalecimiento(p); p.cooperative.annualNetSales = null; });
    expect(only(f, "COOP-004")).toEqual([]);
    expect(f.map(where)).toEqual(["Cooperativa!B7"]);
    expect(f[0]).toMatchObject({ ruleId: "COOP-006", severity: "warning" });
    expect(f[0].message).toBe("Faltan las ventas netas anuales: en Fortalecimiento se verifica que no superen 25.000 UF por socio. Escriba 0 si la cooperativa no tiene ventas, o la cifra.");
    expect(only(validateEdited((p) => { p.cooperative.annualNetSales = null; }), "COOP-006")).toEqual([]);
  });

  it("leaves a Fortalecimiento plan otherwise clean", () => {
    expect(validateEdited(toFortalecimiento).filter((f) => f.severity !== "info")).toEqual([]);
  });
});
