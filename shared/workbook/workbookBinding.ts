/**
 * What a workbook was last synced from: the cooperative's id and the plan version the workbook
 * matches (the `baseVersion` of its next sync), and when (ISO timestamp). Kept inside the file as
 * custom document properties, so it travels with the workbook when it is copied or e-mailed:
 * the pane writes them with Office.js (`workbook.properties.custom`), the CLI with a lossless edit
 * of `docProps/custom.xml` (shared/xlsx `writeCustomProperties`).
 */
export interface WorkbookBinding {
  cooperativeId: string;
  /** The plan version the workbook matches (≥ 1). */
  version: number;
  /** ISO timestamp of the sync that bound it, when known. */
  syncedAt?: string;
}

/** The custom document property names of the binding (one shared spelling for pane and CLI). */
export const BINDING_PROPERTIES = {
  cooperativeId: "coopPlans.cooperativeId",
  version: "coopPlans.version",
  syncedAt: "coopPlans.syncedAt",
} as const;

/** A custom property value as the hosts hand it back (Office.js may give a number as a string or a Date). */
export type CustomPropertyValue = string | number | boolean | Date | null | undefined;

function lookup(props: Record<string, CustomPropertyValue>, name: string): CustomPropertyValue {
  if (name in props) return props[name];
  const lower = name.toLowerCase(); // Office matches custom property names case-insensitively
  for (const [key, value] of Object.entries(props)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * The binding held by a workbook's custom properties (`name → value`, names matched
 * case-insensitively), or null when it has none or it is not usable: an empty id, or a version
 * that is not a whole number ≥ 1 (as a number or a numeric string). Pure; never throws.
 */
export function bindingFromProperties(props: Record<string, CustomPropertyValue>): WorkbookBinding | null {
  const id = lookup(props, BINDING_PROPERTIES.cooperativeId);
  const rawVersion = lookup(props, BINDING_PROPERTIES.version);
  const cooperativeId = typeof id === "string" ? id.trim() : "";
  const version = typeof rawVersion === "number" ? rawVersion : typeof rawVersion === "string" && /^\s*\d+\s*$/.test(rawVersion) ? Number(rawVersion) : NaN;
  if (!cooperativeId || !Number.isInteger(version) || version < 1) return null;
  const rawAt = lookup(props, BINDING_PROPERTIES.syncedAt);
  const syncedAt = rawAt instanceof Date ? rawAt.toISOString() : typeof rawAt === "string" && rawAt.trim() ? rawAt.trim() : undefined;
  return syncedAt ? { cooperativeId, version, syncedAt } : { cooperativeId, version };
}

/** The custom properties that record `binding` (`syncedAt` omitted when absent). */
export function bindingProperties(binding: WorkbookBinding): Record<string, string | number> {
  const props: Record<string, string | number> = {
    [BINDING_PROPERTIES.cooperativeId]: binding.cooperativeId,
    [BINDING_PROPERTIES.version]: binding.version,
  };
  if (binding.syncedAt) props[BINDING_PROPERTIES.syncedAt] = binding.syncedAt;
  return props;
}
