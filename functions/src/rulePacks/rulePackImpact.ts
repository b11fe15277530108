import type { CooperativePackImpact, RulePackImpactResponse } from "@coop-plans/shared/api";
import type { RegionCode } from "@coop-plans/shared/domain";
import { BUILTIN_PACKS, packsInForce, planPackImpact, todayInSantiago, type RulePack } from "@coop-plans/shared/rules";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { getRulePack, listRulePacksInForce } from "./rulePacks";

/** What the impact of a pack on a region is asked for. */
export interface RulePackImpactCommand {
  regionCode: RegionCode;
  /** Reads the query (year, version: default in force, asOf: default today) once the caller may see the region. */
  readQuery: () => { year: number; version?: number; asOf?: string };
}

/**
 * Which of a region's plans change findings under a pack version (`GET /v1/regions/{code}/rule-pack-impact`;
 * the AOS of the region or Sercotec: FORBIDDEN 403 before the query is read). The pack is compared
 * with the version before it (for a year's first pack: the packs in force without it, so the
 * year's plans fall back to the newest other pack as before), every other year as in force; each
 * cooperative's latest revision is checked on both sides under its REGISTERED convocatoria,
 * región and modalidad (shared/rules `planPackImpact`). Stored revisions are not changed.
 * DomainError RULE_PACK_NOT_FOUND 404 for an unknown year or version.
 */
export async function regionRulePackImpact(command: RulePackImpactCommand, principal: Principal, deps: UseCaseDeps): Promise<RulePackImpactResponse> {
  const { store } = deps;
  authorize(principal, "rulePack:impact", { regionCode: command.regionCode });
  const query = command.readQuery();
  const pack = await getRulePack({ year: query.year, readVersion: () => query.version }, principal, deps);
  const inForce = await listRulePacksInForce(principal, deps);
  const others = inForce.filter((p) => p.year !== pack.year);
  let previous: RulePack | null = null;
  if (pack.version > 1) {
    previous = await getRulePack({ year: pack.year, readVersion: () => pack.version - 1 }, principal, deps).catch(() => null);
  }
  const before = packsInForce(previous ? [...others, previous] : others.length > 0 ? others : BUILTIN_PACKS);
  const after = [...others, pack];
  const asOf = query.asOf ?? todayInSantiago();

  const summaries = (await store.listAllCooperatives(command.regionCode)).filter((c) => c.version > 0);
  const revisions = await store.getRevisions(summaries.map((c) => ({ cooperativeId: c.id, version: c.version })));
  const items: CooperativePackImpact[] = [];
  for (const c of summaries) {
    const revision = revisions.get(`${c.id}#${c.version}`);
    if (!revision) throw new Error("Latest pointer points to a missing revision");
    const impact = planPackImpact(revision.content.read().plan, before, after, {
      asOf, registered: { callYear: c.callYear, regionCode: c.regionCode, modality: c.modality },
    });
    if (!impact.changed) continue;
    const { changed: _changed, ...lists } = impact;
    items.push({ cooperativeId: c.id, name: c.name, version: c.version, ...lists });
  }
  return {
    regionCode: command.regionCode,
    pack: { year: pack.year, version: pack.version },
    comparedWith: previous ? { year: previous.year, version: previous.version } : null,
    asOf,
    plans: summaries.length,
    items,
  };
}
