import type * as z from "zod";
import { es } from "zod/locales";

/**
 * zod's Spanish messages (its `es` locale), used for every parse of a request: a schema's own
 * `error` message wins over them (zod's precedence), so our per-schema texts reach the user as written.
 */
const spanish = es().localeError;

/** `schema.safeParse(value)` with Spanish messages. */
export function parseInSpanish<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(value, { error: spanish }) as z.ZodSafeParseResult<z.output<S>>;
}

/** Dot path of an issue (`plan.investmentLines.3.total`), or the given root when the issue is about the whole value. */
export function issuePath(issue: z.core.$ZodIssue, root: string): string {
  return issue.path.length === 0 ? root : issue.path.map(String).join(".");
}

/**
 * A Spanish detail and the field of the first issue of a failed parse, naming each field:
 * `{ field: "baseVersion", detail: "El campo «baseVersion»: Entrada inválida: se esperaba número, recibido texto." }`.
 * Up to two more issues are appended, so the user fixes several at once.
 */
export function describeIssues(error: z.ZodError, root = "body"): { field: string; detail: string } {
  const sentences = error.issues.slice(0, 3).map((issue) => {
    const text = issue.message.trim();
    return `El campo «${issuePath(issue, root)}»: ${text}${/[.!?…)]$/.test(text) ? "" : "."}`;
  });
  const more = error.issues.length > 3 ? ` (y ${error.issues.length - 3} problema(s) más)` : "";
  return { field: issuePath(error.issues[0], root), detail: sentences.join(" ") + more };
}
