import { isApiError } from "@coop-plans/shared/api";
import { HostError } from "../host/WorkbookHost";

/** A Spanish message for any error the pane catches (API problem, host error, or unexpected). */
export function messageOf(error: unknown): string {
  if (isApiError(error)) return error.problem.detail;
  if (error instanceof HostError) return error.message;
  return `Ocurrió un error inesperado (${error instanceof Error ? error.message : String(error)}). Vuelva a intentarlo; si se repite, avise al equipo de soporte.`;
}
