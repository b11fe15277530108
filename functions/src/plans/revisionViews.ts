import type { Revision, RevisionSummary } from "@coop-plans/shared/api";
import type { RevisionHeaderItem, RevisionItem } from "../store/items";
import { decodeRevisionBody } from "../store/revisionBody";

/** A stored revision (header) as the API's RevisionSummary. */
export function toRevisionSummary(item: RevisionHeaderItem): RevisionSummary {
  return {
    cooperativeId: item.cooperativeId,
    version: item.v,
    status: item.status,
    action: item.action,
    by: item.by,
    at: item.at,
    comment: item.comment,
    totals: item.totals,
    counts: item.counts,
  };
}

/** A stored revision with its inflated plan and findings. */
export function toRevision(item: RevisionItem): Revision {
  const { plan, findings } = decodeRevisionBody(item.body, item.bodyEncoding);
  return { ...toRevisionSummary(item), plan, findings };
}
