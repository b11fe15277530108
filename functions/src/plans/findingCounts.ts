import type { FindingCounts } from "@coop-plans/shared/api";
import type { Finding } from "@coop-plans/shared/domain";

/** How many findings of each severity. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
