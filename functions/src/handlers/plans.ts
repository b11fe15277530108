import * as z from "zod";
import { CooperativeId, PutPlanRequest, ReportQuery, TransitionRequest } from "@coop-plans/shared/api";
import { defaultDeps, type HandlerDeps } from "../deps";
import { countPlanSave } from "../observability";
import { pathParam, queryParams, readJsonBody } from "../http/request";
import { createGroupHandler } from "../http/router";
import type { GroupHandler } from "../http/types";
import { getLatestPlan, getPlanRevision, listPlanRevisions, progressReportOfLatest } from "../plans/readPlans";
import { savePlan } from "../plans/savePlan";
import { transitionPlan } from "../plans/transitionPlan";

/** The `{v}` of a revision: a positive integer written with digits only (`abc`, `1.5`, `0` are refused). */
const VersionParam = z
  .string({ error: "El número de versión debe ser un entero positivo (1, 2, 3…)." })
  .regex(/^\d{1,9}$/, { error: "El número de versión debe ser un entero positivo (1, 2, 3…)." })
  .transform(Number)
  .pipe(z.number().int().positive({ error: "El número de versión debe ser un entero positivo (1, 2, 3…)." }));

/**
 * Builds the `plans` group: HTTP in, use case (functions/src/plans) out. The latest plan (GET),
 * a save (PUT: savePlan, the body read only once the caller may write), the audit trail
 * (revisions list and one revision), the workflow transitions (transitionPlan) and the progress
 * report of the latest revision.
 */
export function createPlansHandler(getDeps: () => HandlerDeps = defaultDeps): GroupHandler {
  return createGroupHandler("plans", {
    getPlan: async ({ params, principal }) => ({
      status: 200,
      body: await getLatestPlan(pathParam(params, "id", CooperativeId), principal!, getDeps()),
    }),

    putPlan: async ({ event, req, params, principal }) => {
      let size: { bytes: number; investmentLines: number } | undefined;
      const saved = await savePlan({
        cooperativeId: pathParam(params, "id", CooperativeId),
        idempotencyKey: req.headers.get("idempotency-key") ?? undefined,
        readRequest: () => {
          const body = readJsonBody(event, req, PutPlanRequest);
          size = { bytes: body.bytes, investmentLines: body.value.plan.investmentLines.length };
          return body.value;
        },
      }, principal!, getDeps());
      countPlanSave(saved.replayed ? "replayed" : saved.result.unchanged ? "unchanged" : "saved", saved.replayed || saved.result.unchanged ? undefined : size);
      return { status: 200, body: saved.result, headers: saved.replayed ? { "idempotent-replayed": "true" } : undefined };
    },

    listRevisions: async ({ params, principal }) => ({
      status: 200,
      body: await listPlanRevisions(pathParam(params, "id", CooperativeId), principal!, getDeps()),
    }),

    getRevision: async ({ params, principal }) => ({
      status: 200,
      body: await getPlanRevision({ cooperativeId: pathParam(params, "id", CooperativeId), readVersion: () => pathParam(params, "v", VersionParam) }, principal!, getDeps()),
    }),

    transition: async ({ event, req, params, principal }) => ({
      status: 200,
      body: await transitionPlan({ cooperativeId: pathParam(params, "id", CooperativeId), readRequest: () => readJsonBody(event, req, TransitionRequest).value }, principal!, getDeps()),
    }),

    report: async ({ event, params, principal }) => ({
      status: 200,
      body: await progressReportOfLatest({ cooperativeId: pathParam(params, "id", CooperativeId), readAsOf: () => queryParams(event, ReportQuery).asOf }, principal!, getDeps()),
    }),
  });
}

/** Lambda entry point of the `plans` group. */
export const handler = createPlansHandler();
