import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  type AttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { ROLE_LABELS, type GestorAccount } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import { GestorAccountRefusal, type UserDirectory } from "../cooperatives/userDirectory";

/** The commands the Cognito directory sends (see directoryActions.ts for their IAM actions). */
export type CognitoDirectoryCommand = AdminGetUserCommand | AdminCreateUserCommand | AdminUpdateUserAttributesCommand;

/** What the adapter needs of a Cognito client: `send` (tests inject a fake). */
export interface CognitoSender {
  send(command: CognitoDirectoryCommand): Promise<{ UserAttributes?: AttributeType[] } | object>;
}

/** The custom attributes of the pool (infra/lib/userDirectory.ts CUSTOM_ATTRIBUTES; create-aos-user.sh). */
const ROLE_ATTRIBUTE = "custom:role";
const REGIONS_ATTRIBUTE = "custom:regions";

function attribute(attributes: readonly AttributeType[] | undefined, name: string): string | null {
  return attributes?.find((a) => a.Name === name)?.Value ?? null;
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/**
 * The Cognito user pool as the user directory (AWS with Cognito). `prepareGestor(email, region)`:
 * - AdminGetUser by e-mail (the pool signs in with e-mail, created with it as username);
 * - no account (UserNotFoundException): AdminCreateUser with the attributes create-aos-user.sh
 *   gives (email, email_verified, custom:role = gestor, custom:regions = the region) and
 *   DesiredDeliveryMediums EMAIL: Cognito e-mails a temporary password → `invited`;
 * - an account with the gestor role: `existing`; if its custom:regions lacks the region (a
 *   gestor/a reaches only the cooperatives of their regions), AdminUpdateUserAttributes adds it;
 * - an account of another role (aos, sercotec, none): GestorAccountRefusal in Spanish, nothing changed.
 * A creation raced by another (UsernameExistsException) is read again. Other errors propagate.
 */
export class CognitoUserDirectory implements UserDirectory {
  constructor(private readonly userPoolId: string, private readonly client: CognitoSender = new CognitoIdentityProviderClient({})) {}

  async prepareGestor(email: string, regionCode: RegionCode): Promise<GestorAccount> {
    const existing = await this.find(email);
    if (existing === null) {
      try {
        await this.client.send(new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: "email", Value: email },
            { Name: "email_verified", Value: "true" },
            { Name: ROLE_ATTRIBUTE, Value: "gestor" },
            { Name: REGIONS_ATTRIBUTE, Value: regionCode },
          ],
          DesiredDeliveryMediums: ["EMAIL"],
        }));
        return {
          outcome: "invited",
          message: `Se creó la cuenta de gestor/a de ${email} (región ${regionCode}): le llegará un correo con una contraseña temporal, que cambiará al iniciar sesión por primera vez.`,
        };
      } catch (error) {
        if (errorName(error) !== "UsernameExistsException") throw error;
        const raced = await this.find(email);
        if (raced === null) throw error;
        return this.useExisting(email, regionCode, raced);
      }
    }
    return this.useExisting(email, regionCode, existing);
  }

  private async find(email: string): Promise<AttributeType[] | null> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }));
      return (user as { UserAttributes?: AttributeType[] }).UserAttributes ?? [];
    } catch (error) {
      if (errorName(error) === "UserNotFoundException") return null;
      throw error;
    }
  }

  private async useExisting(email: string, regionCode: RegionCode, attributes: AttributeType[]): Promise<GestorAccount> {
    const role = attribute(attributes, ROLE_ATTRIBUTE);
    if (role !== "gestor") {
      const what = role && role in ROLE_LABELS ? `con el rol ${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}` : "sin rol de coop-plans";
      throw new GestorAccountRefusal(
        `La cuenta ${email} ya existe ${what}: no puede ser gestor/a de una cooperativa (una cuenta tiene un solo rol). ` +
        "Asigne otro correo a la cooperativa, o pida al administrador que cambie el rol de esa cuenta.",
      );
    }
    const regions = (attribute(attributes, REGIONS_ATTRIBUTE) ?? "").split(",").map((r) => r.trim()).filter(Boolean);
    if (regions.includes(regionCode) || regions.includes("*")) {
      return { outcome: "existing", message: `${email} ya tiene cuenta de gestor/a: puede iniciar sesión y verá la cooperativa.` };
    }
    const updated = [...regions, regionCode].sort().join(",");
    await this.client.send(new AdminUpdateUserAttributesCommand({
      UserPoolId: this.userPoolId,
      Username: email,
      UserAttributes: [{ Name: REGIONS_ATTRIBUTE, Value: updated }],
    }));
    return { outcome: "existing", message: `${email} ya tiene cuenta de gestor/a; se le agregó la región ${regionCode} (regiones: ${updated}). Verá la cooperativa en su próximo inicio de sesión.` };
  }
}
