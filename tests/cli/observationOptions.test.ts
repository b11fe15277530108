import { parseObservationOptions } from "../../cli/src/observationOptions";

// `review return --line PLAN:N°="texto" --field CAMPO="texto"` (issue 12, item 5): what the AOS
// types becomes observations pinned to a line by its N° or to a Cooperativa field.

describe("parseObservationOptions", () => {
  it("reads lines of either plan (accents and case aside) and fields by code or by their label in the sheet", () => {
    expect(parseObservationOptions(
      ["inversiones:3=Falta la segunda cotización.", "Acción: 2 = Fecha de término antes del inicio", "inversión:4==SUMA(A1)"],
      ["rut=No coincide", "Nombre de la cooperativa=Use la razón social", "Región=Es Los Ríos", "callYear=2025"],
    )).toEqual({
      ok: true,
      observations: [
        { target: { kind: "line", plan: "investment", lineNumber: 3 }, text: "Falta la segunda cotización." },
        { target: { kind: "line", plan: "action", lineNumber: 2 }, text: "Fecha de término antes del inicio" },
        { target: { kind: "line", plan: "investment", lineNumber: 4 }, text: "=SUMA(A1)" },
        { target: { kind: "field", field: "rut" }, text: "No coincide" },
        { target: { kind: "field", field: "name" }, text: "Use la razón social" },
        { target: { kind: "field", field: "regionCode" }, text: "Es Los Ríos" },
        { target: { kind: "field", field: "callYear" }, text: "2025" },
      ],
    });
    expect(parseObservationOptions()).toEqual({ ok: true, observations: [] });
  });

  it("says what is wrong, naming the option", () => {
    expect(parseObservationOptions(["3=Falta"])).toEqual({ ok: false, message: expect.stringContaining("--line «3=Falta» no se entiende: escriba PLAN:N°=\"texto\"") });
    expect(parseObservationOptions(["inversiones:0=x"])).toEqual({ ok: false, message: "--line «inversiones:0=x»: el N° de la línea es un entero de 1 o más." });
    expect(parseObservationOptions(["inversiones:tres=x"]).ok).toBe(false);
    expect(parseObservationOptions([`inversiones:1=${"x".repeat(1001)}`])).toEqual({ ok: false, message: "--line inversiones:1: Una observación admite hasta 1.000 caracteres." });
    expect(parseObservationOptions([], ["=x"]).ok).toBe(false);
    expect(parseObservationOptions([], ["#=x"]).ok).toBe(false);
    expect(parseObservationOptions([], ["rut="])).toEqual({ ok: false, message: "--field rut: escriba el texto de la observación después de «=»" });
    const many = Array.from({ length: 51 }, (_, i) => `inversiones:${i + 1}=x`);
    expect(parseObservationOptions(many)).toEqual({ ok: false, message: "Se admiten hasta 50 observaciones por decisión y escribió 51: junte las de una misma línea en una sola." });
  });
});
