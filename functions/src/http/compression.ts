import { gzipSync } from "node:zlib";
import { makeProblem } from "@coop-plans/shared/api";
import { formatFixed } from "@coop-plans/shared/format";
import type { ApiResult } from "./types";
import { problemResponse } from "./responses";

/** Responses whose JSON is larger than this (8 KiB) are gzip-compressed when the client accepts it. */
export const COMPRESS_ABOVE_BYTES = 8 * 1024;

/**
 * Largest response body we hand to Lambda, as sent (base64 text when compressed): 5.5 MB, under
 * Lambda's 6 MB limit on the whole response payload (status, headers and body).
 */
export const MAX_RESPONSE_BODY_BYTES = 5.5 * 1000 * 1000;

/**
 * True when an `Accept-Encoding` header allows gzip: `gzip` (or `x-gzip`, or `*` when gzip is not
 * listed) with a q-value above 0. `gzip;q=0` refuses it. Absent header → false.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star: number | null = null;
  for (const part of acceptEncoding.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";").map((p) => p.trim());
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (token === "gzip" || token === "x-gzip") return weight > 0;
    if (token === "*") star = weight;
  }
  return star !== null && star > 0;
}

function mb(bytes: number): string {
  return formatFixed(bytes / 1_000_000, 1);
}

/**
 * Fits a JSON result to Lambda's response limit: a body over COMPRESS_ABOVE_BYTES goes out gzip
 * compressed, base64-encoded (`isBase64Encoded: true`, `content-encoding: gzip`) when the client
 * accepts gzip; every JSON answer carries `vary: accept-encoding`. A body that would still pass
 * MAX_RESPONSE_BODY_BYTES becomes a 413 `PLAN_TOO_LARGE` problem with a Spanish detail saying
 * what the user can do. Results already base64-encoded are returned as they are.
 */
export function fitResponse(result: ApiResult, acceptEncoding: string | undefined): ApiResult {
  if (result.isBase64Encoded || typeof result.body !== "string") return result;
  const headers = { ...(result.headers ?? {}), vary: "accept-encoding" };
  const text = result.body;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= COMPRESS_ABOVE_BYTES) return { ...result, headers };
  const gzip = acceptsGzip(acceptEncoding);
  if (gzip) {
    const base64 = gzipSync(Buffer.from(text, "utf8"), { level: 6 }).toString("base64");
    if (base64.length <= MAX_RESPONSE_BODY_BYTES) {
      return { ...result, headers: { ...headers, "content-encoding": "gzip" }, body: base64, isBase64Encoded: true };
    }
  } else if (bytes <= MAX_RESPONSE_BODY_BYTES) {
    return { ...result, headers };
  }
  const advice = gzip
    ? "Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar; si el plan realmente es tan grande, contacte al AOS."
    : "Use un cliente que acepte respuestas comprimidas (Accept-Encoding: gzip), como el panel de Excel o la línea de comandos coop-plans; si el problema sigue, contacte al AOS.";
  const tooLarge = problemResponse(makeProblem("PLAN_TOO_LARGE", `La respuesta pesa ${mb(bytes)} MB y supera lo que el servidor puede entregar. ${advice}`));
  return { ...tooLarge, headers: { ...(tooLarge.headers ?? {}), vary: "accept-encoding" } };
}
