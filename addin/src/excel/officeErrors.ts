import { HostError } from "../host/WorkbookHost";

/**
 * Turns whatever Office.js threw into a HostError with a Spanish message (a HostError passes
 * through): the pane never shows Excel's own English text or a stack. `what` names the action
 * ("marcar las celdas", "escribir la hoja «Consolidado»"). Office errors carry a `code`
 * (OfficeExtension.Error: AccessDenied, ItemNotFound, InvalidOperation, …).
 */
export function toHostError(error: unknown, what: string): HostError {
  if (error instanceof HostError) return error;
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  switch (code) {
    case "AccessDenied":
      return new HostError(`Excel no permitió ${what}: la hoja está protegida o el libro se abrió solo para lectura. Desproteja la hoja (Revisar > Desproteger hoja) o guarde una copia editable, y vuelva a intentarlo.`);
    case "ItemNotFound":
      return new HostError(`Excel no encontró una hoja o celda al ${what} (¿se renombró o eliminó una hoja?). Pulse «Validar» de nuevo y vuelva a intentarlo.`);
    case "InvalidOperation":
    case "InvalidArgument":
      return new HostError(`Excel rechazó ${what} en el estado actual del libro (¿una hoja oculta, una celda en edición o un diálogo abierto?). Termine la edición, muestre la hoja y vuelva a intentarlo.`);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new HostError(`El libro es demasiado grande para ${what} de una vez en Excel en la Web. Use Excel de escritorio o divida el libro.`);
    default:
      return new HostError(`Excel no pudo ${what}${code ? ` (código ${code})` : ""}. Vuelva a intentarlo; si se repite, cierre y abra el libro.`);
  }
}
