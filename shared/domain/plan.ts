import * as z from "zod";
import { CooperativeInfo } from "./cooperative";
import { Member } from "./member";
import { Milestone } from "./milestone";
import { Action } from "./actionPlan";
import { InvestmentLine } from "./investmentPlan";
import { Result } from "./results";
import { FollowUp } from "./followUp";
import { SheetSource } from "./location";

/** Keys of the parts of a plan, one per sheet of the standard workbook. */
export const PlanPart = z.enum([
  "cooperative", "members", "milestones", "actions", "investmentLines", "results", "visits", "links", "leverage",
]);
export type PlanPart = z.infer<typeof PlanPart>;

/**
 * The TOTAL row declared under the Plan de Inversiones table, as typed (never read as a line):
 * its worksheet row, the label it starts with, the A1 cell of each money figure it holds and the
 * figures (integer CLP; null when the cell is empty or unreadable). INV-014 compares them with the
 * sums of the lines.
 */
export const InvestmentTotalsRow = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  label: z.string(),
  cells: z.record(z.string(), z.string()),
  unitPrice: z.number().nullable(),
  total: z.number().nullable(),
  sercotecAmount: z.number().nullable(),
  ownAmount: z.number().nullable(),
  executedAmount: z.number().nullable(),
});
export type InvestmentTotalsRow = z.infer<typeof InvestmentTotalsRow>;

/**
 * Where a part sat (`SheetSource`), plus the required columns (or, for the Cooperativa form, the
 * required rows) the parser did not find there: `missingColumns` lists their field names. The
 * parser has already reported each one (PARSE-004 / PARSE-005), so the rules stay quiet about
 * those fields instead of reporting every record's empty value again.
 */
export const PlanSheetSource = SheetSource.extend({
  missingColumns: z.array(z.string()).optional(),
});
export type PlanSheetSource = z.infer<typeof PlanSheetSource>;

/**
 * A cooperative's plan as read from the standard workbook: the cooperative and its call
 * (`cooperative.callYear`, `regionCode`, `modality`), members, hitos, plan de acción, plan de
 * inversiones, hito 4 results and the optional follow-up. Values are stored as read (nullable);
 * `sheets` keeps where each part sat so later findings still point to cells.
 */
export const Plan = z.object({
  schemaVersion: z.literal(1),
  cooperative: CooperativeInfo,
  members: z.array(Member),
  milestones: z.array(Milestone),
  actions: z.array(Action),
  investmentLines: z.array(InvestmentLine),
  results: z.array(Result),
  followUp: FollowUp.optional(),
  sheets: z.partialRecord(PlanPart, PlanSheetSource).default({}),
  /**
   * Parts the workbook did not give at all: a required sheet missing (PARSE-002), a table sheet
   * without a recognisable header row (PARSE-003) or a Cooperativa sheet without form rows
   * (PARSE-005). The parser already said what to do; the rules about these parts stay quiet.
   * Absent for plans that came from no workbook (every rule then runs).
   */
  missingParts: z.array(PlanPart).optional(),
  /** The Plan de Inversiones TOTAL row, when the workbook has one (INV-014). */
  investmentTotalsRow: InvestmentTotalsRow.optional(),
});
export type Plan = z.infer<typeof Plan>;
