import type { CooperativeList, CooperativeSummary, MeResponse } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import { authorize, inScope } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { DomainError } from "../domainError";
import { InvalidPageTokenError, type PageCursor } from "../plans/planStore";
import { openPageToken, pageTokenSecret, sealPageToken } from "./pageToken";

const INVALID_TOKEN_DETAIL = "El parámetro «nextToken» no es válido para esta lista: pida la lista desde el comienzo.";

/**
 * A page of a region's cooperatives with their plan status, latest version, totals and findings
 * counts, sorted by name (AOS or Sercotec of the region); `readPage` gives the page wanted once
 * the caller may list (its errors propagate). `nextToken` is the store's cursor sealed with an
 * HMAC (pageToken.ts, key `deps.pageTokenSecret` or PAGE_TOKEN_SECRET) bound to the region and
 * the caller's `sub`. DomainError: FORBIDDEN 403, VALIDATION_FAILED 400 (field `nextToken`) on a
 * token that is malformed, edited, forged, signed with another key, issued to someone else or
 * for another region, or whose cursor has not the shape of this region's list.
 */
export async function listCooperatives(
  regionCode: RegionCode,
  readPage: () => { limit: number; nextToken?: string | null },
  principal: Principal,
  deps: UseCaseDeps,
): Promise<CooperativeList> {
  authorize(principal, "cooperative:list", { regionCode });
  const page = readPage();
  const scope = { regionCode, caller: principal.sub };
  const secret = deps.pageTokenSecret ?? pageTokenSecret();
  let after: PageCursor | null = null;
  if (page.nextToken) {
    after = openPageToken(page.nextToken, scope, secret);
    if (!after) throw new DomainError("VALIDATION_FAILED", INVALID_TOKEN_DETAIL, { field: "nextToken" });
  }
  try {
    const found = await deps.store.listCooperatives(regionCode, { limit: page.limit, after });
    return { regionCode, items: found.items, nextToken: found.next ? sealPageToken(found.next, scope, secret) : null };
  } catch (error) {
    if (error instanceof InvalidPageTokenError) throw new DomainError("VALIDATION_FAILED", INVALID_TOKEN_DETAIL, { field: "nextToken" });
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
