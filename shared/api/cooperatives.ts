import * as z from "zod";
import { Modality, RegionCode, isValidRut, normalizeRut } from "../domain";
import { PlanStatus } from "./planStatus";
import { FindingCounts, PlanTotalsSummary, Timestamp } from "./summaries";
import { forbiddenCharacterIn, forbiddenCharacterMessage, MAX_EMAIL_CHARS } from "./textLimits";

/** An e-mail, trimmed and lower-cased (gestores are identified by their e-mail), at most 254 characters. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_CHARS, { error: `El correo admite hasta ${MAX_EMAIL_CHARS} caracteres.` })
  .pipe(z.email({ error: "Correo electrónico inválido: escriba nombre@dominio.cl." }));

/** A cooperative id as the API hands it out (a UUID). */
export const CooperativeId = z.uuid({ error: "Identificador de cooperativa inválido." });

/** The first call year a registration accepts. */
export const MIN_CALL_YEAR = 2000;

/**
 * The last call year a registration accepts. Not «next year»: Sercotec publishes rule packs for
 * calls years ahead and cooperatives are registered under them (rules.md: an unknown call year
 * never blocks), so only what cannot be a year of the program is refused.
 */
export const MAX_CALL_YEAR = 2100;

/**
 * The Spanish problem of a registration's call year, or null when it is a whole year between
 * MIN_CALL_YEAR and MAX_CALL_YEAR: «La convocatoria debe ser un año de cuatro cifras entre 2000 y
 * 2100, por ejemplo 2025 (se indicó 25).» The one check of both the API
 * (RegisterCooperativeRequest) and the CLI (`cooperatives add --call`).
 */
export function callYearProblem(year: unknown): string | null {
  if (typeof year === "number" && Number.isInteger(year) && year >= MIN_CALL_YEAR && year <= MAX_CALL_YEAR) return null;
  const given = typeof year === "number" || (typeof year === "string" && year.trim() !== "") ? ` (se indicó ${String(year).trim()})` : "";
  return `La convocatoria debe ser un año de cuatro cifras entre ${MIN_CALL_YEAR} y ${MAX_CALL_YEAR}, por ejemplo 2025${given}.`;
}
const LIMIT_MESSAGE = "El tamaño de página (limit) debe ser un entero entre 1 y 100.";

/**
 * Body of `POST /v1/regions/{code}/cooperatives` (AOS): the cooperative's name, RUT (optional
 * for a pre-cooperative group; any typed form, stored canonical), modality, call year (2000–2100:
 * `callYearProblem`) and,
 * optionally, the e-mail of its gestor/a. The name has 1–200 characters and no control or
 * bidirectional-override characters. A name equal to one already registered in the region
 * (compared with `cooperativeNameKey`: accents, case and spacing ignored, parentheses kept) or a
 * RUT already registered in the region is refused with 409 `DUPLICATE_COOPERATIVE`: tell two
 * groups of the same name apart with a parenthetical, "Cooperativa X (Valdivia)".
 */
export const RegisterCooperativeRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Escriba el nombre de la cooperativa." })
    .max(200, { error: "El nombre admite hasta 200 caracteres." })
    .superRefine((v, ctx) => {
      const bad = forbiddenCharacterIn(v);
      if (bad) ctx.addIssue({ code: "custom", message: forbiddenCharacterMessage(bad) });
    }),
  rut: z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v.trim() === "") return null;
      const canonical = normalizeRut(v);
      if (!canonical || !isValidRut(canonical)) {
        ctx.addIssue({ code: "custom", message: "RUT inválido: revise el dígito verificador (12345678-9)." });
        return z.NEVER;
      }
      return canonical;
    }),
  modality: z.enum(Modality.options, { error: "La modalidad debe ser «creacion» (Creación y Desarrollo) o «fortalecimiento» (Fortalecimiento)." }),
  callYear: z.number({ error: (issue) => callYearProblem(issue.input) ?? "" }).superRefine((year, ctx) => {
    const problem = callYearProblem(year);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  gestorEmail: Email.nullish(),
});
export type RegisterCooperativeRequest = z.input<typeof RegisterCooperativeRequest>;

/** A registered cooperative. `createdAt` ISO timestamp; `gestorEmail` null while unassigned. */
export const Cooperative = z.object({
  id: z.string().min(1),
  regionCode: RegionCode,
  name: z.string(),
  rut: z.string().nullable(),
  modality: Modality,
  callYear: z.number().int(),
  gestorEmail: z.string().nullable(),
  createdAt: Timestamp,
});
export type Cooperative = z.infer<typeof Cooperative>;

/**
 * What the user directory did with a gestor/a's e-mail on a registration or an assignment, for the
 * AOS to read: `invited` (Cognito: a new account, an e-mail with a temporary password was sent),
 * `existing` (the account existed; `message` says if the region was added), `unchecked` (Entra
 * ID without a lookup: the person must exist in the tenant with the gestor role). Spanish `message`.
 */
export const GestorAccount = z.object({
  outcome: z.enum(["invited", "existing", "unchecked"]),
  message: z.string(),
});
export type GestorAccount = z.infer<typeof GestorAccount>;

/**
 * The answer of a registration or an assignment: the cooperative and, when a gestor/a's e-mail
 * went to the user directory and it has something to say, `gestorAccount` (absent in local mode).
 */
export const CooperativeAssigned = Cooperative.extend({ gestorAccount: GestorAccount.optional() });
export type CooperativeAssigned = z.infer<typeof CooperativeAssigned>;

/**
 * A cooperative with the state of its plan: `version` 0 and null totals/counts while no plan was
 * saved; money in integer CLP.
 */
export const CooperativeSummary = Cooperative.extend({
  status: PlanStatus,
  version: z.number().int().nonnegative(),
  updatedAt: Timestamp.nullable(),
  totals: PlanTotalsSummary.nullable(),
  counts: FindingCounts.nullable(),
});
export type CooperativeSummary = z.infer<typeof CooperativeSummary>;

/** One page of a region's cooperatives; pass `nextToken` back to get the next page (null at the end). */
export const CooperativeList = z.object({
  regionCode: RegionCode,
  items: z.array(CooperativeSummary),
  nextToken: z.string().nullable(),
});
export type CooperativeList = z.infer<typeof CooperativeList>;

/** Query of `GET /v1/regions/{code}/cooperatives`: page size 1–100 (default 50) and the opaque token. */
export const ListCooperativesQuery = z.object({
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int({ error: LIMIT_MESSAGE }).min(1, { error: LIMIT_MESSAGE }).max(100, { error: LIMIT_MESSAGE }).default(50),
  nextToken: z.string().min(1).optional(),
});
export type ListCooperativesQuery = z.input<typeof ListCooperativesQuery>;

/** Body of `PUT /v1/cooperatives/{id}/gestor` (AOS). */
export const AssignGestorRequest = z.object({ gestorEmail: Email });
export type AssignGestorRequest = z.input<typeof AssignGestorRequest>;
