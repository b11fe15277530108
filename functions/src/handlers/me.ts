import { whoAmI } from "../cooperatives/listCooperatives";
import { defaultDeps, type HandlerDeps } from "../deps";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";

/** Builds the `me` group: `GET /v1/me` (see whoAmI). */
export function createMeHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("me", {
    me: async ({ principal }) => ({ status: 200, body: await whoAmI(principal!, getDeps()) }),
  });
}

/** Lambda entry point of the `me` group. */
export const handler = createMeHandler();
