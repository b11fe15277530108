import type { Finding, RegionCode } from "../../domain";
import { BUILTIN_PACKS } from "./builtinPacks";
import type { CallParameters } from "./callParameters";
import { packLabel, type CallOverride, type PackId, type RulePack } from "./rulePack";

export * from "./rulePack";
export * from "./callParameters";
export { BUILTIN_PACKS, PACK_2025 } from "./builtinPacks";

/**
 * The outcome of looking up the call of a plan: its parameters (with `fallback`, the PLAN-005
 * warning, when the year has no pack and the newest pack was applied), or the PLAN-001 finding
 * when the plan names no year.
 */
export type CallLookup =
  | { ok: true; call: CallParameters; fallback?: Finding }
  | { ok: false; finding: Finding };

/**
 * The packs in force: for each year, its newest version (a pack is immutable; a correction is a
 * new version). Sorted by year. Packs with the same year and version: the later in the list wins.
 */
export function packsInForce(packs: readonly RulePack[]): RulePack[] {
  const byYear = new Map<number, RulePack>();
  for (const p of packs) {
    const current = byYear.get(p.year);
    if (!current || p.version >= current.version) byYear.set(p.year, p);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * `packs` with `draft` in force for its year: every other pack of that year is left out (a draft
 * is tried as the pack of its year, whatever its version). For `validate --rules pack.json`.
 */
export function withDraftPack(packs: readonly RulePack[], draft: RulePack): RulePack[] {
  return [...packs.filter((p) => p.year !== draft.year), draft];
}

/**
 * The pack that applies to a call year among `packs` (default: the built-in packs): the newest
 * version of that year, else the newest pack of the newest year (`fallback` true: PLAN-005).
 * Null only when `packs` is empty.
 */
export function packForYear(year: number | null, packs: readonly RulePack[] = BUILTIN_PACKS): { pack: RulePack; fallback: boolean } | null {
  const inForce = packsInForce(packs);
  if (inForce.length === 0) return null;
  const exact = year === null ? undefined : inForce.find((p) => p.year === year);
  return exact ? { pack: exact, fallback: false } : { pack: inForce[inForce.length - 1], fallback: true };
}

/**
 * A pack's parameters for a region (null = national): each figure of the region's override
 * replaces the national one whole; `subsidyCap` is merged per modality. Pure; the result shares
 * the pack's arrays: treat it as read-only.
 */
export function resolvePack(pack: RulePack, regionCode: RegionCode | null): CallParameters {
  const override: CallOverride = (regionCode ? pack.regionOverrides[regionCode] : undefined) ?? {};
  const { subsidyCap: capOverride, ...rest } = override;
  const figures = { ...pack.figures };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (figures as Record<string, unknown>)[key] = value;
  }
  figures.subsidyCap = {
    creacion: capOverride?.creacion ?? pack.figures.subsidyCap.creacion,
    fortalecimiento: capOverride?.fortalecimiento ?? pack.figures.subsidyCap.fortalecimiento,
  };
  const { items, groups, source, confirmed, subitemsConfirmed, note } = pack.catalogue;
  return {
    ...figures,
    id: String(pack.year),
    year: pack.year,
    name: pack.name,
    regionCode,
    pack: { year: pack.year, version: pack.version, publishedAt: pack.publishedAt },
    catalogue: { value: items, groups, source, confirmed, subitemsConfirmed, ...(note ? { note } : {}) },
    enumerations: pack.enumerations,
  };
}

/** `resolvePack` once per pack and region: resolving on every plan would cost more than some rules. */
const RESOLVED = new WeakMap<RulePack, Map<RegionCode | null, CallParameters>>();

function resolvedPack(pack: RulePack, regionCode: RegionCode | null): CallParameters {
  let byRegion = RESOLVED.get(pack);
  if (!byRegion) RESOLVED.set(pack, byRegion = new Map());
  let call = byRegion.get(regionCode);
  if (!call) byRegion.set(regionCode, call = resolvePack(pack, regionCode));
  return call;
}

/** The year of a plan's Convocatoria as a number, or null when blank or not a year. */
function yearOf(year: number | string | null | undefined): number | null {
  if (year === null || year === undefined) return null;
  const text = String(year).trim();
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

/**
 * The parameters of the call of `year` (e.g. 2025 or "2025") for a region ("01".."16"; null or
 * omitted = national figures), with the region's overrides applied, under `packs` (the packs in
 * force; default the built-in packs). A year without a pack never blocks: the newest pack
 * applies and `fallback` is the PLAN-005 warning naming it («Se aplicaron las reglas de la
 * convocatoria 2025 (versión 1): las bases de la convocatoria 2026 aún no están cargadas.»).
 * A blank year is `{ ok: false }` with a PLAN-001 error. Never throws. The parameters are shared:
 * treat them as read-only (spread a copy to override a figure).
 */
export function getCall(year: number | string | null | undefined, regionCode?: RegionCode | null, packs: readonly RulePack[] = BUILTIN_PACKS): CallLookup {
  const wanted = yearOf(year);
  const found = wanted === null ? null : packForYear(wanted, packs);
  if (!found) {
    const id = year === null || year === undefined ? "" : String(year).trim();
    return {
      ok: false,
      finding: {
        ruleId: "PLAN-001",
        severity: "error",
        message: id && wanted === null
          ? `La convocatoria «${id}» no es un año: escriba, por ejemplo, 2025.`
          : id ? `No hay reglas cargadas para la convocatoria ${id}.` : "Falta la convocatoria (año) del plan: escriba, por ejemplo, 2025.",
        location: { field: "cooperative.callYear" },
        found: id || null,
      },
    };
  }
  const call = resolvedPack(found.pack, regionCode ?? null);
  if (!found.fallback) return { ok: true, call };
  return { ok: true, call, fallback: fallbackFinding(wanted as number, found.pack) };
}

/** The PLAN-005 warning: the rules of `applied` were used for a plan of `year`, which has no pack. */
export function fallbackFinding(year: number, applied: PackId): Finding {
  return {
    ruleId: "PLAN-005",
    severity: "warning",
    message: `Se aplicaron las reglas de la ${packLabel(applied)}: las bases de la convocatoria ${year} aún no están cargadas.`,
    location: { field: "cooperative.callYear" },
    found: year,
    limit: `${applied.year} v${applied.version}`,
  };
}
