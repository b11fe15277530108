import * as z from "zod";
import type { PlanResponse, RevisionList } from "@coop-plans/shared/api";
import { defaultDeps, type HandlerDeps } from "../deps";
import { createGroupHandler } from "../http/dispatch";
import { HttpProblem } from "../http/httpProblem";
import { pathParam } from "../http/params";
import type { GroupHandler } from "../http/types";
import { loadAuthorizedCooperative } from "../plans/cooperativeAccess";
import { toRevision, toRevisionSummary } from "../plans/revisionViews";
import { progressReportOfLatest } from "../plans/progressReportOfLatest";
import { savePlan } from "../plans/savePlan";
import { transitionPlan } from "../plans/transitionPlan";

/** The `{v}` of a revision: a positive integer written with digits only (`abc`, `1.5`, `0` are refused). */
const VersionParam = z
  .string({ error: "El número de versión debe ser un entero positivo (1, 2, 3…)." })
  .regex(/^\d{1,9}$/, { error: "El número de versión debe ser un entero positivo (1, 2, 3…)." })
  .transform(Number)
  .pipe(z.number().int().positive({ error: "El número de versión debe ser un entero positivo (1, 2, 3…)." }));

/**
 * Builds the `plans` group: the latest plan (GET), a save (PUT, see savePlan), the audit trail
 * (revisions list and one revision), the workflow transitions (see transitionPlan) and the
 * progress report of the latest revision (see progressReportOfLatest).
 */
export function createPlansHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("plans", {
    getPlan: async ({ event, principal }) => {
      const { store } = getDeps();
      const cooperative = await loadAuthorizedCooperative(store, event, principal!, "plan:read");
      const latest = await store.getLatest(cooperative.id);
      if (!latest || latest.version === 0) {
        throw new HttpProblem("PLAN_NOT_FOUND", "La cooperativa aún no tiene un plan guardado: sincronice la planilla para crear la versión 1.", { currentVersion: 0 });
      }
      const revision = await store.getRevision(cooperative.id, latest.version);
      if (!revision) throw new Error("Latest pointer points to a missing revision");
      const body: PlanResponse = toRevision(revision);
      return { status: 200, body };
    },

    putPlan: async ({ event, principal }) => {
      const outcome = await savePlan(getDeps(), event, principal!);
      return { status: 200, body: outcome.response, headers: outcome.replayed ? { "idempotent-replayed": "true" } : undefined };
    },

    listRevisions: async ({ event, principal }) => {
      const { store } = getDeps();
      const cooperative = await loadAuthorizedCooperative(store, event, principal!, "plan:read");
      const items = await store.listRevisions(cooperative.id);
      const body: RevisionList = { cooperativeId: cooperative.id, items: items.map(toRevisionSummary) };
      return { status: 200, body };
    },

    getRevision: async ({ event, principal }) => {
      const { store } = getDeps();
      const cooperative = await loadAuthorizedCooperative(store, event, principal!, "plan:read");
      const version = pathParam(event, "v", VersionParam);
      const revision = await store.getRevision(cooperative.id, version);
      if (!revision) throw new HttpProblem("REVISION_NOT_FOUND", `La revisión ${version} no existe para esta cooperativa.`);
      return { status: 200, body: toRevision(revision) };
    },

    transition: async ({ event, principal }) => {
      const body = await transitionPlan(getDeps(), event, principal!);
      return { status: 200, body };
    },

    report: async ({ event, principal }) => {
      const body = await progressReportOfLatest(getDeps(), event, principal!);
      return { status: 200, body };
    },
  });
}

/** Lambda entry point of the `plans` group. */
export const handler = createPlansHandler();
