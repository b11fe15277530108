import type { RegionScope } from "@coop-plans/shared/api";
import { DomainError } from "../domainError";
import type { Principal } from "./principal";

/** What a route wants to do. */
export type Permission =
  | "cooperative:register"
  | "cooperative:assign"
  | "cooperative:list"
  | "plan:read"
  | "plan:write"
  | "plan:submit"
  | "plan:return"
  | "plan:approve"
  | "plan:reopen"
  | "consolidation:region"
  | "consolidation:national"
  | "rulePack:publish"
  | "rulePack:impact";

/** What the permission is about: a region and, for plans, the cooperative's assigned gestor/a. */
export interface Resource {
  regionCode?: string;
  gestorEmail?: string | null;
}

/** True when the scope covers the region (`*` covers every region). */
export function inScope(scope: RegionScope, regionCode: string | undefined): boolean {
  if (regionCode === undefined) return false;
  return scope === "*" || scope.includes(regionCode as (typeof scope)[number]);
}

const AOS_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  "cooperative:register", "cooperative:assign", "cooperative:list", "plan:read",
  "plan:return", "plan:approve", "plan:reopen", "consolidation:region", "rulePack:impact",
]);
const SERCOTEC_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["cooperative:list", "plan:read", "consolidation:region", "rulePack:impact"]);
const GESTOR_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["plan:read", "plan:write", "plan:submit"]);

/**
 * The authorization table of DESIGN.md, in one place:
 * - gestor/a: reads, writes and submits the plans of cooperatives assigned to them (by e-mail), in
 *   their regions;
 * - aos: everything in its regions — register cooperatives, assign gestores, list, read plans,
 *   return, approve, reopen, consolidate — but does not edit or submit plans (that is the
 *   gestor/a's work: the reviewer never authors what they approve);
 * - sercotec: lists, reads and consolidates its regions; the national consolidation needs `*`.
 * - rule packs: only Sercotec's central level (`*`) publishes; the AOS and Sercotec of a region
 *   see which of its plans a pack changes (`rulePack:impact`). Reading the packs in force needs
 *   only a session (no permission).
 */
export function can(principal: Principal, permission: Permission, resource: Resource = {}): boolean {
  switch (principal.role) {
    case "gestor":
      return (
        GESTOR_PERMISSIONS.has(permission) &&
        inScope(principal.regions, resource.regionCode) &&
        principal.email !== null &&
        typeof resource.gestorEmail === "string" &&
        resource.gestorEmail.toLowerCase() === principal.email
      );
    case "aos":
      return AOS_PERMISSIONS.has(permission) && inScope(principal.regions, resource.regionCode);
    case "sercotec":
      if (permission === "consolidation:national" || permission === "rulePack:publish") return principal.regions === "*";
      return SERCOTEC_PERMISSIONS.has(permission) && inScope(principal.regions, resource.regionCode);
  }
}

const DENIED: Record<Permission, string> = {
  "cooperative:register": "Solo el AOS de la región puede registrar cooperativas en ella.",
  "cooperative:assign": "Solo el AOS de la región puede asignar gestores a sus cooperativas.",
  "cooperative:list": "No tiene acceso a las cooperativas de esta región.",
  "plan:read": "No tiene acceso al plan de esta cooperativa: no está asignada a usted o es de otra región.",
  "plan:write": "Solo el/la gestor/a asignado/a puede guardar el plan de esta cooperativa.",
  "plan:submit": "Solo el/la gestor/a asignado/a puede enviar el plan de esta cooperativa.",
  "plan:return": "Solo el AOS de la región puede devolver el plan con observaciones.",
  "plan:approve": "Solo el AOS de la región puede aprobar el plan.",
  "plan:reopen": "Solo el AOS de la región puede reabrir un plan aprobado.",
  "consolidation:region": "No tiene acceso al consolidado de esta región.",
  "consolidation:national": "El consolidado nacional es solo para Sercotec de nivel central.",
  "rulePack:publish": "Solo Sercotec de nivel central puede publicar reglas de una convocatoria.",
  "rulePack:impact": "Solo el AOS de la región o Sercotec pueden ver el impacto de las reglas en los planes de esta región.",
};

/** Throws DomainError FORBIDDEN (403) (Spanish detail) unless `can(principal, permission, resource)`. */
export function authorize(principal: Principal, permission: Permission, resource: Resource = {}): void {
  if (!can(principal, permission, resource)) throw new DomainError("FORBIDDEN", DENIED[permission]);
}
