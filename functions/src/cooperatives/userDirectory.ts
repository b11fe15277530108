import type { GestorAccount } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";

/**
 * The port to the people who may sign in (Cognito's user pool, an Entra ID tenant, or nobody in
 * local mode): before a cooperative is assigned to a gestor/a, the use cases ask the directory to
 * make sure that e-mail can sign in as a gestor/a of the region. Adapters live in
 * functions/src/directory (the AWS SDK stays out of the use cases); deps.ts picks one.
 */
export interface UserDirectory {
  /**
   * Makes `email` (trimmed, lower-case) able to sign in as a gestor/a of `regionCode`: an account
   * that does not exist is invited (Cognito), an existing gestor/a account gets the region if it
   * lacks it. Returns what happened as a Spanish notice for the AOS (`GestorAccount`), or null
   * when there is nothing to say (local mode). Throws `GestorAccountRefusal` (Spanish message)
   * when the e-mail cannot be a gestor/a: an account of another role, or (Entra ID) a user that is
   * not in the tenant. Other errors (the directory unreachable) propagate.
   */
  prepareGestor(email: string, regionCode: RegionCode): Promise<GestorAccount | null>;
}

/** The directory refused an e-mail as a gestor/a; `message` is the Spanish reason and what to do. */
export class GestorAccountRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GestorAccountRefusal";
  }
}

/** Local mode's directory: any e-mail may be a gestor/a (dev tokens are signed for any address). */
export const openUserDirectory: UserDirectory = {
  prepareGestor: async () => null,
};
