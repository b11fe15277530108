import type * as z from "zod";

/**
 * Largest sum of a money column of one plan (total, aporte Sercotec, aporte empresarial,
 * ejecutado) the API accepts: $1.000.000.000.000.000 (10^15 CLP). Each line is capped at 10^12
 * (`Clp`), but thousands of lines could sum past 2^53 (≈ 9 × 10^15), where a JavaScript number
 * stops being exact and the DynamoDB client refuses to store it (a 500 before this check). Under
 * this cap every stored sum is an exact integer.
 */
export const MAX_PLAN_SUM_CLP = 1_000_000_000_000_000;

const COLUMNS = [
  ["total", "el total neto"],
  ["sercotecAmount", "el aporte Sercotec"],
  ["ownAmount", "el aporte empresarial"],
  ["executedAmount", "el monto ejecutado"],
] as const;

/** `$1.234.567` for an exact integer of any size. */
const pesos = (n: bigint) => `$${n.toLocaleString("es-CL")}`;

/**
 * A zod `superRefine` check for a plan (the body of a PUT): the sum of each money column of its
 * investment lines, computed exactly (BigInt), must be at most MAX_PLAN_SUM_CLP. Each offence is an
 * issue at `investmentLines` naming the column and its sum, so the 400 says what to fix.
 */
export function checkMoneySums(plan: unknown, ctx: z.core.$RefinementCtx): void {
  const lines = (plan as { investmentLines?: unknown }).investmentLines;
  if (!Array.isArray(lines)) return;
  for (const [field, label] of COLUMNS) {
    let sum = 0n;
    for (const line of lines) {
      const v = (line as Record<string, unknown> | null)?.[field];
      if (typeof v === "number" && Number.isSafeInteger(v)) sum += BigInt(v);
    }
    if (sum > BigInt(MAX_PLAN_SUM_CLP)) {
      ctx.addIssue({
        code: "custom",
        path: ["investmentLines"],
        message: `En el plan de inversiones, ${label} suma ${pesos(sum)}; el sistema admite hasta ${pesos(BigInt(MAX_PLAN_SUM_CLP))} por plan. Revise los montos de las líneas.`,
      });
    }
  }
}
