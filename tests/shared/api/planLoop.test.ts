import { lastAosObservation, type RevisionSummary } from "@coop-plans/shared/api";

// The second trial: after «review approve» and «review reopen» without a comment, the gestora's
// pane and `coop-plans status` showed the return's observation of version 3 as if it were current.

const revision = (version: number, action: RevisionSummary["action"], comment: string | null): RevisionSummary => ({
  cooperativeId: "c1", version, status: "borrador", action, by: { sub: "u", email: "aos@ejemplo.cl", role: "aos" }, at: "2026-12-01T12:00:00.000Z",
  comment, totals: { total: 0, sercotecAmount: 0, ownAmount: 0, executedAmount: 0, investmentLines: 0, actions: 0, members: 0 } as never,
  counts: { error: 0, warning: 0, info: 0 }, rulePack: { year: 2025, version: 1 },
});

describe("lastAosObservation", () => {
  const returned = [revision(1, "save", null), revision(2, "submit", null), revision(3, "return", "Falta la segunda cotización de la línea 1.")];

  it("is the comment of the AOS's latest decision, even after the gestora saves and submits again", () => {
    expect(lastAosObservation(returned)?.version).toBe(3);
    expect(lastAosObservation([...returned, revision(4, "save", null), revision(5, "submit", null)])?.comment).toBe("Falta la segunda cotización de la línea 1.");
  });

  it("is none once the AOS approves or reopens without a comment: the older observation stays in the history only", () => {
    const later = [...returned, revision(4, "save", null), revision(5, "submit", null), revision(6, "approve", null), revision(7, "reopen", null)];
    expect(lastAosObservation(later)).toBeNull();
    expect(lastAosObservation([...later, revision(8, "return", "Corrija el RUT del proveedor.")])?.comment).toBe("Corrija el RUT del proveedor.");
    expect(lastAosObservation([revision(1, "save", null)])).toBeNull();
  });
});
