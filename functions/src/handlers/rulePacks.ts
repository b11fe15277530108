import { PackYear, PublishRulePackRequest, RulePackImpactQuery, RulePackQuery } from "@coop-plans/shared/api";
import { RegionCode } from "@coop-plans/shared/domain";
import { defaultDeps, type HandlerDeps } from "../deps";
import { pathParam, queryParams, readJsonBody } from "../http/request";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";
import { regionRulePackImpact } from "../rulePacks/rulePackImpact";
import { getRulePack, listRulePacksInForce, publishRulePack } from "../rulePacks/rulePacks";

/**
 * Builds the `rulePacks` group: the packs in force (GET, anyone signed in), one year's pack (GET,
 * `?version=` for an older one), a publication (PUT, Sercotec's central level: the body is read
 * only once the caller may publish) and the impact of a pack on a region's plans (GET, AOS of the
 * region or Sercotec). The use cases are in functions/src/rulePacks.
 */
export function createRulePacksHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("rulePacks", {
    listRulePacks: async ({ principal }) => ({
      status: 200,
      body: { items: await listRulePacksInForce(principal!, getDeps()) },
    }),

    getRulePack: async ({ event, params, principal }) => ({
      status: 200,
      body: await getRulePack({ year: pathParam(params, "year", PackYear), readVersion: () => queryParams(event, RulePackQuery).version }, principal!, getDeps()),
    }),

    publishRulePack: async ({ event, req, params, principal }) => ({
      status: 200,
      body: await publishRulePack({
        year: pathParam(params, "year", PackYear),
        readRequest: () => readJsonBody(event, req, PublishRulePackRequest).value,
      }, principal!, getDeps()),
    }),

    rulePackImpact: async ({ event, params, principal }) => ({
      status: 200,
      body: await regionRulePackImpact({
        regionCode: pathParam(params, "code", RegionCode),
        readQuery: () => queryParams(event, RulePackImpactQuery),
      }, principal!, getDeps()),
    }),
  });
}

/** Lambda entry point of the `rulePacks` group. */
export const handler = createRulePacksHandler();
