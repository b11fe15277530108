import { formatRut, isValidRut, normalizeRut, rutCheckDigit } from "@coop-plans/shared/domain";

describe("RUT", () => {
  it.each([
    ["76.123.456-7", "76123456-7"],
    ["76123456-7", "76123456-7"],
    ["761234567", "76123456-7"],
    ["15.110.178-k", "15110178-K"],
    [" 15110178k ", "15110178-K"],
  ])("normalises %p to %p", (typed, canonical) => {
    expect(normalizeRut(typed)).toBe(canonical);
  });

  it("refuses text that cannot be a RUT", () => {
    expect(normalizeRut("sin rut")).toBeNull();
    expect(normalizeRut("12-")).toBeNull();
  });

  it("computes the módulo 11 check digit (K and 0 included)", () => {
    expect(rutCheckDigit("15110178")).toBe("K");
    expect(rutCheckDigit("21778444")).toBe("1");
    expect(isValidRut("21.778.444-1")).toBe(true);
    expect(isValidRut("21.778.444-2")).toBe(false);
    expect(formatRut("15110178-K")).toBe("15.110.178-K");
  });
});
