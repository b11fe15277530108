import { randomUUID } from "node:crypto";
import { AssignGestorRequest, IdempotencyKey, ListCooperativesQuery, RegisterCooperativeRequest, type Cooperative, type CooperativeList } from "@coop-plans/shared/api";
import { RegionCode } from "@coop-plans/shared/domain";
import { authorize } from "../auth/authorize";
import { actorOf } from "../auth/principal";
import { defaultDeps, type HandlerDeps } from "../deps";
import { createGroupHandler } from "../http/dispatch";
import { HttpProblem } from "../http/httpProblem";
import { header, pathParam, queryParams } from "../http/params";
import { readJsonBody } from "../http/requestBody";
import type { GroupHandler } from "../http/types";
import { bodyHash } from "../plans/bodyHash";
import { loadAuthorizedCooperative } from "../plans/cooperativeAccess";
import { ConcurrentUpdateError, DuplicateCooperativeError, IdempotencyKeyTakenError, InvalidPageTokenError } from "../store/errors";
import { toCooperative } from "../store/cooperativesRepository";
import type { Store } from "../store/store";

/** How long a registration's idempotency record is kept: 24 h. */
export const REGISTRATION_IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/**
 * The cooperative an earlier registration with the same key made, when the body is the same
 * (null when the key was never used or its record expired). Throws HttpProblem 422 when the key
 * was used with another body.
 */
async function replayRegistration(store: Store, regionCode: string, key: string, hash: string): Promise<Cooperative | null> {
  const record = await store.getRegistrationRecord(regionCode, key);
  if (!record) return null;
  if (record.bodyHash !== hash) {
    throw new HttpProblem("IDEMPOTENCY_KEY_REUSED", "Esta Idempotency-Key ya se usó para registrar otra cooperativa: genere una clave nueva para cada registro distinto.", { field: "Idempotency-Key" });
  }
  const cooperative = await store.getCooperative(record.cooperativeId);
  if (!cooperative) throw new Error("Registration record points to a missing cooperative");
  return toCooperative(cooperative);
}

/**
 * Builds the `cooperatives` group: register a cooperative in a region (AOS, 201; a RUT or a name
 * already registered in the region → 409 `DUPLICATE_COOPERATIVE` with the existing
 * `cooperativeId`; with an `Idempotency-Key` header, a retry with the same key and body returns the
 * first cooperative again (201, `idempotent-replayed: true`) and another body → 422), assign its
 * gestor/a (AOS), list a region's cooperatives with their plan status, latest version, totals and
 * findings counts, a page at a time (`limit`, `nextToken`).
 */
export function createCooperativesHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("cooperatives", {
    registerCooperative: async ({ event, principal }) => {
      const { store, now } = getDeps();
      const regionCode = pathParam(event, "code", RegionCode);
      authorize(principal!, "cooperative:register", { regionCode });
      const rawKey = header(event, "idempotency-key")?.trim();
      let key: string | null = null;
      if (rawKey) {
        const parsed = IdempotencyKey.safeParse(rawKey);
        if (!parsed.success) throw new HttpProblem("VALIDATION_FAILED", parsed.error.issues[0].message, { field: "Idempotency-Key" });
        key = parsed.data;
      }
      const request = readJsonBody(event, RegisterCooperativeRequest);
      const hash = bodyHash(request);
      const replayed = (cooperative: Cooperative) => ({
        status: 201, body: cooperative, headers: { location: `/v1/cooperatives/${cooperative.id}/plan`, "idempotent-replayed": "true" },
      });
      if (key) {
        const earlier = await replayRegistration(store, regionCode, key, hash);
        if (earlier) return replayed(earlier);
      }
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
      try {
        await store.registerCooperative(cooperative, actorOf(principal!), key ? { key, bodyHash: hash, ttlSeconds: REGISTRATION_IDEMPOTENCY_TTL_SECONDS } : undefined);
      } catch (error) {
        if (error instanceof IdempotencyKeyTakenError && key) {
          // A concurrent request with the same key won: it answers for this one too.
          const concurrent = await replayRegistration(store, regionCode, key, hash);
          if (concurrent) return replayed(concurrent);
        }
        if (error instanceof DuplicateCooperativeError) {
          const extras = error.cooperativeId ? { cooperativeId: error.cooperativeId, field: error.field } : { field: error.field };
          throw new HttpProblem(
            "DUPLICATE_COOPERATIVE",
            error.field === "rut"
              ? `Ya hay una cooperativa registrada con el RUT ${cooperative.rut} en la región ${regionCode}${error.cooperativeId ? ` (identificador ${error.cooperativeId})` : ""}: use esa cooperativa en vez de registrar otra.`
              : `Ya hay una cooperativa llamada «${cooperative.name}» en la región ${regionCode}${error.cooperativeId ? ` (identificador ${error.cooperativeId})` : ""}. Si es otro grupo, distíngalo en el nombre, por ejemplo «${cooperative.name} (Valdivia)».`,
            extras,
          );
        }
        throw error;
      }
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
