import { randomUUID } from "node:crypto";
import type * as z from "zod";
import type { Cooperative, CooperativeAssigned, GestorAccount, RegisterCooperativeRequest } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import { authorize } from "../auth/authorize";
import { actorOf, type Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { DomainError } from "../domainError";
import { bodyHash } from "../plans/bodyHash";
import { idempotent, parseIdempotencyKey, type Idempotent } from "../plans/idempotency";
import { DuplicateCooperativeError } from "../plans/planStore";
import { prepareGestorAccount } from "./gestorAccount";

/** A registration of a cooperative in a region. */
export interface RegisterCooperativeCommand {
  regionCode: RegionCode;
  /** The `Idempotency-Key` as sent (optional for a registration). */
  idempotencyKey: string | undefined;
  /** Reads the request body; called after the permission and the key are checked. */
  readRequest: () => z.output<typeof RegisterCooperativeRequest>;
}

/**
 * Registers a cooperative in a region (AOS of the region). A RUT or a name already registered in
 * the region → DomainError DUPLICATE_COOPERATIVE 409 with the existing `cooperativeId`. With an
 * `Idempotency-Key`, a retry with the same key and body answers the first cooperative again
 * (`replayed`) and another body → IDEMPOTENCY_KEY_REUSED 422 (see idempotency.ts: the record is
 * written in the registration's transaction). Also FORBIDDEN 403, VALIDATION_FAILED 400 (key).
 * With a gestor/a's e-mail, the user directory is asked first (see assignGestor): GESTOR_ACCOUNT_REFUSED
 * 422 registers nothing; the answer carries `gestorAccount` when the directory has something to say.
 */
export async function registerCooperative(command: RegisterCooperativeCommand, principal: Principal, deps: UseCaseDeps): Promise<Idempotent<CooperativeAssigned>> {
  const { store, now } = deps;
  const { regionCode } = command;
  authorize(principal, "cooperative:register", { regionCode });
  const key = parseIdempotencyKey(command.idempotencyKey);
  if (key && !key.ok) throw new DomainError("VALIDATION_FAILED", key.message, { field: "Idempotency-Key" });
  const request = command.readRequest();
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
  let account: GestorAccount | null = null;
  const write = async (claim?: Parameters<typeof store.registerCooperative>[2]): Promise<CooperativeAssigned> => {
    if (cooperative.gestorEmail) account = await prepareGestorAccount(deps, cooperative.gestorEmail, regionCode);
    await store.registerCooperative(cooperative, actorOf(principal), claim);
    return account ? { ...cooperative, gestorAccount: account } : cooperative;
  };
  try {
    if (!key) return { result: await write(), replayed: false };
    const registrations = idempotent({
      key: key.key,
      bodyHash: bodyHash(request),
      reusedDetail: "Esta Idempotency-Key ya se usó para registrar otra cooperativa: genere una clave nueva para cada registro distinto.",
      reread: () => store.getRegistrationRecord(regionCode, key.key),
      replay: async (record) => {
        const earlier = await store.getCooperative(record.cooperativeId);
        if (!earlier) throw new Error("Registration record points to a missing cooperative");
        return earlier;
      },
    });
    return await (registrations.replayIfRecorded(await store.getRegistrationRecord(regionCode, key.key)) ?? registrations.write(write));
  } catch (error) {
    if (error instanceof DuplicateCooperativeError) {
      const where = `en la región ${regionCode}${error.cooperativeId ? ` (identificador ${error.cooperativeId})` : ""}`;
      throw new DomainError(
        "DUPLICATE_COOPERATIVE",
        error.field === "rut"
          ? `Ya hay una cooperativa registrada con el RUT ${cooperative.rut} ${where}: use esa cooperativa en vez de registrar otra.`
          : `Ya hay una cooperativa llamada «${cooperative.name}» ${where}. Si es otro grupo, distíngalo en el nombre, por ejemplo «${cooperative.name} (Valdivia)».`,
        error.cooperativeId ? { cooperativeId: error.cooperativeId, field: error.field } : { field: error.field },
      );
    }
    throw error;
  }
}
