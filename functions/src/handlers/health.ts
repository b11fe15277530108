import type { HealthResponse } from "@coop-plans/shared/api";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";

/** Builds the `health` group: `GET /v1/health` (public, touches no database). */
export function createHealthHandler(now: () => Date = () => new Date()): GroupHandler {
  return createGroupHandler("health", {
    health: async () => {
      const body: HealthResponse = { status: "ok", service: "coop-plans", time: now().toISOString() };
      return { status: 200, body };
    },
  });
}

/** Lambda entry point of the `health` group. */
export const handler = createHealthHandler();
