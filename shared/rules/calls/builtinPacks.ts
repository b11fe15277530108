import PACK_2025_DOCUMENT from "./2025.json";
import { RulePack } from "./rulePack";

/**
 * The rule packs shipped with the product (one JSON data file per call beside this module),
 * checked by the `RulePack` schema when the module loads: a typo in a figure fails fast, in tests.
 * Published packs (the API's packs in force) take precedence over these; a built-in pack is the
 * fallback when none has been fetched. Treat them as immutable.
 */
export const PACK_2025: RulePack = RulePack.parse(PACK_2025_DOCUMENT);

/** Every built-in pack. */
export const BUILTIN_PACKS: readonly RulePack[] = [PACK_2025];
