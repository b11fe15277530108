import type { HandlerGroup } from "@coop-plans/shared/api";

/**
 * Sizing of one handler group's function. Its DynamoDB access is not chosen here: it is exactly
 * what its code sends, listed beside the store (functions/src/store/tableActions.ts).
 */
export interface HandlerSettings {
  /** Memory in MB; on Lambda it also buys CPU in proportion (1,769 MB = one full vCPU). */
  memorySize: number;
  /** Timeout in seconds; kept under the HTTP API's 30 s integration limit, past which work is wasted. */
  timeoutSeconds: number;
}

/**
 * One entry per handler group of shared/api's `HANDLER_GROUPS`: the `Record` type makes a new group
 * a compile error here until someone sizes it. The choices:
 *
 * - health: one GetItem with a 2 s budget (store/healthCheck.ts): the smallest size; 3 s is ample even cold.
 * - me: one Query (assignments) and two BatchGetItem of at most a gestor's cooperatives; little
 *   CPU; 512 MB keeps the cold start of a ~0.3 MB bundle short; 10 s covers BatchGet retries.
 * - cooperatives: one Query page (GSI1) or a small transaction; like `me`, plus writes.
 * - plans: a PUT carries up to 1 MiB of JSON (5,000 investment lines), which is parsed, validated
 *   with every program rule, gzip-compressed and written in a transaction: CPU-bound, so 1,024 MB
 *   (over half a vCPU) and 20 s, leaving room for one transaction retry on conflict.
 * - consolidation: reads and gunzips the latest revision of every cooperative of a region (all 16
 *   regions for the national view) and aggregates them in memory: the most memory and CPU, 1,536 MB,
 *   and 29 s, the most the HTTP API can wait for.
 * - rulePacks: lists and reads the packs in force (a GetItem and a BatchGetItem), publishes one (a
 *   small transaction) and, for the impact of a pack on a region, reads every latest revision of
 *   the region and checks each plan twice with every rule: consolidation's load, twice the CPU,
 *   so the same 1,536 MB and 29 s.
 *
 * No reserved concurrency: new accounts can have a concurrency quota of 10, where any reservation
 * fails the deployment; the stage throttle (DeploymentConfig) bounds the load instead.
 */
export const HANDLER_SETTINGS: Record<HandlerGroup, HandlerSettings> = {
  health: { memorySize: 128, timeoutSeconds: 3 },
  me: { memorySize: 512, timeoutSeconds: 10 },
  cooperatives: { memorySize: 512, timeoutSeconds: 10 },
  plans: { memorySize: 1024, timeoutSeconds: 20 },
  consolidation: { memorySize: 1536, timeoutSeconds: 29 },
  rulePacks: { memorySize: 1536, timeoutSeconds: 29 },
};
