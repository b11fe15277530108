/**
 * Money is a whole peso up to 10^12 CLP, quantities and counts stay within the exact integers of
 * a double: a larger figure is PARSE-027 on its cell, never read nor summed.
 */
import type { Finding } from "@coop-plans/shared/domain";
import {
  MAX_MONEY_CLP, combineFindings, parseWorkbook, readCount, readInteger, readMoney, readNumber, readQuantity,
  type CellValue, type RawCell,
} from "@coop-plans/shared/workbook";
import { planTotals, validatePlan } from "@coop-plans/shared/rules";
import { INVERSIONES_HEADER, LINE_1, LINE_2, baseWorkbook, sheet } from "./grids";

const ctx = { label: "Aporte Sercotec" };
const c = (value: RawCell["value"]): RawCell => ({ value });

describe("money bounds", () => {
  it("reads up to 10^12 pesos", () => {
    expect(MAX_MONEY_CLP).toBe(1_000_000_000_000);
    expect(readMoney(c(1_000_000_000_000), ctx)).toEqual({ value: 1_000_000_000_000 });
    expect(readMoney(c("$ 1.000.000.000.000"), ctx)).toEqual({ value: 1_000_000_000_000 });
  });

  it.each([
    [1e20, "100.000.000.000.000.000.000"],
    ["100.000.000.000.000.000.000", "100.000.000.000.000.000.000"],
    [1_000_000_000_001, "1.000.000.000.001"],
    [Number.MAX_SAFE_INTEGER + 2, "9.007.199.254.740.992"],
  ])("refuses %p with PARSE-027 naming the amount", (value, shownAmount) => {
    const r = readMoney(c(value), ctx);
    expect(r.value).toBeNull();
    expect(r.problem?.ruleId).toBe("PARSE-027");
    expect(r.problem?.message).toBe(
      `Aporte Sercotec: el monto ${shownAmount} es demasiado grande: el máximo es $1.000.000.000.000 (un billón de pesos). Revise la cifra (¿sobran dígitos?).`,
    );
    expect(r.problem?.found).toBe(value);
  });
});

describe("quantity, count and number bounds", () => {
  const label = { label: "Cantidad" };
  it("reads the largest exact integer, refuses the next ones", () => {
    expect(readQuantity(c(Number.MAX_SAFE_INTEGER), label)).toEqual({ value: 9007199254740991 });
    expect(readCount(c(Number.MAX_SAFE_INTEGER), label)).toEqual({ value: 9007199254740991 });
    const q = readQuantity(c(1e16), label);
    expect(q).toEqual({
      value: null,
      problem: {
        ruleId: "PARSE-027",
        message: "Cantidad: la cantidad 10.000.000.000.000.000 es demasiado grande: el máximo que se puede leer es 9.007.199.254.740.991 (unos 9 mil billones). Revise la cifra (¿sobran dígitos?).",
        found: 1e16,
      },
    });
    expect(readCount(c("100.000.000.000.000.000.000"), label).problem?.ruleId).toBe("PARSE-027");
    expect(readInteger(c(2 ** 53), label).problem?.message)
      .toBe("Cantidad: el número 9.007.199.254.740.992 es demasiado grande: el máximo que se puede leer es 9.007.199.254.740.991 (unos 9 mil billones). Revise la cifra (¿sobran dígitos?).");
    expect(readNumber(c(-1e20), label).problem?.ruleId).toBe("PARSE-027");
    expect(readNumber(c(1e15), label)).toEqual({ value: 1e15 });
  });

  it("names a figure of hundreds of digits by its count of digits, not three hundred digits (1E+300 in a cell)", () => {
    expect(readQuantity(c(1e300), label).problem?.message).toBe(
      "Cantidad: la cantidad de 301 cifras es demasiado grande: el máximo que se puede leer es 9.007.199.254.740.991 (unos 9 mil billones). Revise la cifra (¿sobran dígitos?).",
    );
    expect(readMoney(c(1e300), { label: "Aporte Sercotec" }).problem?.message).toBe(
      "Aporte Sercotec: el monto de 301 cifras es demasiado grande: el máximo es $1.000.000.000.000 (un billón de pesos). Revise la cifra (¿sobran dígitos?).",
    );
    // Up to 21 digits the figure itself is shown.
    expect(readQuantity(c(1e20), label).problem?.message).toContain("la cantidad 100.000.000.000.000.000.000 es demasiado grande");
  });
});

describe("a 1e20 amount in a workbook", () => {
  it("is one finding on its cell, and the sums leave it out", () => {
    const line2: CellValue[] = [...LINE_2];
    line2[9] = 1e20; // Aporte Sercotec of line 2, J3
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [INVERSIONES_HEADER, LINE_1, line2]) }));
    expect(plan.investmentLines[1].sercotecAmount).toBeNull();
    expect(planTotals(plan).sercotecAmount).toBe(410_000);
    const combined = combineFindings(findings, validatePlan(plan, { asOf: "2026-03-31" }));
    const onCell = combined.filter((f: Finding) => f.location.sheet === "Plan de Inversiones" && f.location.cell === "J3");
    expect(onCell.map((f) => f.ruleId)).toEqual(["PARSE-027"]);
    expect(onCell[0].message).toContain("el monto 100.000.000.000.000.000.000 es demasiado grande");
    expect(combined.some((f) => f.ruleId === "INV-005")).toBe(false);
  });
});
