import * as z from "zod";
import { RecordSource } from "./location";

/** A row of the Resultados sheet (hito 4): indicator with baseline, goal (target) and result, numbers in the indicator's unit. */
export const Result = z.object({
  number: z.number().int().nullable(),
  indicator: z.string().nullable(),
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  result: z.number().nullable(),
  verification: z.string().nullable(),
  source: RecordSource.optional(),
});
export type Result = z.infer<typeof Result>;
