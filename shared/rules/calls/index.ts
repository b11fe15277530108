import type { Finding, RegionCode } from "../../domain";
import { CALL_2025 } from "./2025";
import { CallParameters, type CallFile, type CallOverride } from "./callParameters";

export * from "./callParameters";
export { CALL_2025 } from "./2025";

/** Every call file loaded, by id (the year as text). */
export const CALLS: Readonly<Record<string, CallFile>> = { "2025": CALL_2025 };

/** The outcome of looking up a call: its parameters, or the PLAN-001 finding that says none is loaded. */
export type CallLookup =
  | { ok: true; call: CallParameters }
  | { ok: false; finding: Finding };

/**
 * A call file's parameters for a region (null = national): each figure of the region's override
 * replaces the national one whole; `subsidyCap` is merged per modality. Throws a ZodError only
 * when the call file itself is malformed.
 */
export function resolveCall(file: CallFile, regionCode: RegionCode | null): CallParameters {
  return applyOverride(file, regionCode ? file.regionOverrides[regionCode] : undefined, regionCode);
}

function applyOverride(file: CallFile, override: CallOverride | undefined, regionCode: RegionCode | null): CallParameters {
  const { regionOverrides, subsidyCap, ...national } = file;
  void regionOverrides;
  const { subsidyCap: capOverride, ...rest } = override ?? {};
  const merged = {
    ...national,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    subsidyCap: { ...subsidyCap, ...Object.fromEntries(Object.entries(capOverride ?? {}).filter(([, v]) => v !== undefined)) },
    regionCode,
  };
  return CallParameters.parse(merged);
}

/**
 * The parameters of the call of `year` (e.g. 2025 or "2025") for a region ("01".."16"; null or
 * omitted = national figures), with the region's overrides applied.
 * Returns `{ ok: false, finding }` with a PLAN-001 error («No hay reglas cargadas para la
 * convocatoria 2026») when no call file exists for that year; never throws.
 */
export function getCall(year: number | string | null | undefined, regionCode?: RegionCode | null): CallLookup {
  const id = year === null || year === undefined ? "" : String(year).trim();
  const file = Object.prototype.hasOwnProperty.call(CALLS, id) ? CALLS[id] : undefined;
  if (!file) {
    const message = id
      ? `No hay reglas cargadas para la convocatoria ${id}. Convocatorias disponibles: ${Object.keys(CALLS).join(", ")}.`
      : "Falta la convocatoria (año) del plan: escriba, por ejemplo, 2025.";
    return {
      ok: false,
      finding: {
        ruleId: "PLAN-001",
        severity: "error",
        message,
        location: { field: "cooperative.callYear" },
        found: id || null,
        limit: Object.keys(CALLS).join(", "),
      },
    };
  }
  return { ok: true, call: resolvedCall(file, regionCode ?? null) };
}

/**
 * `resolveCall` of a loaded call file, once per region: validating the file with zod on every plan
 * would cost more than the rules themselves. The parameters are shared: treat them as read-only
 * (spread a copy to override a figure, as `validatePlan`'s `call` option does).
 */
const RESOLVED = new WeakMap<CallFile, Map<RegionCode | null, CallParameters>>();

function resolvedCall(file: CallFile, regionCode: RegionCode | null): CallParameters {
  let byRegion = RESOLVED.get(file);
  if (!byRegion) RESOLVED.set(file, byRegion = new Map());
  let call = byRegion.get(regionCode);
  if (!call) {
    call = resolveCall(file, regionCode);
    byRegion.set(regionCode, call);
  }
  return call;
}
