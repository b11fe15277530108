import { PROBLEM_CONTENT_TYPE, type Problem } from "@coop-plans/shared/api";
import type { ApiResult } from "./types";

const COMMON_HEADERS = { "cache-control": "no-store" };

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode: status,
    headers: { ...COMMON_HEADERS, "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  };
}

/** An `application/problem+json` response with the problem's status. */
export function problemResponse(problem: Problem): ApiResult {
  return {
    statusCode: problem.status,
    headers: { ...COMMON_HEADERS, "content-type": `${PROBLEM_CONTENT_TYPE}; charset=utf-8` },
    body: JSON.stringify(problem),
  };
}
