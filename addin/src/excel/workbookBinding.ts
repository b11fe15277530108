import { BINDING_PROPERTIES, bindingFromProperties, bindingProperties, type CustomPropertyValue } from "@coop-plans/shared/workbook";
import type { DocumentState } from "../host/WorkbookHost";
import type { SettingsStore } from "./excelDeps";

/** The Office setting where the pane kept the binding before it moved into the document properties. */
export const LEGACY_STATE_SETTING = "coopPlans.state";

/** The binding as the pane's `DocumentState` (empty when the workbook is not bound). */
function stateOf(props: Record<string, CustomPropertyValue>): DocumentState {
  const binding = bindingFromProperties(props);
  if (!binding) return {};
  return binding.syncedAt ? { cooperativeId: binding.cooperativeId, baseVersion: binding.version, savedAt: binding.syncedAt } : { cooperativeId: binding.cooperativeId, baseVersion: binding.version };
}

/** The legacy Office-settings binding, when it names a cooperative and a version ≥ 1. */
function legacyState(settings: SettingsStore): DocumentState | null {
  const raw = settings.get(LEGACY_STATE_SETTING) as DocumentState | undefined;
  if (!raw || typeof raw !== "object" || typeof raw.cooperativeId !== "string" || !raw.cooperativeId) return null;
  if (typeof raw.baseVersion !== "number" || !Number.isInteger(raw.baseVersion) || raw.baseVersion < 1) return null;
  return { cooperativeId: raw.cooperativeId, baseVersion: raw.baseVersion, ...(raw.savedAt ? { savedAt: raw.savedAt } : {}) };
}

/** Queues the binding's custom properties (`add` creates or replaces a property). */
function queueBinding(custom: Excel.CustomPropertyCollection, state: Required<Pick<DocumentState, "cooperativeId" | "baseVersion">> & DocumentState): void {
  const props = bindingProperties({ cooperativeId: state.cooperativeId, version: state.baseVersion, syncedAt: state.savedAt });
  for (const [key, value] of Object.entries(props)) custom.add(key, value);
}

/**
 * Reads the workbook's binding from its custom document properties (ExcelApi 1.7), one sync.
 * A workbook bound by an older pane (Office settings only) has it moved into the properties once:
 * the properties are written in a second sync and the old setting removed.
 */
export async function loadBinding(context: Excel.RequestContext, settings: SettingsStore): Promise<DocumentState> {
  const custom = context.workbook.properties.custom;
  custom.load("items/key,items/value");
  await context.sync();
  const state = stateOf(Object.fromEntries(custom.items.map((p) => [p.key, p.value as CustomPropertyValue])));
  if (state.cooperativeId) return state;
  const legacy = legacyState(settings);
  if (!legacy?.cooperativeId || !legacy.baseVersion) return {};
  queueBinding(custom, { ...legacy, cooperativeId: legacy.cooperativeId, baseVersion: legacy.baseVersion });
  await context.sync();
  settings.remove(LEGACY_STATE_SETTING);
  await settings.save();
  return legacy;
}

/** Writes the binding into the custom document properties, one sync (two to remove it); an old settings copy is dropped. */
export async function saveBinding(context: Excel.RequestContext, settings: SettingsStore, state: DocumentState): Promise<void> {
  const custom = context.workbook.properties.custom;
  if (state.cooperativeId && state.baseVersion) queueBinding(custom, { ...state, cooperativeId: state.cooperativeId, baseVersion: state.baseVersion });
  else {
    // Unbinding: the keys are loaded first (a second sync) so only existing properties are deleted.
    custom.load("items/key");
    await context.sync();
    const ours = new Set(Object.values(BINDING_PROPERTIES).map((k) => k.toLowerCase()));
    for (const p of custom.items) if (ours.has(p.key.toLowerCase())) p.delete();
  }
  await context.sync();
  if (settings.get(LEGACY_STATE_SETTING) !== undefined) {
    settings.remove(LEGACY_STATE_SETTING);
    await settings.save();
  }
}
