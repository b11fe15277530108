import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so equal values give equal text whatever the key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/** SHA-256 (hex) of a request body's canonical JSON: what an idempotency record remembers. */
export function bodyHash(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

/** SHA-256 (hex) of a text. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
