/** @jest-environment jsdom */
/**
 * Issue 14 item 6: after Enviar, Sincronizar of the unchanged plan says «Sin cambios» with the
 * plan's real estado (Enviado) and leaves Enviar disabled, instead of «Plan guardado» with Enviar
 * enabled again. Item 3: the saved time reads as in Chile on a 24-hour clock (00:33).
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PutPlanResponse, TransitionResponse } from "@coop-plans/shared/api";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { fakeClient, fakeHost, fakeServices, session } from "./support/fakes";

const saved: PutPlanResponse = {
  cooperativeId: "c1", version: 4, status: "borrador", action: "save", by: { sub: "u1", email: null, role: "gestor" }, at: "2025-12-01T03:33:00.000Z",
  comment: null, totals: { sercotecAmount: 1, ownAmount: 1, total: 2, investmentLines: 1, actions: 1, members: 1 }, counts: { error: 0, warning: 0, info: 0 }, rulePack: { year: 2025, version: 1 }, findings: [],
};

function renderPane(host: ReturnType<typeof fakeHost>, client: ReturnType<typeof fakeClient>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} session={session} services={fakeServices(client, [])} />
    </FluentProvider>,
  );
}

const enviar = () => screen.getByRole("button", { name: "Enviar" }) as HTMLButtonElement;

describe("Sincronizar of an unchanged plan", () => {
  it("after Enviar: «Sin cambios», estado Enviado, Enviar stays disabled", async () => {
    const host = fakeHost();
    const client = fakeClient();
    client.putPlan.mockResolvedValueOnce(saved);
    client.transition.mockResolvedValueOnce({ ...saved, version: 5, status: "enviado", action: "submit" } as TransitionResponse);
    client.putPlan.mockResolvedValueOnce({ ...saved, version: 5, status: "enviado", action: "submit", unchanged: true });
    renderPane(host, client);
    await screen.findByText(/gestora@aos.example.org/);

    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    expect(await screen.findByText("Plan guardado")).toBeTruthy();
    // 03:33 UTC on 1 December is 00:33 in Santiago (summer time), written on a 24-hour clock.
    expect(screen.getByText(/Versión 4, guardada el 01-12-2025, 00:33 \(estado: Borrador\)/)).toBeTruthy();
    expect(enviar().disabled).toBe(false);

    await act(async () => void fireEvent.click(enviar()));
    expect(await screen.findByText("Plan enviado")).toBeTruthy();
    expect(enviar().disabled).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    expect(await screen.findByText("Sin cambios")).toBeTruthy();
    expect(screen.getByText(/El plan es igual a la versión 5 del servidor \(estado: Enviado\): no se guardó una versión nueva\. El plan ya está enviado; no hay nada que enviar\./)).toBeTruthy();
    expect(screen.queryByText("Plan guardado")).toBeNull();
    expect(enviar().disabled).toBe(true);
    expect(host.saveState).toHaveBeenLastCalledWith({ cooperativeId: "c1", baseVersion: 5, savedAt: saved.at });
    expect(client.transition).toHaveBeenCalledTimes(1);
  });

  it("still in borrador: «Sin cambios» and Enviar available (nothing new to save, but it can be sent)", async () => {
    const host = fakeHost();
    const client = fakeClient();
    client.putPlan.mockResolvedValueOnce({ ...saved, unchanged: true });
    renderPane(host, client);
    await screen.findByText(/gestora@aos.example.org/);
    fireEvent.click(screen.getByRole("button", { name: "Sincronizar" }));
    expect(await screen.findByText("Sin cambios")).toBeTruthy();
    expect(screen.getByText(/El plan es igual a la versión 4 del servidor \(estado: Borrador\): no se guardó una versión nueva\. Puede enviarlo al AOS\./)).toBeTruthy();
    expect(enviar().disabled).toBe(false);
  });
});
