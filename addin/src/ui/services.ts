import type { Modality, Plan } from "@coop-plans/shared/domain";
import type { RulePack } from "@coop-plans/shared/rules";
import { createApiClient, type ApiClient, type FetchLike } from "@coop-plans/shared/api";
import type { CognitoAuthConfig } from "@coop-plans/shared/api";
import type { CognitoClient } from "../auth/cognito";
import { renderWorkbook, type TemplateWorkbook, type WorkbookGrids } from "@coop-plans/shared/workbook";
import type { Session } from "./session";
import { validateGrids, type ValidationOutcome } from "./validation";

/** What the pane needs besides the workbook host; tests pass fakes. */
export interface PaneServices {
  /** Validar: the program rules under `packs` (the packs in force the pane keeps; default the built-in ones). */
  validate(grids: WorkbookGrids, packs?: readonly RulePack[]): ValidationOutcome;
  createClient(session: Session): ApiClient;
  /** The standard workbook of a modality, its dropdowns from `pack` (the newest pack in force; default the built-in one). */
  renderTemplate(modality: Modality, pack?: RulePack): TemplateWorkbook;
  renderPlan(plan: Plan): TemplateWorkbook;
  newIdempotencyKey(): string;
  now(): Date;
  /** The Cognito client of a configuration; defaults to `createCognitoClient` (oidc-client-ts over the browser's fetch). */
  createCognitoClient?: (config: CognitoAuthConfig) => CognitoClient;
}

/** The browser's fetch, late-bound (tests and old hosts may install it after this module loads). */
export const browserFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array }) =>
  globalThis.fetch(url, init as RequestInit);

/** The typed API client of a session over a fetch: the bearer is the session's current token. */
export function createSessionClient(session: Session, fetchImpl: FetchLike): ApiClient {
  return createApiClient({ baseUrl: session.apiUrl, getToken: () => (session.getToken ? session.getToken() : session.token), fetch: fetchImpl });
}

/** A random idempotency key (UUID when the browser has `crypto.randomUUID`). */
function randomKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The real services: the shared core and the typed API client over the browser's fetch. */
export const defaultServices: PaneServices = {
  validate: (grids, packs) => validateGrids(grids, undefined, packs),
  createClient: (session) => createSessionClient(session, browserFetch),
  renderTemplate: (modality, pack) => renderWorkbook({ modality, ...(pack ? { pack } : {}) }),
  renderPlan: (plan) => renderWorkbook({ plan }),
  newIdempotencyKey: randomKey,
  now: () => new Date(),
};
