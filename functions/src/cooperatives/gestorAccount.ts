import type { GestorAccount } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { DomainError } from "../domainError";
import { GestorAccountRefusal, openUserDirectory } from "./userDirectory";

/**
 * Asks the user directory (deps.users; any e-mail in local mode) to make `email` a gestor/a of
 * `regionCode` before a registration or an assignment writes it. A refusal becomes DomainError
 * GESTOR_ACCOUNT_REFUSED (422) with the directory's Spanish message and `field: "gestorEmail"`.
 */
export async function prepareGestorAccount(deps: UseCaseDeps, email: string, regionCode: RegionCode): Promise<GestorAccount | null> {
  try {
    return await (deps.users ?? openUserDirectory).prepareGestor(email, regionCode);
  } catch (error) {
    if (error instanceof GestorAccountRefusal) throw new DomainError("GESTOR_ACCOUNT_REFUSED", error.message, { field: "gestorEmail" });
    throw error;
  }
}
