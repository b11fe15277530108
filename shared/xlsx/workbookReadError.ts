/** Why a file could not be read as a workbook (parsing contract: CLI exit code 2). */
export type WorkbookReadErrorCode = "not-xlsx" | "legacy-xls" | "encrypted" | "corrupt" | "too-large" | "too-slow";

/**
 * Thrown by `readWorkbookGrids` when bytes are not a readable workbook. `message` is Spanish
 * (es-CL), names the cause and says what to do; `code` is stable for machines. The underlying
 * library error, if any, is kept in `cause` (English; never shown to users).
 */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;

  constructor(code: WorkbookReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookReadError";
    this.code = code;
  }
}

/** What every refusal ends with: the format the reader always reads. */
export const SAVE_AS_XLSX = "Guarde el archivo como Libro de Excel (.xlsx) (Archivo > Guardar como) y vuelva a intentarlo.";

/** The Spanish message of each read failure: cause plus what to do (`too-large` messages usually carry details; see readLimits). */
export const WORKBOOK_READ_MESSAGES: Record<WorkbookReadErrorCode, string> = {
  "not-xlsx":
    "El archivo no es un libro de Excel (.xlsx) ni una planilla que se pueda leer (.xls, .xlsb, .ods). Ábralo en Excel y use Archivo > Guardar como > Libro de Excel (.xlsx).",
  "legacy-xls": `El archivo está en un formato antiguo de Excel que no se puede leer. ${SAVE_AS_XLSX}`,
  encrypted:
    "El archivo está protegido con contraseña (cifrado) y no se puede leer. Quite la contraseña en Excel (Archivo > Información > Proteger libro > Cifrar con contraseña, deje la contraseña en blanco), guárdelo y vuelva a intentarlo.",
  corrupt:
    "El archivo está dañado o incompleto y no se puede leer. Ábralo en Excel (que puede intentar repararlo) y guárdelo de nuevo como Libro de Excel (.xlsx).",
  "too-large":
    "El archivo es demasiado grande para leerlo. Quite las hojas, imágenes y datos que no sean del plan, guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.",
  "too-slow":
    "El archivo tardó demasiado en leerse y se dejó de lado. Quite las hojas, imágenes y datos que no sean del plan, guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.",
};

/**
 * The `not-xlsx` message for a file of 0 bytes: nothing was ever written to it (a copy or a
 * download cut short, an attachment saved before it arrived), so saving it again as .xlsx cannot help.
 */
export const EMPTY_FILE_MESSAGE =
  "El archivo está vacío (0 bytes): se copió, descargó o guardó a medias. Vuelva a copiarlo o descargarlo desde su origen (por ejemplo, el correo) y vuelva a intentarlo.";

/** Builds a `WorkbookReadError` with the standard Spanish message of its code (or `message` when given). */
export function workbookReadError(code: WorkbookReadErrorCode, cause?: unknown, message?: string): WorkbookReadError {
  return new WorkbookReadError(code, message ?? WORKBOOK_READ_MESSAGES[code], cause === undefined ? undefined : { cause });
}
