/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Finding } from "@coop-plans/shared/domain";
import { FindingsList, FINDINGS_PAGE, SUMMARISE_ABOVE } from "../../addin/src/ui/FindingsList";

/** `n` INV-001 errors on Plan de Inversiones rows 2.., plus a few others. */
function manyFindings(n: number): Finding[] {
  const inv: Finding[] = Array.from({ length: n }, (_, i) => ({
    ruleId: "INV-001", severity: "error", message: `La línea N° ${i + 1}: el total no cuadra.`, location: { sheet: "Plan de Inversiones", cell: `I${i + 2}` },
  }));
  return [
    ...inv,
    { ruleId: "INV-005", severity: "error", message: "El aporte Sercotec supera el tope.", location: { sheet: "Plan de Inversiones", cell: "J1" } },
    { ruleId: "INV-010", severity: "warning", message: "Falta el proveedor.", location: { sheet: "Plan de Inversiones", cell: "L3" } },
    { ruleId: "COOP-001", severity: "error", message: "RUT con dígito verificador incorrecto.", location: { sheet: "Socios", cell: "C6" } },
    { ruleId: "PLAN-003", severity: "warning", message: "El plan no tiene acciones.", location: {} },
  ];
}

function renderList(findings: Finding[], onSelect = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList findings={findings} onSelect={onSelect} />
    </FluentProvider>,
  );
  return onSelect;
}

const rows = () => screen.getAllByRole("listitem");

describe("FindingsList", () => {
  it("sums up a rule that fires many times on a sheet in one line, and lists the others", () => {
    renderList(manyFindings(2000));
    const items = rows();
    expect(items.map((li) => [li.getAttribute("data-rule"), li.hasAttribute("data-summary")])).toEqual([
      ["INV-005", false], // J1: cell order within the sheet's errors
      ["INV-001", true], // where its first finding, I2, was
      ["INV-010", false],
      ["COOP-001", false],
      ["PLAN-003", false],
    ]);
    expect(items[1].textContent).toBe(
      "Error INV-001: 2.000 errores en esta hoja; el primero, en I2: La línea N° 1: el total no cuadra. Ver solo estos.",
    );
    expect(screen.getByRole("heading", { name: "Plan de Inversiones (2.002)" })).toBeTruthy();
  });

  it("the summary line filters to its rule and shows a bounded page, «Ver más» adds the next", () => {
    renderList(manyFindings(2000));
    fireEvent.click(within(rows().find((li) => li.hasAttribute("data-summary"))!).getByRole("button"));
    expect(rows()).toHaveLength(FINDINGS_PAGE);
    expect(rows().every((li) => li.getAttribute("data-rule") === "INV-001")).toBe(true);
    expect(screen.getByText("Se muestran 50 líneas de 2.000.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ver más (50)" }));
    expect(rows()).toHaveLength(2 * FINDINGS_PAGE);
    expect(rows()[FINDINGS_PAGE].getAttribute("data-cell")).toBe(`I${FINDINGS_PAGE + 2}`);
    fireEvent.click(screen.getByRole("button", { name: "Quitar filtros" }));
    expect(rows()).toHaveLength(5);
  });

  it("one line shown: «Se muestra 1 línea de 1.» (was «Se muestran 1 línea»)", () => {
    renderList([{ ruleId: "INV-010", severity: "warning", message: "Falta el proveedor.", location: { sheet: "Plan de Inversiones", cell: "L3" } }]);
    expect(screen.getByText("Se muestra 1 línea de 1.")).toBeTruthy();
  });

  it("filters by severity, sheet and rule", () => {
    renderList(manyFindings(3));
    fireEvent.change(screen.getByRole("combobox", { name: "Mostrar" }), { target: { value: "warning" } });
    expect(rows().map((li) => li.getAttribute("data-rule"))).toEqual(["INV-010", "PLAN-003"]);
    fireEvent.change(screen.getByRole("combobox", { name: "Mostrar" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Hoja" }), { target: { value: "Socios" } });
    expect(rows().map((li) => li.getAttribute("data-rule"))).toEqual(["COOP-001"]);
    fireEvent.change(screen.getByRole("combobox", { name: "Hoja" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Regla" }), { target: { value: "INV-001" } });
    expect(rows().map((li) => li.getAttribute("data-cell"))).toEqual(["I2", "I3", "I4"]);
  });

  it(`lists a rule firing ${SUMMARISE_ABOVE} times or fewer finding by finding`, () => {
    renderList(manyFindings(SUMMARISE_ABOVE));
    expect(rows().filter((li) => li.getAttribute("data-rule") === "INV-001")).toHaveLength(SUMMARISE_ABOVE);
  });

  it("names each finding's button by its visible text and selects its cell", () => {
    const onSelect = renderList(manyFindings(2));
    const button = screen.getByRole("button", { name: "Error COOP-001 C6 — RUT con dígito verificador incorrecto." });
    expect(button.getAttribute("aria-label")).toBeNull();
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledWith("Socios", "C6");
    // A finding without a cell is text, not a button.
    expect(within(rows()[rows().length - 1]).queryByRole("button")).toBeNull();
  });

  it("labels each sheet's group by its heading through an id without spaces", () => {
    renderList(manyFindings(2));
    const sections = document.querySelectorAll("section[aria-labelledby]");
    expect(sections).toHaveLength(3);
    for (const section of sections) {
      const id = section.getAttribute("aria-labelledby")!;
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(document.getElementById(id)?.tagName).toBe("H3");
    }
    expect(screen.getByRole("region", { name: "Socios (1)" })).toBeTruthy();
  });
});
