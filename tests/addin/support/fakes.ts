import { ApiError, makeProblem, type ApiClient, type MeResponse } from "@coop-plans/shared/api";
import type { Finding } from "@coop-plans/shared/domain";
import type { WorkbookHost } from "../../../addin/src/host/WorkbookHost";
import type { PaneServices } from "../../../addin/src/ui/services";

/** A WorkbookHost whose every method is a jest mock (reads an empty workbook). */
export function fakeHost(): jest.Mocked<WorkbookHost> {
  let state = {};
  return {
    kind: "preview",
    readGrids: jest.fn(async () => ({ grids: { sheets: [] }, skipped: [] })),
    markFindings: jest.fn(async () => ({ cells: 0, notes: 0 })),
    clearMarks: jest.fn(async () => undefined),
    placeObservationNotes: jest.fn(async (notes: readonly unknown[]) => ({ placed: notes.length })),
    selectCell: jest.fn(async () => undefined),
    insertTemplate: jest.fn(async () => undefined),
    writePlanCopy: jest.fn(async (_t, name: string) => name),
    writeConsolidated: jest.fn(async () => "Consolidado"),
    writeProgressReport: jest.fn(async () => "Informe de avance"),
    loadState: jest.fn(async () => ({ ...state })),
    saveState: jest.fn(async (s) => { state = s; }),
  } as unknown as jest.Mocked<WorkbookHost>;
}

export const gestorMe: MeResponse = {
  sub: "u1",
  email: "gestora@aos.example.org",
  role: "gestor",
  regions: ["14"],
  cooperatives: [
    { id: "c1", regionCode: "14", name: "Tejedoras Hebras de Niebla", rut: null, modality: "creacion", callYear: 2025, gestorEmail: "gestora@aos.example.org", createdAt: "2025-01-01T00:00:00.000Z", status: "borrador", version: 3, updatedAt: null, totals: null, counts: null },
  ],
};

/** An ApiClient whose methods are jest mocks; `me` answers `me`. */
export function fakeClient(me: MeResponse = gestorMe): jest.Mocked<ApiClient> {
  const notUsed = () => jest.fn(async () => { throw new Error("not used"); });
  return {
    health: notUsed(), me: jest.fn(async () => me), listCooperatives: notUsed(), registerCooperative: notUsed(), assignGestor: notUsed(),
    getPlan: notUsed(), putPlan: notUsed(), listRevisions: jest.fn(async (id: string) => ({ cooperativeId: id, items: [] })), getRevision: notUsed(), transition: notUsed(), report: notUsed(),
    regionConsolidation: notUsed(), nationalConsolidation: notUsed(),
  } as unknown as jest.Mocked<ApiClient>;
}

/** Services over the fakes; `findings` is what Validar finds. */
export function fakeServices(client: ApiClient, findings: Finding[] = []): PaneServices {
  return {
    validate: () => ({ plan: { schemaVersion: 1 } as never, findings }),
    createClient: () => client,
    renderTemplate: () => ({ sheets: [] }),
    renderPlan: () => ({ sheets: [{ name: "Socios", values: [["N°"]], frozenRows: 1, columnWidths: [], numberFormats: [], validations: [] }] }),
    newIdempotencyKey: () => "key-12345678",
    now: () => new Date("2025-11-30T12:00:00Z"),
  };
}

export const apiError = (code: Parameters<typeof makeProblem>[0], detail: string, extras = {}) => new ApiError(makeProblem(code, detail, extras));

export const session = { apiUrl: "http://127.0.0.1:4000", token: "a.b.c" };
