import type { PlanStatus } from "@coop-plans/shared/api";
import type { Finding, Modality, Plan, RegionCode } from "@coop-plans/shared/domain";

/**
 * What the consolidation handlers hand to `consolidate(...)` from @coop-plans/shared/consolidate:
 * one entry per cooperative with a saved plan — the cooperative, its latest plan and the findings
 * the server computed for that revision. Cooperatives without a saved plan (version 0) are left out.
 */
export interface ConsolidationEntry {
  cooperative: {
    id: string;
    name: string;
    regionCode: RegionCode;
    modality: Modality;
    status: PlanStatus;
    version: number;
  };
  plan: Plan;
  findings: Finding[];
}
