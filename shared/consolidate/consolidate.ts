import { REGIONS, addMoney, zeroMoney, type MilestoneStatus, type MoneyTotals, type Plan, type RegionCode } from "../domain";
import { SEVERITY_RANK, countFindings } from "../findings";
import { PlanStatus } from "../api/planStatus";
import { CATALOGUE_2025, findCatalogueItem, findSubitem, type CatalogueItem } from "../rules/catalogue";
import { getCall } from "../rules/calls";
import type {
  Compliance, Consolidation, ConsolidationStatus, CooperativeRow, FundingSplit, ItemRow, MilestoneRow, RegionRow, RuleCount, StatusRow,
} from "./consolidation";
import type { ConsolidateOptions, ConsolidationInput } from "./consolidationInput";
import { MILESTONE_NAMES } from "./milestoneNames";
import { todayInSantiago } from "../rules/calendarDate";
import { cooperativeProgress } from "./cooperativeProgress";
import { progressReport } from "./progressReport";

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

/** The Sercotec-versus-aporte split of some money (fractions 0–1; null on a zero denominator). */
export function fundingSplit(money: MoneyTotals): FundingSplit {
  const funded = money.sercotecAmount + money.ownAmount;
  return {
    sercotecAmount: money.sercotecAmount,
    ownAmount: money.ownAmount,
    funded,
    sercotecShare: ratio(money.sercotecAmount, funded),
    ownShare: ratio(money.ownAmount, funded),
    ownShareOfSercotec: ratio(money.ownAmount, money.sercotecAmount),
    executedShare: ratio(money.executedAmount, money.total),
  };
}

/** Catalogue position of an ítem row (known ítems in catalogue order, sub-ítems in their order; unknown last). */
function itemOrder(item: string | null, subitem: string | null): number {
  const known = item ? findCatalogueItem(item, CATALOGUE_2025) : undefined;
  if (!known) return Number.MAX_SAFE_INTEGER;
  const sub = subitem ? known.subitems.indexOf(subitem) : -1;
  return CATALOGUE_2025.indexOf(known) * 100 + (sub >= 0 ? sub + 1 : subitem ? 99 : 0);
}

function sortItemRows(rows: ItemRow[]): ItemRow[] {
  const text = (s: string | null) => s ?? "";
  return rows.sort((a, b) =>
    itemOrder(a.item, a.subitem) - itemOrder(b.item, b.subitem)
    || text(a.item).localeCompare(text(b.item), "es")
    || text(a.subitem).localeCompare(text(b.subitem), "es"));
}

/** Each hito's estado in a plan (the first row of each hito number wins). */
function milestoneStatuses(plan: Plan | null): CooperativeRow["milestones"] {
  const result: CooperativeRow["milestones"] = { 1: null, 2: null, 3: null, 4: null };
  for (const m of plan?.milestones ?? []) {
    const n = m.milestone;
    if (n === 1 || n === 2 || n === 3 || n === 4) {
      if (result[n] === null) result[n] = m.status as MilestoneStatus | null;
    }
  }
  return result;
}

/** A cooperative row's finding counts (the consolidation's names for `countFindings`). */
function countSeverities(findings: ConsolidationInput["findings"]): { errors: number; warnings: number; infos: number } {
  const counts = countFindings(findings);
  return { errors: counts.error, warnings: counts.warning, infos: counts.info };
}

/** Which compliance class a row falls in. */
function complianceClass(row: CooperativeRow): "withErrors" | "withWarnings" | "clean" | "withoutPlan" {
  if (!row.hasPlan) return "withoutPlan";
  if (row.errors > 0) return "withErrors";
  if (row.warnings > 0) return "withWarnings";
  return "clean";
}

/**
 * Consolidates the latest plans of a region's (or the country's) cooperatives into the report of
 * DESIGN.md: totals by ítem and sub-ítem, by plan status, by hito, Sercotec versus aporte, rule
 * compliance, one row per cooperative (sorted by region, then name) and one per region.
 *
 * Money is integer CLP, summed line by line as `planTotals` of shared/rules sums it (null amounts
 * count 0; ítems grouped by their catalogue labels); shares are fractions 0–1. A cooperative without a plan (`plan: null`) counts in the status
 * and compliance views (`withoutPlan`) with zero money. Each row carries the progress report's
 * follow-up figures at `options.asOf` (default today). A regional consolidation ignores inputs of
 * other regions. Pure; never throws on well-typed input.
 */
export function consolidate(inputs: ConsolidationInput[], options: ConsolidateOptions): Consolidation {
  const target = options.target;
  const asOf = options.asOf ?? todayInSantiago();
  const selected = "regionCode" in target ? inputs.filter((i) => i.cooperative.regionCode === target.regionCode) : inputs;

  const totals = zeroMoney();
  const items = new Map<string, ItemRow & { coops: Set<string> }>();
  const subitems = new Map<string, ItemRow & { coops: Set<string> }>();
  const statusRows = new Map<ConsolidationStatus, StatusRow>(
    PlanStatus.options.map((status) => [status, { status, cooperatives: 0, ...zeroMoney() }]),
  );
  const milestoneRows: MilestoneRow[] = ([1, 2, 3, 4] as const).map((milestone) => ({
    milestone, name: MILESTONE_NAMES[milestone], pending: 0, inProgress: 0, done: 0, missing: 0,
  }));
  const rules = new Map<string, RuleCount>();
  const rows: CooperativeRow[] = [];

  const bump = (map: Map<string, ItemRow & { coops: Set<string> }>, key: string, seed: Omit<ItemRow, keyof MoneyTotals | "cooperatives" | "lines">, money: MoneyTotals, lines: number, coopId: string) => {
    const row = map.get(key) ?? { ...seed, ...zeroMoney(), cooperatives: 0, lines: 0, coops: new Set<string>() };
    addMoney(row, money);
    row.lines += lines;
    row.coops.add(coopId);
    map.set(key, row);
  };

  for (const input of selected) {
    const { cooperative, plan, findings } = input;
    const money = zeroMoney();
    let lineCount = 0;
    if (plan) {
      const catalogue = catalogueOf(plan);
      lineCount = plan.investmentLines.length;
      for (const line of plan.investmentLines) {
        const { group, item, subitem } = canonicalLine(line, catalogue);
        const lineMoney: MoneyTotals = {
          total: line.total ?? 0, sercotecAmount: line.sercotecAmount ?? 0, ownAmount: line.ownAmount ?? 0, executedAmount: line.executedAmount ?? 0,
        };
        addMoney(money, lineMoney);
        bump(items, JSON.stringify([group, item]), { group, item, subitem: null }, lineMoney, 1, cooperative.id);
        if (subitem !== null && subitem.trim() !== "") {
          bump(subitems, JSON.stringify([group, item, subitem]), { group, item, subitem }, lineMoney, 1, cooperative.id);
        }
      }
    }
    addMoney(totals, money);

    // A registered cooperative without a plan is «Sin plan», never a borrador; `sinPlan` and
    // `archivo` (plans from files) get their row only when there are such cooperatives.
    const statusOf: ConsolidationStatus = plan ? cooperative.status : "sinPlan";
    if (!statusRows.has(statusOf)) statusRows.set(statusOf, { status: statusOf, cooperatives: 0, ...zeroMoney() });
    const status = statusRows.get(statusOf);
    if (status) {
      status.cooperatives++;
      addMoney(status, money);
    }

    const milestones = milestoneStatuses(plan);
    for (const row of milestoneRows) {
      const s = milestones[row.milestone as 1 | 2 | 3 | 4];
      if (s === "Pendiente") row.pending++;
      else if (s === "En curso") row.inProgress++;
      else if (s === "Realizado") row.done++;
      else row.missing++;
    }

    const perRule = new Map<string, number>();
    for (const f of findings) {
      perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      const rule = rules.get(f.ruleId) ?? { ruleId: f.ruleId, severity: f.severity, cooperatives: 0, findings: 0 };
      rule.findings++;
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[rule.severity]) rule.severity = f.severity;
      rules.set(f.ruleId, rule);
    }
    for (const ruleId of perRule.keys()) rules.get(ruleId)!.cooperatives++;

    rows.push({
      id: cooperative.id,
      name: cooperative.name,
      regionCode: cooperative.regionCode,
      modality: cooperative.modality,
      status: statusOf,
      version: cooperative.version,
      updatedAt: cooperative.updatedAt ?? null,
      hasPlan: plan !== null,
      ...money,
      ownShareOfSercotec: ratio(money.ownAmount, money.sercotecAmount),
      lines: lineCount,
      ...countSeverities(findings),
      milestones,
      milestonesDone: Object.values(milestones).filter((s) => s === "Realizado").length,
      progress: plan ? cooperativeProgress(progressReport(plan, { asOf })) : null,
      rulePack: plan ? cooperative.rulePack ?? null : null,
    });
  }

  rows.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, "es") || a.id.localeCompare(b.id));

  const compliance: Compliance = { withErrors: 0, withWarnings: 0, clean: 0, withoutPlan: 0, byRule: [] };
  for (const row of rows) compliance[complianceClass(row)]++;
  compliance.byRule = [...rules.values()].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));

  const strip = (m: Map<string, ItemRow & { coops: Set<string> }>): ItemRow[] =>
    sortItemRows([...m.values()].map(({ coops, ...row }) => ({ ...row, cooperatives: coops.size })));

  return {
    scope: "regionCode" in target
      ? { kind: "region", regionCode: target.regionCode, regionName: REGIONS[target.regionCode].name }
      : { kind: "national" },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    cooperativeCount: rows.length,
    totals,
    funding: fundingSplit(totals),
    byItem: strip(items),
    bySubitem: strip(subitems),
    byStatus: [...statusRows.values()],
    byMilestone: milestoneRows,
    compliance,
    cooperatives: rows,
    byRegion: regionRows(rows, "regionCode" in target ? target.regionCode : null),
  };
}

/** The ítem catalogue of a plan's call (its year and region), or the 2025 catalogue when the call is unknown. */
function catalogueOf(plan: Plan): CatalogueItem[] {
  const lookup = getCall(plan.cooperative.callYear, plan.cooperative.regionCode);
  return lookup.ok ? lookup.call.catalogue.value : CATALOGUE_2025;
}

/**
 * A line's grupo, ítem and sub-ítem with catalogue spelling when recognised (as `planTotals` of
 * shared/rules groups them), the text as typed otherwise.
 */
function canonicalLine(line: Plan["investmentLines"][number], catalogue: CatalogueItem[]): { group: string | null; item: string | null; subitem: string | null } {
  const known = line.item ? findCatalogueItem(line.item, catalogue) : undefined;
  const subitem = known && line.subitem ? findSubitem(known, line.subitem) ?? line.subitem : line.subitem;
  return { group: known?.group ?? line.group, item: known?.item ?? line.item, subitem };
}

/** One row per region present (plus the target region when it has no cooperative), by code. */
function regionRows(rows: CooperativeRow[], targetRegion: RegionCode | null): RegionRow[] {
  const byCode = new Map<RegionCode, RegionRow>();
  const ensure = (code: RegionCode): RegionRow => {
    let row = byCode.get(code);
    if (!row) {
      row = {
        regionCode: code, regionName: REGIONS[code].name, cooperatives: 0, ...zeroMoney(),
        byStatus: Object.fromEntries(PlanStatus.options.map((s) => [s, 0])) as RegionRow["byStatus"],
        withErrors: 0, withWarnings: 0, clean: 0, withoutPlan: 0,
      };
      byCode.set(code, row);
    }
    return row;
  };
  if (targetRegion) ensure(targetRegion);
  for (const c of rows) {
    const r = ensure(c.regionCode);
    r.cooperatives++;
    addMoney(r, c);
    r.byStatus[c.status] = (r.byStatus[c.status] ?? 0) + 1;
    r[complianceClass(c)]++;
  }
  return [...byCode.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}
