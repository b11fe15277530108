import type * as z from "zod";
import { formatNumber } from "../format";

import { MAX_PLAN_TEXT_CHARS } from "../domain/text";

/** Longest text a plan field may hold at the API boundary (names, descriptions, comments): 2,000 characters (shared/domain). */
export { MAX_PLAN_TEXT_CHARS };

/** Longest e-mail address (RFC 5321 path limit): 254 characters. */
export const MAX_EMAIL_CHARS = 254;

/**
 * Characters refused in any text the API stores: C0 controls but tab, line feed and carriage
 * return (NUL among them), DEL, and the bidirectional embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069 (they make a name read differently from what it is).
 */
export const FORBIDDEN_TEXT_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Spanish description of the first forbidden character of `text`, or null when it has none. */
export function forbiddenCharacterIn(text: string): string | null {
  const m = FORBIDDEN_TEXT_CHARACTERS.exec(text);
  if (!m) return null;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `U+${code}`;
}

/** The message of a forbidden character (Spanish; names the character's code point). */
export function forbiddenCharacterMessage(codePoint: string): string {
  return `El texto contiene un carácter de control no permitido (${codePoint}): bórrelo y vuelva a escribir el texto.`;
}

/**
 * A zod `superRefine` check for a whole JSON value (the plan of a PUT): every string, at any depth,
 * must have at most MAX_PLAN_TEXT_CHARS characters (MAX_EMAIL_CHARS for fields whose name says
 * e-mail) and no FORBIDDEN_TEXT_CHARACTERS. Each offence is an issue at the string's path, so the
 * 400 names the field (`plan.investmentLines.3.description`).
 */
export function checkTextLimits(value: unknown, ctx: z.core.$RefinementCtx): void {
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === "string") {
      const last = String(path[path.length - 1] ?? "");
      const max = /e-?mail/i.test(last) ? MAX_EMAIL_CHARS : MAX_PLAN_TEXT_CHARS;
      if (v.length > max) {
        ctx.addIssue({ code: "custom", path, message: `El texto admite hasta ${formatNumber(max)} caracteres y tiene ${formatNumber(v.length)}.` });
      }
      const bad = forbiddenCharacterIn(v);
      if (bad) ctx.addIssue({ code: "custom", path, message: forbiddenCharacterMessage(bad) });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (key.length > 200 || forbiddenCharacterIn(key)) {
          ctx.addIssue({ code: "custom", path, message: "El objeto tiene un nombre de campo inválido (demasiado largo o con caracteres de control)." });
          continue;
        }
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
}
