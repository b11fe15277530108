/** Why a file could not be read as a workbook (parsing contract: CLI exit code 2). */
export type WorkbookReadErrorCode = "not-xlsx" | "legacy-xls" | "encrypted" | "corrupt";

/**
 * Thrown by `readWorkbookGrids` when bytes are not a readable .xlsx workbook. `message` is
 * Spanish (es-CL), names the cause and says what to do; `code` is stable for machines.
 * The underlying library error, if any, is kept in `cause` (English; never shown to users).
 */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;

  constructor(code: WorkbookReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookReadError";
    this.code = code;
  }
}

/** The Spanish message of each read failure: cause plus what to do. */
export const WORKBOOK_READ_MESSAGES: Record<WorkbookReadErrorCode, string> = {
  "not-xlsx":
    "El archivo no es un libro de Excel (.xlsx). Ábralo en Excel y use Archivo > Guardar como > Libro de Excel (.xlsx).",
  "legacy-xls":
    "El archivo está en el formato antiguo de Excel 97-2003 (.xls), que no se puede leer. Guarde el archivo como Libro de Excel (.xlsx) (Archivo > Guardar como) y vuelva a intentarlo.",
  encrypted:
    "El archivo está protegido con contraseña (cifrado) y no se puede leer. Quite la contraseña en Excel (Archivo > Información > Proteger libro > Cifrar con contraseña, deje la contraseña en blanco), guárdelo y vuelva a intentarlo.",
  corrupt:
    "El archivo .xlsx está dañado o incompleto y no se puede leer. Ábralo en Excel (que puede intentar repararlo) y guárdelo de nuevo como Libro de Excel (.xlsx).",
};

/** Builds a `WorkbookReadError` with the standard Spanish message of its code. */
export function workbookReadError(code: WorkbookReadErrorCode, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(code, WORKBOOK_READ_MESSAGES[code], cause === undefined ? undefined : { cause });
}
