import {
  readMoney, readQuantity, readCount, readInteger, readNumber, readPercentage, readDate, readYear, readRut,
  readText, readRegion, readModality, readChoice, readYesNo, readCell, parseSpanishNumber, serialToIsoDate,
  isoDateToSerial, isExcelError, ROLE_LIST, AXIS_LIST, COOPERATIVE_TYPE_LIST, MILESTONE_STATUS_LIST, ACTION_STATUS_LIST, INVESTMENTS_SHEET,
  FORMULA_WITHOUT_VALUE, type RawCell,
} from "@coop-plans/shared/workbook";
import { regionCodeFromText } from "@coop-plans/shared/domain";

const ctx = { label: "Aporte Sercotec" };
const c = (value: RawCell["value"], extra: Partial<RawCell> = {}): RawCell => ({ value, ...extra });

describe("money (integer CLP)", () => {
  it.each([
    [1500000, 1500000],
    ["1500000", 1500000],
    ["1.500.000", 1500000],
    ["$ 1.500.000", 1500000],
    ["$1.500.000.-", 1500000],
    ["1.500.000,00", 1500000],
    ["1 500 000", 1500000],
    ["1\u00a0500\u00a0000", 1500000],
    ["1\u202f500\u202f000", 1500000],
    ["  $ 410.000 ", 410000],
    ["$660.000.-", 660000],
    ["570.000,00", 570000],
    ["$ 0", 0],
    ["0", 0],
    [0, 0],
    ["1.500", 1500],
    ["CLP 25.000", 25000],
  ])("reads %j as %d", (written, expected) => {
    expect(readMoney(c(written), ctx)).toEqual({ value: expected });
  });

  it("reads an empty cell as null without a problem", () => {
    expect(readMoney(c(null), ctx)).toEqual({ value: null });
    expect(readMoney(c("   "), ctx)).toEqual({ value: null });
  });

  it("refuses decimals in pesos (PARSE-009), never rounding", () => {
    const r = readMoney(c("1.500,50"), ctx);
    expect(r.value).toBeNull();
    expect(r.problem?.ruleId).toBe("PARSE-009");
    expect(r.problem?.message).toContain('"1.500,50"');
    expect(readMoney(c(1500.5), ctx).problem?.ruleId).toBe("PARSE-009");
    expect(readMoney(c("1,5"), ctx).problem?.ruleId).toBe("PARSE-009");
  });

  it("tolerates floating noise of a cached formula but nothing more", () => {
    expect(readMoney(c(0.1 * 3 * 1e6), ctx)).toEqual({ value: 300000 });
    expect(readMoney(c(300000.01), ctx).problem?.ruleId).toBe("PARSE-009");
  });

  it("refuses ambiguous text (PARSE-008) with the example message", () => {
    for (const written of ["aprox 500 mil", "1.5.0", "0.300", "1,500.50", "500 mil", "-", "$", "1.50.000", "12 34"]) {
      const r = readMoney(c(written), ctx);
      expect(r.value).toBeNull();
      expect(r.problem?.ruleId).toBe("PARSE-008");
    }
    expect(readMoney(c("aprox 500 mil"), ctx).problem?.message).toBe(
      'Aporte Sercotec: el valor "aprox 500 mil" no es un monto en pesos. Escriba el monto en cifras, por ejemplo 1.500.000.',
    );
    expect(readMoney(c(true), ctx).problem?.ruleId).toBe("PARSE-008");
  });

  it("refuses a negative amount (PARSE-010)", () => {
    expect(readMoney(c("-5.000"), ctx).problem?.ruleId).toBe("PARSE-010");
    expect(readMoney(c(-1), ctx).problem?.ruleId).toBe("PARSE-010");
    expect(readMoney(c("$ -5.000"), ctx).problem?.ruleId).toBe("PARSE-010");
  });
});

describe("es-CL number text", () => {
  it("treats a dot before exactly three digits as thousands, a comma as decimal", () => {
    expect(parseSpanishNumber("1.234")).toBe(1234);
    expect(parseSpanishNumber("1,234")).toBe(1.234);
    expect(parseSpanishNumber("0.3")).toBe(0.3);
    expect(parseSpanishNumber("1.5")).toBe(1.5);
    expect(parseSpanishNumber("12.75")).toBe(12.75);
    expect(parseSpanishNumber(",5")).toBe(0.5);
    expect(parseSpanishNumber("1234.567")).toBeUndefined();
    expect(parseSpanishNumber("1.5.0")).toBeUndefined();
  });
});

describe("quantities, counts and integers", () => {
  const q = { label: "Cantidad" };
  it("reads fractional quantities", () => {
    expect(readQuantity(c("1,5"), q)).toEqual({ value: 1.5 });
    expect(readQuantity(c("150"), q)).toEqual({ value: 150 });
    expect(readQuantity(c(2.25), q)).toEqual({ value: 2.25 });
    expect(readQuantity(c("1.000"), q)).toEqual({ value: 1000 });
    expect(readQuantity(c("dos"), q).problem?.ruleId).toBe("PARSE-011");
    expect(readQuantity(c(-2), q).problem?.ruleId).toBe("PARSE-010");
  });

  it("reads counts as whole numbers only", () => {
    const k = { label: "N° de cotizaciones" };
    expect(readCount(c(3), k)).toEqual({ value: 3 });
    expect(readCount(c("3"), k)).toEqual({ value: 3 });
    expect(readCount(c("2,5"), k).problem?.ruleId).toBe("PARSE-012");
    expect(readCount(c("tres"), k).problem?.ruleId).toBe("PARSE-011");
    expect(readCount(c(-1), k).problem?.ruleId).toBe("PARSE-010");
  });

  it("reads N° and hito numbers written with words around", () => {
    const n = { label: "N°" };
    expect(readInteger(c("3."), n)).toEqual({ value: 3 });
    expect(readInteger(c("N° 4"), n)).toEqual({ value: 4 });
    expect(readInteger(c("Hito 2"), n)).toEqual({ value: 2 });
    expect(readInteger(c("#5"), n)).toEqual({ value: 5 });
    expect(readInteger(c("Nota: ver anexo"), n).problem?.ruleId).toBe("PARSE-011");
  });

  it("reads plain indicator numbers, negative and fractional allowed", () => {
    const b = { label: "Línea base" };
    expect(readNumber(c("1.200.000"), b)).toEqual({ value: 1200000 });
    expect(readNumber(c("15,5"), b)).toEqual({ value: 15.5 });
    expect(readNumber(c(-3), b)).toEqual({ value: -3 });
    expect(readNumber(c("15 kg"), b).problem?.ruleId).toBe("PARSE-011");
  });

  it("reads the convocatoria year", () => {
    const y = { label: "Convocatoria" };
    expect(readYear(c(2025), y)).toEqual({ value: 2025 });
    expect(readYear(c("2025"), y)).toEqual({ value: 2025 });
    expect(readYear(c("Convocatoria 2025"), y)).toEqual({ value: 2025 });
    expect(readYear(c("2025-2026"), y).problem?.ruleId).toBe("PARSE-020");
    expect(readYear(c(25), y).problem?.ruleId).toBe("PARSE-020");
  });
});

describe("percentages (fraction 0–1)", () => {
  const p = { label: "% de avance" };
  it.each([
    ["30%", 0.3], ["30 %", 0.3], ["0,3", 0.3], ["0.3", 0.3], [30, 0.3], ["30", 0.3], [0.3, 0.3],
    ["25%", 0.25], ["0%", 0], ["0 %", 0], ["0", 0], [0, 0], ["100%", 1], [1, 1], ["12,5%", 0.125],
  ])("reads %j as %d", (written, expected) => {
    expect(readPercentage(c(written), p)).toEqual({ value: expected });
  });

  it("takes a number formatted as 0% as a fraction already", () => {
    expect(readPercentage(c(0.3, { format: "0%" }), p)).toEqual({ value: 0.3 });
    expect(readPercentage(c(1, { format: "0.0%" }), p)).toEqual({ value: 1 });
    expect(readPercentage(c(1.5, { format: "0%" }), p).problem?.ruleId).toBe("PARSE-013");
  });

  it("refuses text and out-of-range values (PARSE-013)", () => {
    expect(readPercentage(c("la mitad"), p).problem?.ruleId).toBe("PARSE-013");
    expect(readPercentage(c("150%"), p).problem?.ruleId).toBe("PARSE-013");
    expect(readPercentage(c(-0.1), p).problem?.ruleId).toBe("PARSE-013");
    expect(readPercentage(c(250), p).problem?.ruleId).toBe("PARSE-013");
  });
});

describe("dates (ISO, day first always)", () => {
  const d = { label: "Fecha inicio" };
  it.each([
    [45917, "2025-09-17"],
    [46010, "2025-12-19"],
    [45917.75, "2025-09-17"],
    ["15-03-2025", "2025-03-15"],
    ["15/03/2025", "2025-03-15"],
    ["15.03.2025", "2025-03-15"],
    ["2025-03-15", "2025-03-15"],
    ["08/10/2025", "2025-10-08"],
    ["8-9-2025", "2025-09-08"],
    ["\u00a0 15-03-2025 \t", "2025-03-15"],
    ["2025-03-15T00:00:00.000Z", "2025-03-15"],
    ["29-02-2024", "2024-02-29"],
  ])("reads %j as %s", (written, expected) => {
    expect(readDate(c(written), d)).toEqual({ value: expected });
  });

  it("reads serials under the 1904 date system", () => {
    // 45917 in the 1900 system is 2025-09-17; the same day is 44455 in the 1904 system.
    expect(readDate(c(44455), { ...d, date1904: true })).toEqual({ value: "2025-09-17" });
    expect(serialToIsoDate(0, true)).toBe("1904-01-01");
  });

  it("maps serials around Excel's phantom 29-02-1900", () => {
    expect(serialToIsoDate(1)).toBe("1900-01-01");
    expect(serialToIsoDate(59)).toBe("1900-02-28");
    expect(serialToIsoDate(60)).toBeUndefined();
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(isoDateToSerial("1900-03-01")).toBe(61);
    expect(isoDateToSerial("1900-02-28")).toBe(59);
    expect(isoDateToSerial("2025-09-17")).toBe(45917);
    expect(isoDateToSerial("2025-02-30")).toBeUndefined();
  });

  it("refuses an impossible date (PARSE-015) and unreadable text (PARSE-014)", () => {
    const r = readDate(c("31-02-2025"), d);
    expect(r.value).toBeNull();
    expect(r.problem?.ruleId).toBe("PARSE-015");
    expect(readDate(c("29-02-2025"), d).problem?.ruleId).toBe("PARSE-015");
    expect(readDate(c("2025-13-01"), d).problem?.ruleId).toBe("PARSE-015");
    for (const t of ["marzo 2025", "15-03-25", "15-03/2025", "03/15/2025x", "45917"]) {
      expect(readDate(c(t), d).problem?.ruleId).toBe("PARSE-014");
    }
    expect(readDate(c(0), d).problem?.ruleId).toBe("PARSE-014");
    expect(readDate(c(true), d).problem?.ruleId).toBe("PARSE-014");
  });

  it("does not read US month-first: 03/15/2025 has no month 15", () => {
    expect(readDate(c("03/15/2025"), d).problem?.ruleId).toBe("PARSE-015");
  });
});

describe("RUTs, text, regions, modality, lists, yes/no", () => {
  it("canonicalises RUTs and keeps a wrong check digit or a non-RUT as typed", () => {
    expect(readRut(c("76.123.456-7"))).toEqual({ value: "76123456-7" });
    expect(readRut(c("76123456-7"))).toEqual({ value: "76123456-7" });
    expect(readRut(c("761234567"))).toEqual({ value: "76123456-7" });
    expect(readRut(c("15110178-k"))).toEqual({ value: "15110178-K" });
    expect(readRut(c(772275838))).toEqual({ value: "77227583-8" });
    expect(readRut(c("21.778.444-2"))).toEqual({ value: "21778444-2" });
    expect(readRut(c("en trámite"))).toEqual({ value: "en trámite" });
  });

  it("trims text and writes numbers as their digits", () => {
    expect(readText(c("  Gestora \u00a0"), ctx)).toEqual({ value: "Gestora" });
    expect(readText(c(40), ctx)).toEqual({ value: "40" });
    expect(readText(c(null), ctx)).toEqual({ value: null });
  });

  it("reads 2,000 characters and refuses 2,001 as PARSE-028, which the API would refuse at sync (newcomer trial)", () => {
    const text = { label: "Descripción" };
    expect(readText(c("a".repeat(2000)), text)).toEqual({ value: "a".repeat(2000) });
    expect(readText(c("a".repeat(10_000)), text)).toEqual({
      value: null,
      problem: {
        ruleId: "PARSE-028",
        message: "Descripción: el texto tiene 10.000 caracteres y se admiten hasta 2.000. Escriba un texto más corto (el detalle puede ir en un documento aparte).",
        found: `${"a".repeat(40)}…`,
      },
    });
  });

  it.each([
    ["8", "08"], ["08", "08"], [8, "08"], ["VIII", "08"], ["viii", "08"], ["BI", "08"], ["Biobío", "08"],
    ["Región del Biobío", "08"], ["Bío Bío", "08"], ["BIO-BIO", "08"], ["RM", "13"], ["Metropolitana", "13"],
    ["Región Metropolitana de Santiago", "13"], ["O'Higgins", "06"], ["Libertador General Bernardo O'Higgins", "06"],
    ["Región del Libertador General Bernardo O’Higgins", "06"], ["Aysén", "11"], ["Aisén", "11"],
    ["Región de Aysén del General Carlos Ibáñez del Campo", "11"], ["Ñuble", "16"], ["nuble", "16"],
    ["Magallanes", "12"], ["Región de Magallanes y de la Antártica Chilena", "12"], ["Región de Los Ríos", "14"],
    ["Los Rios", "14"], ["XIV", "14"], ["Arica y Parinacota", "15"], ["XV Región", "15"], ["Región de la Araucanía", "09"],
    ["La Araucanía", "09"], ["Región de Tarapacá", "01"], ["16", "16"],
  ])("reads region %j as %s", (written, code) => {
    expect(readRegion(c(written), { label: "Región" })).toEqual({ value: code });
  });

  it("refuses an unknown region (PARSE-016)", () => {
    expect(readRegion(c("Patagonia"), { label: "Región" }).problem?.ruleId).toBe("PARSE-016");
    expect(readRegion(c(17), { label: "Región" }).problem?.ruleId).toBe("PARSE-016");
    expect(regionCodeFromText("0")).toBeNull();
  });

  it.each([
    ["Creación y Desarrollo", "creacion"], ["Creacion", "creacion"], ["Creación", "creacion"], ["M1", "creacion"],
    ["CREACIÓN Y DESARROLLO", "creacion"], ["Fortalecimiento", "fortalecimiento"], ["M2", "fortalecimiento"],
    ["fortalecimiento ", "fortalecimiento"],
  ])("reads modality %j as %s", (written, modality) => {
    expect(readModality(c(written), { label: "Modalidad" })).toEqual({ value: modality });
  });

  it("refuses an unknown modality (PARSE-017)", () => {
    expect(readModality(c("M3"), { label: "Modalidad" }).problem?.ruleId).toBe("PARSE-017");
  });

  it("maps list values to the spec's exact labels", () => {
    const k = { label: "Cargo" };
    expect(readChoice(c("Presidenta"), k, ROLE_LIST)).toEqual({ value: "presidente/a" });
    expect(readChoice(c("SOCIO/A"), k, ROLE_LIST)).toEqual({ value: "socio/a" });
    expect(readChoice(c("en curso"), k, MILESTONE_STATUS_LIST)).toEqual({ value: "En curso" });
    expect(readChoice(c("Realizada"), k, MILESTONE_STATUS_LIST)).toEqual({ value: "Realizado" });
    expect(readChoice(c("Realizado"), k, ACTION_STATUS_LIST)).toEqual({ value: "Realizada" });
    const bad = readChoice(c("Cancelada"), k, ACTION_STATUS_LIST);
    expect(bad.problem?.ruleId).toBe("PARSE-018");
    expect(bad.problem?.message).toContain("Pendiente, En curso, Realizada");
  });

  it("reads open lists (Cargo, Eje, Tipo, Género): usual values by their spellings, any other text as typed", () => {
    const k = { label: "Cargo" };
    expect(readChoice(c("Vicepresidenta"), k, ROLE_LIST)).toEqual({ value: "vicepresidente/a" });
    expect(readChoice(c("Consejera"), k, ROLE_LIST)).toEqual({ value: "consejero/a" });
    expect(readChoice(c("Junta de Vigilancia"), k, ROLE_LIST)).toEqual({ value: "junta de vigilancia" });
    expect(readChoice(c("Gerente"), k, ROLE_LIST)).toEqual({ value: "gerente" });
    expect(readChoice(c("  Vocal "), k, ROLE_LIST)).toEqual({ value: "Vocal" });
    expect(readChoice(c("Sustentabilidad"), { label: "Eje" }, AXIS_LIST)).toEqual({ value: "Sustentabilidad" });
    expect(readChoice(c("Cooperativa de servicios"), { label: "Tipo" }, COOPERATIVE_TYPE_LIST)).toEqual({ value: "de servicios" });
    // A subtype in parentheses is kept as written (COOP-003 recognises it).
    expect(readChoice(c("de servicios (agua potable rural)"), { label: "Tipo" }, COOPERATIVE_TYPE_LIST))
      .toEqual({ value: "de servicios (agua potable rural)" });
  });

  it("reads Sí/No as booleans", () => {
    const k = { label: "Bien usado" };
    for (const t of ["Sí", "si", "SI", "S", true]) expect(readYesNo(c(t), k)).toEqual({ value: true });
    for (const t of ["No", "no", "N", false]) expect(readYesNo(c(t), k)).toEqual({ value: false });
    expect(readYesNo(c("quizás"), k).problem?.ruleId).toBe("PARSE-019");
  });
});

describe("Excel errors", () => {
  const total = INVESTMENTS_SHEET.columns.find((col) => col.field === "total")!;
  const name = INVESTMENTS_SHEET.columns.find((col) => col.field === "description")!;

  it.each(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?"])("reports %s without types as PARSE-007", (err) => {
    const r = readCell(total, c(err), { label: "Total neto" });
    expect(r.value).toBeNull();
    expect(r.problem?.ruleId).toBe("PARSE-007");
    expect(r.problem?.message).toContain(err);
  });

  it("reports an error-typed cell, even in a text column", () => {
    expect(readCell(name, c("#N/A", { type: "error" }), { label: "Descripción" }).problem?.ruleId).toBe("PARSE-007");
  });

  it("keeps the typed text \"#N/A\" when the host says it is a string", () => {
    expect(isExcelError(c("#N/A", { type: "string" }))).toBe(false);
    expect(readCell(name, c("#N/A", { type: "string" }), { label: "Descripción" })).toEqual({ value: "#N/A" });
  });

  it("explains a formula without a cached value", () => {
    const r = readCell(total, c(FORMULA_WITHOUT_VALUE, { type: "error" }), { label: "Total neto" });
    expect(r.problem?.ruleId).toBe("PARSE-007");
    expect(r.problem?.message).toContain("fórmula sin valor calculado");
  });
});
