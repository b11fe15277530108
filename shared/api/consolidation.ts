import type * as z from "zod";
import { Consolidation } from "../consolidate/consolidation";

/**
 * Response of `GET /v1/regions/{code}/consolidation` and `GET /v1/consolidation`: the
 * consolidated report exactly as shared/consolidate defines it (`Consolidation`: money integer
 * CLP, shares fractions 0–1, `generatedAt` ISO). Imported from the schema file itself, not from
 * shared/consolidate's index, so the contract does not pull in `consolidate()` and no import cycle
 * forms (consolidation.ts imports only domain, api/planStatus and its own progress schema).
 * The client parses answers strictly with it (`INVALID_RESPONSE` when they do not fit).
 */
export const ConsolidationResponse = Consolidation;
export type ConsolidationResponse = z.infer<typeof ConsolidationResponse>;
