/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RegistryForm } from "../../addin/src/ui/RegistryForm";
import { apiError, fakeClient, gestorMe } from "./support/fakes";

// The AOS's registry form (issue 12, item 3): a refusal is shown inside the form that caused it
// (the duplicate-name error once appeared below «Asignar gestor/a»), and in AWS the answer says
// what happened to the gestor/a's account.

const coop = gestorMe.cooperatives[0];

function renderForm(client: ReturnType<typeof fakeClient>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <RegistryForm client={client} regions={["14"]} cooperatives={[{ ...coop, status: "borrador", version: 0, updatedAt: null, totals: null, counts: null }]} newKey={() => "k"} onChanged={() => {}} year={2025} />
    </FluentProvider>,
  );
}

describe("RegistryForm", () => {
  it("a duplicate name is shown inside «Registrar cooperativa», not below «Asignar gestor/a»", async () => {
    const client = fakeClient();
    const detail = "Ya hay una cooperativa llamada «Tejedoras Hebras de Niebla» en la región 14. Si es otro grupo, distíngalo en el nombre, por ejemplo «Tejedoras Hebras de Niebla (Valdivia)».";
    client.registerCooperative.mockRejectedValue(apiError("DUPLICATE_COOPERATIVE", detail));
    renderForm(client);
    const register = screen.getByRole("form", { name: "Registrar cooperativa" });
    fireEvent.change(within(register).getByLabelText(/^Nombre/), { target: { value: "Tejedoras Hebras de Niebla" } });
    fireEvent.click(within(register).getByRole("button", { name: "Registrar" }));
    const alert = await within(register).findByRole("alert");
    expect(alert.textContent).toContain(detail);
    expect(within(screen.getByRole("form", { name: "Asignar gestor/a" })).queryByRole("alert")).toBeNull();
  });

  it("an assignment's refusal is shown inside «Asignar gestor/a»; a success says the account was invited", async () => {
    const client = fakeClient();
    client.assignGestor
      .mockRejectedValueOnce(apiError("GESTOR_ACCOUNT_REFUSED", "La cuenta jefa@aos.cl ya existe con el rol Agente Operador Sercotec (AOS): no puede ser gestor/a de una cooperativa."))
      .mockResolvedValueOnce({ ...coop, gestorEmail: "nueva@coop.cl", gestorAccount: { outcome: "invited", message: "Se creó la cuenta de gestor/a de nueva@coop.cl (región 14): le llegará un correo con una contraseña temporal, que cambiará al iniciar sesión por primera vez." } });
    renderForm(client);
    const assign = screen.getByRole("form", { name: "Asignar gestor/a" });
    fireEvent.change(within(assign).getByLabelText("Cooperativa"), { target: { value: coop.id } });
    fireEvent.change(within(assign).getByLabelText("Correo del gestor/a"), { target: { value: "jefa@aos.cl" } });
    fireEvent.click(within(assign).getByRole("button", { name: "Asignar" }));
    expect((await within(assign).findByRole("alert")).textContent).toContain("ya existe con el rol Agente Operador Sercotec (AOS)");
    expect(within(screen.getByRole("form", { name: "Registrar cooperativa" })).queryByRole("alert")).toBeNull();
    fireEvent.change(within(assign).getByLabelText("Correo del gestor/a"), { target: { value: "nueva@coop.cl" } });
    fireEvent.click(within(assign).getByRole("button", { name: "Asignar" }));
    await waitFor(() => expect(within(assign).getByRole("status").textContent).toBe(
      `«${coop.name}» queda a cargo de nueva@coop.cl. Se creó la cuenta de gestor/a de nueva@coop.cl (región 14): le llegará un correo con una contraseña temporal, que cambiará al iniciar sesión por primera vez.`,
    ));
  });
});
