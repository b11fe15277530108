import * as z from "zod";
import { ActionAxis, ActionStatus } from "./enums";
import { Fraction, IsoDate } from "./values";
import { RecordSource } from "./location";

/** A row of the Plan de Acción sheet (hito 2). `progress` is % de avance as a fraction 0–1. */
export const Action = z.object({
  number: z.number().int().nullable(),
  axis: ActionAxis.nullable(),
  gap: z.string().nullable(),
  objective: z.string().nullable(),
  activity: z.string().nullable(),
  owner: z.string().nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  indicator: z.string().nullable(),
  goal: z.string().nullable(),
  verification: z.string().nullable(),
  status: ActionStatus.nullable(),
  progress: Fraction.nullable(),
  source: RecordSource.optional(),
});
export type Action = z.infer<typeof Action>;

/** The plan de acción: the list of actions. */
export const ActionPlan = z.array(Action);
export type ActionPlan = z.infer<typeof ActionPlan>;
