/**
 * The bytes of a zip package as the zip readers (ExcelJS, JSZip) take them: a Node `Buffer` over
 * the same memory where Node's Buffer exists (JSZip recognises it across realms, e.g. jsdom, where
 * an `instanceof Uint8Array` check can fail); in a browser, the `Uint8Array` itself. Never install
 * a `Buffer` stand-in in a browser: JSZip would take it for Node's and garble every entry name.
 */
export function zipInput(bytes: Uint8Array): Uint8Array {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  return NodeBuffer && typeof NodeBuffer.alloc === "function" ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}
