import type { CooperativeSummary, MeResponse } from "@coop-plans/shared/api";
import { defaultDeps, type HandlerDeps } from "../deps";
import { inScope } from "../auth/authorize";
import { createGroupHandler } from "../http/dispatch";
import type { GroupHandler } from "../http/types";
import { toSummary } from "../store/cooperativesRepository";

/**
 * Builds the `me` group: `GET /v1/me` — role, regions and, for a gestor/a, the assigned
 * cooperatives with their plan status: only those still assigned to them AND within the token's
 * regions (the ones they may actually open), sorted by name.
 */
export function createMeHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("me", {
    me: async ({ principal }) => {
      const p = principal!;
      let cooperatives: CooperativeSummary[] = [];
      if (p.role === "gestor" && p.email) {
        const { store } = getDeps();
        const assignments = await store.listAssignments(p.email);
        const ids = assignments.map((a) => a.cooperativeId);
        const [items, latest] = await Promise.all([store.getCooperatives(ids), store.getLatestItems(ids)]);
        cooperatives = items
          .filter((c) => c.gestorEmail === p.email && inScope(p.regions, c.regionCode))
          .map((c) => toSummary(c, latest.get(c.id)))
          .sort((a, b) => a.name.localeCompare(b.name, "es"));
      }
      const body: MeResponse = { sub: p.sub, email: p.email, role: p.role, regions: p.regions, cooperatives };
      return { status: 200, body };
    },
  });
}

/** Lambda entry point of the `me` group. */
export const handler = createMeHandler();
