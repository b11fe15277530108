import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  UsernameExistsException,
  UserNotFoundException,
  type AttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { openUserDirectory } from "../../functions/src/cooperatives/userDirectory";
import { userDirectoryFromEnv } from "../../functions/src/deps";
import { CognitoUserDirectory, type CognitoDirectoryCommand, type CognitoSender } from "../../functions/src/directory/cognitoUserDirectory";
import { actionOfDirectoryCommand, DIRECTORY_ACTIONS } from "../../functions/src/directory/directoryActions";
import { EntraUserDirectory } from "../../functions/src/directory/entraUserDirectory";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";

// Issue 12, item 3 (AWS): assigning a gestor/a asks the user directory first. Cognito invites an
// e-mail with no account (AdminCreateUser, the attributes of create-aos-user.sh), adds the region
// to an existing gestor/a, and refuses an account of another role; Entra ID cannot create users.
// The Cognito client is a fake injected through the port (the SDK's own command and exception
// classes; no aws-sdk-client-mock in the project, no HTTP written by hand).

const POOL = "sa-east-1_TestPool";

/** A fake Cognito pool: accounts by e-mail with their attributes; records every command sent. */
function fakeCognito(accounts: Record<string, Record<string, string>> = {}, options: { raceOnCreate?: Record<string, string> } = {}) {
  const sent: CognitoDirectoryCommand[] = [];
  const attrs = (a: Record<string, string>): AttributeType[] => Object.entries(a).map(([Name, Value]) => ({ Name, Value }));
  const sender: CognitoSender = {
    async send(command) {
      sent.push(command);
      const input = command.input as { UserPoolId: string; Username: string; UserAttributes?: AttributeType[] };
      expect(input.UserPoolId).toBe(POOL);
      if (command instanceof AdminGetUserCommand) {
        const account = accounts[input.Username];
        if (!account) throw new UserNotFoundException({ message: "User does not exist.", $metadata: {} });
        return { Username: input.Username, UserAttributes: attrs(account) };
      }
      if (command instanceof AdminCreateUserCommand) {
        if (options.raceOnCreate) {
          accounts[input.Username] = options.raceOnCreate;
          throw new UsernameExistsException({ message: "An account with the given email already exists.", $metadata: {} });
        }
        accounts[input.Username] = Object.fromEntries(input.UserAttributes!.map((a) => [a.Name!, a.Value!]));
        return { User: { Username: input.Username } };
      }
      if (command instanceof AdminUpdateUserAttributesCommand) {
        Object.assign(accounts[input.Username], Object.fromEntries(input.UserAttributes!.map((a) => [a.Name!, a.Value!])));
        return {};
      }
      throw new Error(`unexpected command ${(command as object).constructor.name}`);
    },
  };
  return { sender, sent, accounts, names: () => sent.map((c) => c.constructor.name) };
}

describe("CognitoUserDirectory", () => {
  test("an e-mail with no account is invited: AdminCreateUser with e-mail verified, role gestor, the region, and an e-mailed temporary password", async () => {
    const pool = fakeCognito();
    const account = await new CognitoUserDirectory(POOL, pool.sender).prepareGestor("nueva.gestora@coop.cl", "14");
    expect(pool.names()).toEqual(["AdminGetUserCommand", "AdminCreateUserCommand"]);
    expect(pool.sent[1].input).toEqual({
      UserPoolId: POOL,
      Username: "nueva.gestora@coop.cl",
      UserAttributes: [
        { Name: "email", Value: "nueva.gestora@coop.cl" },
        { Name: "email_verified", Value: "true" },
        { Name: "custom:role", Value: "gestor" },
        { Name: "custom:regions", Value: "14" },
      ],
      DesiredDeliveryMediums: ["EMAIL"],
    });
    expect(account).toEqual({
      outcome: "invited",
      message: "Se creó la cuenta de gestor/a de nueva.gestora@coop.cl (región 14): le llegará un correo con una contraseña temporal, que cambiará al iniciar sesión por primera vez.",
    });
  });

  test("an existing gestor/a of the region just gets assigned (one read, nothing written)", async () => {
    const pool = fakeCognito({ "ana@coop.cl": { email: "ana@coop.cl", "custom:role": "gestor", "custom:regions": "08,14" } });
    const account = await new CognitoUserDirectory(POOL, pool.sender).prepareGestor("ana@coop.cl", "14");
    expect(pool.names()).toEqual(["AdminGetUserCommand"]);
    expect(account.outcome).toBe("existing");
  });

  test("an existing gestor/a of another region gets the region added (or they could not open the cooperative)", async () => {
    const pool = fakeCognito({ "ana@coop.cl": { email: "ana@coop.cl", "custom:role": "gestor", "custom:regions": "16" } });
    const account = await new CognitoUserDirectory(POOL, pool.sender).prepareGestor("ana@coop.cl", "08");
    expect(pool.names()).toEqual(["AdminGetUserCommand", "AdminUpdateUserAttributesCommand"]);
    expect(pool.sent[1].input).toEqual({ UserPoolId: POOL, Username: "ana@coop.cl", UserAttributes: [{ Name: "custom:regions", Value: "08,16" }] });
    expect(account.message).toBe("ana@coop.cl ya tiene cuenta de gestor/a; se le agregó la región 08 (regiones: 08,16). Verá la cooperativa en su próximo inicio de sesión.");
  });

  test("an account of another role is refused in Spanish and nothing is changed", async () => {
    const pool = fakeCognito({ "jefa@aos.cl": { email: "jefa@aos.cl", "custom:role": "aos", "custom:regions": "14" } });
    await expect(new CognitoUserDirectory(POOL, pool.sender).prepareGestor("jefa@aos.cl", "14")).rejects.toMatchObject({
      name: "GestorAccountRefusal",
      message: "La cuenta jefa@aos.cl ya existe con el rol Agente Operador Sercotec (AOS): no puede ser gestor/a de una cooperativa (una cuenta tiene un solo rol). Asigne otro correo a la cooperativa, o pida al administrador que cambie el rol de esa cuenta.",
    });
    expect(pool.names()).toEqual(["AdminGetUserCommand"]);
  });

  test("an account created meanwhile by someone else (UsernameExistsException) is read again and used", async () => {
    const pool = fakeCognito({}, { raceOnCreate: { email: "ana@coop.cl", "custom:role": "gestor", "custom:regions": "14" } });
    const account = await new CognitoUserDirectory(POOL, pool.sender).prepareGestor("ana@coop.cl", "14");
    expect(pool.names()).toEqual(["AdminGetUserCommand", "AdminCreateUserCommand", "AdminGetUserCommand"]);
    expect(account.outcome).toBe("existing");
  });

  test("it sends exactly the actions DIRECTORY_ACTIONS grants (both ways), and an unknown command has no action", async () => {
    const pool = fakeCognito({ "ana@coop.cl": { email: "ana@coop.cl", "custom:role": "gestor", "custom:regions": "16" } });
    const directory = new CognitoUserDirectory(POOL, pool.sender);
    await directory.prepareGestor("nueva@coop.cl", "14");
    await directory.prepareGestor("ana@coop.cl", "14");
    const sent = [...new Set(pool.names().map(actionOfDirectoryCommand))].sort();
    expect(sent).toEqual([...DIRECTORY_ACTIONS].sort());
    expect(() => actionOfDirectoryCommand("AdminDeleteUserCommand")).toThrow("no entry in directoryActions.ts");
  });
});

describe("EntraUserDirectory", () => {
  test("a user not in the tenant is refused, saying it must exist and how to add it", async () => {
    const directory = new EntraUserDirectory(async () => false);
    await expect(directory.prepareGestor("nadie@coop.cl", "14")).rejects.toThrow(
      /^nadie@coop\.cl no existe en el directorio \(Microsoft Entra ID\) de la organización, y coop-plans no crea cuentas allí: la persona debe existir en el inquilino antes de asignarla: pida al administrador .*Nuevo usuario.*«Invitar usuario externo».*le asigne el rol «gestor» con su región.*No se asignó nada\.$/,
    );
  });

  test("without a lookup the assignment goes through, telling the AOS the person must exist in the tenant with the gestor role", async () => {
    const account = await new EntraUserDirectory().prepareGestor("ana@coop.cl", "14");
    expect(account.outcome).toBe("unchecked");
    expect(account.message).toMatch(/^Con Microsoft Entra ID, coop-plans no crea cuentas: ana@coop\.cl debe existir en el inquilino de la organización con el rol «gestor» y la región 14/);
  });
});

describe("userDirectoryFromEnv", () => {
  test("cognito with a pool, entra, or any e-mail (local mode); a pool-less cognito is a broken deployment", () => {
    expect(userDirectoryFromEnv({ USER_DIRECTORY: "cognito", USER_POOL_ID: POOL })).toBeInstanceOf(CognitoUserDirectory);
    expect(userDirectoryFromEnv({ USER_DIRECTORY: "entra" })).toBeInstanceOf(EntraUserDirectory);
    expect(userDirectoryFromEnv({})).toBe(openUserDirectory);
    expect(() => userDirectoryFromEnv({ USER_DIRECTORY: "cognito" })).toThrow("USER_DIRECTORY=cognito needs USER_POOL_ID");
  });
});

describe("assigning and registering through the handlers, with Cognito (DynamoDB Local)", () => {
  let app: TestApp;
  const pool = fakeCognito({ "jefa@aos.cl": { email: "jefa@aos.cl", "custom:role": "aos", "custom:regions": "08" } });

  beforeAll(async () => {
    app = await createTestApp({ users: new CognitoUserDirectory(POOL, pool.sender) });
  });

  test("assign an e-mail with no account: 200, invited, and the gestora can then open the cooperative", async () => {
    const reg = await app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Directorio 1", modality: "creacion", callYear: 2025 } });
    expect(reg.status).toBe(201);
    expect(reg.body.gestorAccount).toBeUndefined(); // no gestor/a, no directory call
    const res = await app.call("assignGestor", { params: { id: reg.body.id }, claims: aosClaims("08"), body: { gestorEmail: "Invitada@Coop.cl" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ gestorEmail: "invitada@coop.cl", gestorAccount: { outcome: "invited" } });
    expect(pool.accounts["invitada@coop.cl"]).toMatchObject({ "custom:role": "gestor", "custom:regions": "08" });
    const me = await app.call("me", { claims: gestorClaims("invitada@coop.cl") });
    expect(me.body.cooperatives.map((c: { id: string }) => c.id)).toEqual([reg.body.id]);
  }, 60_000);

  test("assign an AOS's account: 422 GESTOR_ACCOUNT_REFUSED in Spanish, the assignment unchanged", async () => {
    const reg = await app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Directorio 2", modality: "creacion", callYear: 2025, gestorEmail: "primera@coop.cl" } });
    expect(reg.body.gestorAccount.outcome).toBe("invited");
    const res = await app.call("assignGestor", { params: { id: reg.body.id }, claims: aosClaims("08"), body: { gestorEmail: "jefa@aos.cl" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "GESTOR_ACCOUNT_REFUSED", title: "La cuenta no puede ser de gestor/a", field: "gestorEmail" });
    expect(res.body.detail).toContain("La cuenta jefa@aos.cl ya existe con el rol Agente Operador Sercotec (AOS)");
    const list = await app.call("listCooperatives", { params: { code: "08" }, claims: aosClaims("08") });
    expect(list.body.items.find((c: { id: string }) => c.id === reg.body.id).gestorEmail).toBe("primera@coop.cl");
  }, 60_000);

  test("register with an AOS's account as gestor/a: 422, nothing registered", async () => {
    const res = await app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Directorio 3", modality: "creacion", callYear: 2025, gestorEmail: "jefa@aos.cl" } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("GESTOR_ACCOUNT_REFUSED");
    const list = await app.call("listCooperatives", { params: { code: "08" }, claims: aosClaims("08") });
    expect(list.body.items.map((c: { name: string }) => c.name)).not.toContain("Cooperativa Directorio 3");
  }, 60_000);
});
