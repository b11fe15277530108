/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { consolidateFiles } from "@coop-plans/shared/consolidate";
import { PACK_2025, RulePack } from "@coop-plans/shared/rules";
import { FileConsolidation } from "../../addin/src/ui/FileConsolidation";
import { consolidatePickedFiles, type PickedFile } from "../../addin/src/ui/workbookFiles";
import { fakeClient, fakeHost, fakeServices } from "./support/fakes";

const emailed = (name: string) => path.resolve(__dirname, "../fixtures/emailed", name);
const picked = (name: string, lastModified?: number): PickedFile => ({ name, lastModified, bytes: async () => new Uint8Array(readFileSync(emailed(name))) });

describe("consolidatePickedFiles (the pane's reader, no backend)", () => {
  it("reads, checks and consolidates the picked workbooks; the older copy of a cooperative is left out", async () => {
    const result = await consolidatePickedFiles(
      ["murta_llanquihue.xlsx", "apicola_itata.xlsx", "mariscadoras_corral.xlsx", "murta_llanquihue_nov.xlsx"].map((n) => picked(n)),
      "2026-03-31",
    );
    expect(result.consolidation.totals.total).toBe(5_550_000 + 15_670_000 + 4_150_000);
    expect(result.consolidation.cooperatives.every((r) => r.status === "archivo")).toBe(true);
    expect(result.duplicates).toEqual([expect.objectContaining({ kept: "murta_llanquihue_nov.xlsx", dropped: ["murta_llanquihue.xlsx"] })]);
  });

  it("an unreadable pick is listed with its Spanish reason, never counted", async () => {
    const junk: PickedFile = { name: "foto.xlsx", bytes: async () => Uint8Array.from("no es un libro", (ch) => ch.charCodeAt(0)) };
    const result = await consolidatePickedFiles([picked("mariscadoras_corral.xlsx"), junk], "2026-03-31");
    expect(result.unreadable).toEqual([{ file: "foto.xlsx", message: expect.stringContaining("no es un libro de Excel (.xlsx)") }]);
    expect(result.consolidation.cooperativeCount).toBe(1);
  });

  it("checks the files under the packs in force the pane keeps, and names that pack on each row", async () => {
    const v2 = RulePack.parse({ ...JSON.parse(JSON.stringify(PACK_2025)), version: 2, publishedAt: "2026-12-01T12:00:00.000Z" });
    const builtIn = await consolidatePickedFiles([picked("mariscadoras_corral.xlsx")], "2026-03-31");
    expect(builtIn.consolidation.cooperatives.map((r) => r.rulePack)).toEqual([{ year: 2025, version: 1 }]);
    const published = await consolidatePickedFiles([picked("mariscadoras_corral.xlsx")], "2026-03-31", [v2]);
    expect(published.consolidation.cooperatives.map((r) => r.rulePack)).toEqual([{ year: 2025, version: 2 }]);
  });
});

describe("«Consolidar archivos recibidos» in the pane (no sign-in)", () => {
  it("is offered signed out; writes the Consolidado sheet with its chart and says what happened to each file", async () => {
    const host = fakeHost();
    const real = await consolidatePickedFiles([picked("murta_llanquihue_nov.xlsx"), picked("mariscadoras_corral.xlsx"), picked("murta_llanquihue.xlsx")], "2026-03-31");
    const consolidate = jest.fn(async () => real);
    render(
      <FluentProvider theme={webLightTheme}>
        <FileConsolidation host={host} services={fakeServices(fakeClient())} consolidate={consolidate} />
      </FluentProvider>,
    );
    const button = screen.getByRole("button", { name: "Consolidar archivos" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const input = screen.getByTestId("consolidate-files-input") as HTMLInputElement;
    const files = [new File(["a"], "murta_llanquihue_nov.xlsx"), new File(["b"], "mariscadoras_corral.xlsx"), new File(["c"], "murta_llanquihue.xlsx")];
    fireEvent.change(input, { target: { files } });
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    const status = await screen.findByText(/Se escribió la hoja «Consolidado» con 2 cooperativas \(inversión total \$9\.700\.000\) y su gráfico\./);
    expect(status).toBeTruthy();
    expect(consolidate).toHaveBeenCalledWith(expect.arrayContaining([expect.objectContaining({ name: "murta_llanquihue.xlsx" })]), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), undefined);
    expect(screen.getByText(/está en «murta_llanquihue_nov\.xlsx» y «murta_llanquihue\.xlsx» \(mismo nombre y región\): se cuenta una vez/)).toBeTruthy();
    const sheet = host.writeConsolidated.mock.calls[0][0];
    expect(sheet.title).toMatch(/^Consolidado de archivos de las regiones 10, 14 — /);
    expect(sheet.chart).toEqual(expect.objectContaining({ title: "Aporte Sercotec y aporte empresarial por ítem" }));
  });

  it("when no file can be consolidated it says so and writes nothing", async () => {
    const host = fakeHost();
    const consolidate = jest.fn(async () => consolidateFiles([], [{ file: "x.xlsx", message: "El archivo no es un libro de Excel (.xlsx)." }]));
    render(
      <FluentProvider theme={webLightTheme}>
        <FileConsolidation host={host} services={fakeServices(fakeClient())} consolidate={consolidate} />
      </FluentProvider>,
    );
    fireEvent.change(screen.getByTestId("consolidate-files-input"), { target: { files: [new File(["x"], "x.xlsx")] } });
    const button = screen.getByRole("button", { name: "Consolidar archivos" }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain("Ningún archivo se pudo consolidar.«x.xlsx» no se pudo leer y no se cuenta: El archivo no es un libro de Excel (.xlsx).");
    expect(host.writeConsolidated).not.toHaveBeenCalled();
  });
});
