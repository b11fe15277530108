import { AssignGestorRequest, ListCooperativesQuery, RegisterCooperativeRequest } from "@coop-plans/shared/api";
import { RegionCode } from "@coop-plans/shared/domain";
import { CooperativeId } from "@coop-plans/shared/api";
import { assignGestor } from "../cooperatives/assignGestor";
import { listCooperatives } from "../cooperatives/listCooperatives";
import { registerCooperative } from "../cooperatives/registerCooperative";
import { defaultDeps, type HandlerDeps } from "../deps";
import { pathParam, queryParams, readJsonBody } from "../http/request";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";

/**
 * Builds the `cooperatives` group: register a cooperative in a region (201 with `location`; a
 * replay with the same Idempotency-Key and body answers 201 `idempotent-replayed: true`), assign
 * its gestor/a, list a region's cooperatives a page at a time (`limit`, `nextToken`). The use
 * cases are in functions/src/cooperatives.
 */
export function createCooperativesHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("cooperatives", {
    registerCooperative: async ({ event, req, params, principal }) => {
      const registered = await registerCooperative({
        regionCode: pathParam(params, "code", RegionCode),
        idempotencyKey: req.headers.get("idempotency-key") ?? undefined,
        readRequest: () => readJsonBody(event, req, RegisterCooperativeRequest).value,
      }, principal!, getDeps());
      const cooperative = registered.result;
      return {
        status: 201,
        body: cooperative,
        headers: { location: `/v1/cooperatives/${cooperative.id}/plan`, ...(registered.replayed ? { "idempotent-replayed": "true" } : {}) },
      };
    },

    assignGestor: async ({ event, req, params, principal }) => ({
      status: 200,
      body: await assignGestor({ cooperativeId: pathParam(params, "id", CooperativeId), readRequest: () => readJsonBody(event, req, AssignGestorRequest).value }, principal!, getDeps()),
    }),

    listCooperatives: async ({ event, params, principal }) => {
      const regionCode = pathParam(params, "code", RegionCode);
      return { status: 200, body: await listCooperatives(regionCode, () => queryParams(event, ListCooperativesQuery), principal!, getDeps()) };
    },
  });
}

/** Lambda entry point of the `cooperatives` group. */
export const handler = createCooperativesHandler();
