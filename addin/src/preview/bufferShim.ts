/**
 * shared/xlsx's readWorkbookGrids wraps the bytes with Node's `Buffer.from(arrayBuffer, offset,
 * length)` before handing them to ExcelJS; browsers have no `Buffer`. ExcelJS's browser build
 * takes a Uint8Array just as well, so the preview page (only) gets this one-method stand-in.
 * Remove it when shared/xlsx stops using the global `Buffer` in the browser.
 */
const g = globalThis as { Buffer?: unknown };
if (typeof g.Buffer === "undefined") {
  g.Buffer = {
    from: (data: ArrayBufferLike | ArrayLike<number>, offset?: number, length?: number) =>
      data instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && data instanceof SharedArrayBuffer)
        ? new Uint8Array(data, offset ?? 0, length ?? data.byteLength - (offset ?? 0))
        : Uint8Array.from(data as ArrayLike<number>),
    isBuffer: () => false,
  };
}
export {};
