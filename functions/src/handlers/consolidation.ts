import { REGIONS, RegionCode } from "@coop-plans/shared/domain";
import { authorize } from "../auth/authorize";
import { consolidate } from "@coop-plans/shared/consolidate";
import { loadLatestPlans } from "../consolidation/loadLatestPlans";
import { defaultDeps, type HandlerDeps } from "../deps";
import { createGroupHandler } from "../http/dispatch";
import { pathParam } from "../http/params";
import type { GroupHandler } from "../http/types";

/**
 * Builds the `consolidation` group: a region's consolidation (AOS or Sercotec of the region) and
 * the national one (Sercotec with `*`): `consolidate()` of shared/consolidate over the latest
 * revision of every cooperative (the `Consolidation` schema is the response body).
 */
export function createConsolidationHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("consolidation", {
    regionConsolidation: async ({ event, principal }) => {
      const regionCode = pathParam(event, "code", RegionCode);
      authorize(principal!, "consolidation:region", { regionCode });
      const deps = getDeps();
      const entries = await loadLatestPlans(deps.store, [regionCode]);
      return { status: 200, body: consolidate(entries, { target: { regionCode }, generatedAt: deps.now().toISOString() }) };
    },

    nationalConsolidation: async ({ principal }) => {
      authorize(principal!, "consolidation:national");
      const deps = getDeps();
      const entries = await loadLatestPlans(deps.store, Object.keys(REGIONS));
      return { status: 200, body: consolidate(entries, { target: { national: true }, generatedAt: deps.now().toISOString() }) };
    },
  });
}

/** Lambda entry point of the `consolidation` group. */
export const handler = createConsolidationHandler();
