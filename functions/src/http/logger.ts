import { Logger } from "@aws-lambda-powertools/logger";

/**
 * The structured logger of a handler group (Powertools; level from `POWERTOOLS_LOG_LEVEL`).
 * Handlers log the request id, route, principal sub and role, status and duration — never the
 * token, the body, or members' names and RUTs.
 */
export function createLogger(group: string): Logger {
  return new Logger({ serviceName: "coop-plans", persistentKeys: { handlerGroup: group } });
}
