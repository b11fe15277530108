import * as z from "zod";
import { RegionCode } from "../../domain/region";
import { normalizeLabel } from "../../domain/text";

/**
 * A rule pack: one call's parameters as published data (rules.md, "Rule packs and severity by
 * evidence"). `year` and `version` identify it (a published pack is immutable; a correction is a
 * new version), `publishedAt` is when Sercotec's central level published it (null in a draft or
 * the built-in pack), `sources` the documents its figures cite. Every limit is a *figure*
 * `{ value, source, confirmed, note? }`; `confirmed` may be given per modality. A rule whose
 * limit is an unconfirmed figure can only warn. Packs hold keyword lists, never regular
 * expressions: a published pack must not be able to slow every pane and function down.
 * Objects are strict: a misspelt field is refused, never ignored.
 */

/** Whether a figure is stated in the call's bases: one flag, or one per modality where they differ. */
export const Confirmed = z.union([
  z.boolean(),
  z.strictObject({ creacion: z.boolean(), fortalecimiento: z.boolean() }),
]);
export type Confirmed = z.infer<typeof Confirmed>;

/** The source references of a figure: research.md ids `[S1]`, the ficha `[F]`, or `rules.md` for a program decision. */
const SourceRef = z.string().trim().min(1).max(300);

/**
 * One figure: its value, the sources that state it and whether it is confirmed for this call
 * (false = a benchmark or a previous year's value), with an optional note (es-CL) on why.
 */
export function figure<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    source: SourceRef,
    confirmed: Confirmed,
    note: z.string().max(500).optional(),
  });
}

/** Integer CLP, non-negative, at most 10^12. */
const Clp = z.number().int({ error: "debe ser un monto entero en pesos" }).nonnegative().max(1e12);
/** A fraction 0–1. */
const Fraction = z.number().min(0).max(1);
/** A label as people read it (one line, no list separators). */
const Label = z.string().trim().min(1).max(120);
/** A keyword or phrase: matched as whole words of the normalised text (no regular expressions). */
const Keyword = z.string().trim().min(1).max(80).refine((k) => normalizeLabel(k) !== "", {
  error: "la palabra clave debe tener letras o números",
});

/** A cap that is either a fraction of the summed Sercotec amounts or a fixed CLP amount. */
export const GroupCap = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fraction"), value: Fraction }),
  z.strictObject({ kind: z.literal("clp"), value: Clp }),
]);
export type GroupCap = z.infer<typeof GroupCap>;

/** A non-financeable expense: its label for messages and the words or phrases that name it. */
export const NonFinanceableTerm = z.strictObject({
  label: Label,
  keywords: z.array(Keyword).min(1).max(50),
});
export type NonFinanceableTerm = z.infer<typeof NonFinanceableTerm>;

/** The figures of a call. Money CLP, shares fractions 0–1. */
export const CallFigures = z.strictObject({
  /** Subsidy cap (sum of Aporte Sercotec) per modality, CLP. INV-005. */
  subsidyCap: z.strictObject({ creacion: figure(Clp), fortalecimiento: figure(Clp) }),
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
  executionMonths: figure(z.number().int().min(1).max(60)),
  /** Minimum number of members (socios / integrantes). COOP-002. */
  minimumMembers: figure(z.number().int().min(1).max(1000)),
  /** Fortalecimiento: ceiling of annual net sales per member, UF. COOP-004. */
  salesCapPerMemberUf: figure(z.number().positive()),
  /** UF value in CLP used for the sales check. COOP-004. */
  ufValue: figure(z.number().positive().max(1e6)),
  /** Excluded cooperative types (keywords of the Tipo, e.g. «ahorro y crédito»). COOP-007. */
  excludedCooperativeTypes: figure(z.array(Keyword).max(50)),
  /** Ítems financed only in Creación y Desarrollo (catalogue labels). INV-009. */
  creacionOnlyItems: figure(z.array(Label).max(50)),
  /** Quotes (cotizaciones) expected per investment line. INV-013. */
  minimumQuotes: figure(z.number().int().min(0).max(20)),
  /** Expenses the subsidy does not finance, searched in line descriptions. INV-015. */
  nonFinanceableExpenses: figure(z.array(NonFinanceableTerm).max(100)),
  /** Phrases that declare amounts with IVA («con IVA», «IVA incluido»). INV-015. */
  vatIncludedPhrases: figure(z.array(Keyword).max(50)),
  /** Advisory visits expected per month of execution. SEG-002. */
  visitsPerMonth: figure(z.number().int().min(0).max(31)),
});
export type CallFigures = z.infer<typeof CallFigures>;

/** Other spellings by label («Presidenta» → «presidente/a»). */
const Aliases = z.record(Label, z.array(Label).max(50));

/** A catalogue grupo with the other ways people write it («AGE»). */
export const CatalogueGroup = z.strictObject({ label: Label, aliases: z.array(Label).max(50).default([]) });
export type CatalogueGroup = z.infer<typeof CatalogueGroup>;

/**
 * A catalogue ítem: its grupo, its label, the other ways people write it («Marketing»), its
 * official sub-ítems and, per sub-ítem, the words or alternatives that name it alone
 * («Publicidad» → «promoción y publicidad»).
 */
export const CatalogueItem = z.strictObject({
  group: Label,
  item: Label,
  aliases: z.array(Label).max(50).default([]),
  subitems: z.array(Label).max(50).default([]),
  subitemAlternatives: Aliases.default({}),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

/** The catalogue grupo → ítem → sub-ítem, with the evidence of its ítems (INV-004) and of its sub-ítem lists (INV-017). */
export const Catalogue = z.strictObject({
  source: SourceRef,
  /** The ítems are Sercotec's standard ítems. */
  confirmed: Confirmed,
  /** Whether the sub-ítem lists are stated in the bases. */
  subitemsConfirmed: Confirmed,
  note: z.string().max(500).optional(),
  groups: z.array(CatalogueGroup).min(1).max(20),
  items: z.array(CatalogueItem).min(1).max(100),
});
export type Catalogue = z.infer<typeof Catalogue>;

/**
 * An open list (Cargo, Eje, Tipo de cooperativa, Género): the usual values, in display order,
 * and their other spellings. A value outside the list is a warning, never an error.
 */
export const OpenList = z.strictObject({
  values: z.array(Label).min(1).max(100),
  aliases: Aliases.default({}),
  source: SourceRef,
  confirmed: Confirmed,
});
export type OpenList = z.infer<typeof OpenList>;

/** The open lists of the standard workbook. */
export const Enumerations = z.strictObject({
  /** Cargo (Socios). */
  memberRoles: OpenList,
  /** Género (Socios). */
  genders: OpenList,
  /** Eje (Plan de Acción). */
  actionAxes: OpenList,
  /** Tipo de cooperativa (Cooperativa): the eligible types. COOP-003. */
  cooperativeTypes: OpenList,
});
export type Enumerations = z.infer<typeof Enumerations>;

/** A region's overrides: any figure replaced whole; `subsidyCap` per modality. */
export const CallOverride = CallFigures.partial().extend({
  subsidyCap: CallFigures.shape.subsidyCap.partial().optional(),
});
export type CallOverride = z.infer<typeof CallOverride>;

/** A document the pack's figures cite: `id` as figures cite it (`S2` for `[S2]`, `F` for `[F]`). */
export const PackSource = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, { error: "use un identificador como S2 o F" }),
  title: z.string().trim().min(1).max(300),
  url: z.url().optional(),
});
export type PackSource = z.infer<typeof PackSource>;

/** The fields every pack carries before its figures. */
const PackHeader = z.strictObject({
  /** Format of this document; 1 for now. */
  format: z.literal(1),
  /** The call's year (convocatoria). */
  year: z.number().int().min(2000).max(2100),
  /** 1, 2, … per year; assigned by the server on publication. */
  version: z.number().int().min(1).max(100_000),
  /** ISO date-time of publication (server-assigned); null for a draft and the built-in pack. */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The call's name, as people read it. */
  name: z.string().trim().min(1).max(200),
  sources: z.array(PackSource).max(100),
});

/** A rule pack (see the module's docstring). `regionOverrides` by region code. */
export const RulePack = PackHeader.extend({
  figures: CallFigures,
  catalogue: Catalogue,
  enumerations: Enumerations,
  regionOverrides: z.partialRecord(RegionCode, CallOverride).default({}),
}).superRefine((pack, ctx) => {
  const groups = new Set(pack.catalogue.groups.map((g) => normalizeLabel(g.label)));
  const items = new Set<string>();
  pack.catalogue.items.forEach((it, i) => {
    if (!groups.has(normalizeLabel(it.group))) {
      ctx.addIssue({ code: "custom", path: ["catalogue", "items", i, "group"], message: `el grupo «${it.group}» no está en catalogue.groups` });
    }
    const key = normalizeLabel(it.item);
    if (items.has(key)) ctx.addIssue({ code: "custom", path: ["catalogue", "items", i, "item"], message: `el ítem «${it.item}» está repetido` });
    items.add(key);
    for (const sub of Object.keys(it.subitemAlternatives)) {
      if (!it.subitems.some((s) => normalizeLabel(s) === normalizeLabel(sub))) {
        ctx.addIssue({ code: "custom", path: ["catalogue", "items", i, "subitemAlternatives", sub], message: `«${sub}» no es un sub-ítem de «${it.item}»` });
      }
    }
  });
  const onlyCreacion = [pack.figures.creacionOnlyItems.value, ...Object.values(pack.regionOverrides).map((o) => o?.creacionOnlyItems?.value ?? [])];
  for (const list of onlyCreacion) list.forEach((label, i) => {
    if (!items.has(normalizeLabel(label))) {
      ctx.addIssue({ code: "custom", path: ["figures", "creacionOnlyItems", "value", i], message: `el ítem «${label}» no está en el catálogo` });
    }
  });
  const cited = new Set(pack.sources.map((s) => s.id));
  const refs = JSON.stringify({ figures: pack.figures, catalogue: pack.catalogue.source, enumerations: pack.enumerations, regionOverrides: pack.regionOverrides })
    .match(/\[[A-Z][A-Z0-9]{0,9}\]/g) ?? [];
  for (const ref of new Set(refs)) {
    const id = ref.slice(1, -1);
    if (!cited.has(id)) ctx.addIssue({ code: "custom", path: ["sources"], message: `la fuente ${ref} se cita pero no está en sources` });
  }
});
export type RulePack = z.infer<typeof RulePack>;
/** A pack as written (defaults not yet applied). */
export type RulePackInput = z.input<typeof RulePack>;

/** The identity of a pack: year and version (`2025`, `1`). */
export interface PackId {
  year: number;
  version: number;
}

/** «convocatoria 2025 (versión 1)». */
export function packLabel(pack: PackId): string {
  return `convocatoria ${pack.year} (versión ${pack.version})`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "un texto", number: "un número", boolean: "verdadero o falso", object: "un objeto", array: "una lista",
  null: "null", undefined: "un valor", int: "un número entero", nan: "un número",
};

/** Spanish text of one zod issue (independent of zod's global locale). */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": return `se esperaba ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "array") return `debe tener al menos ${n} ${n === 1 ? "elemento" : "elementos"}`;
      if (issue.origin === "string") return n <= 1 ? "no puede estar vacío" : `debe tener al menos ${n} caracteres`;
      return `debe ser ${issue.inclusive === false ? "mayor que" : "mayor o igual a"} ${n}`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "array") return `puede tener a lo más ${n} elementos`;
      if (issue.origin === "string") return `puede tener a lo más ${n} caracteres`;
      return `debe ser ${issue.inclusive === false ? "menor que" : "menor o igual a"} ${n}`;
    }
    case "invalid_value": return `debe ser ${issue.values.map((v) => JSON.stringify(v)).join(" o ")}`;
    case "unrecognized_keys": return `campo desconocido: ${issue.keys.join(", ")}`;
    case "invalid_format": return issue.format === "datetime" ? "debe ser una fecha y hora ISO (2026-03-01T12:00:00Z)" : issue.format === "url" ? "debe ser una dirección web" : "formato no válido";
    case "invalid_union": return "valor no válido (revise el tipo: por ejemplo confirmed es true, false o { creacion, fortalecimiento })";
    case "invalid_key": return "clave no válida (las regiones van como 01 a 16)";
    case "not_multiple_of": return "debe ser un número entero";
    default: return issue.message;
  }
}

/** One problem of a pack: the field (dotted path) and a Spanish message. */
export interface PackProblem {
  field: string;
  message: string;
}

/** The outcome of checking a pack document. */
export type PackCheck = { ok: true; pack: RulePack } | { ok: false; problems: PackProblem[] };

/**
 * Checks a rule pack document (parsed JSON) against the schema; never throws. Each problem names
 * the field (`figures.minimumOwnShare.value`) and says in Spanish what is wrong.
 */
export function checkRulePack(document: unknown): PackCheck {
  const parsed = RulePack.safeParse(document);
  if (parsed.success) return { ok: true, pack: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(documento)",
    message: issue.code === "custom" ? issue.message : issueText(issue),
  }));
  return { ok: false, problems };
}

/** A pack's problems as lines «campo: mensaje». */
export function formatPackProblems(problems: readonly PackProblem[]): string[] {
  return problems.map((p) => `${p.field}: ${p.message}`);
}
