import { isTemplateSheet } from "../../addin/src/host/templateSheets";

describe("isTemplateSheet (the sheets the pane reads)", () => {
  it("takes the layout's sheets by name, case- and accent-insensitively", () => {
    for (const name of ["Cooperativa", "Socios", "Hitos", "Plan de Acción", "plan de accion", "PLAN DE INVERSIONES", "Resultados", "Bitácora", "Vinculaciones", "Apalancamiento"]) {
      expect([name, isTemplateSheet(name)]).toEqual([name, true]);
    }
  });

  it("takes the names the parser accepts for them, as the CLI reads them (Ficha is the Cooperativa form)", () => {
    for (const name of ["Ficha", "Presupuesto", "Nómina de socios", "1. Cooperativa"]) expect([name, isTemplateSheet(name)]).toEqual([name, true]);
  });

  it("leaves other sheets and the helper sheet", () => {
    for (const name of ["Hoja1", "_listas", "Consolidado", "Plan Cooperativo (servidor)"]) expect([name, isTemplateSheet(name)]).toEqual([name, false]);
  });
});
