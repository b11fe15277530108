import type { HealthResponse } from "@coop-plans/shared/api";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";
import { createTableCheck } from "../store/healthCheck";

/** What the health route needs: a clock and a check that the table answers (throws when it does not). */
export interface HealthDeps {
  now: () => Date;
  checkTable: () => Promise<void>;
}

/**
 * Builds the `health` group: `GET /v1/health` (public). Reads the table once (a GetItem of a key
 * no item has: store/healthCheck.ts) and answers 200 `{status, service, time, database: "ok"}`;
 * when the database cannot be reached the router answers 503 `DATABASE_UNAVAILABLE` with
 * `Retry-After` and logs it; any other failure of the check (missing table, denied access) is a
 * logged 500.
 */
export function createHealthHandler(deps: Partial<HealthDeps> = {}): GroupHandler {
  const now = deps.now ?? (() => new Date());
  const checkTable = deps.checkTable ?? createTableCheck();
  return createGroupHandler("health", {
    health: async () => {
      await checkTable();
      const body: HealthResponse = { status: "ok", service: "coop-plans", time: now().toISOString(), database: "ok" };
      return { status: 200, body };
    },
  });
}

/** Lambda entry point of the `health` group. */
export const handler = createHealthHandler();
