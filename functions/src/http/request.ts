import { gunzipSync } from "node:zlib";
import type * as z from "zod";
import { MAX_REQUEST_BODY_BYTES } from "@coop-plans/shared/api";
import { HttpProblem } from "./httpProblem";
import type { ApiEvent } from "./types";
import { describeIssues, parseInSpanish } from "./validationMessages";

/**
 * Largest inflated body of a `Content-Encoding: gzip` request: 8 MiB (was 16 MiB). Measured by
 * bench/requestSize.bench.ts on the plan of examples/clean_creacion.xlsx grown line by line (each
 * line with its `source` cells, as the pane and the CLI send it): 2,000 investment lines are
 * 1.9 MiB of JSON (150 KiB gzip), 5,000 lines — the most DESIGN.md keeps — 4.7 MiB (369 KiB gzip),
 * and 5,000 lines with 300-character descriptions 5.9 MiB: the limit leaves 1.7× over the largest
 * realistic plan and 1.36× over that extreme one, and halves what a 1 MiB gzip bomb can make us parse.
 */
export const MAX_INFLATED_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Refuses a body whose `Content-Type` is not JSON with 415 `UNSUPPORTED_MEDIA_TYPE`: accepted are
 * `application/json` and `application/<anything>+json`, with parameters, in UTF-8 (a `charset`
 * other than utf-8 is refused: the body would be misread). A request with no Content-Type at all
 * is read as JSON (every client of ours sends one; API Gateway passes it through).
 */
export function assertJsonContentType(contentType: string | null): void {
  if (contentType === null || contentType.trim() === "") return;
  const [mediaType, ...params] = contentType.split(";").map((p) => p.trim().toLowerCase());
  const json = mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (json && (charset === undefined || charset === "utf-8" || charset === "utf8")) return;
  const shown = contentType.trim().slice(0, 100);
  throw new HttpProblem(
    "UNSUPPORTED_MEDIA_TYPE",
    json
      ? `El cuerpo declara la codificación de caracteres «${charset}»; envíelo en UTF-8 (Content-Type: application/json; charset=utf-8).`
      : `El tipo de contenido «${shown}» no se admite: envíe el cuerpo como JSON (Content-Type: application/json).`,
    { field: "Content-Type" },
  );
}

/** A path parameter (as the router decoded it) parsed with `schema`; HttpProblem 400 naming it when missing or invalid. */
export function pathParam<S extends z.ZodType>(params: Record<string, string>, name: string, schema: S): z.output<S> {
  const parsed = parseInSpanish(schema, params[name]);
  if (!parsed.success) {
    const { detail } = describeIssues(parsed.error, name);
    throw new HttpProblem("VALIDATION_FAILED", detail.replace(`«${name}»`, `«${name}» de la ruta`), { field: name });
  }
  return parsed.data;
}

/** The query string parsed with `schema`; HttpProblem 400 naming the parameter. */
export function queryParams<S extends z.ZodType>(event: ApiEvent, schema: S): z.output<S> {
  const parsed = parseInSpanish(schema, event.queryStringParameters ?? {});
  if (!parsed.success) {
    const { field, detail } = describeIssues(parsed.error, "query");
    throw new HttpProblem("VALIDATION_FAILED", detail, { field });
  }
  return parsed.data;
}

/**
 * The raw request body as bytes, checking its size first: a body over 1 MiB as sent (decoded
 * from base64 when API Gateway encoded it) is refused with 413 before anything is parsed.
 * A `Content-Encoding: gzip` body is inflated (up to MAX_INFLATED_BODY_BYTES, else 413; corrupt → 400). Read
 * from the event, not the Web request: the router turns a binary body into text.
 */
export function readBodyBytes(event: ApiEvent, contentEncoding: string | null): Buffer {
  const raw = event.body ?? "";
  const wireBytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw, "utf8");
  if (wireBytes > MAX_REQUEST_BODY_BYTES) {
    throw new HttpProblem("PAYLOAD_TOO_LARGE", `La solicitud pesa ${(wireBytes / 1048576).toFixed(1).replace(".", ",")} MiB; el máximo es 1 MiB. Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar (el panel de Excel y coop-plans envían el plan comprimido); si el plan realmente es tan grande, contacte al AOS.`);
  }
  const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
  const encoding = (contentEncoding ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return bytes;
  if (encoding !== "gzip") {
    throw new HttpProblem("UNSUPPORTED_MEDIA_TYPE", `La codificación «${encoding}» no se admite: envíe el cuerpo sin comprimir o con gzip.`);
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BODY_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
      throw new HttpProblem("PAYLOAD_TOO_LARGE", `El contenido descomprimido supera los ${MAX_INFLATED_BODY_BYTES / 1048576} MiB permitidos. Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar; si el plan realmente es tan grande, contacte al AOS.`);
    }
    throw new HttpProblem("INVALID_JSON", "El cuerpo declara gzip pero no se pudo descomprimir.", { field: "body" });
  }
}

/** A JSON body read and validated: the value and the size of its JSON text in bytes (after inflating). */
export interface JsonBody<T> {
  value: T;
  bytes: number;
}

/**
 * Reads, parses and validates a JSON body with `schema` (Spanish messages). Route functions call
 * it only once the caller may see the resource (the use cases' `readRequest`). Throws HttpProblem:
 * 415 when the Content-Type is not JSON (assertJsonContentType), 413 when too large, 400 `INVALID_JSON` (field `body`) when it is not JSON, 400
 * `VALIDATION_FAILED` naming the first offending field (dot path) when the schema refuses it.
 */
export function readJsonBody<S extends z.ZodType>(event: ApiEvent, req: Request, schema: S): JsonBody<z.output<S>> {
  assertJsonContentType(req.headers.get("content-type"));
  const bytes = readBodyBytes(event, req.headers.get("content-encoding"));
  const text = bytes.toString("utf8");
  if (text.trim() === "") {
    throw new HttpProblem("INVALID_JSON", "La solicitud no trae cuerpo: envíe un objeto JSON.", { field: "body" });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    throw new HttpProblem(
      "INVALID_JSON",
      `El cuerpo no es JSON válido${position ? ` (error cerca del carácter ${position})` : ""}.`,
      { field: "body" },
    );
  }
  const parsed = parseInSpanish(schema, json);
  if (!parsed.success) {
    const { field, detail } = describeIssues(parsed.error);
    throw new HttpProblem("VALIDATION_FAILED", detail, { field });
  }
  return { value: parsed.data, bytes: bytes.length };
}
