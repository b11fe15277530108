import type * as z from "zod";
import { HttpProblem } from "./httpProblem";
import { describeIssues } from "./zodIssues";
import type { ApiEvent } from "./types";

/** A request header, case-insensitively (API Gateway lower-cases them; the local adapter may not). */
export function header(event: ApiEvent, name: string): string | undefined {
  const headers = event.headers ?? {};
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value ?? undefined;
  return undefined;
}

/** A path parameter parsed with `schema`; throws HttpProblem 400 naming it when missing or invalid. */
export function pathParam<S extends z.ZodType>(event: ApiEvent, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(event.pathParameters?.[name]);
  if (!parsed.success) {
    const { detail } = describeIssues(parsed.error, name);
    throw new HttpProblem("VALIDATION_FAILED", detail.replace(`«${name}»`, `«${name}» de la ruta`), { field: name });
  }
  return parsed.data;
}

/** The query string parsed with `schema`; throws HttpProblem 400 naming the parameter. */
export function queryParams<S extends z.ZodType>(event: ApiEvent, schema: S): z.output<S> {
  const parsed = schema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) {
    const { field, detail } = describeIssues(parsed.error, "query");
    throw new HttpProblem("VALIDATION_FAILED", detail, { field });
  }
  return parsed.data;
}
