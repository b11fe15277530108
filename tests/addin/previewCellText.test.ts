import { cellText, numberFormatMatrix } from "../../addin/src/preview/cellText";

describe("cellText (the preview grid shows numbers as the workbook formats them, es-CL)", () => {
  it("formats CLP, percentages, dates and integers by the cell's format code", () => {
    expect(cellText(1234567, '"$"#,##0')).toBe("$1.234.567");
    expect(cellText(-5000, '"$"#,##0')).toBe("-$5.000");
    expect(cellText(0.125, "0.0%")).toBe("12,5%");
    expect(cellText(0.3, "0%")).toBe("30%");
    expect(cellText(46112, "dd-mm-yyyy")).toBe("31-03-2026");
    expect(cellText(1234.5, "#,##0")).toBe("1.235");
  });

  it("shows General numbers with a decimal comma and no float noise", () => {
    expect(cellText(1234.5678)).toBe("1234,5678");
    expect(cellText(0.1 + 0.2, "General")).toBe("0,3");
  });

  it("keeps text, shows booleans in Spanish and empty cells empty", () => {
    expect(cellText("Capital de trabajo", '"$"#,##0')).toBe("Capital de trabajo");
    expect(cellText(true)).toBe("VERDADERO");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });

  it("falls back to General on a format code it cannot read", () => {
    expect(cellText(12.5, '0.0"')).toBe("12,5");
  });
});

describe("numberFormatMatrix", () => {
  it("expands ranges cell by cell, General elsewhere, clipped to the values", () => {
    const values = [
      ["Ítem", "Monto"],
      ["A", 1000],
      ["B", 2000],
    ];
    expect(numberFormatMatrix(values, [{ range: "B2:B9", format: '"$"#,##0' }])).toEqual([
      ["General", "General"],
      ["General", '"$"#,##0'],
      ["General", '"$"#,##0'],
    ]);
  });
});
