import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import * as z from "zod";
import { Finding, Plan } from "@coop-plans/shared/domain";

/** A revision's content: the plan and the findings the server computed for it. */
export interface RevisionContent {
  plan: Plan;
  findings: Finding[];
}

/**
 * How a body is compressed. New bodies use Brotli (quality 7, 4 MiB window): a realistic plan of
 * 5,000 investment lines with its cell sources is 4.6 MB of JSON, 501 KB with gzip -9 (over the
 * 400 KB item limit) and 279 KB with Brotli q7 in under a second. `gzip` bodies are still read.
 */
export const BodyEncoding = z.enum(["br", "gzip"]);
export type BodyEncoding = z.infer<typeof BodyEncoding>;

/** A revision body ready to store: compressed bytes, their encoding and the uncompressed JSON size in bytes. */
export interface EncodedBody {
  data: Uint8Array;
  encoding: BodyEncoding;
  bytes: number;
}

const Content = z.object({ plan: Plan, findings: z.array(Finding) });

/** Compresses `{plan, findings}` as JSON with Brotli. */
export function encodeRevisionBody(content: RevisionContent): EncodedBody {
  const json = Buffer.from(JSON.stringify({ plan: content.plan, findings: content.findings }), "utf8");
  const data = brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 7,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  return { data: new Uint8Array(data), encoding: "br", bytes: json.length };
}

/** Inflates and zod-parses a stored body; throws when it is not a valid revision body. */
export function decodeRevisionBody(data: Uint8Array, encoding: BodyEncoding): RevisionContent {
  const json = (encoding === "br" ? brotliDecompressSync(data) : gunzipSync(data)).toString("utf8");
  return Content.parse(JSON.parse(json));
}
