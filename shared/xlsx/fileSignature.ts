/** What the first bytes of a file say it is. */
export type FileSignature = "zip" | "ole" | "ole-encrypted" | "empty" | "other";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `EncryptionInfo` in UTF-16LE: the stream an encrypted OOXML file keeps in its OLE container. */
const ENCRYPTION_INFO = Array.from("EncryptionInfo").flatMap((ch) => [ch.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Sniffs a file's container from its bytes: a zip package (.xlsx), an OLE compound file — a
 * legacy .xls, or an encrypted .xlsx when it holds an `EncryptionInfo` stream — empty, or other.
 */
export function fileSignature(bytes: Uint8Array): FileSignature {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, OLE)) return contains(bytes, ENCRYPTION_INFO) ? "ole-encrypted" : "ole";
  return "other";
}
