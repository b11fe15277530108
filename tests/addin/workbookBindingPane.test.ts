import { ExcelWorkbookHost, STATE_SETTING } from "../../addin/src/excel/ExcelWorkbookHost";
import { FakeExcel, memorySettings } from "./support/fakeExcel";

function host(api17 = true) {
  const fx = new FakeExcel();
  fx.addSheet("Cooperativa").setValues([["Convocatoria", 2025]]);
  const settings = memorySettings();
  const h = new ExcelWorkbookHost({ run: fx.run, isSetSupported: (_n, v) => api17 || v !== "1.7", settings });
  return { fx, settings, host: h };
}

describe("the pane's binding in the workbook's custom properties (ExcelApi 1.7)", () => {
  it("saves the binding as custom properties in one sync and reads it back in one", async () => {
    const { fx, host: h, settings } = host();
    fx.customProperties.set("MSIP_Label_x_Name", "Uso interno");
    await h.saveState({ cooperativeId: "coop-9", baseVersion: 4, savedAt: "2025-11-03T10:00:00.000Z" });
    expect(fx.syncs).toBe(1);
    expect(Object.fromEntries(fx.customProperties)).toEqual({
      MSIP_Label_x_Name: "Uso interno",
      "coopPlans.cooperativeId": "coop-9",
      "coopPlans.version": 4,
      "coopPlans.syncedAt": "2025-11-03T10:00:00.000Z",
    });
    expect(settings.data.has(STATE_SETTING)).toBe(false);
    fx.resetCounters();
    expect(await h.loadState()).toEqual({ cooperativeId: "coop-9", baseVersion: 4, savedAt: "2025-11-03T10:00:00.000Z" });
    expect(fx.syncs).toBe(1);
  });

  it("reads a binding the CLI wrote (version as a number Excel returns as text, keys in another case)", async () => {
    const { fx, host: h } = host();
    fx.customProperties.set("COOPPLANS.COOPERATIVEID", "coop-2");
    fx.customProperties.set("coopplans.version", "7");
    expect(await h.loadState()).toEqual({ cooperativeId: "coop-2", baseVersion: 7 });
  });

  it("moves an old Office-settings binding into the properties once, then forgets the setting", async () => {
    const { fx, host: h, settings } = host();
    settings.set(STATE_SETTING, { cooperativeId: "coop-old", baseVersion: 2, savedAt: "2025-09-01T12:00:00.000Z" });
    expect(await h.loadState()).toEqual({ cooperativeId: "coop-old", baseVersion: 2, savedAt: "2025-09-01T12:00:00.000Z" });
    expect(fx.syncs).toBe(2);
    expect(fx.customProperties.get("coopPlans.cooperativeId")).toBe("coop-old");
    expect(fx.customProperties.get("coopPlans.version")).toBe(2);
    expect(settings.data.has(STATE_SETTING)).toBe(false);
    fx.resetCounters();
    expect(await h.loadState()).toEqual({ cooperativeId: "coop-old", baseVersion: 2, savedAt: "2025-09-01T12:00:00.000Z" });
    expect(fx.syncs).toBe(1);
  });

  it("an unbound workbook reads as no binding; an old setting without a version is not moved", async () => {
    const { fx, host: h, settings } = host();
    expect(await h.loadState()).toEqual({});
    settings.set(STATE_SETTING, { cooperativeId: "coop-x" });
    expect(await h.loadState()).toEqual({});
    expect(fx.customProperties.size).toBe(0);
  });

  it("saving an empty state removes our properties and keeps the others", async () => {
    const { fx, host: h } = host();
    fx.customProperties.set("Proyecto", "Cooperativas");
    await h.saveState({ cooperativeId: "c", baseVersion: 1 });
    await h.saveState({});
    expect(Object.fromEntries(fx.customProperties)).toEqual({ Proyecto: "Cooperativas" });
  });

  it("without ExcelApi 1.7 it keeps the binding in the Office settings", async () => {
    const { fx, host: h, settings } = host(false);
    await h.saveState({ cooperativeId: "c", baseVersion: 3 });
    expect(settings.get(STATE_SETTING)).toEqual({ cooperativeId: "c", baseVersion: 3 });
    expect(fx.customProperties.size).toBe(0);
    expect(await h.loadState()).toEqual({ cooperativeId: "c", baseVersion: 3 });
  });
});
