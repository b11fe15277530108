import * as z from "zod";
import { MilestoneStatus } from "./enums";
import { IsoDate } from "./values";
import { RecordSource } from "./location";

/** A row of the Hitos sheet: hito 1..4 with its planned and done dates (ISO), status, attendance and verifier. */
export const Milestone = z.object({
  milestone: z.number().int().min(1).max(4).nullable(),
  name: z.string().nullable(),
  plannedDate: IsoDate.nullable(),
  doneDate: IsoDate.nullable(),
  status: MilestoneStatus.nullable(),
  attendees: z.number().int().nonnegative().nullable(),
  verification: z.string().nullable(),
  notes: z.string().nullable(),
  source: RecordSource.optional(),
});
export type Milestone = z.infer<typeof Milestone>;
