import { readFileSync } from "node:fs";
import path from "node:path";
import {
  BUILTIN_PACKS, PACK_2025, RULES_VERSION, RulePack, checkRulePack, formatPackProblems, getCall, packForYear, packsInForce,
  resolvePack, withDraftPack, type RulePackInput,
} from "@coop-plans/shared/rules";

/** Every `{ value, source, confirmed }` figure in an object, with its path. */
function figures(obj: unknown, path = ""): [string, { source: unknown; confirmed: unknown }][] {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return [];
  const o = obj as Record<string, unknown>;
  if ("value" in o && "confirmed" in o) return [[path, o as { source: unknown; confirmed: unknown }]];
  return Object.entries(o).flatMap(([k, v]) => figures(v, path ? `${path}.${k}` : k));
}

/** A copy of the 2025 pack document (JSON as shipped), edited. */
function packDocument(edit: (doc: RulePackInput & Record<string, unknown>) => void = () => undefined): RulePackInput {
  const doc = JSON.parse(readFileSync(path.join(__dirname, "../../../shared/rules/calls/2025.json"), "utf8"));
  edit(doc);
  return doc;
}

/** A pack for `year` and `version` (the 2025 figures). */
function pack(year: number, version: number, edit?: (doc: RulePackInput) => void): RulePack {
  return RulePack.parse(packDocument((d) => { d.year = year; d.version = version; edit?.(d); }));
}

describe("the built-in 2025 pack (a JSON data file)", () => {
  it("holds the 2025 national figures of rules.md", () => {
    const lookup = getCall(2025);
    if (!lookup.ok) throw new Error("2025 must be loaded");
    const call = lookup.call;
    expect(lookup.fallback).toBeUndefined();
    expect(call.id).toBe("2025");
    expect(call.pack).toEqual({ year: 2025, version: 1, publishedAt: null });
    expect(call.regionCode).toBeNull();
    expect(call.subsidyCap.creacion.value).toBe(8_000_000);
    expect(call.subsidyCap.fortalecimiento.value).toBe(20_000_000);
    expect(call.sustainabilityTopUp.value).toBe(0);
    expect(call.minimumOwnShare.value).toBe(0.02);
    expect(call.managementCap.value).toBeNull();
    expect(call.workingCapitalCap.value).toBeNull();
    expect(call.workingCapitalWarnShare.value).toBe(0.3);
    expect(call.executionMonths.value).toBe(6);
    expect(call.minimumMembers.value).toBe(5);
    expect(call.salesCapPerMemberUf.value).toBe(25_000);
    expect(call.ufValue.value).toBe(38_419);
    expect(call.enumerations.cooperativeTypes.values).toEqual(["agrícola", "campesina", "pesquera", "de consumo", "de trabajo", "de servicios"]);
    expect(call.enumerations.memberRoles.values).toEqual([
      "presidente/a", "vicepresidente/a", "secretario/a", "tesorero/a", "consejero/a", "junta de vigilancia", "gerente", "socio/a",
    ]);
    expect(call.enumerations.actionAxes.values).toEqual([
      "Gobernanza", "Modelo de negocio", "Estrategia comercial", "Gestión", "Asociatividad", "Sustentabilidad", "Vinculación", "Formalización", "Otro",
    ]);
    expect(call.minimumQuotes.value).toBe(1);
    expect(call.visitsPerMonth.value).toBe(1);
    expect(call.creacionOnlyItems.value).toEqual(["Gastos de formalización"]);
    expect(call.catalogue.value.map((c) => c.item)).toContain("Gastos de formalización");
    expect(BUILTIN_PACKS).toEqual([PACK_2025]);
  });

  it("gives every figure a source and says which are confirmed, per modality where it differs", () => {
    const all = figures(PACK_2025.figures);
    expect(all.length).toBe(17);
    for (const [p, f] of all) {
      expect([p, typeof f.source === "string" && /\[(S\d+|F)\]|rules\.md|Banco Central/.test(f.source)]).toEqual([p, true]);
      expect([p, typeof f.confirmed === "boolean" || (typeof f.confirmed === "object" && f.confirmed !== null)]).toEqual([p, true]);
    }
    const f = PACK_2025.figures;
    expect(f.subsidyCap.creacion).toMatchObject({ source: "[S2][S3][S4][F]", confirmed: true });
    expect(f.executionMonths).toMatchObject({ source: "[S2][S3][S4]", confirmed: true });
    expect(f.minimumOwnShare).toMatchObject({ source: "[S1]", confirmed: false });
    expect(f.salesCapPerMemberUf).toMatchObject({ source: "[S1][S9][F]", confirmed: true });
    expect(f.minimumMembers.confirmed).toEqual({ creacion: true, fortalecimiento: false });
    expect(f.creacionOnlyItems.confirmed).toBe(false);
    expect(f.excludedCooperativeTypes.confirmed).toBe(false);
    expect(PACK_2025.catalogue).toMatchObject({ confirmed: true, subitemsConfirmed: false });
    // Every cited source is listed with its title.
    expect(PACK_2025.sources.map((s) => s.id)).toEqual(expect.arrayContaining(["F", "S1", "S2", "S3", "S4", "S9", "S19"]));
  });

  it("carries keyword lists, never regular expressions", () => {
    expect(PACK_2025.figures.nonFinanceableExpenses.value.find((t) => t.label === "pago de deudas")?.keywords).toEqual(["deuda", "deudas"]);
    expect(PACK_2025.figures.vatIncludedPhrases.value).toContain("IVA incluido");
    const withRegex = checkRulePack(packDocument((d) => {
      (d.figures as { nonFinanceableExpenses: { value: unknown[] } }).nonFinanceableExpenses.value = [{ label: "deudas", pattern: "\\bdeudas?\\b" }];
    }));
    expect(withRegex.ok).toBe(false);
    if (withRegex.ok) return;
    expect(formatPackProblems(withRegex.problems)).toEqual(expect.arrayContaining([
      "figures.nonFinanceableExpenses.value.0.keywords: se esperaba una lista",
      "figures.nonFinanceableExpenses.value.0: campo desconocido: pattern",
    ]));
  });
});

describe("checkRulePack: a draft pack's problems in Spanish, naming the field", () => {
  it("accepts the shipped document", () => {
    expect(checkRulePack(packDocument()).ok).toBe(true);
  });

  it("refuses a share above 1, a blank source, a misspelt field, an unknown ítem and an uncited source", () => {
    const check = checkRulePack(packDocument((d) => {
      const f = d.figures as unknown as Record<string, Record<string, unknown>>;
      f.minimumOwnShare.value = 2;
      f.executionMonths.source = "";
      f.ufValue.confirmd = true;
      f.creacionOnlyItems.value = ["Gastos de viaje"];
      f.visitsPerMonth.source = "[S99]";
    }));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(formatPackProblems(check.problems)).toEqual([
      "figures.minimumOwnShare.value: debe ser menor o igual a 1",
      "figures.executionMonths.source: no puede estar vacío",
      "figures.ufValue: campo desconocido: confirmd",
      "figures.creacionOnlyItems.value.0: el ítem «Gastos de viaje» no está en el catálogo",
      "sources: la fuente [S99] se cita pero no está en sources",
    ]);
  });

  it("never throws on a document that is not a pack", () => {
    for (const doc of [null, 42, "texto", [], {}]) {
      const check = checkRulePack(doc);
      expect(check.ok).toBe(false);
    }
    const check = checkRulePack({});
    expect(check.ok ? [] : formatPackProblems(check.problems)).toContain("format: debe ser 1");
  });
});

describe("which pack applies", () => {
  it("the newest version of the plan's year is in force", () => {
    const v1 = pack(2025, 1);
    const v2 = pack(2025, 2, (d) => { (d.figures as { minimumOwnShare: { value: number } }).minimumOwnShare.value = 0.05; });
    expect(packsInForce([v2, v1])).toEqual([v2]);
    const lookup = getCall(2025, null, [v1, v2]);
    expect(lookup.ok && lookup.call.minimumOwnShare.value).toBe(0.05);
    expect(lookup.ok && lookup.call.pack.version).toBe(2);
  });

  it("a year without a pack gets the newest pack and PLAN-005 naming it (never PLAN-001)", () => {
    const lookup = getCall(2026, "14");
    expect(lookup.ok).toBe(true);
    if (!lookup.ok) return;
    expect(lookup.call.pack).toMatchObject({ year: 2025, version: 1 });
    expect(lookup.fallback).toMatchObject({
      ruleId: "PLAN-005", severity: "warning", found: 2026, limit: "2025 v1",
      message: "Se aplicaron las reglas de la convocatoria 2025 (versión 1): las bases de la convocatoria 2026 aún no están cargadas.",
    });
    const three = [pack(2025, 3), pack(2024, 1)];
    const older = getCall(2026, null, three);
    expect(older.ok && older.fallback?.message).toBe(
      "Se aplicaron las reglas de la convocatoria 2025 (versión 3): las bases de la convocatoria 2026 aún no están cargadas.");
    expect(packForYear(2024, three)).toMatchObject({ fallback: false, pack: { year: 2024 } });
  });

  it("a blank year is still PLAN-001", () => {
    const lookup = getCall(null);
    expect(lookup.ok).toBe(false);
    if (lookup.ok) return;
    expect(lookup.finding).toMatchObject({ ruleId: "PLAN-001", severity: "error" });
    expect(getCall("2025").ok).toBe(true);
  });

  it("a draft is tried as the pack of its year, whatever its version", () => {
    const published = [pack(2025, 4)];
    const draft = pack(2025, 1, (d) => { (d.figures as { subsidyCap: { creacion: { value: number } } }).subsidyCap.creacion.value = 9_000_000; });
    const lookup = getCall(2025, null, withDraftPack(published, draft));
    expect(lookup.ok && lookup.call.subsidyCap.creacion.value).toBe(9_000_000);
  });

  it("applies a region's overrides over the national figures", () => {
    const file = pack(2025, 1, (d) => {
      d.regionOverrides = {
        "14": {
          subsidyCap: { creacion: { value: 9_000_000, source: "[S3]", confirmed: false } },
          ufValue: { value: 39_000, source: "Banco Central de Chile", confirmed: true },
        },
      };
    });
    const losRios = resolvePack(file, "14");
    expect(losRios.regionCode).toBe("14");
    expect(losRios.subsidyCap.creacion).toMatchObject({ value: 9_000_000, confirmed: false });
    expect(losRios.subsidyCap.fortalecimiento.value).toBe(20_000_000);
    expect(losRios.ufValue.value).toBe(39_000);
    expect(losRios.minimumMembers.value).toBe(5);
    const biobio = resolvePack(file, "08");
    expect(biobio.subsidyCap.creacion.value).toBe(8_000_000);
    expect(biobio.ufValue.value).toBe(38_419);
  });

  it("has a rules version", () => {
    expect(RULES_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
