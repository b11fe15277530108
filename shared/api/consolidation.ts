import * as z from "zod";

/**
 * Response of the consolidation routes. PLACEHOLDER: `shared/consolidate` defines the report;
 * until it lands the contract only promises a JSON object (the handler returns
 * `{ regionCode, cooperatives: [...] }`). The consolidation helper tightens this schema.
 */
export const ConsolidationResponse = z.looseObject({});
export type ConsolidationResponse = z.infer<typeof ConsolidationResponse>;
