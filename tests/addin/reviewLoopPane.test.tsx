/** @jest-environment jsdom */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CooperativeSummary, PlanResponse, RevisionSummary } from "@coop-plans/shared/api";
import type { InvestmentLine, Plan, RegionCode } from "@coop-plans/shared/domain";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { fakeClient, fakeHost, fakeServices, gestorMe, session } from "./support/fakes";

// The review loop in the pane (issue 12, items 3–5): the gestora sees the estado, the AOS's
// observation and the history; the AOS opens a plan (findings, totals, changes), returns it in a
// Dialog, registers cooperatives; Sercotec (regions *) sees every region, read-only.

const coop = gestorMe.cooperatives[0];
const totals = { sercotecAmount: 7_190_000, ownAmount: 177_000, total: 7_367_000, investmentLines: 1, actions: 0, members: 0 };
const counts = { error: 0, warning: 1, info: 0 };
const rev = (version: number, action: RevisionSummary["action"], status: RevisionSummary["status"], email: string, comment: string | null = null): RevisionSummary => ({
  cooperativeId: "c1", version, action, status, by: { sub: email, email, role: email.startsWith("aos") ? "aos" : "gestor" },
  at: `2025-11-0${version}T13:30:00.000Z`, comment, totals, counts, rulePack: { year: 2025, version: 1 },
});
const line = (sercotecAmount: number): InvestmentLine => ({
  number: 1, group: "Inversiones", item: "Equipamiento", subitem: null, description: "Máquina de coser", actionNumber: null, quantity: 1,
  unitPrice: sercotecAmount + 177_000, total: sercotecAmount + 177_000, sercotecAmount, ownAmount: 177_000, supplier: null, supplierRut: null, quotes: null,
  usedGood: null, usedGoodAuthorization: null, sustainable: null, plannedPurchaseDate: null, status: null, executedAmount: null,
});
const planWith = (sercotecAmount: number): Plan => ({
  schemaVersion: 1, cooperative: { name: "Tejedoras Hebras de Niebla", regionCode: "14", modality: "creacion", callYear: 2025 } as Plan["cooperative"],
  members: [], milestones: [], actions: [], investmentLines: [line(sercotecAmount)], results: [], sheets: {},
} as unknown as Plan);

// Fluent's first render of a Dialog and the pane's chained requests take longer than the 1 s
// default on a loaded 2-core machine running the suites in parallel.
configure({ asyncUtilTimeout: 10_000 });

function renderPane(props: Partial<Parameters<typeof TaskPane>[0]> & { host: ReturnType<typeof fakeHost> }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane {...props} />
    </FluentProvider>,
  );
}

describe("the gestora follows the loop", () => {
  it("shows the estado, «Observación del AOS» and the history (dd-mm-yyyy)", async () => {
    const client = fakeClient();
    client.listRevisions.mockResolvedValue({
      cooperativeId: "c1",
      items: [rev(1, "save", "borrador", "gestora@aos.example.org"), rev(2, "submit", "enviado", "gestora@aos.example.org"), rev(3, "return", "observado", "aos@aos.example.org", "Falta la segunda cotización de la línea 1.")],
    });
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    const panel = await screen.findByRole("region", { name: "Estado del plan" });
    expect(panel.textContent).toContain("Estado del plan: Observado · versión 3, devuelto con observaciones por aos@aos.example.org el 03-11-2025, 10:30.");
    expect(within(panel).getByText("Observación del AOS")).toBeTruthy();
    expect(panel.textContent).toContain("aos@aos.example.org, 03-11-2025, 10:30 (versión 3): Falta la segunda cotización de la línea 1.");
    const history = within(panel).getByRole("list", { name: "Historial del plan" });
    expect(within(history).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Versión 3 · Observado · Devuelto con observaciones · aos@aos.example.org · 03-11-2025, 10:30 — Falta la segunda cotización de la línea 1.",
      "Versión 2 · Enviado · Enviado al AOS · gestora@aos.example.org · 02-11-2025, 10:30",
      "Versión 1 · Borrador · Guardado · gestora@aos.example.org · 01-11-2025, 10:30",
    ]);
    expect(client.listRevisions).toHaveBeenCalledWith("c1");
  });
});

describe("the AOS reviews before deciding", () => {
  const aosMe = { ...gestorMe, email: "aos@aos.example.org", role: "aos" as const, cooperatives: [] };
  const submitted: CooperativeSummary = { ...coop, status: "enviado", version: 5, totals, counts };

  function aosClient() {
    const client = fakeClient(aosMe);
    client.listCooperatives.mockResolvedValue({ regionCode: "14", nextToken: null, items: [submitted] });
    client.listRevisions.mockResolvedValue({
      cooperativeId: "c1",
      items: [rev(1, "save", "borrador", "g@x.cl"), rev(2, "submit", "enviado", "g@x.cl"), rev(3, "return", "observado", "aos@aos.example.org", "Revise la línea 1."), rev(4, "save", "observado", "g@x.cl"), rev(5, "submit", "enviado", "g@x.cl")],
    });
    const latest: PlanResponse = { ...rev(5, "submit", "enviado", "g@x.cl"), plan: planWith(7_140_000), findings: [{ ruleId: "INV-010", severity: "warning", message: "Falta el proveedor.", location: { sheet: "Plan de Inversiones", cell: "L2" } }] };
    client.getPlan.mockResolvedValue(latest);
    client.getRevision.mockResolvedValue({ ...rev(2, "submit", "enviado", "g@x.cl"), plan: planWith(7_190_000), findings: [] });
    client.transition.mockResolvedValue({ ...rev(6, "return", "observado", "aos@aos.example.org", "x") });
    return client;
  }

  it("«Ver plan» shows findings, totals and what changed since the last submission", async () => {
    const client = aosClient();
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    fireEvent.click(await screen.findByRole("button", { name: "Ver plan de Tejedoras Hebras de Niebla" }));
    const review = await screen.findByRole("region", { name: "Plan de «Tejedoras Hebras de Niebla»" });
    await within(review).findByText(/Desde la versión 2/);
    expect(client.getRevision).toHaveBeenCalledWith("c1", 2);
    expect(review.textContent).toContain("Enviado · versión 5, enviado al AOS por g@x.cl el 05-11-2025, 10:30.");
    expect(within(review).getByRole("list", { name: "Hallazgos del plan" }).textContent).toBe("Advertencia INV-010 (Plan de Inversiones!L2): Falta el proveedor.");
    const changes = within(review).getByRole("list", { name: "Cambios en las líneas" });
    expect(changes.textContent).toContain("Cambió: Línea N° 1 (Equipamiento — Máquina de coser)");
    expect(changes.textContent).toContain("Aporte Sercotec: $7.190.000 → $7.140.000");
    expect(within(review).getByRole("list", { name: "Cambios en los totales" }).textContent).toContain("Aporte Sercotec: $7.190.000 → $7.140.000 (−$50.000)");
    expect(review.textContent).toContain("Última observación del AOS");
  });

  it("«Devolver» opens a Dialog naming the cooperative with the focus inside; Esc closes it; the comment is required and sent", async () => {
    const client = aosClient();
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    fireEvent.click(await screen.findByRole("button", { name: "Devolver con observaciones el plan de Tejedoras Hebras de Niebla" }));
    const dialog = await screen.findByRole("dialog", {}, { timeout: 10_000 });
    await screen.findByText("Devolver el plan de «Tejedoras Hebras de Niebla»", {}, { timeout: 10_000 });
    const box = await screen.findByRole("textbox", { name: /Observaciones para el gestor/, hidden: true }, { timeout: 10_000 });
    expect(dialog.contains(box)).toBe(true);
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true), { timeout: 10_000 });
    const send = (await screen.findByRole("button", { name: "Devolver con observaciones", hidden: true }, { timeout: 10_000 })) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(client.transition).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Devolver con observaciones el plan de Tejedoras Hebras de Niebla" }));
    fireEvent.change(await screen.findByRole("textbox", { name: /Observaciones para el gestor/, hidden: true }, { timeout: 10_000 }), { target: { value: "Falta la cotización de la línea 1." } });
    fireEvent.click(await screen.findByRole("button", { name: "Devolver con observaciones", hidden: true }, { timeout: 10_000 }));
    await waitFor(() => expect(client.transition).toHaveBeenCalledWith("c1", { action: "return", comment: "Falta la cotización de la línea 1." }));
    expect(await screen.findByText("Plan de «Tejedoras Hebras de Niebla» devuelto con observaciones.")).toBeTruthy();
  });

  it("registers a cooperative from the form and assigns a gestor/a", async () => {
    const client = aosClient();
    client.registerCooperative.mockResolvedValue({ ...coop, id: "c9", name: "Apicultores de Lanco", gestorEmail: "ana@coop.cl" });
    client.assignGestor.mockResolvedValue({ ...coop, gestorEmail: "bruno@coop.cl" });
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    await screen.findByRole("button", { name: "Ver plan de Tejedoras Hebras de Niebla" });
    const form = screen.getByRole("form", { name: "Registrar cooperativa" });
    fireEvent.change(within(form).getByLabelText(/^Nombre/), { target: { value: "Apicultores de Lanco" } });
    fireEvent.change(within(form).getByLabelText(/RUT/), { target: { value: "76.086.428-5" } });
    fireEvent.change(within(form).getByLabelText("Modalidad"), { target: { value: "fortalecimiento" } });
    fireEvent.change(within(form).getByLabelText(/Correo del gestor/), { target: { value: "ana@coop.cl" } });
    fireEvent.click(within(form).getByRole("button", { name: "Registrar" }));
    await waitFor(() => expect(client.registerCooperative).toHaveBeenCalledWith("14", { name: "Apicultores de Lanco", rut: "76.086.428-5", modality: "fortalecimiento", callYear: 2025, gestorEmail: "ana@coop.cl" }, "key-12345678"));
    expect(await screen.findByText("Se registró «Apicultores de Lanco» en la región Los Ríos, a cargo de ana@coop.cl.")).toBeTruthy();
    const assign = screen.getByRole("form", { name: "Asignar gestor/a" });
    fireEvent.change(within(assign).getByLabelText("Cooperativa"), { target: { value: "c1" } });
    fireEvent.change(within(assign).getByLabelText("Correo del gestor/a"), { target: { value: "bruno@coop.cl" } });
    fireEvent.click(within(assign).getByRole("button", { name: "Asignar" }));
    await waitFor(() => expect(client.assignGestor).toHaveBeenCalledWith("c1", { gestorEmail: "bruno@coop.cl" }));
  });
});

describe("Sercotec, central level (regions *)", () => {
  it("loads every region's cooperatives (no endless «Cargando»), region names, no Aprobar/Devolver, no registry; Consolidar is national", async () => {
    const sercotec = { ...gestorMe, email: "central@sercotec.cl", role: "sercotec" as const, regions: "*" as const, cooperatives: [] };
    const client = fakeClient(sercotec);
    client.listCooperatives.mockImplementation(async (code: string) => ({
      regionCode: code as RegionCode, nextToken: null,
      items: code === "14" ? [{ ...coop, status: "enviado" as const, version: 2, totals, counts }] : code === "10" ? [{ ...coop, id: "c10", regionCode: "10" as const, name: "Murta de Llanquihue", status: "aprobado" as const, version: 3, totals, counts }] : [],
    }));
    client.nationalConsolidation.mockResolvedValue({ not: "a consolidation" } as never);
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    const list = await screen.findByRole("list", { name: "Cooperativas de todas las regiones" });
    expect(client.listCooperatives).toHaveBeenCalledTimes(16);
    expect(within(list).getAllByRole("listitem").map((li) => li.querySelector("h3")!.textContent)).toEqual(["Murta de Llanquihue", "Tejedoras Hebras de Niebla"]);
    expect(list.textContent).toContain("Los Ríos");
    expect(screen.queryByText("Cargando cooperativas…")).toBeNull();
    expect(screen.queryByRole("button", { name: /Aprobar/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Devolver/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Reabrir/ })).toBeNull();
    expect(screen.queryByRole("form", { name: "Registrar cooperativa" })).toBeNull();
    const region = screen.getByLabelText("Región") as HTMLSelectElement;
    expect([...region.options].slice(0, 3).map((o) => o.textContent)).toEqual(["Todas las regiones", "Tarapacá", "Antofagasta"]);
    fireEvent.click(screen.getByRole("button", { name: "Consolidar" }));
    await waitFor(() => expect(client.nationalConsolidation).toHaveBeenCalled());
    fireEvent.change(region, { target: { value: "14" } });
    expect(await screen.findByRole("heading", { name: "Cooperativas de la región Los Ríos" })).toBeTruthy();
  });
});
