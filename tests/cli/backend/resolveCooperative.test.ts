import type { ApiClient, CooperativeSummary, MeResponse } from "@coop-plans/shared/api";
import type { Finding, Plan } from "@coop-plans/shared/domain";
import { resolveCooperative } from "../../../cli/src/commands/sync";
import { statusTable } from "../../../cli/src/commands/status";

// How `coop-plans sync` finds a workbook's cooperative: names compared keeping parentheticals,
// candidates listed with their ids, a wrong cell named.

const coop = (id: string, name: string): CooperativeSummary => ({
  id, name, regionCode: "14", rut: null, modality: "creacion", callYear: 2025, gestorEmail: "g@coop.cl",
  createdAt: "2025-05-01T12:00:00.000Z", status: "borrador", version: 0, updatedAt: null, totals: null, counts: null,
});
const VALDIVIA = coop("11111111-1111-4111-8111-111111111111", "Tejedoras Hebras de Niebla (Valdivia)");
const OSORNO = coop("22222222-2222-4222-8222-222222222222", "Tejedoras Hebras de Niebla (Osorno)");
const me = (cooperatives: CooperativeSummary[]): MeResponse => ({ sub: "s", email: "g@coop.cl", role: "gestor", regions: ["14"], cooperatives });
const client = {} as ApiClient; // a gestor/a's candidates come from /v1/me: no call is made
const plan = (name: string | null, regionCode: "14" | null = "14") => ({ cooperative: { name, regionCode } }) as unknown as Plan;

describe("resolveCooperative", () => {
  it("tells apart names that differ in a parenthetical, ignoring accents, case and spaces", async () => {
    const r = await resolveCooperative(client, me([VALDIVIA, OSORNO]), plan("  tejedoras hebras de niebla  (VALDÍVIA)"), undefined);
    expect(r).toEqual({ ok: true, cooperative: VALDIVIA });
  });

  it("without an exact match, lists the near ones with their ids for --cooperative", async () => {
    const r = await resolveCooperative(client, me([VALDIVIA, OSORNO]), plan("Tejedoras Hebras de Niebla"), undefined);
    expect(r).toEqual({
      ok: false,
      message: "La cooperativa «Tejedoras Hebras de Niebla» de la región 14 no está entre las suyas con ese nombre exacto. ¿Es una de estas? "
        + `«Tejedoras Hebras de Niebla (Valdivia)» (región 14, --cooperative ${VALDIVIA.id}); «Tejedoras Hebras de Niebla (Osorno)» (región 14, --cooperative ${OSORNO.id}). Indique cuál con --cooperative <id>.`,
    });
  });

  it("two cooperatives with the same name (registered before names were unique): both ids in the message", async () => {
    const twin = coop("33333333-3333-4333-8333-333333333333", "Tejedoras Hebras de Niebla (Valdivia)");
    const r = await resolveCooperative(client, me([VALDIVIA, twin]), plan("Tejedoras Hebras de Niebla (Valdivia)"), undefined);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(`Hay 2 cooperativas «Tejedoras Hebras de Niebla (Valdivia)» en la región 14: «Tejedoras Hebras de Niebla (Valdivia)» (región 14, --cooperative ${VALDIVIA.id}); «Tejedoras Hebras de Niebla (Valdivia)» (región 14, --cooperative ${twin.id}). Indique cuál con --cooperative <id>.`);
  });

  it("a misspelled región: says which cell is wrong (the parse finding)", async () => {
    const findings: Finding[] = [{
      ruleId: "PARSE-016", severity: "error", location: { sheet: "Cooperativa", cell: "B2", field: "cooperative.regionCode" },
      message: 'Región: la región "Los Rioss" no se reconoce. Escriba el nombre de la región (por ejemplo Biobío) o su código (por ejemplo 08).',
    }];
    const r = await resolveCooperative(client, me([VALDIVIA]), plan("Tejedoras Hebras de Niebla (Valdivia)", null), undefined, findings);
    expect(r).toEqual({
      ok: false,
      message: 'No se pudo leer la región de la cooperativa en la hoja Cooperativa. Cooperativa!B2: Región: la región "Los Rioss" no se reconoce. Escriba el nombre de la región (por ejemplo Biobío) o su código (por ejemplo 08). Corríjalo en la planilla o indique --cooperative <id> (el identificador que entregó el AOS; véalo con «coop-plans status»).',
    });
    expect(JSON.stringify(r)).not.toContain("no tiene nombre o región");
  });
});

describe("statusTable", () => {
  it("has an Id column", () => {
    const table = statusTable([VALDIVIA]);
    expect(table.split("\n")[0]).toMatch(/^\s+Cooperativa\s+Id\s+Región\s+Estado\s+Versión/);
    expect(table).toContain(`Tejedoras Hebras de Niebla (Valdivia)  ${VALDIVIA.id}  14`);
  });
});
