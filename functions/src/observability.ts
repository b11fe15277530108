import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";

/** Service name of every log line, metric and trace (Powertools `POWERTOOLS_SERVICE_NAME` wins when set). */
export const SERVICE_NAME = "coop-plans";

/** CloudWatch namespace of the business metrics (infra/lib/apiMonitoring.ts alarms on it). */
export const METRICS_NAMESPACE = "CoopPlans";

/**
 * The business metrics, all with the dimension `service` only (so one alarm covers every function):
 * - `ServerErrors`, `Conflicts` (409), `TooLarge` (413): counts of answers, alarmed on bursts;
 * - `Refusals`: every 4xx/5xx problem, emitted apart with the dimension `problemCode`;
 * - `PlanSaves` (revisions written), `PlanSaveReplays`, `PlanSavesUnchanged`;
 * - `PlanBytes` (uncompressed JSON of a saved plan) and `PlanInvestmentLines`: plan sizes;
 * - `ColdStart` (Powertools), with the dimension `function_name`.
 */
export const METRIC = {
  serverErrors: "ServerErrors",
  conflicts: "Conflicts",
  tooLarge: "TooLarge",
  refusals: "Refusals",
  planSaves: "PlanSaves",
  planSaveReplays: "PlanSaveReplays",
  planSavesUnchanged: "PlanSavesUnchanged",
  planBytes: "PlanBytes",
  planInvestmentLines: "PlanInvestmentLines",
} as const;

export { MetricUnit };

/**
 * The structured logger of a handler group (Powertools; level from `POWERTOOLS_LOG_LEVEL`).
 * Handlers log the request id, route, principal sub and role, status and duration — never the
 * token, the body, or members' names and RUTs.
 */
export function createLogger(group: string): Logger {
  return new Logger({ serviceName: SERVICE_NAME, persistentKeys: { handlerGroup: group } });
}

/**
 * Whether metrics are published: inside Lambda, or anywhere with `POWERTOOLS_METRICS_DISABLED=false`
 * (local mode and tests print no EMF lines).
 */
export const metricsEnabled =
  process.env.POWERTOOLS_METRICS_DISABLED === "false" ||
  (process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined && process.env.POWERTOOLS_METRICS_DISABLED !== "true");

/**
 * The metrics of this process (Powertools Metrics: EMF lines on stdout that CloudWatch turns into
 * metrics), published once per request by the router (`publishMetrics`).
 */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

/** Counts an answer: 5xx, 409 and 413 by status, and every problem by its code (a metric of its own with the dimension `problemCode`). */
export function countAnswer(status: number, problemCode: string | undefined): void {
  if (!metricsEnabled) return;
  if (status >= 500) metrics.addMetric(METRIC.serverErrors, MetricUnit.Count, 1);
  if (status === 409) metrics.addMetric(METRIC.conflicts, MetricUnit.Count, 1);
  if (status === 413) metrics.addMetric(METRIC.tooLarge, MetricUnit.Count, 1);
  if (problemCode) metrics.singleMetric().addDimension("problemCode", problemCode).addMetric(METRIC.refusals, MetricUnit.Count, 1);
}

/** Counts a plan save by its outcome, with the plan's size (uncompressed JSON bytes, investment lines) when a revision was written. */
export function countPlanSave(outcome: "saved" | "replayed" | "unchanged", size?: { bytes: number; investmentLines: number }): void {
  if (!metricsEnabled) return;
  const name = outcome === "saved" ? METRIC.planSaves : outcome === "replayed" ? METRIC.planSaveReplays : METRIC.planSavesUnchanged;
  metrics.addMetric(name, MetricUnit.Count, 1);
  if (size) {
    metrics.addMetric(METRIC.planBytes, MetricUnit.Bytes, size.bytes);
    metrics.addMetric(METRIC.planInvestmentLines, MetricUnit.Count, size.investmentLines);
  }
}

/** Emits the cold start metric (once per process) and publishes what the request counted. */
export function publishMetrics(): void {
  if (!metricsEnabled) return;
  metrics.captureColdStartMetric();
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}

/**
 * The tracer of this process (Powertools Tracer, AWS X-Ray): active only inside Lambda with
 * tracing on (it disables itself elsewhere). The store wraps its DynamoDB client with it; the
 * router opens a subsegment per route (responses are never captured: they carry personal data).
 */
export const tracer = new Tracer({ serviceName: SERVICE_NAME });
