import { randomUUID } from "node:crypto";
import { AssignGestorRequest, ListCooperativesQuery, RegisterCooperativeRequest, type Cooperative, type CooperativeList } from "@coop-plans/shared/api";
import { RegionCode } from "@coop-plans/shared/domain";
import { authorize } from "../auth/authorize";
import { actorOf } from "../auth/principal";
import { defaultDeps, type HandlerDeps } from "../deps";
import { createGroupHandler } from "../http/dispatch";
import { HttpProblem } from "../http/httpProblem";
import { pathParam, queryParams } from "../http/params";
import { readJsonBody } from "../http/requestBody";
import type { GroupHandler } from "../http/types";
import { loadAuthorizedCooperative } from "../plans/cooperativeAccess";
import { ConcurrentUpdateError, InvalidPageTokenError } from "../store/errors";

/**
 * Builds the `cooperatives` group: register a cooperative in a region (AOS, 201), assign its
 * gestor/a (AOS), list a region's cooperatives with their plan status, latest version, totals and
 * findings counts, a page at a time (`limit`, `nextToken`).
 */
export function createCooperativesHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("cooperatives", {
    registerCooperative: async ({ event, principal }) => {
      const { store, now } = getDeps();
      const regionCode = pathParam(event, "code", RegionCode);
      authorize(principal!, "cooperative:register", { regionCode });
      const request = readJsonBody(event, RegisterCooperativeRequest);
      const cooperative: Cooperative = {
        id: randomUUID(),
        regionCode,
        name: request.name,
        rut: request.rut,
        modality: request.modality,
        callYear: request.callYear,
        gestorEmail: request.gestorEmail ?? null,
        createdAt: now().toISOString(),
      };
      await store.registerCooperative(cooperative, actorOf(principal!));
      return { status: 201, body: cooperative, headers: { location: `/v1/cooperatives/${cooperative.id}/plan` } };
    },

    assignGestor: async ({ event, principal }) => {
      const { store, now } = getDeps();
      const current = await loadAuthorizedCooperative(store, event, principal!, "cooperative:assign");
      const request = readJsonBody(event, AssignGestorRequest);
      try {
        const updated = await store.assignGestor(current, request.gestorEmail, actorOf(principal!), now().toISOString());
        return { status: 200, body: updated };
      } catch (error) {
        if (error instanceof ConcurrentUpdateError) {
          throw new HttpProblem("VERSION_CONFLICT", "La asignación de la cooperativa cambió mientras se procesaba: recargue e intente nuevamente.");
        }
        throw error;
      }
    },

    listCooperatives: async ({ event, principal }) => {
      const { store } = getDeps();
      const regionCode = pathParam(event, "code", RegionCode);
      authorize(principal!, "cooperative:list", { regionCode });
      const query = queryParams(event, ListCooperativesQuery);
      try {
        const page = await store.listCooperativesByRegion(regionCode, { limit: query.limit, nextToken: query.nextToken });
        const body: CooperativeList = { regionCode, items: page.items, nextToken: page.nextToken };
        return { status: 200, body };
      } catch (error) {
        if (error instanceof InvalidPageTokenError) {
          throw new HttpProblem("VALIDATION_FAILED", "El parámetro «nextToken» no es válido para esta región: pida la lista desde el comienzo.", { field: "nextToken" });
        }
        throw error;
      }
    },
  });
}

/** Lambda entry point of the `cooperatives` group. */
export const handler = createCooperativesHandler();
