import type { CooperativeSummary } from "@coop-plans/shared/api";
import type { ConsolidationInput } from "@coop-plans/shared/consolidate";
import type { PlanStore } from "../plans/planStore";

/**
 * The consolidation input of some regions: every cooperative of each region (GSI1 Query, all
 * pages), each with its latest revision inflated (read in BatchGetItem calls of 100), or with `plan: null` and no findings when it has
 * no saved plan yet (version 0, `borrador`), so consolidate() counts it as «sin plan». Entries come
 * in the order of `regionCodes`, then by name (the region index's order).
 * @throws Error when a latest pointer names a revision that does not exist.
 */
export async function loadLatestPlans(store: PlanStore, regionCodes: readonly string[]): Promise<ConsolidationInput[]> {
  const summaries: CooperativeSummary[] = [];
  for (const code of regionCodes) summaries.push(...(await store.listAllCooperatives(code)));
  const entries: ConsolidationInput[] = summaries.map((s) => ({
    cooperative: { id: s.id, name: s.name, regionCode: s.regionCode, modality: s.modality, status: s.status, version: s.version, updatedAt: s.updatedAt },
    plan: null,
    findings: [],
  }));
  const withPlan = entries.filter((e) => e.cooperative.version > 0);
  const revisions = await store.getRevisions(withPlan.map((e) => ({ cooperativeId: e.cooperative.id, version: e.cooperative.version })));
  for (const entry of withPlan) {
    const revision = revisions.get(`${entry.cooperative.id}#${entry.cooperative.version}`);
    if (!revision) throw new Error("Latest pointer points to a missing revision");
    const { plan, findings } = revision.content.read();
    entry.cooperative.status = revision.status;
    entry.cooperative.rulePack = revision.rulePack;
    entry.plan = plan;
    entry.findings = findings;
  }
  return entries;
}
