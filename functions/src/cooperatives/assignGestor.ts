import type { CooperativeAssigned } from "@coop-plans/shared/api";
import { actorOf, type Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { DomainError } from "../domainError";
import { loadAuthorizedCooperative } from "../plans/cooperativeAccess";
import { ConcurrentUpdateError } from "../plans/planStore";
import { prepareGestorAccount } from "./gestorAccount";

/** Assigning (or reassigning) the gestor/a of a cooperative. */
export interface AssignGestorCommand {
  cooperativeId: string;
  /** Reads the request body (the new gestor/a's e-mail); called after the permission is checked. */
  readRequest: () => { gestorEmail: string };
}

/**
 * Assigns the gestor/a of a cooperative (AOS of its region). First the user directory makes the
 * e-mail able to sign in as a gestor/a of the region (Cognito: invited when it has no account;
 * see UserDirectory), then the assignment is written; the answer carries what the directory did
 * (`gestorAccount`). DomainError: COOPERATIVE_NOT_FOUND 404, FORBIDDEN 403,
 * GESTOR_ACCOUNT_REFUSED 422 (an account of another role; Entra ID: not in the tenant), nothing
 * written; VERSION_CONFLICT 409 when the assignment changed meanwhile.
 */
export async function assignGestor(command: AssignGestorCommand, principal: Principal, deps: UseCaseDeps): Promise<CooperativeAssigned> {
  const { store, now } = deps;
  const current = await loadAuthorizedCooperative(store, command.cooperativeId, principal, "cooperative:assign");
  const { gestorEmail } = command.readRequest();
  const account = await prepareGestorAccount(deps, gestorEmail, current.regionCode);
  try {
    const assigned = await store.assignGestor(current, gestorEmail, actorOf(principal), now().toISOString());
    return account ? { ...assigned, gestorAccount: account } : assigned;
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) {
      throw new DomainError("VERSION_CONFLICT", "La asignación de la cooperativa cambió mientras se procesaba: recargue e intente nuevamente.");
    }
    throw error;
  }
}
