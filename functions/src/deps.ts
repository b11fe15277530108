import { validatePlan } from "@coop-plans/shared/rules";
import type { UseCaseDeps } from "./plans/useCaseDeps";
import { createStore } from "./store/store";
import { openUserDirectory, type UserDirectory } from "./cooperatives/userDirectory";
import { CognitoUserDirectory } from "./directory/cognitoUserDirectory";
import { USER_DIRECTORY_ENV, USER_POOL_ID_ENV } from "./directory/directoryActions";
import { EntraUserDirectory } from "./directory/entraUserDirectory";

export type { UseCaseDeps as HandlerDeps, ValidateFn } from "./plans/useCaseDeps";

let defaults: UseCaseDeps | undefined;

/**
 * The user directory of this deployment, from the environment the CDK stack sets on the
 * cooperatives function: `USER_DIRECTORY=cognito` with `USER_POOL_ID` → the Cognito user pool;
 * `USER_DIRECTORY=entra` → Entra ID (cannot create users); unset → any e-mail (local mode).
 * Throws when `cognito` comes without a pool id (a broken deployment, never a silent fallback).
 */
export function userDirectoryFromEnv(env: NodeJS.ProcessEnv = process.env): UserDirectory {
  const kind = env[USER_DIRECTORY_ENV];
  if (kind === "cognito") {
    const pool = env[USER_POOL_ID_ENV];
    if (!pool) throw new Error(`${USER_DIRECTORY_ENV}=cognito needs ${USER_POOL_ID_ENV}`);
    return new CognitoUserDirectory(pool);
  }
  if (kind === "entra") return new EntraUserDirectory();
  if (kind) throw new Error(`Unknown ${USER_DIRECTORY_ENV}: ${kind}`);
  return openUserDirectory;
}

/**
 * The production dependencies, built on first use (so `TABLE_NAME` / `DYNAMODB_ENDPOINT` are read
 * when the first request arrives, and reused across warm invocations).
 */
export function defaultDeps(): UseCaseDeps {
  defaults ??= { store: createStore(), validate: (plan, packs) => validatePlan(plan, { packs }), now: () => new Date(), users: userDirectoryFromEnv() };
  return defaults;
}
