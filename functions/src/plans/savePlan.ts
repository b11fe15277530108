import { LEGACY_PACK, type PutPlanResponse, type RevisionAction } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { countFindings } from "@coop-plans/shared/findings";
import { planTotals, planTotalsSummary } from "@coop-plans/shared/rules";
import { actorOf, type Principal } from "../auth/principal";
import type { UseCaseDeps } from "./useCaseDeps";
import { DomainError } from "../domainError";
import { sha256, stableStringify } from "./bodyHash";
import { authorizeCooperative } from "./cooperativeAccess";
import { idempotent, parseIdempotencyKey, type Idempotent } from "./idempotency";
import { IdempotencyKeyTakenError, ItemTooLargeError, VersionConflictError, type StoredRevision } from "./planStore";
import { identityMismatchDetail, identityMismatches, registrationFindings, validateForRegistration } from "./registrationRules";
import { EDITABLE_STATUSES, statusAfterSave } from "./workflow";
import { packForSave } from "../rulePacks/rulePacks";

/** What a save writes: the plan and the version it was edited from (0 for the first save). */
export interface SavePlanRequest {
  plan: Plan;
  baseVersion: number;
  /** The gestor/a confirmed the plan is this cooperative's although its name, RUT, región, modalidad or convocatoria differ. */
  confirmIdentity?: boolean;
}

/** A plan save. */
export interface SavePlanCommand {
  cooperativeId: string;
  /** The `Idempotency-Key` as sent (undefined when absent); required, checked after the permission. */
  idempotencyKey: string | undefined;
  /**
   * Reads the request (plan and baseVersion). Called only once the caller may write this
   * cooperative: a stranger's body is never read. Its errors (too large, not JSON, invalid) propagate.
   */
  readRequest: () => SavePlanRequest;
}

const PLAN_TOO_LARGE_DETAIL =
  "El plan es demasiado grande para guardarlo (más de 400 KB comprimido). Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar; si el plan realmente tiene tantas líneas, contacte al AOS.";

/** Revisions that change the status, never the plan (a save is the only action that changes it). */
const TRANSITION_ACTIONS: ReadonlySet<RevisionAction> = new Set<RevisionAction>(["submit", "return", "approve", "reopen"]);

/** The plan serialised once: its canonical JSON (sorted keys) and its hash. */
function canonical(plan: Plan): { json: string; hash: string } {
  const json = stableStringify(plan);
  return { json, hash: sha256(json) };
}

/** A stored revision as the answer of a save (without the plan). */
function saveAnswer(revision: StoredRevision): PutPlanResponse {
  const { content, ...summary } = revision;
  return { ...summary, findings: content.read().findings };
}

/**
 * Saves a new immutable revision of a cooperative's plan in TWO round trips to the store: one read
 * of the cooperative, its latest pointer and the record of the idempotency key; one conditional
 * transaction writing the revision, the pointer and the record. Order of checks: cooperative and
 * permission (DomainError COOPERATIVE_NOT_FOUND 404 / FORBIDDEN 403), the key
 * (IDEMPOTENCY_KEY_REQUIRED / VALIDATION_FAILED 400), the request (the reader's errors), an earlier
 * save with the key (same content → that answer again, `replayed`; other content →
 * IDEMPOTENCY_KEY_REUSED 422), an unchanged plan (same canonical hash as the latest and
 * `baseVersion` = the latest: the latest revision with `unchanged: true`, nothing written — also
 * while the plan is enviado or aprobado; but an editable plan last checked under another pack than
 * the one in force now is re-checked and saved as a new revision), the status (PLAN_LOCKED 409), `baseVersion`
 * (VERSION_CONFLICT 409 with `currentVersion`; a `baseVersion` 0 while a plan exists is the
 * unbound copy's conflict; an older `baseVersion` is NOT a conflict when every later revision is a
 * transition, which leaves the plan as it was: the save goes on top of the latest; and when the
 * later revisions are one save plus transitions and the latest plan equals the request's plan
 * (canonical hash), the request is that save retried after its answer was lost: the latest
 * revision is answered as a replay, nothing written — both cost one Query of the revisions, only
 * on this path), the identity (a plan whose name, RUT, región, modalidad or
 * convocatoria differ from the registered ones, each only when the workbook gives it:
 * IDENTITY_MISMATCH 422 naming each, with `mismatches` and their PLAN-003/004 findings, unless
 * `confirmIdentity`; a confirmed save keeps those findings),
 * then the program rules once (under the
 * REGISTERED región, modalidad and convocatoria, plus PLAN-003/004: see registrationRules) and
 * the write (PLAN_TOO_LARGE 413 past the item limit). The plan is serialised and hashed once: the
 * canonical JSON gives both hashes and the stored body.
 */
export async function savePlan(command: SavePlanCommand, principal: Principal, deps: UseCaseDeps): Promise<Idempotent<PutPlanResponse>> {
  const { store } = deps;
  const key = parseIdempotencyKey(command.idempotencyKey);
  if (key === null || !key.ok) {
    // Permission problems come first (a stranger learns nothing about the key rules).
    authorizeCooperative(await store.getCooperative(command.cooperativeId), principal, "plan:write");
    if (key === null) {
      throw new DomainError("IDEMPOTENCY_KEY_REQUIRED", "Falta la cabecera Idempotency-Key: envíe un identificador único (por ejemplo un UUID) por cada sincronización.", { field: "Idempotency-Key" });
    }
    throw new DomainError("VALIDATION_FAILED", key.message, { field: "Idempotency-Key" });
  }
  const context = await store.readSaveContext(command.cooperativeId, key.key);
  const cooperative = authorizeCooperative(context.cooperative, principal, "plan:write");

  const { plan, baseVersion, confirmIdentity } = command.readRequest();
  const planJson = canonical(plan);
  const saves = idempotent({
    key: key.key,
    // = bodyHash({ plan, baseVersion }): the canonical JSON of the request, keys sorted.
    bodyHash: sha256(`{"baseVersion":${JSON.stringify(baseVersion)},"plan":${planJson.json}}`),
    reusedDetail: "Esta Idempotency-Key ya se usó con otro contenido: genere una clave nueva para cada sincronización distinta.",
    reread: () => store.getPlanSaveRecord(cooperative.id, key.key),
    replay: async (record) => {
      const revision = await store.getRevision(cooperative.id, record.version);
      if (!revision) throw new Error("Idempotency record points to a missing revision");
      return saveAnswer(revision);
    },
  });
  const earlier = saves.replayIfRecorded(context.earlier);
  if (earlier) return earlier;

  const pointer = context.pointer;
  const currentVersion = pointer?.version ?? 0;
  const currentStatus = pointer?.status ?? "borrador";
  // The pack in force for the registered convocatoria (the index came in the same read).
  const pack = await packForSave(store, context.rulePackVersions, cooperative.callYear);
  const checkedUnder = pointer?.rulePack ?? LEGACY_PACK;
  const samePack = checkedUnder.year === pack.year && checkedUnder.version === pack.version;
  // A workbook bound to an older version: only this path costs one more read (the revisions'
  // headers). Transitions (submit, return, approve, reopen) do not change the plan, so when every
  // revision after `baseVersion` is one, the workbook is based on the head's content: save on top
  // of the head (still conditional on it). When they are one save plus transitions and the head's
  // plan is the request's plan, the first answer of this very save was lost: answer it again.
  let base = baseVersion;
  if (pointer && baseVersion > 0 && baseVersion < currentVersion) {
    const after = (await store.listRevisions(cooperative.id)).filter((r) => r.version > baseVersion);
    const contentSaves = after.filter((r) => !TRANSITION_ACTIONS.has(r.action)).length;
    if (contentSaves === 0) base = currentVersion;
    else if (contentSaves === 1 && pointer.planHash === planJson.hash) {
      const revision = await store.getRevision(cooperative.id, currentVersion);
      if (!revision) throw new Error("Latest pointer points to a missing revision");
      return { result: saveAnswer(revision), replayed: true };
    }
  }
  // An unchanged plan is not saved again, unless a new pack is in force and the plan may still be
  // edited: then it is re-checked and saved (the revision records the new pack).
  if (pointer && currentVersion > 0 && base === currentVersion && pointer.planHash === planJson.hash
    && (samePack || !EDITABLE_STATUSES.has(currentStatus))) {
    const revision = await store.getRevision(cooperative.id, currentVersion);
    if (!revision) throw new Error("Latest pointer points to a missing revision");
    return { result: { ...saveAnswer(revision), unchanged: true }, replayed: false };
  }
  if (!EDITABLE_STATUSES.has(currentStatus)) {
    throw new DomainError(
      "PLAN_LOCKED",
      currentStatus === "aprobado"
        ? "El plan está aprobado y bloqueado: solo el AOS puede reabrirlo para editarlo."
        : "El plan fue enviado y está en revisión del AOS: no se puede modificar hasta que lo devuelva con observaciones.",
      { currentVersion },
    );
  }
  if (baseVersion === 0 && currentVersion > 0) {
    throw new DomainError(
      "VERSION_CONFLICT",
      `La cooperativa ya tiene un plan (versión ${currentVersion}) y este libro no está vinculado a ninguna versión: nunca se sincronizó, o es una copia. No se guardó nada; el servidor conserva su versión. Descargue la versión actual, o reemplácela a propósito.`,
      { currentVersion },
    );
  }
  if (base !== currentVersion) {
    throw new DomainError(
      "VERSION_CONFLICT",
      `El plan cambió en el servidor: usted editó la versión ${baseVersion} y la actual es la ${currentVersion}. Descargue la versión actual, incorpore sus cambios y vuelva a sincronizar.`,
      { currentVersion },
    );
  }

  const mismatches = identityMismatches(plan, cooperative);
  if (mismatches.length > 0 && !confirmIdentity) {
    const fields = new Set(mismatches.map((m) => `cooperative.${m.field}`));
    throw new DomainError("IDENTITY_MISMATCH", identityMismatchDetail(mismatches, cooperative), {
      mismatches,
      findings: registrationFindings(plan, cooperative).filter((f) => f.location.field !== undefined && fields.has(f.location.field)),
    });
  }
  const findings = validateForRegistration(deps.validate, plan, cooperative, pack);
  const answer: PutPlanResponse = {
    cooperativeId: cooperative.id,
    version: currentVersion + 1,
    status: statusAfterSave(currentStatus),
    action: "save",
    by: actorOf(principal),
    at: deps.now().toISOString(),
    comment: null,
    totals: planTotalsSummary(planTotals(plan)),
    counts: countFindings(findings),
    rulePack: { year: pack.year, version: pack.version },
    findings,
  };
  try {
    return await saves.write(async (claim) => {
      await store.appendRevision({
        cooperativeId: answer.cooperativeId, version: answer.version, status: answer.status, action: answer.action,
        by: answer.by, at: answer.at, comment: answer.comment, totals: answer.totals, counts: answer.counts,
        regionCode: cooperative.regionCode, rulePack: answer.rulePack,
        content: { json: `{"plan":${planJson.json},"findings":${JSON.stringify(findings)}}` },
        planHash: planJson.hash,
      }, claim);
      return answer;
    }, (error) => error instanceof VersionConflictError);
  } catch (error) {
    if (error instanceof ItemTooLargeError) throw new DomainError("PLAN_TOO_LARGE", PLAN_TOO_LARGE_DETAIL);
    if (error instanceof VersionConflictError || error instanceof IdempotencyKeyTakenError) {
      const now = error instanceof VersionConflictError ? error.currentVersion : (await store.getPointer(cooperative.id))?.version ?? 0;
      throw new DomainError(
        "VERSION_CONFLICT",
        `Otra sincronización guardó el plan antes (versión actual: ${now}). Descargue la versión actual, incorpore sus cambios y vuelva a sincronizar.`,
        { currentVersion: now },
      );
    }
    throw error;
  }
}
