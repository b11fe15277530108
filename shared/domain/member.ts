import * as z from "zod";
import { Gender, MemberRole } from "./enums";
import { RecordSource } from "./location";

/** A row of the Socios sheet. `rut` canonical (`12345678-K`), kept as typed even if invalid. Personal data (Ley 19.628): never log it. */
export const Member = z.object({
  number: z.number().int().nullable(),
  name: z.string().nullable(),
  rut: z.string().nullable(),
  role: MemberRole.nullable(),
  gender: Gender.nullable(),
  source: RecordSource.optional(),
});
export type Member = z.infer<typeof Member>;
