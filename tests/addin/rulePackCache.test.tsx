/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PACK_2025, RulePack } from "@coop-plans/shared/rules";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { inForceStorageKey, packStorageKey, refreshPacks, storedPacks, storePacks, type PackStorage } from "../../addin/src/ui/rulePackCache";
import { apiError, fakeClient, fakeHost, fakeServices, session } from "./support/fakes";

// The pane keeps the packs in force in the browser's storage (keyed by API, year and version),
// uses them for Validar, and falls back to them (else the built-in pack) when offline.

const API = "http://127.0.0.1:4000";
const v2 = RulePack.parse({
  ...JSON.parse(JSON.stringify(PACK_2025)), version: 2, publishedAt: "2026-12-01T12:00:00.000Z",
  figures: { ...PACK_2025.figures, subsidyCap: { ...PACK_2025.figures.subsidyCap, creacion: { ...PACK_2025.figures.subsidyCap.creacion, value: 9_000_000 } } },
});
const v2026 = RulePack.parse({ ...JSON.parse(JSON.stringify(PACK_2025)), year: 2026, version: 1, publishedAt: "2026-12-02T12:00:00.000Z", name: "Convocatoria 2026" });

function mapStorage(): PackStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const ids = (packs: RulePack[]) => packs.map((p) => `${p.year} v${p.version}`);

describe("rulePackCache", () => {
  test("nothing stored, no storage or no API: the built-in packs", () => {
    expect(ids(storedPacks(mapStorage(), API))).toEqual(["2025 v1"]);
    expect(ids(storedPacks(null, API))).toEqual(["2025 v1"]);
    expect(ids(storedPacks(mapStorage(), null))).toEqual(["2025 v1"]);
  });

  test("packs fetched are stored under API, year and version, and read back (checked by the schema) over the built-in ones", async () => {
    const storage = mapStorage();
    const client = fakeClient();
    (client as unknown as { listRulePacks: jest.Mock }).listRulePacks = jest.fn(async () => ({ items: [v2, v2026] }));
    const fetched = await refreshPacks(client, storage, API);
    expect(fetched.fresh).toBe(true);
    expect(ids(fetched.packs)).toEqual(["2025 v2", "2026 v1"]);
    expect([...storage.map.keys()].sort()).toEqual([inForceStorageKey(API), packStorageKey(API, 2025, 2), packStorageKey(API, 2026, 1)].sort());
    expect(packStorageKey(API, 2025, 2)).toBe("coop-plans.rulePack:http://127.0.0.1:4000:2025:2");
    expect(storedPacks(storage, API)).toEqual([v2, v2026]);
    // Another API's packs are not this one's.
    expect(ids(storedPacks(storage, "https://api.example.cl"))).toEqual(["2025 v1"]);
  });

  test("offline: the stored packs; a damaged or tampered entry is skipped, never trusted", async () => {
    const storage = mapStorage();
    storePacks(storage, API, [v2, v2026]);
    const client = fakeClient();
    (client as unknown as { listRulePacks: jest.Mock }).listRulePacks = jest.fn(async () => { throw apiError("NETWORK_ERROR", "sin red"); });
    const offline = await refreshPacks(client, storage, API);
    expect(offline.fresh).toBe(false);
    expect(ids(offline.packs)).toEqual(["2025 v2", "2026 v1"]);
    storage.setItem(packStorageKey(API, 2026, 1), "{ no es json");
    storage.setItem(packStorageKey(API, 2025, 2), JSON.stringify({ ...v2, figures: { ...v2.figures, minimumOwnShare: { value: 7 } } }));
    expect(ids(storedPacks(storage, API))).toEqual(["2025 v1"]);
  });

  test("a full storage is ignored: the packs still come back for this session", async () => {
    const full: PackStorage = { getItem: () => null, setItem: () => { throw new DOMException("quota", "QuotaExceededError"); } };
    const client = fakeClient();
    (client as unknown as { listRulePacks: jest.Mock }).listRulePacks = jest.fn(async () => ({ items: [v2] }));
    expect(ids((await refreshPacks(client, full, API)).packs)).toEqual(["2025 v2"]);
  });
});

describe("the pane's Validar uses the packs in force", () => {
  beforeEach(() => localStorage.clear());

  function renderPane(client: ReturnType<typeof fakeClient>, validate: jest.Mock<{ plan: never; findings: never[] }, [unknown, (readonly RulePack[])?]>) {
    const services = { ...fakeServices(client), validate };
    return render(
      <FluentProvider theme={webLightTheme}>
        <TaskPane host={fakeHost()} services={services} session={session} />
      </FluentProvider>,
    );
  }

  test("signed in: fetched and kept in localStorage; later, with the API unreachable, Validar still uses them", async () => {
    const validate = jest.fn((_grids: unknown, _packs?: readonly RulePack[]) => ({ plan: { schemaVersion: 1 } as never, findings: [] }));
    const online = fakeClient();
    (online as unknown as { listRulePacks: jest.Mock }).listRulePacks = jest.fn(async () => ({ items: [v2] }));
    const first = renderPane(online, validate);
    await waitFor(() => expect(localStorage.getItem(packStorageKey(session.apiUrl, 2025, 2))).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    await waitFor(() => expect(validate).toHaveBeenCalled());
    expect(ids([...validate.mock.calls.at(-1)![1]!])).toEqual(["2025 v2"]);
    first.unmount();

    const offline = fakeClient();
    offline.me.mockRejectedValue(apiError("NETWORK_ERROR", "sin red"));
    (offline as unknown as { listRulePacks: jest.Mock }).listRulePacks = jest.fn(async () => { throw apiError("NETWORK_ERROR", "sin red"); });
    validate.mockClear();
    renderPane(offline, validate);
    expect((await screen.findAllByText(/Sin conexión con/)).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    await waitFor(() => expect(validate).toHaveBeenCalled());
    const packs = [...validate.mock.calls.at(-1)![1]!];
    expect(ids(packs)).toEqual(["2025 v2"]);
    expect(packs[0].figures.subsidyCap.creacion.value).toBe(9_000_000);
  });
});
