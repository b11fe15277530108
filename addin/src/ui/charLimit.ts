import { formatNumber } from "@coop-plans/shared/format";

/**
 * The hint under a text field with a character limit: «120 de 4.000 caracteres.», or, over the
 * limit, «Tiene 1.500 caracteres; se admiten hasta 1.000: acórtelo.» (`over` true: shown as an error).
 */
export function charLimitHint(length: number, max: number): { text: string; over: boolean } {
  return length > max
    ? { text: `Tiene ${formatNumber(length)} caracteres; se admiten hasta ${formatNumber(max)}: acórtelo.`, over: true }
    : { text: `${formatNumber(length)} de ${formatNumber(max)} caracteres.`, over: false };
}
