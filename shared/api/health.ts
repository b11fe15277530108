import * as z from "zod";

/**
 * Response of `GET /v1/health` (public). `time` is the server's ISO timestamp; `database: "ok"`
 * says the table answered a read (a server whose database is unreachable answers 503
 * `DATABASE_UNAVAILABLE` instead; older servers leave `database` out).
 */
export const HealthResponse = z.object({
  status: z.literal("ok"),
  service: z.literal("coop-plans"),
  time: z.iso.datetime(),
  database: z.literal("ok").optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
