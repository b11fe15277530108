import * as z from "zod";

/** Response of `GET /v1/health` (public). `time` is the server's ISO timestamp. */
export const HealthResponse = z.object({
  status: z.literal("ok"),
  service: z.literal("coop-plans"),
  time: z.iso.datetime(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
