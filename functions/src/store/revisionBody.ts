import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import * as z from "zod";
import { Finding, Plan } from "@coop-plans/shared/domain";
import type { RevisionContent, StoredContent } from "../plans/planStore";

export type { RevisionContent } from "../plans/planStore";

/**
 * How a body is compressed. New bodies use Brotli; `gzip` bodies are still read. Two settings
 * (measured on this machine kind): FAST (quality 4, 256 KiB window) for every body first — the
 * 13 KB JSON of a typical plan in 0.16 ms (q7: 0.38 ms), 450 KB in 8 ms (q7: 58 ms), and the 4.6 MB
 * of a realistic 5,000-line plan with its cell sources in 43 ms to 293 KB (q7: 480 ms, 273 KB);
 * DENSE (quality 7, 4 MiB window) only when the fast result passes `DENSE_RETRY_BYTES`, to squeeze
 * a body near the 400 KB item limit (gzip -9 makes 501 KB of that 5,000-line plan).
 */
export const BodyEncoding = z.enum(["br", "gzip"]);
export type BodyEncoding = z.infer<typeof BodyEncoding>;

/** Brotli settings: quality 0–11 and window bits (log2 of the window size). */
export interface BrotliSetting {
  quality: number;
  windowBits: number;
}

export const FAST_BROTLI: BrotliSetting = { quality: 4, windowBits: 18 };
export const DENSE_BROTLI: BrotliSetting = { quality: 7, windowBits: 22 };

/** A fast result over this many bytes (320 KiB) is recompressed with DENSE_BROTLI. */
export const DENSE_RETRY_BYTES = 320 * 1024;

/** A revision body ready to store: compressed bytes, their encoding, the Brotli quality used and the uncompressed JSON size in bytes. */
export interface EncodedBody {
  data: Uint8Array;
  encoding: BodyEncoding;
  /** Brotli quality that produced `data` (FAST or DENSE); absent when a stored body is reused as is. Not stored. */
  quality?: number;
  bytes: number;
}

const Content = z.object({ plan: Plan, findings: z.array(Finding) });

function brotli(json: Buffer, setting: BrotliSetting): Buffer {
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: setting.quality,
      [constants.BROTLI_PARAM_LGWIN]: setting.windowBits,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** Compresses `{plan, findings}` as JSON with Brotli: FAST_BROTLI, or DENSE_BROTLI when that is too large to fit easily. */
export function encodeRevisionBody(content: RevisionContent): EncodedBody {
  return encodeRevisionJson(JSON.stringify({ plan: content.plan, findings: content.findings }));
}

/** Compresses the JSON text of `{plan, findings}` (already serialised by the caller) as encodeRevisionBody does. */
export function encodeRevisionJson(text: string): EncodedBody {
  const json = Buffer.from(text, "utf8");
  let setting = FAST_BROTLI;
  let data = brotli(json, setting);
  if (data.length > DENSE_RETRY_BYTES) {
    setting = DENSE_BROTLI;
    data = brotli(json, setting);
  }
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), encoding: "br", quality: setting.quality, bytes: json.length };
}

/** Inflates and zod-parses a stored body; throws when it is not a valid revision body. */
export function decodeRevisionBody(data: Uint8Array, encoding: BodyEncoding): RevisionContent {
  const json = (encoding === "br" ? brotliDecompressSync(data) : gunzipSync(data)).toString("utf8");
  return Content.parse(JSON.parse(json));
}

/** A stored body as the port's StoredContent: inflated on `read()`; appended again as it is by a transition. */
export class EncodedContent implements StoredContent {
  constructor(readonly body: EncodedBody) {}

  read(): RevisionContent {
    return decodeRevisionBody(this.body.data, this.body.encoding);
  }
}
