/**
 * Writes the add-in's icons (16, 32, 64, 80 px PNG) under addin/public/assets with no image
 * library: a green rounded square with a white "table" glyph, encoded by hand (zlib + CRC32).
 * Run: `npx tsx addin/scripts/makeIcons.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixel of the icon at (x, y) for size s. */
function pixel(x: number, y: number, s: number): [number, number, number, number] {
  const r = s * 0.18;
  const inside = (cx: number, cy: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const inCorner =
    (x < r && y < r && !inside(r, r)) || (x >= s - r && y < r && !inside(s - r - 1, r)) ||
    (x < r && y >= s - r && !inside(r, s - r - 1)) || (x >= s - r && y >= s - r && !inside(s - r - 1, s - r - 1));
  if (inCorner) return [0, 0, 0, 0];
  const m = Math.max(2, Math.round(s * 0.22));
  const inTable = x >= m && x < s - m && y >= m && y < s - m;
  const line = Math.max(1, Math.round(s / 16));
  const rows = [m, m + Math.round((s - 2 * m) / 3), m + Math.round((2 * (s - 2 * m)) / 3), s - m - line];
  const cols = [m, Math.round(s / 2) - Math.floor(line / 2), s - m - line];
  const onLine = rows.some((ry) => y >= ry && y < ry + line) || cols.some((cx) => x >= cx && x < cx + line);
  if (inTable && onLine) return [255, 255, 255, 255];
  if (inTable && y < rows[1]) return [200, 230, 210, 255];
  return [16, 124, 65, 255];
}

/** A PNG (RGBA, 8 bits) of the icon at size s. */
export function iconPng(s: number): Buffer {
  const raw = Buffer.alloc((s * 4 + 1) * s);
  for (let y = 0; y < s; y++) {
    raw[y * (s * 4 + 1)] = 0;
    for (let x = 0; x < s; x++) Buffer.from(pixel(x, y, s)).copy(raw, y * (s * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public/assets");
mkdirSync(out, { recursive: true });
for (const s of [16, 32, 64, 80]) writeFileSync(path.join(out, `icon-${s}.png`), iconPng(s));
console.log(`Íconos escritos en ${out}`);
