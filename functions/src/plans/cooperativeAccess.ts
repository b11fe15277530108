import { CooperativeId } from "@coop-plans/shared/api";
import { authorize, type Permission } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { HttpProblem } from "../http/httpProblem";
import { pathParam } from "../http/params";
import type { ApiEvent } from "../http/types";
import type { CooperativeItem } from "../store/items";
import type { Store } from "../store/store";

/**
 * Authorizes `permission` on a cooperative already read (null when it does not exist) and returns it.
 * Throws HttpProblem: 404 when it does not exist, 403 when not allowed (the 404 comes before the
 * 403: ids are random UUIDs, so existence reveals nothing).
 */
export function authorizeCooperative(cooperative: CooperativeItem | null, principal: Principal, permission: Permission): CooperativeItem {
  if (!cooperative) throw new HttpProblem("COOPERATIVE_NOT_FOUND", "La cooperativa no existe: revise el identificador.");
  authorize(principal, permission, { regionCode: cooperative.regionCode, gestorEmail: cooperative.gestorEmail });
  return cooperative;
}

/**
 * Loads the cooperative named by the `{id}` path parameter and authorizes `permission` on it.
 * Throws HttpProblem: 400 on a malformed id, then as `authorizeCooperative`.
 */
export async function loadAuthorizedCooperative(
  store: Store,
  event: ApiEvent,
  principal: Principal,
  permission: Permission,
): Promise<CooperativeItem> {
  const id = pathParam(event, "id", CooperativeId);
  return authorizeCooperative(await store.getCooperative(id), principal, permission);
}
