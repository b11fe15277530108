import type { Finding, Modality, Plan, RegionCode } from "../domain";
import type { ConsolidationStatus } from "./consolidation";

/**
 * A registered cooperative as consolidation sees it: id, name, region, modality, the status and
 * version of its latest revision (version 0 and status `borrador` while no plan was saved; status
 * `archivo` and the bound version, or 0, for a plan read from a workbook file), and
 * when it was last saved (ISO timestamp, optional).
 */
export interface ConsolidationCooperative {
  id: string;
  name: string;
  regionCode: RegionCode;
  modality: Modality | null;
  status: ConsolidationStatus;
  version: number;
  updatedAt?: string | null;
  /** The rule pack the latest revision was checked under (`{ year, version }`); absent or null when unknown or without a plan. */
  rulePack?: { year: number; version: number } | null;
}

/**
 * One cooperative to consolidate: the cooperative, its latest plan (null when none was saved yet)
 * and the findings the server stored with that revision.
 */
export interface ConsolidationInput {
  cooperative: ConsolidationCooperative;
  plan: Plan | null;
  findings: Finding[];
}

/** What to consolidate: one region (`regionCode`) or the whole country (`national`). */
export type ConsolidationTarget = { regionCode: RegionCode } | { national: true };

/**
 * Options of `consolidate()`: the target (inputs of other regions are ignored by a regional
 * consolidation), `generatedAt` (ISO timestamp; defaults to now) and `asOf` (ISO date; defaults to today).
 */
export interface ConsolidateOptions {
  target: ConsolidationTarget;
  generatedAt?: string;
  /** ISO date of the follow-up figures (visits so far, overdue agreements); defaults to today in America/Santiago. */
  asOf?: string;
}
