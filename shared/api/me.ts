import * as z from "zod";
import { RegionCode } from "../domain";
import { Role } from "./role";
import { CooperativeSummary } from "./cooperatives";

/** Regions a principal works in: a list of codes, or `"*"` for every region (Sercotec's central level). */
export const RegionScope = z.union([z.literal("*"), z.array(RegionCode)]);
export type RegionScope = z.infer<typeof RegionScope>;

/** Response of `GET /v1/me`: who I am, where I work and (for a gestor/a) the cooperatives assigned to me. */
export const MeResponse = z.object({
  sub: z.string(),
  email: z.string().nullable(),
  role: Role,
  regions: RegionScope,
  cooperatives: z.array(CooperativeSummary),
});
export type MeResponse = z.infer<typeof MeResponse>;
