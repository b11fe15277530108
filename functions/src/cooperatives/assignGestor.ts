import type { Cooperative } from "@coop-plans/shared/api";
import { actorOf, type Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { DomainError } from "../domainError";
import { loadAuthorizedCooperative } from "../plans/cooperativeAccess";
import { ConcurrentUpdateError } from "../plans/planStore";

/** Assigning (or reassigning) the gestor/a of a cooperative. */
export interface AssignGestorCommand {
  cooperativeId: string;
  /** Reads the request body (the new gestor/a's e-mail); called after the permission is checked. */
  readRequest: () => { gestorEmail: string };
}

/**
 * Assigns the gestor/a of a cooperative (AOS of its region). DomainError: COOPERATIVE_NOT_FOUND
 * 404, FORBIDDEN 403, VERSION_CONFLICT 409 when the assignment changed meanwhile.
 */
export async function assignGestor(command: AssignGestorCommand, principal: Principal, { store, now }: UseCaseDeps): Promise<Cooperative> {
  const current = await loadAuthorizedCooperative(store, command.cooperativeId, principal, "cooperative:assign");
  const { gestorEmail } = command.readRequest();
  try {
    return await store.assignGestor(current, gestorEmail, actorOf(principal), now().toISOString());
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) {
      throw new DomainError("VERSION_CONFLICT", "La asignación de la cooperativa cambió mientras se procesaba: recargue e intente nuevamente.");
    }
    throw error;
  }
}
