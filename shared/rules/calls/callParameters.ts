import type { RegionCode } from "../../domain";
import type { CallFigures, Catalogue, CatalogueGroup, CatalogueItem, Confirmed, Enumerations, PackId } from "./rulePack";

/** A figure as the rules read it: `{ value, source, confirmed, note? }`. */
export interface Figure<T> {
  value: T;
  source: string;
  confirmed: Confirmed;
  note?: string;
}

/**
 * The parameters the rules use: one pack's figures with one region's overrides applied
 * (`regionCode` null = the national figures), its catalogue and its open lists. `id` is the
 * year as text; `pack` the pack's identity (year, version, publishedAt).
 */
export interface CallParameters extends CallFigures {
  id: string;
  year: number;
  name: string;
  regionCode: RegionCode | null;
  pack: PackId & { publishedAt: string | null };
  /** The catalogue: `value` its ítems, `groups` its grupos with aliases, and the evidence of each part. */
  catalogue: Figure<CatalogueItem[]> & Pick<Catalogue, "subitemsConfirmed"> & { groups: CatalogueGroup[] };
  enumerations: Enumerations;
}
