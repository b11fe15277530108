import { CooperativeId, IdempotencyKey, PutPlanRequest, type PutPlanResponse } from "@coop-plans/shared/api";
import { countFindings } from "@coop-plans/shared/findings";
import { planTotals, planTotalsSummary } from "@coop-plans/shared/rules";
import type { HandlerDeps } from "../deps";
import { actorOf, type Principal } from "../auth/principal";
import { HttpProblem } from "../http/httpProblem";
import { header, pathParam } from "../http/params";
import { readJsonBody } from "../http/requestBody";
import type { ApiEvent } from "../http/types";
import { IdempotencyKeyTakenError, ItemTooLargeError, VersionConflictError } from "../store/errors";
import type { IdempotencyItem } from "../store/items";
import { encodeRevisionBody } from "../store/revisionBody";
import { bodyHash } from "./bodyHash";
import { authorizeCooperative } from "./cooperativeAccess";
import { validateForRegistration } from "./registrationRules";
import { toRevision } from "./revisionViews";
import { EDITABLE_STATUSES, statusAfterSave } from "./workflow";

/** How long an idempotency record is kept: 24 h. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Result of a save: the response body and whether it replays an earlier save with the same key. */
export interface SaveOutcome {
  response: PutPlanResponse;
  replayed: boolean;
}

/** The `Idempotency-Key` header: null when missing or blank, else the parsed key or why it is refused (Spanish). */
function idempotencyKeyOf(event: ApiEvent): { ok: true; value: string } | { ok: false; message: string } | null {
  const raw = header(event, "idempotency-key");
  if (raw === undefined || raw.trim() === "") return null;
  const parsed = IdempotencyKey.safeParse(raw.trim());
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
}

const PLAN_TOO_LARGE_DETAIL =
  "El plan es demasiado grande para guardarlo (más de 400 KB comprimido). Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar; si el plan realmente tiene tantas líneas, contacte al AOS.";

/**
 * `PUT /v1/cooperatives/{id}/plan`: saves a new immutable revision of the plan in TWO round trips
 * to DynamoDB: one BatchGetItem reads the cooperative, its latest pointer and the idempotency
 * record of the key; one conditional TransactWriteItems writes the revision, moves the pointer and
 * records the key. Order of checks: malformed id (400), cooperative and permission (404/403),
 * `Idempotency-Key` (400 when missing), body (413 / 400 naming the field), an earlier save with
 * the same key (same body → that result again; other body → 422), status (409 `PLAN_LOCKED` in
 * enviado/aprobado), `baseVersion` (409 `VERSION_CONFLICT` with `currentVersion`), then
 * re-validation with shared/rules (once, under the REGISTERED región, modalidad and convocatoria,
 * plus PLAN-003/004: see registrationRules) and the compressed body (once).
 * An unchanged plan (same canonical hash as the latest revision's, `baseVersion` = the latest
 * version) writes nothing: the latest revision comes back with `unchanged: true` — checked right
 * after the idempotency replay, so it also answers while the plan is enviado or aprobado.
 */
export async function savePlan(deps: HandlerDeps, event: ApiEvent, principal: Principal): Promise<SaveOutcome> {
  const { store } = deps;
  const id = pathParam(event, "id", CooperativeId);
  const key = idempotencyKeyOf(event);
  if (key === null || !key.ok) {
    // Permission problems come first (a stranger learns nothing about the key rules).
    authorizeCooperative(await store.getCooperative(id), principal, "plan:write");
    if (key === null) {
      throw new HttpProblem("IDEMPOTENCY_KEY_REQUIRED", "Falta la cabecera Idempotency-Key: envíe un identificador único (por ejemplo un UUID) por cada sincronización.", { field: "Idempotency-Key" });
    }
    throw new HttpProblem("VALIDATION_FAILED", key.message, { field: "Idempotency-Key" });
  }
  const context = await store.getSaveContext(id, key.value);
  const cooperative = authorizeCooperative(context.cooperative, principal, "plan:write");

  const request = readJsonBody(event, PutPlanRequest);
  const hash = bodyHash(request);

  const replay = async (record: IdempotencyItem | null): Promise<SaveOutcome | null> => {
    if (!record) return null;
    if (record.bodyHash !== hash) {
      throw new HttpProblem("IDEMPOTENCY_KEY_REUSED", "Esta Idempotency-Key ya se usó con otro contenido: genere una clave nueva para cada sincronización distinta.", { field: "Idempotency-Key" });
    }
    const revision = await store.getRevision(cooperative.id, record.version);
    if (!revision) throw new Error("Idempotency record points to a missing revision");
    const { plan: _plan, ...rest } = toRevision(revision);
    void _plan;
    return { response: rest, replayed: true };
  };

  const earlier = await replay(context.idempotency);
  if (earlier) return earlier;

  const latest = context.latest;
  const currentVersion = latest?.version ?? 0;
  const currentStatus = latest?.status ?? "borrador";
  const planHash = bodyHash(request.plan);
  if (latest && currentVersion > 0 && request.baseVersion === currentVersion && latest.planHash === planHash) {
    const revision = await store.getRevision(cooperative.id, currentVersion);
    if (!revision) throw new Error("Latest pointer points to a missing revision");
    const { plan: _unchangedPlan, ...rest } = toRevision(revision);
    void _unchangedPlan;
    return { response: { ...rest, unchanged: true }, replayed: false };
  }
  if (!EDITABLE_STATUSES.has(currentStatus)) {
    throw new HttpProblem(
      "PLAN_LOCKED",
      currentStatus === "aprobado"
        ? "El plan está aprobado y bloqueado: solo el AOS puede reabrirlo para editarlo."
        : "El plan fue enviado y está en revisión del AOS: no se puede modificar hasta que lo devuelva con observaciones.",
      { currentVersion },
    );
  }
  if (request.baseVersion !== currentVersion) {
    throw new HttpProblem(
      "VERSION_CONFLICT",
      `El plan cambió en el servidor: usted editó la versión ${request.baseVersion} y la actual es la ${currentVersion}. Descargue la versión actual, incorpore sus cambios y vuelva a sincronizar.`,
      { currentVersion },
    );
  }

  const findings = validateForRegistration(deps.validate, request.plan, cooperative);
  const counts = countFindings(findings);
  const totals = planTotalsSummary(planTotals(request.plan));
  const at = deps.now().toISOString();
  const by = actorOf(principal);
  const version = currentVersion + 1;
  const status = statusAfterSave(currentStatus);
  const body = encodeRevisionBody({ plan: request.plan, findings });

  try {
    await store.appendRevision(
      { cooperativeId: cooperative.id, regionCode: cooperative.regionCode, version, status, action: "save", by, at, comment: null, totals, counts, body, planHash },
      { key: key.value, bodyHash: hash, ttlSeconds: IDEMPOTENCY_TTL_SECONDS },
    );
  } catch (error) {
    if (error instanceof ItemTooLargeError) throw new HttpProblem("PLAN_TOO_LARGE", PLAN_TOO_LARGE_DETAIL);
    if (error instanceof IdempotencyKeyTakenError || error instanceof VersionConflictError) {
      // A concurrent request with the same key may have won: it answers for this one too.
      const concurrent = await replay(await store.getIdempotencyRecord(cooperative.id, key.value));
      if (concurrent) return concurrent;
    }
    if (error instanceof VersionConflictError || error instanceof IdempotencyKeyTakenError) {
      const now = error instanceof VersionConflictError ? error.currentVersion : (await store.getLatest(cooperative.id))?.version ?? 0;
      throw new HttpProblem(
        "VERSION_CONFLICT",
        `Otra sincronización guardó el plan antes (versión actual: ${now}). Descargue la versión actual, incorpore sus cambios y vuelva a sincronizar.`,
        { currentVersion: now },
      );
    }
    throw error;
  }
  return {
    response: { cooperativeId: cooperative.id, version, status, action: "save", by, at, comment: null, totals, counts, findings },
    replayed: false,
  };
}
