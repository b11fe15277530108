import type { GestorAccount } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import { GestorAccountRefusal, type UserDirectory } from "../cooperatives/userDirectory";

/**
 * How a person is added to the tenant and given the gestor role, in Spanish (Entra ID accounts are
 * the organisation's: coop-plans never creates them).
 */
export const ENTRA_HOW_TO_ADD =
  "pida al administrador de Microsoft Entra ID de su organización que la agregue (Centro de administración de Microsoft Entra > " +
  "Identidad > Usuarios > Nuevo usuario: «Crear usuario», o «Invitar usuario externo» si es de otra organización) y que, en " +
  "Aplicaciones empresariales > coop-plans > Usuarios y grupos, le asigne el rol «gestor» con su región en el atributo «regions».";

/** Whether a user with this e-mail exists in the tenant (e.g. a Microsoft Graph lookup); null when it cannot tell. */
export type EntraUserLookup = (email: string) => Promise<boolean | null>;

/**
 * An Entra ID tenant as the user directory: coop-plans cannot create its users. With a `lookup`,
 * an e-mail that is not in the tenant is refused (GestorAccountRefusal, saying how to add the
 * person) and nothing is assigned; a user that exists is `existing` (reminded of the gestor role).
 * Without a lookup (the API has no Microsoft Graph permission), the assignment goes through as
 * `unchecked`, with the same instructions: the person must exist in the tenant with the role.
 */
export class EntraUserDirectory implements UserDirectory {
  constructor(private readonly lookup?: EntraUserLookup) {}

  async prepareGestor(email: string, regionCode: RegionCode): Promise<GestorAccount> {
    const exists = this.lookup ? await this.lookup(email) : null;
    if (exists === false) {
      throw new GestorAccountRefusal(
        `${email} no existe en el directorio (Microsoft Entra ID) de la organización, y coop-plans no crea cuentas allí: la persona debe existir en el inquilino antes de asignarla: ${ENTRA_HOW_TO_ADD} Luego vuelva a asignarla. No se asignó nada.`,
      );
    }
    if (exists === true) {
      return { outcome: "existing", message: `${email} existe en Microsoft Entra ID: si aún no tiene el rol «gestor» de coop-plans con la región ${regionCode}, pida al administrador que se lo asigne (Aplicaciones empresariales > coop-plans > Usuarios y grupos).` };
    }
    return {
      outcome: "unchecked",
      message: `Con Microsoft Entra ID, coop-plans no crea cuentas: ${email} debe existir en el inquilino de la organización con el rol «gestor» y la región ${regionCode}, o no podrá iniciar sesión. Si aún no existe, ${ENTRA_HOW_TO_ADD}`,
    };
  }
}
