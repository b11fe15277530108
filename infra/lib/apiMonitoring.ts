import { Duration } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  Alarm,
  Metric,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  TreatMissingData,
  type IMetric,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { METRICS_NAMESPACE, SERVICE_NAME } from "./handlerFunction";

/** Props of `ApiMonitoring`. */
export interface ApiMonitoringProps {
  api: HttpApi;
  /** The functions by handler group name. */
  functions: Record<string, IFunction>;
  table: ITableV2;
  /** Subscribed to the alarm topic when given. */
  alarmEmail?: string;
}

/** Period of every alarm and graph. */
const PERIOD = Duration.minutes(5);
/** Percent of 5xx responses over a period that raises the API alarm. */
const SERVER_ERROR_RATE_PERCENT = 5;
/** Requests a period must have before its 5xx rate counts (2 failures out of 3 requests is noise, not an outage). */
const MIN_REQUESTS_FOR_RATE = 10;

/**
 * Bursts of business signals the functions count (Powertools Metrics, namespace METRICS_NAMESPACE,
 * dimension `service`; names as in functions/src/observability.ts `METRIC`), each alarmed when
 * its sum over one period of 5 minutes reaches the threshold:
 * - ServerErrors ≥ 5: answers 5xx, whatever the request volume (the rate alarm needs 10 requests);
 * - Conflicts ≥ 20: 409s (stale saves, locked plans, duplicates): a few are the workflow doing its
 *   job, twenty in five minutes is a client retrying in a loop or gestores overwriting each other;
 * - TooLarge ≥ 5: 413s (request, plan or response too large): a client sending what cannot fit.
 */
export const BUSINESS_BURSTS = [
  { metricName: "ServerErrors", id: "ServerErrorBurst", threshold: 5, what: "answers 5xx" },
  { metricName: "Conflicts", id: "ConflictBurst", threshold: 20, what: "answers 409 (version conflicts, locked plans, duplicates)" },
  { metricName: "TooLarge", id: "TooLargeBurst", threshold: 5, what: "answers 413 (request, plan or response too large)" },
] as const;

/**
 * Alarms and a dashboard for the API, all notifying one SNS topic (optionally an e-mail):
 * - API 5xx rate ≥ 5% in 2 of 3 five-minute periods (with at least 10 requests in a period);
 * - per function: any error (an unhandled exception: the handlers answer expected failures as
 *   problem+json), and any throttle (concurrency exhausted: requests were refused);
 * - DynamoDB read or write throttle events on the table (on-demand tables throttle past twice
 *   their previous peak).
 * - bursts of business signals the functions count (BUSINESS_BURSTS: 5xx, 409, 413 in 5 minutes).
 * HTTP APIs publish no metric of their own for stage throttling (a throttled request is a 429,
 * counted in 4xx with 401 and 403), so the 4xx count is graphed, not alarmed.
 */
export class ApiMonitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  /** The error alarm of each function, by handler group. */
  readonly functionErrorAlarms: Record<string, Alarm> = {};

  constructor(scope: Construct, id: string, props: ApiMonitoringProps) {
    super(scope, id);
    const { api, table } = props;
    const functions = Object.entries(props.functions);

    this.topic = new Topic(this, "AlarmTopic", { displayName: "coop-plans alarms", enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);
    const track = (alarm: Alarm): Alarm => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };

    const requests = api.metricCount({ period: PERIOD, statistic: "Sum" });
    const serverErrors = api.metricServerError({ period: PERIOD, statistic: "Sum" });
    const clientErrors = api.metricClientError({ period: PERIOD, statistic: "Sum" });
    const serverErrorRate = new MathExpression({
      expression: `IF(requests >= ${MIN_REQUESTS_FOR_RATE}, 100 * errors / requests, 0)`,
      usingMetrics: { requests, errors: serverErrors },
      period: PERIOD,
      label: "5xx (%)",
    });
    track(
      serverErrorRate.createAlarm(this, "Api5xxRate", {
        alarmDescription: `coop-plans API: ${SERVER_ERROR_RATE_PERCENT}% or more of the requests answered 5xx in 2 of the last 3 periods of 5 minutes.`,
        threshold: SERVER_ERROR_RATE_PERCENT,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    for (const [group, fn] of functions) {
      this.functionErrorAlarms[group] = track(
        fn.metricErrors({ period: PERIOD, statistic: "Sum" }).createAlarm(this, `${group}Errors`, {
          alarmDescription: `coop-plans ${group} function: unhandled errors.`,
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      track(
        fn.metricThrottles({ period: PERIOD, statistic: "Sum" }).createAlarm(this, `${group}Throttles`, {
          alarmDescription: `coop-plans ${group} function: invocations throttled (concurrency exhausted).`,
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const readThrottles = table.metric("ReadThrottleEvents", { period: PERIOD, statistic: "Sum" });
    const writeThrottles = table.metric("WriteThrottleEvents", { period: PERIOD, statistic: "Sum" });
    const tableThrottles = new MathExpression({
      expression: "FILL(reads, 0) + FILL(writes, 0)",
      usingMetrics: { reads: readThrottles, writes: writeThrottles },
      period: PERIOD,
      label: "Throttle events",
    });
    track(
      tableThrottles.createAlarm(this, "TableThrottles", {
        alarmDescription: "coop-plans table: DynamoDB read or write requests throttled.",
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const business = BUSINESS_BURSTS.map((burst) => {
      const metric = new Metric({
        namespace: METRICS_NAMESPACE, metricName: burst.metricName, dimensionsMap: { service: SERVICE_NAME },
        period: PERIOD, statistic: "Sum",
      });
      track(metric.createAlarm(this, burst.id, {
        alarmDescription: `coop-plans functions: ${burst.threshold} or more ${burst.what} in 5 minutes.`,
        threshold: burst.threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }));
      return metric.with({ label: burst.metricName });
    });

    /** One graph with a line per function, labelled with its handler group. */
    const perFunction = (title: string, metric: (fn: IFunction, options: { period: Duration; label: string }) => IMetric): GraphWidget =>
      new GraphWidget({ title, width: 8, left: functions.map(([group, fn]) => metric(fn, { period: PERIOD, label: group })) });

    this.dashboard = new Dashboard(this, "Dashboard", { defaultInterval: Duration.hours(24) });
    this.dashboard.addWidgets(
      new GraphWidget({ title: "API requests and errors", width: 12, left: [requests.with({ label: "Requests" })], right: [clientErrors.with({ label: "4xx (incl. 429 throttled)" }), serverErrors.with({ label: "5xx" })] }),
      new GraphWidget({
        title: "API latency (ms)",
        width: 12,
        left: [api.metricLatency({ period: PERIOD, statistic: "p50", label: "p50" }), api.metricLatency({ period: PERIOD, statistic: "p99", label: "p99" }), api.metricIntegrationLatency({ period: PERIOD, statistic: "p99", label: "Integration p99" })],
      }),
    );
    this.dashboard.addWidgets(
      perFunction("Invocations", (fn, o) => fn.metricInvocations({ ...o, statistic: "Sum" })),
      perFunction("Errors", (fn, o) => fn.metricErrors({ ...o, statistic: "Sum" })),
      perFunction("Duration p99 (ms)", (fn, o) => fn.metricDuration({ ...o, statistic: "p99" })),
    );
    this.dashboard.addWidgets(
      perFunction("Throttles", (fn, o) => fn.metricThrottles({ ...o, statistic: "Sum" })),
      new GraphWidget({
        title: "DynamoDB consumed capacity",
        width: 8,
        left: [table.metricConsumedReadCapacityUnits({ period: PERIOD, label: "Read units" }), table.metricConsumedWriteCapacityUnits({ period: PERIOD, label: "Write units" })],
      }),
      new GraphWidget({ title: "DynamoDB throttles", width: 8, left: [tableThrottles] }),
    );
    this.dashboard.addWidgets(new GraphWidget({ title: "5xx, 409 and 413 answered by the functions", width: 24, left: business }));
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: "Alarms", width: 24, alarms: this.alarms }));
  }
}
