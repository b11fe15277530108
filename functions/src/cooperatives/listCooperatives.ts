import type { CooperativeList, CooperativeSummary, MeResponse } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import { authorize, inScope } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { DomainError } from "../domainError";
import { InvalidPageTokenError } from "../plans/planStore";

/**
 * A page of a region's cooperatives with their plan status, latest version, totals and findings
 * counts, sorted by name (AOS or Sercotec of the region); `readPage` gives the page wanted once
 * the caller may list (its errors propagate). DomainError: FORBIDDEN 403,
 * VALIDATION_FAILED 400 (field `nextToken`) on a token not issued for this region.
 */
export async function listCooperatives(
  regionCode: RegionCode,
  readPage: () => { limit: number; nextToken?: string | null },
  principal: Principal,
  { store }: UseCaseDeps,
): Promise<CooperativeList> {
  authorize(principal, "cooperative:list", { regionCode });
  const page = readPage();
  try {
    const found = await store.listCooperatives(regionCode, page);
    return { regionCode, items: found.items, nextToken: found.nextToken };
  } catch (error) {
    if (error instanceof InvalidPageTokenError) {
      throw new DomainError("VALIDATION_FAILED", "El parámetro «nextToken» no es válido para esta región: pida la lista desde el comienzo.", { field: "nextToken" });
    }
    throw error;
  }
}

/**
 * Who the caller is — role, regions and, for a gestor/a, the assigned cooperatives with their plan
 * status: only those still assigned to them AND within the token's regions (the ones they may
 * actually open), sorted by name (es).
 */
export async function whoAmI(principal: Principal, { store }: UseCaseDeps): Promise<MeResponse> {
  let cooperatives: CooperativeSummary[] = [];
  if (principal.role === "gestor" && principal.email) {
    const ids = await store.listAssignedCooperativeIds(principal.email);
    const [items, pointers] = await Promise.all([store.getCooperatives(ids), store.getPointers(ids)]);
    cooperatives = items
      .filter((c) => c.gestorEmail === principal.email && inScope(principal.regions, c.regionCode))
      .map((c): CooperativeSummary => {
        const pointer = pointers.get(c.id);
        return {
          ...c,
          status: pointer?.status ?? "borrador",
          version: pointer?.version ?? 0,
          updatedAt: pointer?.updatedAt ?? null,
          totals: pointer?.totals ?? null,
          counts: pointer?.counts ?? null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "es"));
  }
  return { sub: principal.sub, email: principal.email, role: principal.role, regions: principal.regions, cooperatives };
}
