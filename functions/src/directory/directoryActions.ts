/** The Cognito IAM actions the user directory sends (functions/src/directory/cognitoUserDirectory.ts). */
export type DirectoryAction = "cognito-idp:AdminGetUser" | "cognito-idp:AdminCreateUser" | "cognito-idp:AdminUpdateUserAttributes";

/**
 * The IAM action of a command the Cognito directory sends, by the command's class name
 * (AdminGetUserCommand → cognito-idp:AdminGetUser). Throws for a command with no entry here, so a
 * new call cannot reach AWS without its grant.
 */
export function actionOfDirectoryCommand(commandName: string): DirectoryAction {
  const action = `cognito-idp:${commandName.replace(/Command$/, "")}`;
  if (!(DIRECTORY_ACTIONS as readonly string[]).includes(action)) {
    throw new Error(`The user directory sent ${commandName}, which has no entry in directoryActions.ts`);
  }
  return action as DirectoryAction;
}

/**
 * Exactly the cognito-idp actions the cooperatives function sends (registration and assignment of
 * a gestor/a): read an account, invite one, add a region to an existing gestor/a. The CDK stack
 * grants these, on the user pool only, to the cooperatives function only (infra/lib/apiStack.ts);
 * tests/functions/userDirectory.test.ts records what the adapter sends against this list both ways.
 */
export const DIRECTORY_ACTIONS: readonly DirectoryAction[] = [
  "cognito-idp:AdminGetUser",
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminUpdateUserAttributes",
];

/** Environment variable telling the cooperatives function which directory it has: `cognito` (with USER_POOL_ID) or `entra`; absent: any e-mail (local mode). */
export const USER_DIRECTORY_ENV = "USER_DIRECTORY";

/** Environment variable with the Cognito user pool's id (set by the CDK stack on the cooperatives function). */
export const USER_POOL_ID_ENV = "USER_POOL_ID";
