import * as z from "zod";
import { Finding, Location } from "../domain";

/**
 * Stable error codes of the API, with their HTTP status. Clients branch on `code`, never on
 * `detail` (Spanish prose that may change). `NETWORK_ERROR` and `INVALID_RESPONSE` never come from
 * the server: the client raises them when the request fails or the response breaks the contract.
 */
export const PROBLEM_STATUS = {
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ROUTE_NOT_FOUND: 404,
  COOPERATIVE_NOT_FOUND: 404,
  PLAN_NOT_FOUND: 404,
  REVISION_NOT_FOUND: 404,
  RULE_PACK_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  PLAN_LOCKED: 409,
  INVALID_TRANSITION: 409,
  DUPLICATE_COOPERATIVE: 409,
  PAYLOAD_TOO_LARGE: 413,
  PLAN_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  PLAN_HAS_ERRORS: 422,
  IDENTITY_MISMATCH: 422,
  GESTOR_ACCOUNT_REFUSED: 422,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  NETWORK_ERROR: 0,
  INVALID_RESPONSE: 0,
} as const;

export const ProblemCode = z.enum(Object.keys(PROBLEM_STATUS) as [keyof typeof PROBLEM_STATUS, ...(keyof typeof PROBLEM_STATUS)[]]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** Spanish title of each code (short; `detail` says what happened and what to do). */
export const PROBLEM_TITLES: Record<ProblemCode, string> = {
  INVALID_JSON: "Cuerpo de la solicitud ilegible",
  VALIDATION_FAILED: "Datos inválidos",
  IDEMPOTENCY_KEY_REQUIRED: "Falta la clave de idempotencia",
  UNAUTHENTICATED: "Sesión no válida",
  FORBIDDEN: "Acceso denegado",
  ROUTE_NOT_FOUND: "Ruta inexistente",
  COOPERATIVE_NOT_FOUND: "Cooperativa no encontrada",
  PLAN_NOT_FOUND: "Plan no encontrado",
  REVISION_NOT_FOUND: "Revisión no encontrada",
  RULE_PACK_NOT_FOUND: "Reglas no encontradas",
  VERSION_CONFLICT: "Conflicto de versiones",
  PLAN_LOCKED: "Plan bloqueado",
  INVALID_TRANSITION: "Cambio de estado no permitido",
  DUPLICATE_COOPERATIVE: "Cooperativa ya registrada",
  PAYLOAD_TOO_LARGE: "Solicitud demasiado grande",
  PLAN_TOO_LARGE: "Plan demasiado grande",
  UNSUPPORTED_MEDIA_TYPE: "Formato no admitido",
  IDEMPOTENCY_KEY_REUSED: "Clave de idempotencia reutilizada",
  PLAN_HAS_ERRORS: "El plan tiene errores",
  IDENTITY_MISMATCH: "El plan es de otra cooperativa",
  GESTOR_ACCOUNT_REFUSED: "La cuenta no puede ser de gestor/a",
  INTERNAL: "Error interno",
  DATABASE_UNAVAILABLE: "Base de datos no disponible",
  NETWORK_ERROR: "Sin conexión con el servidor",
  INVALID_RESPONSE: "Respuesta inesperada del servidor",
};

/** The `type` URI of a code: `urn:coop-plans:problem:version-conflict`. */
export function problemType(code: ProblemCode): string {
  return `urn:coop-plans:problem:${code.toLowerCase().replace(/_/g, "-")}`;
}

/** Media type of every error response. */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * One difference between a plan's identity (its Cooperativa sheet) and the registered cooperative
 * it was sent to, in a 422 IDENTITY_MISMATCH: the field, both values as the user reads them
 * («14 Los Ríos», «Creación y Desarrollo», «2025»), a Spanish sentence naming both («La región del
 * libro (10 Los Lagos) no es la de la cooperativa registrada (14 Los Ríos).») and the cell.
 */
export const IdentityMismatch = z.object({
  field: z.enum(["name", "rut", "regionCode", "modality", "callYear"]),
  workbook: z.string(),
  registered: z.string(),
  message: z.string(),
  location: Location,
});
export type IdentityMismatch = z.infer<typeof IdentityMismatch>;

/**
 * An `application/problem+json` body (RFC 9457) with the project's extensions: a stable `code`,
 * a Spanish `detail`, the `findings` when the plan breaks rules, the `currentVersion` on a
 * version conflict, the offending `field` (dot path, `plan.investmentLines.3.total`) and, when a
 * registration repeats one, the `cooperativeId` of the cooperative already registered, and on an
 * IDENTITY_MISMATCH every `mismatches` between the plan and the registered cooperative.
 */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: ProblemCode,
  detail: z.string(),
  findings: z.array(Finding).optional(),
  currentVersion: z.number().int().nonnegative().optional(),
  field: z.string().optional(),
  cooperativeId: z.string().optional(),
  mismatches: z.array(IdentityMismatch).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Optional extensions of a problem. */
export type ProblemExtras = Pick<Problem, "findings" | "currentVersion" | "field" | "cooperativeId" | "mismatches">;

/** Builds a problem body from its code, Spanish detail and extensions (`type`, `title`, `status` follow from the code). */
export function makeProblem(code: ProblemCode, detail: string, extras: ProblemExtras = {}): Problem {
  const problem: Problem = { type: problemType(code), title: PROBLEM_TITLES[code], status: PROBLEM_STATUS[code], code, detail };
  if (extras.findings !== undefined) problem.findings = extras.findings;
  if (extras.currentVersion !== undefined) problem.currentVersion = extras.currentVersion;
  if (extras.field !== undefined) problem.field = extras.field;
  if (extras.cooperativeId !== undefined) problem.cooperativeId = extras.cooperativeId;
  if (extras.mismatches !== undefined) problem.mismatches = extras.mismatches;
  return problem;
}
