import { countOdsCells, countXlsxCells } from "./cellCount";
import { readZipDirectory, zipEntryData, type ZipEntry } from "./zipDirectory";
import { workbookReadError, type WorkbookReadError } from "./workbookReadError";

/**
 * The documented limits of the reader (issue «The reader», item 4). Together they keep one read of
 * one file under 1 GB of memory and 30 s on this project's machines (bench/reader-bombs.ts
 * measures it); a file past any of them is refused with a Spanish message (`too-large`, or
 * `corrupt` for a zip that lies about its sizes), never read in part.
 * - `fileBytes`: the file itself; `xlsFileBytes` for a legacy .xls (nothing compressed: its
 *   size is its cells).
 * - `uncompressedBytes`: the sum of the sizes a zip package (.xlsx, .xlsb, .ods) declares for its
 *   parts, checked in its central directory before anything is inflated. SheetJS holds about 7–8
 *   bytes of memory per byte of sheet XML: 98 MB of one-cell rows peaked at 776 MB, 120 MB at
 *   975 MB (a 600,000-row sheet of text, the newcomer trial's bomb): so 100 MB, not 300. The
 *   largest real workbook of the 4,096-file corpus declares 59 MB; a plan workbook, under 5 MB.
 * - `compressionRatio`: no part may declare more than this many times its compressed size once
 *   past `ratioFloorBytes` (a zip bomb's signature; real sheets compress 5–30×, at most ~100×).
 * - `binarySheetBytes`: the .bin sheet parts of an .xlsb, added up.
 * - `cells`: the cells stored in a workbook's sheets (.xlsx and .ods), counted in their XML before
 *   any is built (the reader inflates each part itself with its declared size as a hard cap, so a
 *   zip lying about its sizes is refused; see `inflateZipParts`).
 * - `sheetCells`: the rectangle from a sheet's first to its last cell holding a value (rows ×
 *   columns), which is what the grid and the parser walk; formatting alone never widens it.
 * - `workbookCells`: the same rectangles added over all sheets.
 */
export const READ_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  xlsFileBytes: 20 * 1024 * 1024,
  uncompressedBytes: 100 * 1024 * 1024,
  compressionRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
  binarySheetBytes: 48 * 1024 * 1024,
  cells: 1_000_000,
  sheetCells: 5_000_000,
  workbookCells: 10_000_000,
} as const;

const es = new Intl.NumberFormat("es-CL");
const MB = 1024 * 1024;

/** A size for a message: `512 MB`, or `1 KB` below a megabyte. */
function megabytes(bytes: number): string {
  return bytes < MB ? `${es.format(Math.ceil(bytes / 1024))} KB` : `${es.format(Math.ceil(bytes / MB))} MB`;
}

const WHAT_TO_DO =
  "Quite las hojas, imágenes y datos que no sean del plan (o divida el libro), guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.";

/** Refuses a file larger than `READ_LIMITS.fileBytes` (`xlsFileBytes` for an OLE file, `ole` true). */
export function checkFileSize(bytes: Uint8Array, ole = false): void {
  const limit = ole ? READ_LIMITS.xlsFileBytes : READ_LIMITS.fileBytes;
  if (bytes.length > limit) {
    throw tooLarge(`El archivo pesa ${megabytes(bytes.length)} y el límite es ${megabytes(limit)}${ole ? " para el formato antiguo .xls" : ""}. ${WHAT_TO_DO}`);
  }
}

/**
 * Checks a zip package's central directory before anything is inflated: declared sizes within
 * `READ_LIMITS`, no part compressed past `compressionRatio`, .xlsb sheet parts within
 * `binarySheetBytes`. Throws `corrupt` when the directory cannot be read, `encrypted` for an
 * encrypted part, `too-large` past a limit. Linear in the directory; returns its entries.
 */
export function checkZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  if (!entries) throw workbookReadError("corrupt");
  let total = 0;
  let binarySheets = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw workbookReadError("encrypted");
    total += entry.uncompressedSize;
    if (/\.bin$/i.test(entry.name) && /sheet/i.test(entry.name)) binarySheets += entry.uncompressedSize;
    const ratioBomb =
      entry.uncompressedSize > READ_LIMITS.ratioFloorBytes &&
      entry.uncompressedSize > READ_LIMITS.compressionRatio * Math.max(entry.compressedSize, 1);
    if (ratioBomb) {
      throw tooLarge(
        `La parte «${entry.name}» del archivo ocupa ${megabytes(entry.uncompressedSize)} sin comprimir, ${es.format(Math.floor(entry.uncompressedSize / Math.max(entry.compressedSize, 1)))} veces su tamaño comprimido: no parece un libro de Excel normal y no se abre. ${WHAT_TO_DO}`,
      );
    }
  }
  if (total > READ_LIMITS.uncompressedBytes) {
    throw tooLarge(
      `El contenido del archivo ocupa ${megabytes(total)} sin comprimir y el límite es ${megabytes(READ_LIMITS.uncompressedBytes)}. ${WHAT_TO_DO}`,
    );
  }
  if (binarySheets > READ_LIMITS.binarySheetBytes) {
    throw tooLarge(
      `Las hojas del libro binario (.xlsb) ocupan ${megabytes(binarySheets)} sin comprimir y el límite es ${megabytes(READ_LIMITS.binarySheetBytes)}. ${WHAT_TO_DO}`,
    );
  }
  return entries;
}

/** The part of Node's zlib the checks use. */
interface Inflater {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}

/** Node's zlib when running in Node 20.16+ (none in a browser). */
function nodeZlib(): Inflater | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:zlib") as Inflater) : undefined;
}

/** Thrown by `inflateCapped` when a part inflates past its cap. */
class PastDeclaredSize extends Error {}

/**
 * Inflates one raw-deflate part, never producing more than `cap` bytes: Node's zlib with
 * `maxOutputLength` in Node; in a browser (the preview and the pane's «Consolidar archivos
 * recibidos» read the user's files there) the platform's `DecompressionStream("deflate-raw")`,
 * cancelled as soon as its output passes `cap`.
 * @returns the bytes, or undefined for a damaged stream.
 * @throws PastDeclaredSize when the part inflates past `cap`.
 */
async function inflateCapped(stored: Uint8Array, cap: number): Promise<Uint8Array | undefined> {
  const zlib = nodeZlib();
  if (zlib) {
    try {
      return zlib.inflateRawSync(stored, { maxOutputLength: cap });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new PastDeclaredSize();
      return undefined;
    }
  }
  const reader = new Blob([stored as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const out = new Uint8Array(cap);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return length === cap ? out : out.slice(0, length);
      if (length + value.length > cap) {
        void reader.cancel().catch(() => undefined);
        throw new PastDeclaredSize();
      }
      out.set(value, length);
      length += value.length;
    }
  } catch (error) {
    if (error instanceof PastDeclaredSize) throw error;
    return undefined;
  }
}

/** Parts SheetJS reads to build the grids: a damaged one is refused, never skipped (skipping could silently empty a sheet). */
const NEEDED_PART = /\.(xml|rels|bin)$/i;

/**
 * Inflates every part of a zip package, its declared size as a hard cap (Node's zlib in Node, the
 * browser's `DecompressionStream` in a browser; SheetJS's own inflater, which ignores the declared
 * sizes, is never run on a file): a part inflating past what the directory says is refused as
 * `corrupt` (a zip lying about its sizes); a damaged part SheetJS does not need (a truncated
 * thumbnail or image) is left out, a damaged XML part is refused as `corrupt`. Counts the cells of
 * the XML parts (.xlsx worksheets; an .ods `content.xml`, repeats expanded) against
 * `READ_LIMITS.cells` as it goes.
 * @returns name → inflated bytes, in directory order.
 */
export async function inflateZipParts(bytes: Uint8Array, entries: ZipEntry[]): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const stored = zipEntryData(bytes, entry);
    let data: Uint8Array | undefined;
    if (stored && entry.method === 0) data = stored;
    else if (stored && entry.method === 8) {
      try {
        data = await inflateCapped(stored, Math.max(entry.uncompressedSize, 1));
      } catch (error) {
        throw workbookReadError(
          "corrupt",
          error,
          `La parte «${entry.name}» del archivo se expande más de lo que declara (${megabytes(entry.uncompressedSize)}): no parece un libro de Excel normal y no se abre. Ábralo en Excel y guárdelo de nuevo como Libro de Excel (.xlsx).`,
        );
      }
    }
    if (!data) {
      if (NEEDED_PART.test(entry.name)) throw workbookReadError("corrupt");
      continue;
    }
    parts.set(entry.name, data);
    const name = entry.name.toLowerCase();
    if (name === "content.xml") cells += countOdsCells(data);
    else if (name.endsWith(".xml") && !name.endsWith("sharedstrings.xml") && !name.endsWith("styles.xml")) cells += countXlsxCells(data);
    if (cells > READ_LIMITS.cells) {
      throw tooLarge(`El libro guarda más de ${es.format(READ_LIMITS.cells)} celdas (el límite que se puede leer). ${WHAT_TO_DO}`);
    }
  }
  return parts;
}

/**
 * Refuses a sheet whose rectangle of cells with values passes `READ_LIMITS.sheetCells`, naming the
 * sheet, the rectangle and the far cell so the user can find and clear it.
 */
export function sheetTooLarge(sheet: string, range: string, farCell: string, cells: number): WorkbookReadError {
  return tooLarge(
    `La hoja «${sheet}» tiene datos hasta la celda ${farCell}: el área con datos (${range}, ${es.format(cells)} celdas) pasa el límite de ${es.format(READ_LIMITS.sheetCells)} celdas que se pueden leer por hoja. Borre las filas y columnas sobrantes fuera de las tablas (o esa hoja, si no es del plan), guarde el libro y vuelva a intentarlo.`,
  );
}

/** Refuses a workbook whose sheets together pass `READ_LIMITS.workbookCells`. */
export function workbookTooLarge(cells: number): WorkbookReadError {
  return tooLarge(
    `Las hojas del libro suman un área con datos de ${es.format(cells)} celdas y el límite es ${es.format(READ_LIMITS.workbookCells)}. ${WHAT_TO_DO}`,
  );
}

function tooLarge(message: string): WorkbookReadError {
  return workbookReadError("too-large", undefined, message);
}
