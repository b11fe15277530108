import type { MoneyTotals, Plan, PlanCounts, PlanTotalsSummary } from "../domain";
import { findCatalogueItem, findSubitem } from "./catalogue";
import { getCall, type CallParameters } from "./calls";

/** The sums of one (grupo, ítem, sub-ítem) of the plan de inversiones, CLP. */
export interface ItemTotal extends MoneyTotals {
  group: string | null;
  item: string | null;
  subitem: string | null;
}

/**
 * The figures of a plan that the rules, the API, consolidation, `validate --json` and the pane
 * share, in the one vocabulary of shared/domain `totals`: the money sums (`total`,
 * `sercotecAmount`, `ownAmount`, `executedAmount`, integer CLP) and the record counts
 * (`investmentLines`, `actions`, `members`, `milestones`, `results`), plus:
 */
export interface PlanTotals extends MoneyTotals, PlanCounts {
  /** ownAmount ÷ sercotecAmount, fraction (0.0246 = 2,46 %); null when sercotecAmount is 0. */
  ownShareOfSercotec: number | null;
  /** Sum of Total neto of the Capital de trabajo lines, CLP. */
  workingCapitalTotal: number;
  /** Sum of Total neto of the Acciones de Gestión Empresarial lines, CLP. */
  managementTotal: number;
  /** Sums by (grupo, ítem, sub-ítem), in catalogue order; unknown ítems last, in order of appearance. */
  byItem: ItemTotal[];
  /**
   * The call's limits for this plan: `sercotecCap` = the modality's cap (+ the sustainability
   * top-up when a line is Sustentable), `minimumOwnTotal` = ⌈minimum share × sercotecAmount⌉.
   * Null when the plan has no known call or modality.
   */
  limits: { sercotecCap: number | null; minimumOwnTotal: number | null };
}

/** ⌈share × amount⌉ in pesos, immune to binary rounding (0.02 × 7.190.000 = 143.800, not 143.801). */
export function minimumOwnAmount(share: number, sercotecTotal: number): number {
  return Math.ceil(Number((share * sercotecTotal).toFixed(6)));
}

/** The Sercotec cap of a plan under a call: the modality's cap, plus the top-up when a line is Sustentable. */
export function sercotecCapOf(plan: Plan, call: CallParameters): number | null {
  const modality = plan.cooperative.modality;
  if (!modality) return null;
  const topUp = plan.investmentLines.some((l) => l.sustainable === true) ? call.sustainabilityTopUp.value : 0;
  return call.subsidyCap[modality].value + topUp;
}

/**
 * The plan's totals (all CLP integers as typed; null amounts count 0). `call` defaults to the
 * plan's own call (`getCall(cooperative.callYear, regionCode)`); limits are null without one.
 * Clean sample: total 7.367.000, sercotecAmount 7.190.000, ownAmount 177.000,
 * workingCapitalTotal 630.000, minimumOwnTotal 143.800.
 */
export function planTotals(plan: Plan, call?: CallParameters): PlanTotals {
  const params = call ?? (() => {
    const lookup = getCall(plan.cooperative.callYear, plan.cooperative.regionCode);
    return lookup.ok ? lookup.call : undefined;
  })();
  const catalogue = params?.catalogue.value;
  const lines = plan.investmentLines;
  const cat = catalogue ?? [];
  let total = 0;
  let sercotecAmount = 0;
  let ownAmount = 0;
  let executedAmount = 0;
  let workingCapitalTotal = 0;
  let managementTotal = 0;
  // Rows by (grupo, ítem, sub-ítem) — null and a missing value are the same key — in order of first appearance.
  const byKey = new Map<unknown, Map<unknown, Map<unknown, ItemTotal & { order: number }>>>();
  const rows: (ItemTotal & { order: number })[] = [];
  const keyOf = (v: string | null | undefined) => v ?? null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    total += l.total ?? 0;
    sercotecAmount += l.sercotecAmount ?? 0;
    ownAmount += l.ownAmount ?? 0;
    executedAmount += l.executedAmount ?? 0;
    const item = l.item ? findCatalogueItem(l.item, catalogue) : undefined;
    if (item?.item === "Capital de trabajo") workingCapitalTotal += l.total ?? 0;
    if (item?.group === "Acciones de Gestión Empresarial") managementTotal += l.total ?? 0;

    const subitem = item && l.subitem ? findSubitem(item, l.subitem) ?? l.subitem : l.subitem;
    const group = item?.group ?? l.group;
    const itemLabel = item?.item ?? l.item;
    let byItem = byKey.get(keyOf(group));
    if (!byItem) byKey.set(keyOf(group), byItem = new Map());
    let bySub = byItem.get(keyOf(itemLabel));
    if (!bySub) byItem.set(keyOf(itemLabel), bySub = new Map());
    let row = bySub.get(keyOf(subitem));
    if (!row) {
      const itemIndex = item ? cat.indexOf(item) : -1;
      const subIndex = item && subitem ? item.subitems.indexOf(subitem) : -1;
      const order = itemIndex >= 0 ? itemIndex * 100 + (subIndex + 1) : 1_000_000 + i;
      row = { group, item: itemLabel, subitem, total: 0, sercotecAmount: 0, ownAmount: 0, executedAmount: 0, order };
      bySub.set(keyOf(subitem), row);
      rows.push(row);
    }
    row.total += l.total ?? 0;
    row.sercotecAmount += l.sercotecAmount ?? 0;
    row.ownAmount += l.ownAmount ?? 0;
    row.executedAmount += l.executedAmount ?? 0;
  }
  const byItem = rows.sort((a, b) => a.order - b.order).map(({ order, ...rest }) => { void order; return rest; });

  return {
    total,
    sercotecAmount,
    ownAmount,
    executedAmount,
    investmentLines: lines.length,
    actions: plan.actions.length,
    members: plan.members.length,
    milestones: plan.milestones.length,
    results: plan.results.length,
    ownShareOfSercotec: sercotecAmount > 0 ? ownAmount / sercotecAmount : null,
    workingCapitalTotal,
    managementTotal,
    byItem,
    limits: {
      sercotecCap: params ? sercotecCapOf(plan, params) : null,
      minimumOwnTotal: params ? minimumOwnAmount(params.minimumOwnShare.value, sercotecAmount) : null,
    },
  };
}

/**
 * The headline a plan revision stores and the API answers (`PlanTotalsSummary`): a pick of the
 * plan's totals, same names. Clean sample: total 7.367.000, sercotecAmount 7.190.000,
 * ownAmount 177.000, investmentLines 8.
 */
export function planTotalsSummary(totals: PlanTotals): PlanTotalsSummary {
  return {
    total: totals.total,
    sercotecAmount: totals.sercotecAmount,
    ownAmount: totals.ownAmount,
    investmentLines: totals.investmentLines,
    actions: totals.actions,
    members: totals.members,
  };
}
