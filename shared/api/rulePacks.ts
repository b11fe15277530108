import * as z from "zod";
import { Finding, RegionCode } from "../domain";
import { RulePack } from "../rules/calls/rulePack";

/**
 * The API contract of the rule packs (rules.md, "Rule packs and severity by evidence"). Imported
 * from the schema file, not shared/rules' index, so the contract does not pull in the rules.
 */

const PACK_YEAR_DIGITS = "El año de la convocatoria debe tener cuatro dígitos (por ejemplo 2026).";

/** A call year in a path or a query: four digits, 2000–2100; `missing` is the message when it is absent. */
function packYear(missing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missing : PACK_YEAR_DIGITS) })
    .regex(/^\d{4}$/, { error: PACK_YEAR_DIGITS })
    .transform(Number)
    .pipe(z.number().int().min(2000, { error: "El año de la convocatoria debe estar entre 2000 y 2100." }).max(2100, { error: "El año de la convocatoria debe estar entre 2000 y 2100." }));
}

/** A call year in a path or a query: four digits, 2000–2100. */
export const PackYear = z
  .string({ error: PACK_YEAR_DIGITS })
  .regex(/^\d{4}$/, { error: "El año de la convocatoria debe tener cuatro dígitos (por ejemplo 2026)." })
  .transform(Number)
  .pipe(z.number().int().min(2000, { error: "El año de la convocatoria debe estar entre 2000 y 2100." }).max(2100, { error: "El año de la convocatoria debe estar entre 2000 y 2100." }));

/** A pack version in a query: a positive integer written with digits only. */
export const PackVersion = z
  .string({ error: "La versión del paquete debe ser un entero positivo (1, 2, 3…)." })
  .regex(/^\d{1,6}$/, { error: "La versión del paquete debe ser un entero positivo (1, 2, 3…)." })
  .transform(Number)
  .pipe(z.number().int().positive({ error: "La versión del paquete debe ser un entero positivo (1, 2, 3…)." }));

/** Which pack: a call year and a version (`{ year: 2025, version: 1 }`). */
export const PackRef = z.object({
  year: z.number().int().min(2000).max(2100),
  version: z.number().int().positive(),
});
export type PackRef = z.infer<typeof PackRef>;

/** The pack a revision saved before packs existed counts as (rules.md: «the 2025 pack, version 1»). */
export const LEGACY_PACK: PackRef = Object.freeze({ year: 2025, version: 1 });

/**
 * Body of `PUT /v1/rule-packs/{year}` (Sercotec's central level): the pack and the version it was
 * edited from (`baseVersion`: the version in force for that year, 0 when the year has none). The
 * server assigns `version` (= baseVersion + 1) and `publishedAt`, so the pack may leave them out;
 * the rest is checked by the `RulePack` schema (400 naming the field, `pack.figures…`). A
 * `baseVersion` other than the version in force is 409 VERSION_CONFLICT with `currentVersion`.
 */
export const PublishRulePackRequest = z.object({
  baseVersion: z.number({ error: "Indique «baseVersion»: la versión vigente de la que partió (0 si la convocatoria no tiene reglas)." })
    .int({ error: "«baseVersion» debe ser un entero (0, 1, 2…)." })
    .nonnegative({ error: "«baseVersion» no puede ser negativo." }),
  pack: z.unknown().refine((v) => v !== undefined, { error: "Falta el paquete de reglas («pack»)." }),
});
export type PublishRulePackRequest = z.input<typeof PublishRulePackRequest>;

/** Query of `GET /v1/rule-packs/{year}`: a version (default the one in force). */
export const RulePackQuery = z.object({ version: PackVersion.optional() });
export type RulePackQuery = z.infer<typeof RulePackQuery>;

/** Response of `GET /v1/rule-packs`: the packs in force (the newest version of each year, built-in ones included), by year. */
export const RulePackList = z.object({ items: z.array(RulePack) });
export type RulePackList = z.infer<typeof RulePackList>;

/**
 * Query of `GET /v1/regions/{code}/rule-pack-impact`: the pack whose impact is asked (`year` and
 * `version`, default the version in force) and the date of the time-dependent rules (`asOf`, ISO;
 * default today in America/Santiago).
 */
export const RulePackImpactQuery = z.object({
  year: packYear("Falta el año de la convocatoria cuyo impacto se pide: agréguelo a la consulta, por ejemplo …/rule-pack-impact?year=2026 (en la línea de comandos, coop-plans rules impact --year 2026)."),
  version: PackVersion.optional(),
  asOf: z.iso.date({ error: "La fecha «asOf» debe escribirse AAAA-MM-DD, por ejemplo 2026-03-15." }).optional(),
});
export type RulePackImpactQuery = z.input<typeof RulePackImpactQuery>;

/**
 * One cooperative whose findings change: its latest plan revision (`version`), the pack each side
 * checked it under, and the findings that appear or go away (matched by rule and cell).
 */
export const CooperativePackImpact = z.object({
  cooperativeId: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  before: PackRef.nullable(),
  after: PackRef.nullable(),
  newErrors: z.array(Finding),
  resolvedErrors: z.array(Finding),
  newWarnings: z.array(Finding),
  resolvedWarnings: z.array(Finding),
});
export type CooperativePackImpact = z.infer<typeof CooperativePackImpact>;

/**
 * Response of `GET /v1/regions/{code}/rule-pack-impact`: which of the region's plans change findings
 * when `pack` is in force instead of `comparedWith` (the version before it; null when `pack` is
 * its year's first), each plan checked from its latest revision under its REGISTERED convocatoria,
 * región and modalidad at `asOf`. `plans` counts the cooperatives with a saved plan. Stored
 * revisions never change: a plan is re-checked under the new pack on its next sync.
 */
export const RulePackImpactResponse = z.object({
  regionCode: RegionCode,
  pack: PackRef,
  comparedWith: PackRef.nullable(),
  asOf: z.iso.date(),
  plans: z.number().int().nonnegative(),
  items: z.array(CooperativePackImpact),
});
export type RulePackImpactResponse = z.infer<typeof RulePackImpactResponse>;
