/**
 * Browser e2e of Sincronizar (issue 4, "Done means"): DynamoDB Local + the local API
 * (functions/local/server.ts, real dev tokens, CORS for the pane's origin) + the built task pane
 * in headless chromium. An AOS registers the cooperative and assigns it to a gestora; the gestora
 * signs in on the preview with her dev token, loads the clean sample workbook, clicks Validar and
 * Sincronizar; the pane shows version 1 and the revision is read back through the typed client.
 * Screenshot: test-results/addin-preview-sync.png.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { ApiClient } from "@coop-plans/shared/api";
import { browserSkipReason } from "./support/browser";
import { startLocalStack, type LocalStack } from "./support/localStack";
import { ROOT } from "./support/pane";

/** The workbook and what its plan must be once stored (integer CLP). */
const CASES = [
  {
    file: path.resolve(__dirname, "../../../shared/samples/clean_creacion_textil.xlsx"), region: "14", name: "Grupo Pre-cooperativo Tejedoras Hebras de Niebla",
    lines: 8, totals: { total: 7_367_000, sercotecAmount: 7_190_000, ownAmount: 177_000 },
  },
  {
    file: path.join(ROOT, "tests/fixtures/clean_creacion.xlsx"), region: "10", name: "Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue",
    lines: 6, totals: { total: 5_350_000, sercotecAmount: 5_190_000, ownAmount: 160_000 },
  },
];
const sample = CASES.find((c) => existsSync(c.file));
const skipReason = browserSkipReason() ?? (!sample ? "neither the clean sample nor tests/fixtures/clean_creacion.xlsx exists" : null);
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

const GESTORA = "gestora.e2e@ejemplo.cl";
const AOS = "aos.e2e@ejemplo.cl";

maybe("Sincronizar from the preview host to the local backend (headless chromium)", () => {
  jest.setTimeout(240_000);
  let stack: LocalStack;
  let gestora: ApiClient;
  let gestoraToken: string;
  let cooperativeId: string;

  beforeAll(async () => {
    stack = await startLocalStack("sync");
    const aos = stack.client(await stack.token(AOS, "aos", sample!.region));
    gestoraToken = await stack.token(GESTORA, "gestor", sample!.region);
    gestora = stack.client(gestoraToken);
    const registered = await aos.registerCooperative(sample!.region, { name: sample!.name, modality: "creacion", callYear: 2025, gestorEmail: null });
    cooperativeId = registered.id;
    const assigned = await aos.assignGestor(cooperativeId, { gestorEmail: GESTORA });
    expect(assigned.gestorEmail).toBe(GESTORA);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("answers the pane's CORS preflight for its origin only", async () => {
    const preflight = (origin: string) => fetch(`${stack.api.url}/v1/cooperatives/${cooperativeId}/plan`, {
      method: "OPTIONS", headers: { origin, "access-control-request-method": "PUT", "access-control-request-headers": "authorization,content-type,idempotency-key" },
    });
    const ok = await preflight(stack.pane.url);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(stack.pane.url);
    expect(ok.headers.get("access-control-allow-headers")).toContain("idempotency-key");
    expect((await preflight("http://127.0.0.1:1")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("signs in with the gestora's dev token, validates, syncs, shows version 1, and the revision is stored", async () => {
    const { page, errors } = await stack.signIn(gestoraToken);
    await page.getByRole("button", { name: "Sincronizar" }).and(page.locator(":enabled")).waitFor({ timeout: 30_000 });

    await page.getByTestId("file-input").setInputFiles(sample!.file);
    await page.getByText(`Libro cargado: ${path.basename(sample!.file)}`).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Validar", exact: true }).click();
    await page.locator(".pane-summary").waitFor({ timeout: 30_000 });
    expect(await page.locator("li[data-rule][data-severity='error']").count()).toBe(0);

    await page.getByRole("button", { name: "Sincronizar" }).click();
    const saved = page.getByText("Plan guardado");
    await saved.waitFor({ timeout: 30_000 });
    const message = await page.getByRole("status").filter({ hasText: "Plan guardado" }).innerText();
    expect(message).toMatch(/Versión 1, guardada el .+ \(estado: Borrador\)/);
    expect(message).toContain("Sin errores.");

    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-results/addin-preview-sync.png"), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();

    // The revision as the API stores it, read with the typed client.
    const revisions = await gestora.listRevisions(cooperativeId);
    expect(revisions.items.map((r) => [r.version, r.action, r.by.email])).toEqual([[1, "save", GESTORA]]);
    const revision = await gestora.getRevision(cooperativeId, 1);
    expect(revision.version).toBe(1);
    expect(revision.status).toBe("borrador");
    expect(revision.plan.investmentLines).toHaveLength(sample!.lines);
    expect(revision.totals).toMatchObject({ ...sample!.totals, investmentLines: sample!.lines });
    expect(revision.counts.error).toBe(0);
    expect(revision.plan.cooperative.name).toBe(sample!.name);
  });
});
