import { readFile } from "node:fs/promises";

/** A file that could not be opened: the Spanish reason. */
export class FileAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileAccessError";
  }
}

/**
 * Reads a file's bytes.
 * @throws FileAccessError with a Spanish message (missing file, a folder, no permission, other I/O error).
 */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileAccessError(`No se encontró el archivo «${file}». Revise el nombre y la carpeta.`);
    if (code === "EISDIR") throw new FileAccessError(`«${file}» es una carpeta, no un archivo .xlsx.`);
    if (code === "EACCES" || code === "EPERM") throw new FileAccessError(`No hay permiso para leer «${file}».`);
    throw new FileAccessError(`No se pudo leer «${file}» (${code ?? "error de lectura"}).`);
  }
}
