import {
  formatClp, formatCount, formatDateEs, formatDateTime, formatDigits, formatFixed, formatNumber, formatPercent, formatPercentOneDecimal,
} from "@coop-plans/shared/format";

describe("es-CL formatting (shared/format)", () => {
  it("writes money the es-CL way, a dash when unknown", () => {
    expect(formatClp(8_190_000)).toBe("$8.190.000");
    expect(formatClp(1_500)).toBe("$1.500");
    expect(formatClp(0)).toBe("$0");
    expect(formatClp(null)).toBe("—");
    expect(formatClp(undefined)).toBe("—");
  });

  it("writes plain numbers and exact digits beyond 2^53", () => {
    expect(formatNumber(25_000)).toBe("25.000");
    expect(formatNumber(1.5)).toBe("1,5");
    expect(formatFixed(2.25, 1)).toBe("2,3");
    expect(formatFixed(2, 1)).toBe("2,0");
    expect(formatDigits(1_000_000_000_000)).toBe("1.000.000.000.000");
    expect(formatDigits(1e20)).toBe("100.000.000.000.000.000.000");
    expect(formatDigits(2 ** 60)).toBe("1.152.921.504.606.846.976");
  });

  it("writes percentages in prose and in tables", () => {
    expect(formatPercent(0.42)).toBe("42%");
    expect(formatPercent(0.0246)).toBe("2,5%");
    expect(formatPercentOneDecimal(0.438)).toBe("43,8 %");
    expect(formatPercentOneDecimal(0.3)).toBe("30,0 %");
    expect(formatPercentOneDecimal(null)).toBe("—");
  });

  it("writes ISO dates as dd-mm-aaaa and leaves what is not a date", () => {
    expect(formatDateEs("2025-09-08")).toBe("08-09-2025");
    expect(formatDateEs("2024-02-29")).toBe("29-02-2024");
    expect(formatDateEs("2025-02-29")).toBe("2025-02-29");
    expect(formatDateEs("pronto")).toBe("pronto");
  });

  it("counts with the noun in the right number («1 error», «2.000 errores»)", () => {
    expect(formatCount(1, "error", "errores")).toBe("1 error");
    expect(formatCount(2, "error", "errores")).toBe("2 errores");
    expect(formatCount(2000, "error", "errores")).toBe("2.000 errores");
    expect(formatCount(0, "advertencia", "advertencias")).toBe("0 advertencias");
  });

  it("writes timestamps in Santiago's local time", () => {
    expect(formatDateTime("2025-05-12T14:03:00.000Z")).toBe("12-05-2025, 10:03");
    // 24-hour clock: 00:33, not «12:33 a. m.»; 15:10, not «3:10 p. m.».
    expect(formatDateTime("2025-07-10T04:33:00.000Z")).toBe("10-07-2025, 00:33");
    expect(formatDateTime("2025-07-10T19:10:00.000Z")).toBe("10-07-2025, 15:10");
    expect(formatDateTime("no es fecha")).toBe("no es fecha");
  });
});
