import * as z from "zod";

/** Integer CLP (pesos chilenos, no decimals), non-negative, a safe integer up to 10^12 (a billón de pesos). */
export const Clp = z.number().int().nonnegative().max(1e12, { error: "El monto admite hasta $1.000.000.000.000." });
/** ISO calendar date `YYYY-MM-DD` (America/Santiago day). */
export const IsoDate = z.iso.date();
/** A RUT in canonical form: body without dots, dash, upper-case check digit (`15110178-K`); kept as typed even when its check digit is wrong. */
export const Rut = z.string().regex(/^\d{1,9}-[\dK]$/, { error: "RUT con formato inválido: escriba 12345678-9." });
/** A fraction 0–1 (30 % is 0.3). */
export const Fraction = z.number().min(0).max(1);
