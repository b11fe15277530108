import type { ProblemCode, ProblemExtras } from "@coop-plans/shared/api";

/**
 * The codes a use case may fail with: the API's stable problem codes minus those only HTTP raises
 * (unreadable body, unknown route, wire size, media type, an unreachable database) or only a client raises.
 */
export type DomainErrorCode = Exclude<
  ProblemCode,
  "INVALID_JSON" | "ROUTE_NOT_FOUND" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INTERNAL" | "DATABASE_UNAVAILABLE" | "NETWORK_ERROR" | "INVALID_RESPONSE"
>;

/**
 * A refusal of the application layer (use cases, authorization): a stable `code`, a Spanish
 * `message` the user can act on, and the problem extensions (`currentVersion`, `field`,
 * `findings`, `cooperativeId`). The handlers turn it into problem+json with the status of the
 * code in shared/api `PROBLEM_STATUS` (the one table); nothing here knows about HTTP.
 */
export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, detail: string, readonly extras: ProblemExtras = {}) {
    super(detail);
    this.name = "DomainError";
  }
}
