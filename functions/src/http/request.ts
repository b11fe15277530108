import { gunzipSync } from "node:zlib";
import type * as z from "zod";
import { MAX_REQUEST_BODY_BYTES } from "@coop-plans/shared/api";
import { HttpProblem } from "./httpProblem";
import type { ApiEvent } from "./types";
import { describeIssues, parseInSpanish } from "./validationMessages";

/** Largest inflated body of a `Content-Encoding: gzip` request (16 MiB). */
export const MAX_INFLATED_BODY_BYTES = 16 * 1024 * 1024;

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
 * A `Content-Encoding: gzip` body is inflated (up to 16 MiB, else 413; corrupt → 400). Read
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
      throw new HttpProblem("PAYLOAD_TOO_LARGE", "El contenido descomprimido supera los 16 MiB permitidos.");
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
 * Reads, parses and validates a JSON body with `schema` (Spanish messages). Throws HttpProblem:
 * 413 when too large, 400 `INVALID_JSON` (field `body`) when it is not JSON, 400
 * `VALIDATION_FAILED` naming the first offending field (dot path) when the schema refuses it.
 */
export function readJsonBody<S extends z.ZodType>(event: ApiEvent, req: Request, schema: S): JsonBody<z.output<S>> {
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
