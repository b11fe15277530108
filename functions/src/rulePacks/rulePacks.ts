import { actorOf, type Principal } from "../auth/principal";
import { authorize } from "../auth/authorize";
import { DomainError } from "../domainError";
import type { UseCaseDeps } from "../plans/useCaseDeps";
import { BUILTIN_PACKS, checkRulePack, packLabel, packsInForce, type PackId, type RulePack } from "@coop-plans/shared/rules";
import { RulePackConflictError, type RulePackStore } from "./rulePackStore";

/**
 * The rule packs' use cases (rules.md, "Rule packs and severity by evidence"): the packs in force
 * (the newest version of each year among the built-in packs and the published ones), one pack,
 * publication by Sercotec's central level, and the pack a save is checked under.
 */

/** The newest built-in version of a year (0 when none ships with the product). */
function builtinVersion(year: number): number {
  return BUILTIN_PACKS.filter((p) => p.year === year).reduce((v, p) => Math.max(v, p.version), 0);
}

/** The version in force of each year: built-in and published, the newest of each. */
function versionsInForce(published: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of BUILTIN_PACKS) out.set(p.year, Math.max(out.get(p.year) ?? 0, p.version));
  for (const [year, version] of published) out.set(year, Math.max(out.get(year) ?? 0, version));
  return out;
}

/** A pack by identity: a built-in one, else the published one (null when neither exists). */
async function loadPack(store: RulePackStore, id: PackId): Promise<RulePack | null> {
  const builtin = BUILTIN_PACKS.find((p) => p.year === id.year && p.version === id.version);
  if (builtin) return builtin;
  const [found] = await store.getRulePacks([id]);
  return found ?? null;
}

/** The packs in force, by year (anyone signed in). Built-in packs count as published; a year's newest version wins. */
export async function listRulePacksInForce(_principal: Principal, { store }: UseCaseDeps): Promise<RulePack[]> {
  const published = await store.getRulePackVersions();
  const stored = await store.getRulePacks([...published].map(([year, version]) => ({ year, version })));
  return packsInForce([...BUILTIN_PACKS, ...stored]);
}

/**
 * One pack of a year (anyone signed in): `readVersion` gives the version asked for (undefined: the
 * one in force) once the year is known. DomainError RULE_PACK_NOT_FOUND 404 when there is none.
 */
export async function getRulePack(command: { year: number; readVersion: () => number | undefined }, _principal: Principal, { store }: UseCaseDeps): Promise<RulePack> {
  const asked = command.readVersion();
  const inForce = versionsInForce(await store.getRulePackVersions()).get(command.year);
  const version = asked ?? inForce;
  const pack = version !== undefined && version <= (inForce ?? 0) ? await loadPack(store, { year: command.year, version }) : null;
  if (!pack) {
    throw new DomainError(
      "RULE_PACK_NOT_FOUND",
      inForce === undefined
        ? `No hay reglas publicadas para la convocatoria ${command.year}.`
        : `La versión ${asked} de las reglas de la convocatoria ${command.year} no existe: la vigente es la ${inForce}.`,
      { field: inForce === undefined ? "year" : "version" },
    );
  }
  return pack;
}

/** A publication: the year of the path and the request, read once the caller may publish. */
export interface PublishRulePackCommand {
  year: number;
  /** Reads `{ baseVersion, pack }` (the pack as parsed JSON, not yet checked). Its errors propagate. */
  readRequest: () => { baseVersion: number; pack: unknown };
}

/** Up to three of a pack's problems in one Spanish sentence, each naming its field under `pack.`. */
function problemsDetail(problems: ReadonlyArray<{ field: string; message: string }>): string {
  const shown = problems.slice(0, 3).map((p) => `«pack.${p.field}»: ${p.message}`);
  const more = problems.length > 3 ? ` (y ${problems.length - 3} problema(s) más)` : "";
  return `El paquete de reglas no es válido. ${shown.join("; ")}${more}. Revíselo con «coop-plans rules check».`;
}

/**
 * Publishes a new version of a year's pack (Sercotec's central level only: 403 before the body is
 * read). The server assigns `version` = the version in force + 1 (built-in packs count: the first
 * published 2025 pack is version 2) and `publishedAt` = now; a pack is immutable once published.
 * Order: permission (FORBIDDEN 403), the request, the pack's year against the path's
 * (VALIDATION_FAILED 400, field `pack.year`), `baseVersion` against the version in force
 * (VERSION_CONFLICT 409 with `currentVersion`: a stale or unknown base never overwrites), the
 * `RulePack` schema (VALIDATION_FAILED 400 naming the first field, `pack.figures.minimumOwnShare.value`),
 * then one conditional write (VERSION_CONFLICT 409 when another publication of the year won).
 * Returns the pack as published.
 */
export async function publishRulePack(command: PublishRulePackCommand, principal: Principal, { store, now }: UseCaseDeps): Promise<RulePack> {
  authorize(principal, "rulePack:publish");
  const { baseVersion, pack: document } = command.readRequest();
  const year = command.year;
  if (!document || typeof document !== "object" || Array.isArray(document)) {
    throw new DomainError("VALIDATION_FAILED", "El campo «pack» debe ser un paquete de reglas (un objeto JSON, como el que escribe «coop-plans rules export»).", { field: "pack" });
  }
  const draftYear = (document as { year?: unknown }).year;
  if (draftYear !== undefined && draftYear !== year) {
    throw new DomainError("VALIDATION_FAILED", `El año del paquete («pack.year»: ${JSON.stringify(draftYear)}) no coincide con la convocatoria de la dirección (${year}).`, { field: "pack.year" });
  }
  const published = await store.getRulePackVersions();
  const storedBase = published.get(year) ?? 0;
  const current = Math.max(storedBase, builtinVersion(year));
  if (baseVersion !== current) {
    const detail = current === 0
      ? `La convocatoria ${year} aún no tiene reglas: publique con «baseVersion» 0 (usted indicó ${baseVersion}).`
      : baseVersion < current
        ? `Las reglas de la convocatoria ${year} cambiaron: usted editó la versión ${baseVersion} y la vigente es la ${current}. Exporte la versión vigente, incorpore sus cambios y vuelva a publicar.`
        : `La versión ${baseVersion} de las reglas de la convocatoria ${year} no existe: la vigente es la ${current}. Exporte la versión vigente, incorpore sus cambios y vuelva a publicar.`;
    throw new DomainError("VERSION_CONFLICT", detail, { currentVersion: current, field: "baseVersion" });
  }
  const check = checkRulePack({ ...document, year, version: current + 1, publishedAt: now().toISOString() });
  if (!check.ok) {
    throw new DomainError("VALIDATION_FAILED", problemsDetail(check.problems), { field: `pack.${check.problems[0].field}` });
  }
  try {
    await store.publishRulePack(check.pack, actorOf(principal), storedBase);
  } catch (error) {
    if (error instanceof RulePackConflictError) {
      const inForce = Math.max(error.currentVersion, builtinVersion(year));
      throw new DomainError(
        "VERSION_CONFLICT",
        `Otra publicación de las reglas de la convocatoria ${year} llegó antes (versión vigente: ${inForce}). Exporte la versión vigente, incorpore sus cambios y vuelva a publicar.`,
        { currentVersion: inForce, field: "baseVersion" },
      );
    }
    throw error;
  }
  return check.pack;
}

/**
 * The pack a plan of `year` is checked under: the year's pack in force, or, for a year without
 * one, the newest pack of the newest year (the rules then add PLAN-005 naming it). `published` is
 * the store's index (a save reads it in its one batch read). Throws only when the index names a
 * pack that is not stored (a server fault).
 */
export async function packForSave(store: RulePackStore, published: Map<number, number>, year: number): Promise<RulePack> {
  const inForce = versionsInForce(published);
  const chosenYear = inForce.has(year) ? year : Math.max(...inForce.keys());
  const id = { year: chosenYear, version: inForce.get(chosenYear)! };
  const pack = await loadPack(store, id);
  if (!pack) throw new Error(`The rule pack index names ${packLabel(id)}, which is not stored`);
  return pack;
}
