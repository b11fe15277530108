import { isApiError } from "@coop-plans/shared/api";
import type { ExitCode } from "./commandResult";

/**
 * A Spanish sentence for a failed API call, and the exit code it deserves: 1 for what the plan or
 * its state caused (409 conflict or locked plan, 422 errors, 400 invalid data), 2 for what stops
 * the command (no connection, no session, no permission, not found, server error).
 */
export function describeApiFailure(error: unknown, base: string): { message: string; exitCode: ExitCode } {
  if (!isApiError(error)) return { message: "Error inesperado al hablar con la API.", exitCode: 2 };
  const p = error.problem;
  switch (p.code) {
    case "NETWORK_ERROR":
      return { message: `No se pudo conectar con la API en ${base}. ¿Está corriendo «npm start»? (o indique otra con --api)`, exitCode: 2 };
    case "UNAUTHENTICATED":
      return { message: `${p.detail} Use «coop-plans login».`, exitCode: 2 };
    case "VERSION_CONFLICT":
      return { message: `${p.detail}${p.currentVersion !== undefined ? ` (versión actual en el servidor: ${p.currentVersion})` : ""}`, exitCode: 1 };
    case "PLAN_LOCKED":
    case "INVALID_TRANSITION":
    case "PLAN_HAS_ERRORS":
    case "IDENTITY_MISMATCH":
    case "VALIDATION_FAILED":
    case "INVALID_JSON":
    case "PLAN_TOO_LARGE":
    case "PAYLOAD_TOO_LARGE":
      return { message: p.field ? `${p.detail} (campo ${p.field})` : p.detail, exitCode: 1 };
    default:
      return { message: p.detail, exitCode: 2 };
  }
}
