import * as z from "zod";

/** Role of a principal: `gestor` (edits and submits plans), `aos` (operates a region), `sercotec` (reads and consolidates). */
export const Role = z.enum(["gestor", "aos", "sercotec"]);
export type Role = z.infer<typeof Role>;

/** Spanish label of each role, as the user reads it. */
export const ROLE_LABELS: Record<Role, string> = {
  gestor: "Gestor/a de cooperativas",
  aos: "Agente Operador Sercotec (AOS)",
  sercotec: "Sercotec",
};
