import { gzipSync } from "node:zlib";
import { makeProblem } from "@coop-plans/shared/api";
import { formatFixed } from "@coop-plans/shared/format";
import { problemResponse } from "./httpProblem";

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
 * (Powertools' `compress` middleware only looks for the word: it would gzip for `gzip;q=0`.)
 */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
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
 * Fits a JSON response to Lambda's response limit: a body over COMPRESS_ABOVE_BYTES goes out gzip
 * compressed (`content-encoding: gzip`; the router then base64-encodes it with `isBase64Encoded`)
 * when the client accepts gzip; every JSON answer carries `vary: accept-encoding`. A body that
 * would still pass MAX_RESPONSE_BODY_BYTES becomes a 413 `PLAN_TOO_LARGE` problem with a Spanish
 * detail saying what the user can do. Non-JSON or already encoded responses are returned as they are.
 */
export async function fitResponse(response: Response, acceptEncoding: string | null | undefined): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (response.headers.has("content-encoding") || !/json/.test(type)) return response;
  const headers = new Headers(response.headers);
  headers.set("vary", "accept-encoding");
  const text = await response.text();
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= COMPRESS_ABOVE_BYTES) return new Response(text, { status: response.status, headers });
  const gzip = acceptsGzip(acceptEncoding);
  if (gzip) {
    const zipped = gzipSync(Buffer.from(text, "utf8"), { level: 6 });
    if (Math.ceil(zipped.length / 3) * 4 <= MAX_RESPONSE_BODY_BYTES) {
      headers.set("content-encoding", "gzip");
      return new Response(new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.length), { status: response.status, headers });
    }
  } else if (bytes <= MAX_RESPONSE_BODY_BYTES) {
    return new Response(text, { status: response.status, headers });
  }
  const advice = gzip
    ? "Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar; si el plan realmente es tan grande, contacte al AOS."
    : "Use un cliente que acepte respuestas comprimidas (Accept-Encoding: gzip), como el panel de Excel o la línea de comandos coop-plans; si el problema sigue, contacte al AOS.";
  const tooLarge = problemResponse(makeProblem("PLAN_TOO_LARGE", `La respuesta pesa ${mb(bytes)} MB y supera lo que el servidor puede entregar. ${advice}`));
  tooLarge.headers.set("vary", "accept-encoding");
  return tooLarge;
}
