import { rename, stat, unlink, writeFile, chmod } from "node:fs/promises";
import path from "node:path";
import { bindingFromProperties, bindingProperties, type WorkbookBinding } from "@coop-plans/shared/workbook";
import { readPackageProperties, writeCustomProperties } from "@coop-plans/shared/xlsx";
import { FileAccessError, readFileBytes } from "./readFileBytes";

/** The file operations a binding write uses; tests inject failures (they run as root, so permissions cannot fail for real). */
export interface BindingFs {
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const nodeBindingFs: BindingFs = {
  writeFile: (file, bytes) => writeFile(file, bytes, { flag: "wx" }),
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
};

/** Only `.xlsx` workbooks carry a binding (legacy and other formats are asked to be saved as .xlsx). */
export function canBind(file: string): boolean {
  return path.extname(file).toLowerCase() === ".xlsx";
}

/**
 * The binding a workbook file carries (custom document properties), or null when it has none.
 * @throws FileAccessError (Spanish) when the file cannot be read; WorkbookReadError when it is not an .xlsx package.
 */
export async function readBindingOfFile(file: string): Promise<WorkbookBinding | null> {
  return bindingFromProperties((await readPackageProperties(await readFileBytes(file))).custom);
}

/** Spanish reason of a write failure. */
function writeFailure(file: string, error: unknown): FileAccessError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why =
    code === "EBUSY" || code === "ETXTBSY"
      ? "el archivo está abierto en otro programa (ciérrelo en Excel)"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "no hay permiso para modificarlo (archivo o carpeta de solo lectura)"
        : code === "ENOSPC"
          ? "no queda espacio en el disco"
          : `error ${code ?? "de escritura"}`;
  return new FileAccessError(`No se pudo guardar la vinculación en «${file}»: ${why}.`);
}

/**
 * Records `binding` inside the workbook file with a lossless edit of its custom properties (see
 * shared/xlsx `writeCustomProperties`): the new package is written beside the file and renamed
 * over it, so the file is either the old one or the new one, never half written; its permission
 * bits are kept. `bytes` may pass the content already read (the same file's bytes).
 * @throws FileAccessError (Spanish) when the file cannot be read or written — nothing is changed then;
 *   WorkbookReadError when it is not an .xlsx package.
 */
export async function writeBindingToFile(file: string, binding: WorkbookBinding, fs: BindingFs = nodeBindingFs, bytes?: Uint8Array): Promise<void> {
  const source = bytes ?? (await readFileBytes(file));
  const edited = await writeCustomProperties(source, bindingProperties(binding));
  const temp = path.join(path.dirname(file), `.~${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, edited);
  } catch (error) {
    throw writeFailure(file, error);
  }
  try {
    const mode = (await stat(file).catch(() => null))?.mode;
    if (mode !== undefined) await chmod(temp, mode & 0o7777).catch(() => undefined);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw writeFailure(file, error);
  }
}
