import { RegionCode } from "@coop-plans/shared/domain";
import { consolidateNation, consolidateRegion } from "../consolidation/consolidatePlans";
import { defaultDeps, type HandlerDeps } from "../deps";
import { pathParam } from "../http/request";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";

/** Builds the `consolidation` group: a region's consolidation and the national one (the `Consolidation` schema is the response body). */
export function createConsolidationHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("consolidation", {
    regionConsolidation: async ({ params, principal }) => ({
      status: 200,
      body: await consolidateRegion(pathParam(params, "code", RegionCode), principal!, getDeps()),
    }),
    nationalConsolidation: async ({ principal }) => ({ status: 200, body: await consolidateNation(principal!, getDeps()) }),
  });
}

/** Lambda entry point of the `consolidation` group. */
export const handler = createConsolidationHandler();
