/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CooperativeSummary, MeResponse, PlanResponse, PutPlanResponse } from "@coop-plans/shared/api";
import type { Finding, Plan } from "@coop-plans/shared/domain";
import { BUILTIN_PACKS, type RulePack } from "@coop-plans/shared/rules";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { DecisionForm } from "../../addin/src/ui/DecisionForm";
import { RegistryForm } from "../../addin/src/ui/RegistryForm";
import { PreviewWorkbookHost } from "../../addin/src/preview/PreviewWorkbookHost";
import { apiError, fakeClient, fakeHost, fakeServices, gestorMe, session } from "./support/fakes";

// Defects a newcomer trial found in the pane: the workbook's binding ignored on open (A), the
// server's findings missing from the list with Enviar enabled (B), the return Dialog's refusal
// drawn behind the modal and the observation cut silently (C), the registry form's defaults and
// English browser validation (D), «Sesión iniciada» beside a failed API check (E).

configure({ asyncUtilTimeout: 10_000 });

const [c1] = gestorMe.cooperatives;
const c2 = { ...c1, id: "c2", name: "Apicultores de Lanco" };
const twoCoops: MeResponse = { ...gestorMe, cooperatives: [c1, c2] };

function renderPane(props: Partial<Parameters<typeof TaskPane>[0]> & { host: Parameters<typeof TaskPane>[0]["host"] }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane {...props} />
    </FluentProvider>,
  );
}

const savedResponse = (over: Partial<PutPlanResponse> = {}): PutPlanResponse => ({
  cooperativeId: "c2", version: 2, status: "borrador", action: "save", by: { sub: "u1", email: null, role: "gestor" }, at: "2025-11-30T15:04:00.000Z",
  comment: null, totals: { sercotecAmount: 1, ownAmount: 1, total: 2, investmentLines: 1, actions: 1, members: 1 }, counts: { error: 0, warning: 0, info: 0 },
  rulePack: { year: 2025, version: 1 }, findings: [], ...over,
});

const selector = () => screen.getByRole("combobox", { name: "Cooperativa" }) as HTMLSelectElement;

describe("A: the workbook's binding when the pane opens", () => {
  it("a workbook bound to one of her cooperatives opens with it selected, its status panel shown at once", async () => {
    const host = fakeHost();
    await host.saveState({ cooperativeId: "c2", baseVersion: 9 });
    const client = fakeClient(twoCoops);
    renderPane({ host, session, services: fakeServices(client) });
    await waitFor(() => expect(selector().value).toBe("c2"));
    expect(within(selector()).queryByText("Según el nombre del libro")).toBeNull();
    await waitFor(() => expect(client.listRevisions).toHaveBeenCalledWith("c2")); // the status panel and observations of c2
    expect(client.listRevisions).not.toHaveBeenCalledWith("c1");
    expect(screen.queryByText(/está vinculado a/)).toBeNull();
  });

  it("a bound workbook loaded after the pane opened (the preview) selects its cooperative", async () => {
    const host = new PreviewWorkbookHost();
    const client = fakeClient(twoCoops);
    renderPane({ host, session, services: fakeServices(client) });
    await waitFor(() => expect(selector().value).toBe(""));
    act(() => host.load({ sheets: [] }, { cooperativeId: "c2", baseVersion: 9 }));
    await waitFor(() => expect(selector().value).toBe("c2"));
    await waitFor(() => expect(client.listRevisions).toHaveBeenCalledWith("c2"));
  });

  it("choosing another cooperative says the workbook is bound to «X» before any sync; Sincronizar saves nothing until «Reemplazar»", async () => {
    const host = fakeHost();
    await host.saveState({ cooperativeId: "c2", baseVersion: 1 });
    const client = fakeClient(twoCoops);
    client.getPlan.mockResolvedValue({ ...savedResponse({ cooperativeId: "c1", version: 3 }), plan: {} as Plan } as PlanResponse);
    client.putPlan.mockResolvedValue(savedResponse({ cooperativeId: "c1", version: 4 }));
    renderPane({ host, session, services: fakeServices(client) });
    await waitFor(() => expect(selector().value).toBe("c2"));
    fireEvent.change(selector(), { target: { value: "c1" } });
    const warning = await screen.findByText(/El libro está vinculado a «Apicultores de Lanco» \(versión 1\), no a «Tejedoras Hebras de Niebla»\./);
    expect(warning.textContent).toContain("hay que reemplazar su plan con este libro");

    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    await waitFor(() => expect(screen.getAllByText(/No se guardó nada\./).length).toBeGreaterThan(0));
    expect(client.putPlan).not.toHaveBeenCalled();
    expect(screen.queryByText(/se basa en la versión/)).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Reemplazar el plan de «Tejedoras Hebras de Niebla»" }));
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    await waitFor(() => expect(client.putPlan).toHaveBeenCalledTimes(1));
    expect(client.getPlan).toHaveBeenCalledWith("c1");
    expect(client.putPlan.mock.calls[0][0]).toBe("c1");
    expect(client.putPlan.mock.calls[0][1]).toMatchObject({ baseVersion: 3 });
    await screen.findByText("Plan guardado");
    expect(await host.loadState()).toMatchObject({ cooperativeId: "c1", baseVersion: 4 });
    await waitFor(() => expect(screen.queryByText(/está vinculado a/)).toBeNull());
  });
});

describe("B: the server's findings after a save", () => {
  it("are listed with the local ones, and Enviar is disabled with the reason while the saved plan has errors", async () => {
    const host = fakeHost();
    const client = fakeClient();
    const identity: Finding[] = [
      { ruleId: "IDN-001", severity: "error", message: "El RUT del libro no es el de la cooperativa registrada.", location: { sheet: "Cooperativa", cell: "C4" } },
      { ruleId: "IDN-002", severity: "error", message: "La región del libro no es la registrada.", location: { sheet: "Cooperativa", cell: "C6" } },
    ];
    client.putPlan
      .mockRejectedValueOnce(apiError("IDENTITY_MISMATCH", "El plan parece ser de otra cooperativa.", { mismatches: [] }))
      .mockResolvedValueOnce(savedResponse({ cooperativeId: "c1", version: 4, counts: { error: 2, warning: 0, info: 0 }, findings: identity }));
    renderPane({ host, session, services: fakeServices(client) });
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    fireEvent.click(await screen.findByRole("button", { name: /Guardar de todos modos/ }));
    await screen.findByText(/El servidor encontró 2 errores/);
    expect(screen.queryByText("Sin errores ni advertencias.")).toBeNull();
    expect(screen.getByText(/^2 errores y 0 advertencias\./)).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Error IDN-001 C4 — / })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Error IDN-002 C6 — / })).toBeTruthy();
    const enviar = screen.getByRole("button", { name: "Enviar" }) as HTMLButtonElement;
    expect(enviar.disabled).toBe(true);
    expect(screen.getByText("No se puede enviar: el plan guardado tiene 2 errores. Corríjalos y vuelva a sincronizar.")).toBeTruthy();
  });
});

describe("C: comment limits in the AOS's forms", () => {
  const aosMe = { ...gestorMe, email: "aos@aos.example.org", role: "aos" as const, cooperatives: [] };
  const submitted: CooperativeSummary = { ...c1, status: "enviado", version: 5, totals: null, counts: null };

  it("the return Dialog limits the comment to 4.000 characters with a counter, and shows a refusal inside the Dialog", async () => {
    const client = fakeClient(aosMe);
    client.listCooperatives.mockResolvedValue({ regionCode: "14", nextToken: null, items: [submitted] });
    client.transition.mockRejectedValue(apiError("INVALID_TRANSITION", "El plan ya no está enviado: otra persona lo devolvió."));
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    fireEvent.click(await screen.findByRole("button", { name: "Devolver con observaciones el plan de Tejedoras Hebras de Niebla" }));
    const dialog = await screen.findByRole("dialog");
    const box = (await within(dialog).findByRole("textbox", { name: /Observaciones para el gestor/, hidden: true })) as HTMLTextAreaElement;
    expect(box.maxLength).toBe(4000);
    expect(dialog.textContent).toContain("0 de 4.000 caracteres.");
    fireEvent.change(box, { target: { value: "Falta la cotización." } });
    expect(dialog.textContent).toContain("20 de 4.000 caracteres.");
    fireEvent.click(within(dialog).getByRole("button", { name: "Devolver con observaciones", hidden: true }));
    const alert = await within(dialog).findByRole("alert", { hidden: true });
    expect(alert.textContent).toBe("El plan ya no está enviado: otra persona lo devolvió.");
  });

  it("the review form keeps a pasted observation whole and says the limit instead of cutting it", async () => {
    const plan = { schemaVersion: 1, cooperative: { name: "X" }, members: [], milestones: [], actions: [], investmentLines: [], results: [], sheets: {} } as unknown as Plan;
    render(
      <FluentProvider theme={webLightTheme}>
        <DecisionForm plan={plan} status="enviado" cooperativeName="X" onDecide={async () => undefined} />
      </FluentProvider>,
    );
    fireEvent.change(screen.getByRole("combobox", { name: /dónde/ }), { target: { value: "field:name" } });
    const text = screen.getByRole("textbox", { name: "Texto de la observación" }) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: "a".repeat(1500) } });
    expect(text.value.length).toBe(1500);
    expect(screen.getByText("Tiene 1.500 caracteres; se admiten hasta 1.000: acórtelo.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Agregar observación" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(text, { target: { value: "a".repeat(1000) } });
    expect(screen.getByText("1.000 de 1.000 caracteres.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Agregar observación" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("D: the registry form", () => {
  const newest = Math.max(...BUILTIN_PACKS.map((p) => p.year));

  it("defaults Convocatoria to the newest year with a rule pack (not the calendar year)", async () => {
    const client = fakeClient({ ...gestorMe, email: "aos@aos.example.org", role: "aos", cooperatives: [] });
    client.listCooperatives.mockResolvedValue({ regionCode: "14", nextToken: null, items: [] });
    const services = { ...fakeServices(client), now: () => new Date(`${newest + 1}-03-10T12:00:00Z`) };
    renderPane({ host: fakeHost(), session, services });
    const form = await screen.findByRole("form", { name: "Registrar cooperativa" });
    expect((within(form).getByLabelText("Convocatoria (año)") as HTMLInputElement).value).toBe(String(newest));
  });

  it("an invalid e-mail is refused in Spanish by the form (no browser tooltip), and the previous success is cleared", async () => {
    const client = fakeClient();
    client.registerCooperative.mockResolvedValue({ ...c1, id: "c9", name: "Apicultores de Lanco", gestorEmail: null });
    const packs: RulePack[] = [...BUILTIN_PACKS];
    render(
      <FluentProvider theme={webLightTheme}>
        <RegistryForm client={client} regions={["14"]} cooperatives={[]} newKey={() => "k"} onChanged={() => {}} year={packs[0].year} />
      </FluentProvider>,
    );
    const form = screen.getByRole("form", { name: "Registrar cooperativa" }) as HTMLFormElement;
    expect(form.noValidate).toBe(true);
    fireEvent.change(within(form).getByLabelText(/^Nombre/), { target: { value: "Apicultores de Lanco" } });
    fireEvent.click(within(form).getByRole("button", { name: "Registrar" }));
    expect((await within(form).findByRole("status")).textContent).toContain("Se registró «Apicultores de Lanco»");
    fireEvent.change(within(form).getByLabelText(/^Nombre/), { target: { value: "Otra" } });
    fireEvent.change(within(form).getByLabelText(/Correo del gestor/), { target: { value: "ana en coop.cl" } });
    fireEvent.click(within(form).getByRole("button", { name: "Registrar" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("«ana en coop.cl» no es un correo válido: escríbalo como nombre@dominio.cl.");
    expect(within(form).queryByRole("status")).toBeNull();
    expect(client.registerCooperative).toHaveBeenCalledTimes(1);
  });
});

describe("E: a wrong API URL", () => {
  it("does not say «Sesión iniciada» when the API check failed", async () => {
    const client = fakeClient();
    client.me.mockRejectedValueOnce(apiError("ROUTE_NOT_FOUND", "El servidor respondió con el estado 404. Intente nuevamente más tarde."));
    renderPane({ host: fakeHost(), session, services: fakeServices(client) });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("respondió con el estado 404");
    expect(alert.textContent).toContain("Revise la dirección de la API");
    expect(screen.queryByText("Sesión iniciada")).toBeNull();
    expect(screen.getByText("No se pudo verificar la sesión")).toBeTruthy();
  });
});
