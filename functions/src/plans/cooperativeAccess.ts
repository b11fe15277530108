import type { Cooperative } from "@coop-plans/shared/api";
import { authorize, type Permission } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { DomainError } from "../domainError";
import type { PlanStore } from "./planStore";

/**
 * Authorizes `permission` on a cooperative already read (null when it does not exist) and returns it.
 * Throws DomainError: COOPERATIVE_NOT_FOUND (404) when it does not exist, FORBIDDEN (403) when not
 * allowed (the 404 comes before the 403: ids are random UUIDs, so existence reveals nothing).
 */
export function authorizeCooperative(cooperative: Cooperative | null, principal: Principal, permission: Permission): Cooperative {
  if (!cooperative) throw new DomainError("COOPERATIVE_NOT_FOUND", "La cooperativa no existe: revise el identificador.");
  authorize(principal, permission, { regionCode: cooperative.regionCode, gestorEmail: cooperative.gestorEmail });
  return cooperative;
}

/** Reads the cooperative `id` and authorizes `permission` on it (errors as `authorizeCooperative`). */
export async function loadAuthorizedCooperative(store: PlanStore, id: string, principal: Principal, permission: Permission): Promise<Cooperative> {
  return authorizeCooperative(await store.getCooperative(id), principal, permission);
}
