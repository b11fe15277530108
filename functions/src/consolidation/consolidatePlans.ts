import { REGIONS, type RegionCode } from "@coop-plans/shared/domain";
import { consolidate, type Consolidation } from "@coop-plans/shared/consolidate";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { loadLatestPlans } from "./loadLatestPlans";

/** A region's consolidation (AOS or Sercotec of the region): shared/consolidate over the latest revision of each cooperative. DomainError FORBIDDEN 403. */
export async function consolidateRegion(regionCode: RegionCode, principal: Principal, { store, now }: UseCaseDeps): Promise<Consolidation> {
  authorize(principal, "consolidation:region", { regionCode });
  const entries = await loadLatestPlans(store, [regionCode]);
  return consolidate(entries, { target: { regionCode }, generatedAt: now().toISOString() });
}

/** The national consolidation (Sercotec with `*`). DomainError FORBIDDEN 403. */
export async function consolidateNation(principal: Principal, { store, now }: UseCaseDeps): Promise<Consolidation> {
  authorize(principal, "consolidation:national");
  const entries = await loadLatestPlans(store, Object.keys(REGIONS));
  return consolidate(entries, { target: { national: true }, generatedAt: now().toISOString() });
}
