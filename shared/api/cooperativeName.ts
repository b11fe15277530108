/**
 * The comparison key of a cooperative's name: accents, case and spacing ignored, everything else
 * kept — punctuation and, above all, text in parentheses, because gestores tell apart two groups
 * of the same name by it ("Cooperativa X (Valdivia)" and "Cooperativa X (Osorno)" are two
 * cooperatives). `ñ` stays `ñ`.
 * `"  Cooperativa  Apícola (Valdivia) "` → `"cooperativa apicola (valdivia)"`.
 * Used by the registration (a second cooperative with the same key in a region is refused with
 * 409), the server's identity check of a plan (PLAN-004) and the CLI's matching of a workbook to
 * its cooperative.
 */
export function cooperativeNameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/(?!\u0303)[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
