import { makeProblem, PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode, type ProblemExtras } from "@coop-plans/shared/api";
import { DomainError } from "../domainError";

/** A refusal of the HTTP layer itself (unreadable or oversized body, malformed path or query): becomes problem+json. */
export class HttpProblem extends Error {
  readonly problem: Problem;

  constructor(code: ProblemCode, detail: string, extras: ProblemExtras = {}) {
    super(detail);
    this.name = "HttpProblem";
    this.problem = makeProblem(code, detail, extras);
  }
}

/**
 * The problem an error answers with, or null for an unexpected error (a 500 the caller logs).
 * The status comes from the code through shared/api `PROBLEM_STATUS`, the one table from domain
 * error codes to HTTP statuses.
 */
export function problemOf(error: unknown): Problem | null {
  if (error instanceof DomainError) return makeProblem(error.code, error.message, error.extras);
  if (error instanceof HttpProblem) return error.problem;
  return null;
}

const COMMON_HEADERS = { "cache-control": "no-store" };

/** A JSON response (`application/json; charset=utf-8`, `cache-control: no-store`). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...COMMON_HEADERS, "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** An `application/problem+json` response with the problem's status (and optional extra headers). */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...COMMON_HEADERS, "content-type": `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, ...headers },
  });
}

/** Seconds a client should wait before retrying when the database is unavailable (`Retry-After`). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Spanish detail of the 503 answered when the database cannot be reached. */
export const DATABASE_UNAVAILABLE_DETAIL = "Base de datos no disponible, reintente en unos segundos.";

/** The 503 `DATABASE_UNAVAILABLE` problem+json with `Retry-After`. */
export function databaseUnavailableResponse(): Response {
  return problemResponse(makeProblem("DATABASE_UNAVAILABLE", DATABASE_UNAVAILABLE_DETAIL), { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });
}
