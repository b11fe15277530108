/** @jest-environment jsdom */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CooperativeSummary, PlanResponse, RevisionSummary } from "@coop-plans/shared/api";
import type { Action, InvestmentLine, Plan } from "@coop-plans/shared/domain";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { fakeClient, fakeHost, fakeServices, gestorMe, session } from "./support/fakes";

// The AOS's observations pinned to lines and fields in the pane (issue 12, item 4): the AOS adds
// them in the plan's review and returns; the gestora sees each with its target and places them as
// notes on the cells they point to today.

configure({ asyncUtilTimeout: 10_000 });

const totals = { sercotecAmount: 200_000, ownAmount: 50_000, total: 250_000, investmentLines: 2, actions: 1, members: 0 };
const counts = { error: 0, warning: 0, info: 0 };
const rev = (version: number, action: RevisionSummary["action"], status: RevisionSummary["status"], extra: Partial<RevisionSummary> = {}): RevisionSummary => ({
  cooperativeId: "c1", version, action, status, by: { sub: "s", email: action === "return" ? "aos@aos.example.org" : "g@x.cl", role: action === "return" ? "aos" : "gestor" },
  at: `2025-11-0${version}T13:30:00.000Z`, comment: null, totals, counts, rulePack: { year: 2025, version: 1 }, ...extra,
});
const line = (number: number, description: string, row: number): InvestmentLine => ({
  number, group: "Inversiones", item: "Activos", subitem: null, description, actionNumber: null, quantity: 1, unitPrice: 125_000, total: 125_000,
  sercotecAmount: 100_000, ownAmount: 25_000, supplier: null, supplierRut: null, quotes: null, usedGood: null, usedGoodAuthorization: null,
  sustainable: null, plannedPurchaseDate: null, status: null, executedAmount: null,
  source: { sheet: "Plan de Inversiones", row, cells: { number: `A${row}`, description: `E${row}` } },
});
const action = { number: 1, activity: "Taller de costos", source: { sheet: "Plan de Acción", row: 2, cells: { number: "A2" } } } as unknown as Action;
const plan = (lines: InvestmentLine[]): Plan => ({
  schemaVersion: 1,
  cooperative: { name: "Tejedoras Hebras de Niebla", regionCode: "14", modality: "creacion", callYear: 2025, source: { sheet: "Cooperativa", row: 1, cells: { rut: "B5" } } } as unknown as Plan["cooperative"],
  members: [], milestones: [], actions: [action], investmentLines: lines, results: [], sheets: {},
} as unknown as Plan);

function renderPane(props: Partial<Parameters<typeof TaskPane>[0]> & { host: ReturnType<typeof fakeHost> }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane {...props} />
    </FluentProvider>,
  );
}

describe("the gestora places the AOS's observations on the cells", () => {
  it("lists each with its target, places notes where the N° is today and says which could not be placed", async () => {
    const client = fakeClient();
    client.listRevisions.mockResolvedValue({
      cooperativeId: "c1",
      items: [rev(1, "save", "borrador"), rev(2, "submit", "enviado"), rev(3, "return", "observado", {
        comment: "Revise las cotizaciones.",
        observations: [
          { target: { kind: "line", plan: "investment", lineNumber: 2 }, text: "Falta la segunda cotización." },
          { target: { kind: "line", plan: "investment", lineNumber: 7 }, text: "Línea que ya no existe." },
          { target: { kind: "field", field: "rut" }, text: "=RUT de la escritura" },
        ],
      })],
    });
    const host = fakeHost();
    // Today line 2 sits on row 3 (the gestora moved it): the note goes there.
    const services = { ...fakeServices(client), validate: () => ({ plan: plan([line(1, "Máquina", 2), line(2, "Telar", 3)]), findings: [] }) };
    renderPane({ host, session, services });
    const panel = await screen.findByRole("region", { name: "Estado del plan" });
    expect(panel.textContent).toContain("aos@aos.example.org, 03-11-2025, 10:30 (versión 3): Revise las cotizaciones.");
    const list = within(panel).getByRole("list", { name: "Observaciones del AOS" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Línea 2 del Plan de inversiones: Falta la segunda cotización.",
      "Línea 7 del Plan de inversiones: Línea que ya no existe.",
      "Campo «RUT» de la hoja Cooperativa: =RUT de la escritura",
    ]);

    fireEvent.click(within(panel).getByRole("button", { name: "Poner observaciones en las celdas" }));
    await within(panel).findByText("Se pusieron 2 notas «Observación del AOS» en las celdas.");
    expect(host.placeObservationNotes).toHaveBeenCalledWith([
      { sheet: "Plan de Inversiones", cell: "A3", text: "Observación del AOS\nLínea 2 del Plan de inversiones: Falta la segunda cotización." },
      { sheet: "Cooperativa", cell: "B5", text: "Observación del AOS\nCampo «RUT» de la hoja Cooperativa: =RUT de la escritura" },
    ]);
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Línea 2 del Plan de inversiones: Falta la segunda cotización. — nota en Plan de Inversiones!A3",
      "Línea 7 del Plan de inversiones: Línea que ya no existe. — El N° 7 ya no está en la hoja «Plan de Inversiones» del libro: la observación no se puso en una celda.",
      "Campo «RUT» de la hoja Cooperativa: =RUT de la escritura — nota en Cooperativa!B5",
    ]);
    fireEvent.click(within(list).getByRole("button", { name: "Ir a Plan de Inversiones!A3" }));
    expect(host.selectCell).toHaveBeenCalledWith("Plan de Inversiones", "A3");
    // The history keeps them with the revision.
    const history = within(panel).getByRole("list", { name: "Historial del plan" });
    expect(history.textContent).toContain("Versión 3 · Observado · Devuelto con observaciones · aos@aos.example.org · 03-11-2025, 10:30 — Revise las cotizaciones.Línea 2 del Plan de inversiones: Falta la segunda cotización.");
  });

  it("no button when the observation is only general", async () => {
    const client = fakeClient();
    client.listRevisions.mockResolvedValue({ cooperativeId: "c1", items: [rev(1, "save", "borrador"), rev(2, "submit", "enviado"), rev(3, "return", "observado", { comment: "Revise todo." })] });
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    const panel = await screen.findByRole("region", { name: "Estado del plan" });
    await within(panel).findByText("Observación del AOS");
    expect(within(panel).queryByRole("button", { name: "Poner observaciones en las celdas" })).toBeNull();
  });
});

describe("the AOS pins observations in the plan's review", () => {
  const aosMe = { ...gestorMe, email: "aos@aos.example.org", role: "aos" as const, cooperatives: [] };
  const submitted: CooperativeSummary = { ...gestorMe.cooperatives[0], status: "enviado", version: 2, totals, counts };

  it("picks a line by N° and a field, writes the general comment, and returns with all of them", async () => {
    const client = fakeClient(aosMe);
    client.listCooperatives.mockResolvedValue({ regionCode: "14", nextToken: null, items: [submitted] });
    client.listRevisions.mockResolvedValue({ cooperativeId: "c1", items: [rev(1, "save", "borrador"), rev(2, "submit", "enviado")] });
    const latest: PlanResponse = { ...rev(2, "submit", "enviado"), plan: plan([line(1, "Máquina", 2), line(2, "Telar", 3)]), findings: [] };
    client.getPlan.mockResolvedValue(latest);
    client.transition.mockResolvedValue(rev(3, "return", "observado"));
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    fireEvent.click(await screen.findByRole("button", { name: "Ver plan de Tejedoras Hebras de Niebla" }));
    const form = await screen.findByRole("region", { name: "Decisión sobre el plan de Tejedoras Hebras de Niebla" });
    const where = within(form).getByRole("combobox", { name: "Observación en una línea o campo: dónde" });
    expect([...(where as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "Elija una línea o un campo…", "N° 1 — Activos — Máquina", "N° 2 — Activos — Telar", "N° 1 — Taller de costos",
      "Convocatoria", "Región", "Modalidad", "Nombre de la cooperativa o grupo", "RUT", "Tipo de cooperativa", "Ventas netas anuales (CLP)",
      "Fecha de inicio de ejecución", "Fecha de término de ejecución", "Gestor/a", "Correo del gestor/a", "Agente Operador (AOS)",
    ]);
    const returnButton = within(form).getByRole("button", { name: "Devolver con estas observaciones" });
    expect((returnButton as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(where, { target: { value: "investment:2" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Texto de la observación" }), { target: { value: " Falta la segunda cotización. " } });
    fireEvent.click(within(form).getByRole("button", { name: "Agregar observación" }));
    fireEvent.change(where, { target: { value: "field:rut" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Texto de la observación" }), { target: { value: "No coincide con la escritura." } });
    fireEvent.click(within(form).getByRole("button", { name: "Agregar observación" }));
    fireEvent.change(where, { target: { value: "action:1" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Texto de la observación" }), { target: { value: "Se quita." } });
    fireEvent.click(within(form).getByRole("button", { name: "Agregar observación" }));
    fireEvent.click(within(form).getByRole("button", { name: "Quitar la observación 3" }));
    expect(within(within(form).getByRole("list", { name: "Observaciones por enviar" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Línea 2 del Plan de inversiones: Falta la segunda cotización. Quitar",
      "Campo «RUT» de la hoja Cooperativa: No coincide con la escritura. Quitar",
    ]);
    fireEvent.change(within(form).getByRole("textbox", { name: /Observación general/ }), { target: { value: "Revise las cotizaciones." } });
    fireEvent.click(within(form).getByRole("button", { name: "Devolver con estas observaciones" }));
    await screen.findByText("Plan de «Tejedoras Hebras de Niebla» devuelto con observaciones.");
    expect(client.transition).toHaveBeenCalledWith("c1", {
      action: "return",
      comment: "Revise las cotizaciones.",
      observations: [
        { target: { kind: "line", plan: "investment", lineNumber: 2 }, text: "Falta la segunda cotización." },
        { target: { kind: "field", field: "rut" }, text: "No coincide con la escritura." },
      ],
    });
    await waitFor(() => expect(screen.queryByRole("region", { name: "Decisión sobre el plan de Tejedoras Hebras de Niebla" })).toBeNull());
  });

  it("a refused decision keeps the form as written and shows the API's message", async () => {
    const client = fakeClient(aosMe);
    client.listCooperatives.mockResolvedValue({ regionCode: "14", nextToken: null, items: [{ ...submitted, status: "aprobado" }] });
    client.listRevisions.mockResolvedValue({ cooperativeId: "c1", items: [rev(1, "save", "borrador"), rev(2, "approve", "aprobado")] });
    client.getPlan.mockResolvedValue({ ...rev(2, "approve", "aprobado"), plan: plan([line(1, "Máquina", 2)]), findings: [] });
    const { apiError } = await import("./support/fakes");
    client.transition.mockRejectedValue(apiError("INVALID_TRANSITION", "No se puede reabrir un plan en estado «Observado»."));
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    fireEvent.click(await screen.findByRole("button", { name: "Ver plan de Tejedoras Hebras de Niebla" }));
    const form = await screen.findByRole("region", { name: "Decisión sobre el plan de Tejedoras Hebras de Niebla" });
    expect(within(form).queryByRole("button", { name: "Devolver con estas observaciones" })).toBeNull();
    fireEvent.change(within(form).getByRole("textbox", { name: /Observación general/ }), { target: { value: "Ajuste de montos." } });
    fireEvent.click(within(form).getByRole("button", { name: "Reabrir el plan" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("No se puede reabrir un plan en estado «Observado».");
    expect((within(form).getByRole("textbox", { name: /Observación general/ }) as HTMLTextAreaElement).value).toBe("Ajuste de montos.");
    expect(client.transition).toHaveBeenCalledWith("c1", { action: "reopen", comment: "Ajuste de montos." });
  });

  it("Sercotec opens the same review read-only: the last decision's observations with their targets, no form, no decision buttons", async () => {
    const sercotec = { ...aosMe, email: "central@sercotec.cl", role: "sercotec" as const };
    const client = fakeClient(sercotec);
    client.listCooperatives.mockResolvedValue({ regionCode: "14", nextToken: null, items: [{ ...submitted, status: "observado", version: 3 }] });
    const pinned = { target: { kind: "line" as const, plan: "investment" as const, lineNumber: 2 }, text: "Falta la segunda cotización." };
    client.listRevisions.mockResolvedValue({ cooperativeId: "c1", items: [rev(1, "save", "borrador"), rev(2, "submit", "enviado"), rev(3, "return", "observado", { observations: [pinned] })] });
    client.getPlan.mockResolvedValue({ ...rev(3, "return", "observado", { observations: [pinned] }), plan: plan([line(1, "Máquina", 2), line(2, "Telar", 3)]), findings: [] });
    client.getRevision.mockResolvedValue({ ...rev(2, "submit", "enviado"), plan: plan([line(1, "Máquina", 2), line(2, "Telar", 3)]), findings: [] });
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    fireEvent.click(await screen.findByRole("button", { name: "Ver plan de Tejedoras Hebras de Niebla" }));
    const last = await screen.findByRole("list", { name: "Observaciones de la última decisión" });
    expect(within(last).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Línea 2 del Plan de inversiones: Falta la segunda cotización."]);
    expect(screen.queryByRole("region", { name: /Decisión sobre el plan/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Aprobar|Devolver|Reabrir/ })).toBeNull();
  });
});
