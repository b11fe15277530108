/**
 * The central directory of a zip package, read without inflating anything: what each entry
 * claims to be (name, sizes, method, encryption). Pure byte parsing (runs in Node and in the
 * browser); ZIP64 sizes and offsets are honoured.
 */

/** One entry of a zip's central directory. Sizes in bytes, as the directory declares them. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate; anything else is a method the readers do not support. */
  method: number;
  /** General-purpose flag bit 0: the entry is encrypted. */
  encrypted: boolean;
  /** Offset of the entry's local header in the file. */
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const MAX_COMMENT = 0xffff;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

/** A little-endian 64-bit unsigned integer as a number (exact below 2^53, which covers any real file). */
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

/**
 * Lists a zip's entries from its central directory (the end-of-central-directory record is found
 * by scanning back over at most a 64 KiB comment). Returns null when the bytes hold no readable
 * central directory (a truncated or damaged zip). Cost: linear in the directory's size.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= 0 && i >= n - 22 - MAX_COMMENT; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);

  const locator = eocd - 20;
  if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR) {
    const at = u64(bytes, locator + 8);
    if (at + 56 <= n && u32(bytes, at) === ZIP64_EOCD) {
      count = u64(bytes, at + 32);
      size = u64(bytes, at + 40);
      offset = u64(bytes, at + 48);
    }
  }
  if (offset + size > n || count > size / 46) return null;

  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== CENTRAL_HEADER) return null;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const end = extraStart + extraLength + commentLength;
    if (end > n) return null;
    let name = "";
    for (let i = nameStart; i < extraStart; i++) name += String.fromCharCode(bytes[i]);

    // ZIP64 extended information (0x0001): the 0xFFFFFFFF fields, in order.
    for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          uncompressedSize = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.push({ name, compressedSize, uncompressedSize, method, encrypted: (flags & 1) === 1, localHeaderOffset });
    p = end;
  }
  return entries;
}

/**
 * The stored (compressed) bytes of an entry, located through its local header; null when the
 * header is not where the directory says.
 */
export function zipEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) return null;
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}
