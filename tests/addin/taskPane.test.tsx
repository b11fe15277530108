/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Finding } from "@coop-plans/shared/domain";
import type { PutPlanResponse } from "@coop-plans/shared/api";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { apiError, fakeClient, fakeHost, fakeServices, gestorMe, session } from "./support/fakes";

const findings: Finding[] = [
  { ruleId: "INV-010", severity: "warning", message: "Falta el proveedor.", location: { sheet: "Plan de Inversiones", cell: "L3" } },
  { ruleId: "INV-001", severity: "error", message: "3 × 498.000 = 1.494.000, no 1.467.000.", location: { sheet: "Plan de Inversiones", cell: "I6" } },
  { ruleId: "COOP-001", severity: "error", message: "RUT 21.778.444-2 con dígito verificador incorrecto.", location: { sheet: "Socios", cell: "C6" } },
  { ruleId: "INV-005", severity: "error", message: "El aporte Sercotec suma $8.190.000; el máximo es $8.000.000.", location: { sheet: "Plan de Inversiones", cell: "J1" } },
];

const saved: PutPlanResponse = {
  cooperativeId: "c1", version: 4, status: "borrador", action: "save", by: { sub: "u1", email: null, role: "gestor" }, at: "2025-11-30T15:04:00.000Z",
  comment: null, totals: { sercotecAmount: 1, ownAmount: 1, total: 2, investmentLines: 1, actions: 1, members: 1 }, counts: { error: 0, warning: 1, info: 0 }, rulePack: { year: 2025, version: 1 }, findings: [],
};

function renderPane(props: Partial<Parameters<typeof TaskPane>[0]> & { host: ReturnType<typeof fakeHost> }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane {...props} />
    </FluentProvider>,
  );
}

describe("task pane", () => {
  it("signed out: shows the sign-in form, Validar works, Sincronizar is disabled", async () => {
    const host = fakeHost();
    renderPane({ host, session: null, services: fakeServices(fakeClient()) });
    expect(screen.getByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect(screen.getByLabelText(/Token de desarrollo/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Sincronizar" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Validar" }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Iniciar sesión" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringContaining("token"));
  });

  it("lists findings grouped by sheet, errors before warnings, each selecting its cell; marks the workbook", async () => {
    const host = fakeHost();
    renderPane({ host, session: null, services: fakeServices(fakeClient(), findings) });
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    const groups = await screen.findAllByRole("heading", { level: 3 });
    expect(groups.map((h) => h.textContent)).toEqual(["Plan de Inversiones (3)", "Socios (1)"]);
    const items = within(groups[0].closest("section")!).getAllByRole("listitem").map((li) => li.getAttribute("data-rule"));
    expect(items).toEqual(["INV-005", "INV-001", "INV-010"]); // errors (by cell: J1, I6) then the warning
    expect(screen.getByRole("status", { name: "" }).textContent ?? "").toBeDefined();
    expect(screen.getByText(/^3 errores y 1 advertencia\. Corrija/)).toBeTruthy();
    expect(host.markFindings).toHaveBeenCalledWith(findings);
    fireEvent.click(screen.getByRole("button", { name: /^Error COOP-001 C6 — / }));
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("Socios", "C6"));
  });

  it("API unreachable: one state saying so with «Reintentar», not «Sesión iniciada» with a sign-in hint; a retry that reaches it signs in", async () => {
    const host = fakeHost();
    const client = fakeClient();
    client.me.mockRejectedValueOnce(apiError("NETWORK_ERROR", "sin red"));
    renderPane({ host, session, services: fakeServices(client) });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Sin conexión con http://127.0.0.1:4000.");
    expect(screen.getByText("Sin conexión con el servidor")).toBeTruthy();
    expect(screen.queryByText("Sesión iniciada")).toBeNull();
    expect(screen.queryByText(/Inicie sesión para sincronizar/)).toBeNull();
    expect((screen.getByRole("button", { name: "Sincronizar" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(alert).getByRole("button", { name: "Reintentar" }));
    expect(await screen.findByText(/gestora@aos.example.org/)).toBeTruthy();
    expect(client.me).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("alert")).toBeNull();
    expect((screen.getByRole("button", { name: "Sincronizar" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("a token the API refuses (expired): back to the sign-in form, saying why (the message once vanished with the session)", async () => {
    const host = fakeHost();
    const client = fakeClient();
    client.me.mockRejectedValueOnce(apiError("UNAUTHENTICATED", "Su sesión expiró."));
    renderPane({ host, session, services: fakeServices(client) });
    expect(await screen.findByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    await act(async () => undefined); // the effects the signed-out render triggers
    expect(screen.getByText("Su sesión expiró o el token no es válido: vuelva a iniciar sesión.")).toBeTruthy();
    expect(screen.queryByText("Sesión iniciada")).toBeNull();
    expect((screen.getByRole("button", { name: "Sincronizar" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("syncing shows progress, then the saved version and time; Enviar becomes available with no errors", async () => {
    const host = fakeHost();
    const client = fakeClient();
    let resolvePut: (r: PutPlanResponse) => void = () => undefined;
    client.putPlan.mockImplementation(() => new Promise((r) => (resolvePut = r)));
    renderPane({ host, session, services: fakeServices(client, []) });
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    expect(await screen.findByText("Enviando el plan al servidor…")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(client.putPlan).toHaveBeenCalledWith("c1", { plan: expect.anything(), baseVersion: 0 }, "key-12345678");
    await act(async () => resolvePut(saved));
    expect(await screen.findByText("Plan guardado")).toBeTruthy();
    expect(screen.getByText(/Versión 4, guardada el 30-11-2025/)).toBeTruthy();
    expect(host.saveState).toHaveBeenCalledWith({ cooperativeId: "c1", baseVersion: 4, savedAt: saved.at });
    expect((screen.getByRole("button", { name: "Enviar" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("409: explains the conflict and loads the server's version into a new sheet without touching the user's", async () => {
    const host = fakeHost();
    await host.saveState({ cooperativeId: "c1", baseVersion: 3 });
    const client = fakeClient();
    client.putPlan.mockRejectedValue(apiError("VERSION_CONFLICT", "Hay una versión más nueva.", { currentVersion: 5 }));
    client.getPlan.mockResolvedValue({ ...saved, version: 5, plan: { schemaVersion: 1 } as never, findings: [] });
    renderPane({ host, session, services: fakeServices(client, []) });
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    expect(await screen.findByText("Hay una versión más nueva en el servidor")).toBeTruthy();
    expect(screen.getByText(/se basa en la versión 3, pero alguien guardó la versión 5/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cargar la versión del servidor en una hoja nueva" }));
    expect(await screen.findByText(/quedó en la hoja «Servidor v5»/)).toBeTruthy();
    expect(host.writePlanCopy).toHaveBeenCalledWith(expect.objectContaining({ sheets: expect.any(Array) }), "Servidor v5");
    expect(host.insertTemplate).not.toHaveBeenCalled();
  });

  it("422 IDENTITY_MISMATCH: lists every mismatch with its cell, saves nothing; «Guardar de todos modos» resends confirming, and the server's PLAN-003/004 are listed", async () => {
    const host = fakeHost();
    const client = fakeClient();
    const detail = "El plan parece ser de «Lácteos del Ranco» y se intentó guardar en «Tejedoras Hebras de Niebla». No se guardó nada.";
    const mismatches = [
      { field: "name", workbook: "Lácteos del Ranco", registered: "Tejedoras Hebras de Niebla", message: "El nombre del libro («Lácteos del Ranco») no es el de la cooperativa registrada («Tejedoras Hebras de Niebla»).", location: { sheet: "Cooperativa", cell: "B4", field: "cooperative.name" } },
      { field: "regionCode", workbook: "10 Los Lagos", registered: "14 Los Ríos", message: "La región del libro (10 Los Lagos) no es la de la cooperativa registrada (14 Los Ríos).", location: { sheet: "Cooperativa", cell: "B2", field: "cooperative.regionCode" } },
      { field: "callYear", workbook: "2024", registered: "2025", message: "La convocatoria del libro (2024) no es la de la cooperativa registrada (2025).", location: { sheet: "Cooperativa", cell: "B1", field: "cooperative.callYear" } },
    ];
    const plan004: Finding = { ruleId: "PLAN-004", severity: "warning", message: "El nombre del plan («Lácteos del Ranco») no coincide con el de la cooperativa registrada («Tejedoras Hebras de Niebla»).", location: { sheet: "Cooperativa", cell: "B4" } };
    const plan003: Finding = { ruleId: "PLAN-003", severity: "error", message: "La región del plan (10 Los Lagos) no coincide con la de la cooperativa registrada (14 Los Ríos).", location: { sheet: "Cooperativa", cell: "B2" } };
    client.putPlan.mockRejectedValueOnce(apiError("IDENTITY_MISMATCH", detail, { mismatches })).mockResolvedValueOnce({ ...saved, counts: { error: 1, warning: 2, info: 0 }, findings: [plan003, findings[0], plan004] });
    renderPane({ host, session, services: fakeServices(client, [findings[0]]) });
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    const title = await screen.findByText("El plan parece ser de otra cooperativa");
    const alert = title.closest("[role=alert]") as HTMLElement;
    expect(alert.textContent).toContain("El libro no coincide con la cooperativa registrada «Tejedoras Hebras de Niebla» en 3 datos:");
    const listed = within(alert).getByRole("list", { name: "Diferencias con la cooperativa registrada" });
    expect(within(listed).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Cooperativa!B4: El nombre del libro («Lácteos del Ranco») no es el de la cooperativa registrada («Tejedoras Hebras de Niebla»).",
      "Cooperativa!B2: La región del libro (10 Los Lagos) no es la de la cooperativa registrada (14 Los Ríos).",
      "Cooperativa!B1: La convocatoria del libro (2024) no es la de la cooperativa registrada (2025).",
    ]);
    expect(alert.textContent).toContain("No se guardó nada.");
    expect(host.saveState).not.toHaveBeenCalled();
    expect(client.putPlan).toHaveBeenLastCalledWith("c1", { plan: expect.anything(), baseVersion: 0 }, expect.any(String));
    fireEvent.click(screen.getByRole("button", { name: "Guardar de todos modos" }));
    expect(await screen.findByText("Plan guardado")).toBeTruthy();
    expect(client.putPlan).toHaveBeenLastCalledWith("c1", { plan: expect.anything(), baseVersion: 0, confirmIdentity: true }, expect.any(String));
    const list = screen.getByRole("list", { name: "Hallazgos del servidor" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([`Cooperativa!B2: ${plan003.message}`, `Cooperativa!B4: ${plan004.message}`]);
    expect(screen.getByText(/El servidor agregó 2 hallazgos al comparar/)).toBeTruthy();
  });

  it("422 IDENTITY_MISMATCH from a server that lists no mismatches: its detail is shown", async () => {
    const client = fakeClient();
    client.putPlan.mockRejectedValueOnce(apiError("IDENTITY_MISMATCH", "El plan parece ser de «Lácteos del Ranco». No se guardó nada."));
    renderPane({ host: fakeHost(), session, services: fakeServices(client, []) });
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    const title = await screen.findByText("El plan parece ser de otra cooperativa");
    expect(title.closest("[role=alert]")!.textContent).toContain("El plan parece ser de «Lácteos del Ranco». No se guardó nada.");
  });

  describe("an unbound workbook and a gestora with two cooperatives (a plan once went to the first of the list)", () => {
    const twoCooperatives = { ...gestorMe, cooperatives: [gestorMe.cooperatives[0], { ...gestorMe.cooperatives[0], id: "c2", name: "Recolectoras de Murta" }] };
    const servicesFor = (client: ReturnType<typeof fakeClient>, name: string) => ({
      ...fakeServices(client, []),
      validate: () => ({ plan: { schemaVersion: 1, cooperative: { name } } as never, findings: [] }),
    });

    it("Sincronizar sends the plan to the cooperative the workbook names, not the first", async () => {
      const host = fakeHost();
      const client = fakeClient(twoCooperatives);
      client.putPlan.mockResolvedValue({ ...saved, cooperativeId: "c2", version: 1 });
      renderPane({ host, session, services: servicesFor(client, "recolectoras de  MURTA") });
      await screen.findByText(/gestora@aos.example.org/);
      expect((screen.getByRole("combobox", { name: "Cooperativa" }) as HTMLSelectElement).value).toBe("");
      fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
      await waitFor(() => expect(client.putPlan).toHaveBeenCalledWith("c2", { plan: expect.anything(), baseVersion: 0 }, "key-12345678"));
      await waitFor(() => expect((screen.getByRole("combobox", { name: "Cooperativa" }) as HTMLSelectElement).value).toBe("c2"));
    });

    it("a name that matches none of them saves nothing and asks which one", async () => {
      const host = fakeHost();
      const client = fakeClient(twoCooperatives);
      renderPane({ host, session, services: servicesFor(client, "Cooperativa Pesquera Totalmente Distinta") });
      await screen.findByText(/gestora@aos.example.org/);
      fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
      expect(await screen.findByText(/Elija en «Cooperativa» a cuál corresponde este libro: su nombre \(«Cooperativa Pesquera Totalmente Distinta»\) no coincide/)).toBeTruthy();
      expect(client.putPlan).not.toHaveBeenCalled();
      expect(host.saveState).not.toHaveBeenCalled();
    });
  });

  it("offline: says the workbook is untouched and what to do", async () => {
    const host = fakeHost();
    const client = fakeClient();
    client.putPlan.mockRejectedValue(apiError("NETWORK_ERROR", "No fue posible conectarse."));
    renderPane({ host, session, services: fakeServices(client, []) });
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    const alert = await screen.findByText("Sin conexión con el servidor");
    expect(alert.closest("[role=alert]")!.textContent).toMatch(/Su libro no se modificó.*vuelva a pulsar «Sincronizar»/);
    expect(host.writePlanCopy).not.toHaveBeenCalled();
    expect(host.saveState).not.toHaveBeenCalled();
  });

  it("AOS: lists the region's cooperatives as cards with status, totals and findings; approves and consolidates", async () => {
    const host = fakeHost();
    const aos = { ...gestorMe, role: "aos" as const, cooperatives: [] };
    const client = fakeClient(aos);
    const coop = gestorMe.cooperatives[0];
    client.listCooperatives.mockResolvedValue({
      regionCode: "14",
      nextToken: null,
      items: [
        { ...coop, status: "enviado", version: 4, totals: { sercotecAmount: 7190000, ownAmount: 177000, total: 7367000, investmentLines: 8, actions: 6, members: 6 }, counts: { error: 0, warning: 1, info: 0 } },
        { ...coop, id: "c2", name: "Pescadores de Niebla", status: "borrador", version: 0 },
      ],
    });
    client.transition.mockResolvedValue({ ...saved, status: "aprobado" });
    client.regionConsolidation.mockResolvedValue({ not: "a consolidation" } as never); // the typed client now parses strictly; the pane stays defensive
    renderPane({ host, session, services: fakeServices(client) });
    expect(await screen.findByRole("heading", { name: "Cooperativas de la región Los Ríos" })).toBeTruthy();
    const list = await screen.findByRole("list", { name: "Cooperativas de la región Los Ríos" });
    const cards = within(list).getAllByRole("listitem");
    expect(cards[0].textContent).toMatch(/Tejedoras Hebras de Niebla.*Enviado.*\$7\.367\.000.*0 errores, 1 advertencia/);
    expect(cards[1].textContent).toMatch(/Pescadores de Niebla.*Sin plan/);
    fireEvent.click(within(cards[0]).getByRole("button", { name: /Aprobar el plan de Tejedoras/ }));
    await waitFor(() => expect(client.transition).toHaveBeenCalledWith("c1", { action: "approve", comment: null }));
    expect(await screen.findByText("Plan de «Tejedoras Hebras de Niebla» aprobado.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Consolidar" }));
    expect(await screen.findByText(/no tiene la forma esperada/)).toBeTruthy();
    expect(host.writeConsolidated).not.toHaveBeenCalled();
  });
});
