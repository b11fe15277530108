import { normalizeLabel } from "@coop-plans/shared/domain";

/** Key builders of the single table (layout in tableDefinition.ts). */
export const keys = {
  cooperative: (id: string) => ({ pk: `COOP#${id}`, sk: "META" as const }),
  latest: (id: string) => ({ pk: `COOP#${id}`, sk: "LATEST" as const }),
  revision: (id: string, v: number) => ({ pk: `COOP#${id}`, sk: `REV#${padVersion(v)}` }),
  revisionPrefix: "REV#",
  idempotency: (id: string, key: string) => ({ pk: `COOP#${id}`, sk: `IDEMPOTENCY#${key}` }),
  assignment: (email: string, id: string) => ({ pk: `GESTOR#${email}`, sk: `COOP#${id}` }),
  gestorPartition: (email: string) => `GESTOR#${email}`,
  region: (code: string) => `REGION#${code}`,
  /** Uniqueness of a RUT within a region: one item per registered RUT (`RUT#14#76123456-0`). */
  rutInRegion: (regionCode: string, rut: string) => ({ pk: `RUT#${regionCode}#${rut}`, sk: "UNIQUE" as const }),
  /** Uniqueness of a name within a region, by `cooperativeNameKey` (`NAME#14#cooperativa x (valdivia)`). */
  nameInRegion: (regionCode: string, nameKey: string) => ({ pk: `NAME#${regionCode}#${nameKey}`, sk: "UNIQUE" as const }),
  /** Record of a registration made with an Idempotency-Key in a region. */
  registrationIdempotency: (regionCode: string, key: string) => ({ pk: `REGISTER#${regionCode}#${key}`, sk: "IDEMPOTENCY" as const }),
  /** One published rule pack version (immutable): `RULEPACK#2026` / `V#000000001`. */
  rulePack: (year: number, version: number) => ({ pk: `RULEPACK#${year}`, sk: `V#${padVersion(version)}` }),
  /** The index of the published packs: one attribute `y<year>` per year holding its newest version. */
  rulePackIndex: { pk: "RULEPACKS", sk: "INDEX" } as const,
  /** GSI1 sort key: cooperatives of a region sorted by name, then id. */
  regionSort: (name: string, id: string) => `COOP#${normalizeLabel(name).slice(0, 80)}#${id}`,
};

/** A revision number zero-padded to 9 digits so the sort key orders numerically: 12 → `000000012`. */
export function padVersion(v: number): string {
  return String(v).padStart(9, "0");
}
