import type { Problem } from "./problem";

/**
 * What the API client throws: the server's problem (or a client-side one, `NETWORK_ERROR` /
 * `INVALID_RESPONSE`, with status 0). `message` is the Spanish detail, ready to show.
 */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
    this.problem = problem;
  }

  /** HTTP status (0 when the request never got an answer). */
  get status(): number {
    return this.problem.status;
  }

  /** The stable problem code. */
  get code(): Problem["code"] {
    return this.problem.code;
  }
}

/** True for an ApiError, also across bundles (checks the name, not the prototype). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === "ApiError" && "problem" in error;
}
