import * as z from "zod";
import { CooperativeType, RegionCode } from "../../domain";

/**
 * One figure of a call's parameters: its value, the sources that state it (research.md ids,
 * `"[S2][S3][S4][F]"`, or `"rules.md"` for a program decision without an external source) and
 * whether the figure is confirmed for this call (false = a benchmark or a previous year's value).
 */
export function figure<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    source: z.string().min(1),
    confirmed: z.boolean(),
    /** Why the figure is what it is, when the source alone does not say (e.g. "2022: $3.000.000 [S1]"). */
    note: z.string().optional(),
  });
}

/** Integer CLP, non-negative. */
const Clp = z.number().int().nonnegative();
/** A fraction 0–1. */
const Fraction = z.number().min(0).max(1);

/** A cap that is either a fraction of the summed Sercotec amounts or a fixed CLP amount. */
export const GroupCap = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fraction"), value: Fraction }),
  z.object({ kind: z.literal("clp"), value: Clp }),
]);
export type GroupCap = z.infer<typeof GroupCap>;

/** A catalogue ítem as call data (see catalogue.ts for matching). */
export const CatalogueItemSchema = z.object({
  group: z.string().min(1),
  item: z.string().min(1),
  subitems: z.array(z.string().min(1)),
  variants: z.array(z.string()),
  creacionOnly: z.boolean().optional(),
});

/** A non-financeable expense: its label for messages and a regex over `normalizeLabel`-ed text. */
export const NonFinanceableTerm = z.object({
  label: z.string().min(1),
  pattern: z.string().min(1).refine((p) => {
    try { new RegExp(p); return true; } catch { return false; }
  }, { error: "Expresión regular inválida" }),
});
export type NonFinanceableTerm = z.infer<typeof NonFinanceableTerm>;

/** The figures of a call, each `{ value, source, confirmed }`. Money CLP, shares fractions 0–1. */
export const CallFigures = z.object({
  /** Subsidy cap (sum of Aporte Sercotec) per modality, CLP. INV-005. */
  subsidyCap: z.object({
    creacion: figure(Clp),
    fortalecimiento: figure(Clp),
  }),
  /** Extra cap when some line is tagged Sustentable, CLP (0 = none). INV-005. */
  sustainabilityTopUp: figure(Clp),
  /** Minimum aporte empresarial as a fraction of the summed Sercotec amounts (rounded up to the peso). INV-006. */
  minimumOwnShare: figure(Fraction),
  /** Cap on Acciones de Gestión Empresarial (line totals), or null when the call sets none. INV-007. */
  managementCap: figure(GroupCap.nullable()),
  /** Cap on Capital de trabajo (line totals) as a fraction of the subsidy, or null. INV-007. */
  workingCapitalCap: figure(Fraction.nullable()),
  /** Share of the subsidy above which Capital de trabajo is warned when the call sets no cap. INV-008. */
  workingCapitalWarnShare: figure(Fraction),
  /** Execution period in months from the start date. ACT-002, HITO-001, SEG-001/002. */
  executionMonths: figure(z.number().int().positive()),
  /** Minimum number of members (socios / integrantes). COOP-002. */
  minimumMembers: figure(z.number().int().positive()),
  /** Fortalecimiento: ceiling of annual net sales per member, UF. COOP-004. */
  salesCapPerMemberUf: figure(z.number().positive()),
  /** UF value in CLP used for the sales check. COOP-004. */
  ufValue: figure(z.number().positive()),
  /** Eligible cooperative types. COOP-003. */
  eligibleCooperativeTypes: figure(z.array(CooperativeType).min(1)),
  /** Excluded types (labels as people write them; matched accent- and case-insensitively). COOP-003. */
  excludedCooperativeTypes: figure(z.array(z.string().min(1))),
  /** Quotes (cotizaciones) expected per investment line. INV-013. */
  minimumQuotes: figure(z.number().int().nonnegative()),
  /** Expenses the subsidy does not finance, searched in line descriptions. INV-015. */
  nonFinanceableExpenses: figure(z.array(NonFinanceableTerm)),
  /** Phrases that declare amounts with IVA (normalised regexes). INV-015. */
  vatIncludedPatterns: figure(z.array(z.string().min(1))),
  /** Advisory visits expected per month of execution. SEG-002. */
  visitsPerMonth: figure(z.number().int().nonnegative()),
  /** The catalogue grupo → ítem → sub-ítems. INV-004, INV-009, INV-016. */
  catalogue: figure(z.array(CatalogueItemSchema).min(1)),
});
export type CallFigures = z.infer<typeof CallFigures>;

/** A region's overrides: any figure replaced whole; `subsidyCap` per modality. */
export const CallOverride = CallFigures.partial().extend({
  subsidyCap: CallFigures.shape.subsidyCap.partial().optional(),
});
export type CallOverride = z.infer<typeof CallOverride>;

/** A call file: id (the year as text), year, national figures and optional overrides per region code. */
export const CallFile = CallFigures.extend({
  id: z.string().regex(/^\d{4}$/),
  year: z.number().int(),
  name: z.string().min(1),
  regionOverrides: z.partialRecord(RegionCode, CallOverride).default({}),
});
export type CallFile = z.infer<typeof CallFile>;

/**
 * The parameters the rules use: a call's figures with one region's overrides applied
 * (`regionCode` null = the national figures).
 */
export const CallParameters = CallFigures.extend({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  regionCode: RegionCode.nullable(),
});
export type CallParameters = z.infer<typeof CallParameters>;
