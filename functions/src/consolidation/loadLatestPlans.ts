import type { CooperativeSummary } from "@coop-plans/shared/api";
import type { Store } from "../store/store";
import { decodeRevisionBody } from "../store/revisionBody";
import type { ConsolidationEntry } from "./consolidationInput";

/** Revisions read in parallel at most. */
const CONCURRENCY = 8;

/**
 * The consolidation input of some regions: every cooperative of each region (GSI1 Query, all
 * pages) with its latest revision inflated. Cooperatives without a saved plan are skipped.
 * Entries come sorted by region, then name.
 */
export async function loadLatestPlans(store: Store, regionCodes: readonly string[]): Promise<ConsolidationEntry[]> {
  const summaries: CooperativeSummary[] = [];
  for (const code of regionCodes) summaries.push(...(await store.listAllCooperativesByRegion(code)));
  const withPlan = summaries.filter((s) => s.version > 0);
  const entries: ConsolidationEntry[] = new Array(withPlan.length);
  let next = 0;
  const worker = async () => {
    while (next < withPlan.length) {
      const index = next++;
      const s = withPlan[index];
      const revision = await store.getRevision(s.id, s.version);
      if (!revision) throw new Error("Latest pointer points to a missing revision");
      const { plan, findings } = decodeRevisionBody(revision.body, revision.bodyEncoding);
      entries[index] = {
        cooperative: { id: s.id, name: s.name, regionCode: s.regionCode, modality: s.modality, status: revision.status, version: revision.v },
        plan,
        findings,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, withPlan.length) }, worker));
  return entries;
}
