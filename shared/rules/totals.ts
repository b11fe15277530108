import type { Plan } from "../domain";
import { findCatalogueItem, findSubitem, type CatalogueItem } from "./catalogue";
import { getCall, type CallParameters } from "./calls";

/** The sums of one (grupo, ítem, sub-ítem) of the plan de inversiones, CLP. */
export interface ItemTotal {
  group: string | null;
  item: string | null;
  subitem: string | null;
  total: number;
  sercotecAmount: number;
  ownAmount: number;
  executedAmount: number;
}

/** The figures of a plan that the rules, the API, consolidation and reports share. */
export interface PlanTotals {
  /** Sum of Total neto, CLP. */
  totalNet: number;
  /** Sum of Aporte Sercotec, CLP. */
  sercotecTotal: number;
  /** Sum of Aporte empresarial, CLP. */
  ownTotal: number;
  /** ownTotal ÷ sercotecTotal, fraction (0.0246 = 2,46 %); null when sercotecTotal is 0. */
  ownShareOfSercotec: number | null;
  /** Sum of Total neto of the Capital de trabajo lines, CLP. */
  workingCapitalTotal: number;
  /** Sum of Total neto of the Acciones de Gestión Empresarial lines, CLP. */
  managementTotal: number;
  /** Sums by (grupo, ítem, sub-ítem), in catalogue order; unknown ítems last, in order of appearance. */
  byItem: ItemTotal[];
  counts: { lines: number; actions: number; members: number; milestones: number; results: number };
  /**
   * The call's limits for this plan: `sercotecCap` = the modality's cap (+ the sustainability
   * top-up when a line is Sustentable), `minimumOwnTotal` = ⌈minimum share × sercotecTotal⌉.
   * Null when the plan has no known call or modality.
   */
  limits: { sercotecCap: number | null; minimumOwnTotal: number | null };
}

const sum = (values: (number | null | undefined)[]): number => values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** ⌈share × amount⌉ in pesos, immune to binary rounding (0.02 × 7.190.000 = 143.800, not 143.801). */
export function minimumOwnAmount(share: number, sercotecTotal: number): number {
  return Math.ceil(Number((share * sercotecTotal).toFixed(6)));
}

/** The catalogue ítem of a line, or undefined when its ítem is unknown. */
export function lineCatalogueItem(line: { item: string | null }, catalogue: CatalogueItem[]): CatalogueItem | undefined {
  return line.item ? findCatalogueItem(line.item, catalogue) : undefined;
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
 * Clean sample: totalNet 7.367.000, sercotecTotal 7.190.000, ownTotal 177.000,
 * workingCapitalTotal 630.000, minimumOwnTotal 143.800.
 */
export function planTotals(plan: Plan, call?: CallParameters): PlanTotals {
  const params = call ?? (() => {
    const lookup = getCall(plan.cooperative.callYear, plan.cooperative.regionCode);
    return lookup.ok ? lookup.call : undefined;
  })();
  const catalogue = params?.catalogue.value;
  const lines = plan.investmentLines;
  const totalNet = sum(lines.map((l) => l.total));
  const sercotecTotal = sum(lines.map((l) => l.sercotecAmount));
  const ownTotal = sum(lines.map((l) => l.ownAmount));
  const items = lines.map((l) => (l.item ? findCatalogueItem(l.item, catalogue) : undefined));
  const workingCapitalTotal = sum(lines.filter((_, i) => items[i]?.item === "Capital de trabajo").map((l) => l.total));
  const managementTotal = sum(lines.filter((_, i) => items[i]?.group === "Acciones de Gestión Empresarial").map((l) => l.total));

  const byKey = new Map<string, ItemTotal & { order: number }>();
  const cat = catalogue ?? [];
  lines.forEach((l, i) => {
    const item = items[i];
    const subitem = item && l.subitem ? findSubitem(item, l.subitem) ?? l.subitem : l.subitem;
    const group = item?.group ?? l.group;
    const itemLabel = item?.item ?? l.item;
    const key = JSON.stringify([group, itemLabel, subitem]);
    const itemIndex = item ? cat.indexOf(item) : -1;
    const subIndex = item && subitem ? item.subitems.indexOf(subitem) : -1;
    const order = itemIndex >= 0 ? itemIndex * 100 + (subIndex + 1) : 1_000_000 + i;
    const row = byKey.get(key) ?? { group, item: itemLabel, subitem, total: 0, sercotecAmount: 0, ownAmount: 0, executedAmount: 0, order };
    row.total += l.total ?? 0;
    row.sercotecAmount += l.sercotecAmount ?? 0;
    row.ownAmount += l.ownAmount ?? 0;
    row.executedAmount += l.executedAmount ?? 0;
    byKey.set(key, row);
  });
  const byItem = [...byKey.values()].sort((a, b) => a.order - b.order).map(({ order, ...rest }) => { void order; return rest; });

  return {
    totalNet,
    sercotecTotal,
    ownTotal,
    ownShareOfSercotec: sercotecTotal > 0 ? ownTotal / sercotecTotal : null,
    workingCapitalTotal,
    managementTotal,
    byItem,
    counts: {
      lines: lines.length,
      actions: plan.actions.length,
      members: plan.members.length,
      milestones: plan.milestones.length,
      results: plan.results.length,
    },
    limits: {
      sercotecCap: params ? sercotecCapOf(plan, params) : null,
      minimumOwnTotal: params ? minimumOwnAmount(params.minimumOwnShare.value, sercotecTotal) : null,
    },
  };
}
