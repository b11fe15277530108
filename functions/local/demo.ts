import { existsSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { cooperativeNameKey, createApiClient, isApiError, listAllCooperatives, PLAN_STATUS_LABELS, type ApiClient, type CooperativeSummary, type PlanStatus } from "@coop-plans/shared/api";
import { Consolidation, consolidationSheets } from "@coop-plans/shared/consolidate";
import { REGIONS, type Finding, type Plan, type RegionCode } from "@coop-plans/shared/domain";
import { validatePlan } from "@coop-plans/shared/rules";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids, writeReportWorkbook } from "@coop-plans/shared/xlsx";
import { signDevToken, type DevRole } from "./devTokens";
import { nodeFetch } from "./nodeFetch";

/** The demo region: Los Ríos, the region of the sample workbooks. */
export const DEMO_REGION: RegionCode = "14";

/** The demo people (invented addresses): the AOS and two gestores. */
export const DEMO_PEOPLE = {
  aos: { email: "aos.losrios@demo.coop-plans.cl", role: "aos" as DevRole, label: "AOS Los Ríos" },
  ana: { email: "ana.gestora@demo.coop-plans.cl", role: "gestor" as DevRole, label: "Gestora Ana" },
  bruno: { email: "bruno.gestor@demo.coop-plans.cl", role: "gestor" as DevRole, label: "Gestor Bruno" },
};
type Person = keyof typeof DEMO_PEOPLE;

/** Environment variable naming the folder of extra sample workbooks (default `<repo>/../shared/samples`). */
export const SAMPLES_DIR_ENV = "COOP_PLANS_SAMPLES_DIR";

/** The folder of extra sample workbooks: `COOP_PLANS_SAMPLES_DIR`, else `../shared/samples` beside the repo. */
export function samplesDir(repo: string): string {
  const configured = process.env[SAMPLES_DIR_ENV];
  return configured ? path.resolve(configured) : path.resolve(repo, "../shared/samples");
}

/** The workbooks of the demo: examples/*.xlsx, then the samples folder's *.xlsx when present (each sorted by name). */
export function demoWorkbooks(repo: string): string[] {
  const list = (dir: string) =>
    existsSync(dir) ? readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".xlsx")).sort().map((f) => path.join(dir, f)) : [];
  return [...list(path.join(repo, "examples")), ...list(samplesDir(repo))];
}

/** One workbook through the demo. */
export interface DemoFile {
  file: string;
  gestor: Person;
  plan: Plan;
  /** Findings of reading and validating it on this machine (as the task pane would). */
  localFindings: Finding[];
  cooperativeId?: string;
  registeredName?: string;
  version?: number;
  status?: PlanStatus;
  serverErrors?: number;
  serverWarnings?: number;
  /** What happened, in Spanish, step by step. */
  steps: string[];
}

/** Everything the demo did: tokens, files, the consolidation written. */
export interface DemoResult {
  tokens: Record<Person, string>;
  regions: Record<Person, RegionCode[]>;
  files: DemoFile[];
  unreadable: { file: string; reason: string }[];
  consolidation: Consolidation | null;
  /** Other regions' consolidations (the examples' regions), by code. */
  otherRegions: Consolidation[];
  output: string | null;
}

function client(baseUrl: string, token: string): ApiClient {
  return createApiClient({ baseUrl, getToken: () => token, fetch: nodeFetch });
}

function failure(error: unknown): string {
  if (isApiError(error)) return `${error.status} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}


/**
 * Runs the demo against a running local API (`baseUrl`) with dev tokens signed by `key`:
 * reads and validates each workbook, registers its cooperative in its region as the AOS and assigns
 * it to a gestor/a (alternating Ana and Bruno), syncs each plan over HTTP with the typed client as
 * its gestor/a, submits those without errors, approves the first submitted plan of the demo region
 * and returns the second with observations (as the AOS), then writes the region's consolidation
 * to `output` (.xlsx, one sheet per view). Idempotent: cooperatives are found by name before
 * registering, and a cooperative that already has a plan is left as it is.
 */
export async function runDemo(baseUrl: string, key: Uint8Array, files: string[], output: string): Promise<DemoResult> {
  const unreadable: DemoResult["unreadable"] = [];
  const demoFiles: DemoFile[] = [];
  for (const file of files) {
    try {
      const parsed = parseWorkbook(await readWorkbookGrids(new Uint8Array(await readFile(file))));
      const localFindings = [...parsed.findings, ...validatePlan(parsed.plan)];
      if (!parsed.plan.cooperative.regionCode || !parsed.plan.cooperative.modality || !parsed.plan.cooperative.callYear) {
        unreadable.push({ file, reason: "sin región, modalidad o convocatoria en la hoja Cooperativa" });
        continue;
      }
      demoFiles.push({ file, gestor: demoFiles.length % 2 === 0 ? "ana" : "bruno", plan: parsed.plan, localFindings, steps: [] });
    } catch (error) {
      unreadable.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const regionsOf = (who: Person): RegionCode[] => {
    const own = demoFiles.filter((f) => who === "aos" || f.gestor === who).map((f) => f.plan.cooperative.regionCode as RegionCode);
    return [...new Set([DEMO_REGION, ...own])].sort();
  };
  const regions = { aos: regionsOf("aos"), ana: regionsOf("ana"), bruno: regionsOf("bruno") };
  const tokens = {} as Record<Person, string>;
  for (const who of Object.keys(DEMO_PEOPLE) as Person[]) {
    tokens[who] = await signDevToken(key, { email: DEMO_PEOPLE[who].email, role: DEMO_PEOPLE[who].role, regions: regions[who] });
  }
  const aos = client(baseUrl, tokens.aos);
  const gestor = { ana: client(baseUrl, tokens.ana), bruno: client(baseUrl, tokens.bruno) };

  // Seed: one cooperative per workbook, in the workbook's region. Names and RUTs are unique in a
  // region (the API refuses repeats), so a workbook whose cooperative name was already used is
  // registered as "<name> (grupo 2)", "(grupo 3)"…, without RUT, and its plan carries that name
  // (as a gestor/a would write it in the Cooperativa sheet to tell the groups apart; the AOS reads
  // these names, so never the sample file's English words).
  const existing = new Map<string, CooperativeSummary[]>();
  const groups = new Map<string, number>();
  const usedRuts = new Set<string>();
  for (const f of demoFiles) {
    const region = f.plan.cooperative.regionCode as RegionCode;
    if (!existing.has(region)) existing.set(region, await listAllCooperatives(aos, region));
    const base = f.plan.cooperative.name ?? readableFileName(f.file);
    const baseKey = `${region}|${cooperativeNameKey(base)}`;
    const group = (groups.get(baseKey) ?? 0) + 1;
    groups.set(baseKey, group);
    const name = group > 1 ? `${base} (grupo ${group})` : base;
    const rut = f.plan.cooperative.rut && !usedRuts.has(`${region}|${f.plan.cooperative.rut}`) ? f.plan.cooperative.rut : null;
    if (rut) usedRuts.add(`${region}|${rut}`);
    if (name !== f.plan.cooperative.name) {
      f.plan = { ...f.plan, cooperative: { ...f.plan.cooperative, name } };
    }
    f.registeredName = name;
    const gestorEmail = DEMO_PEOPLE[f.gestor].email;
    const found = existing.get(region)!.find((c) => cooperativeNameKey(c.name) === cooperativeNameKey(name));
    if (found) {
      f.cooperativeId = found.id;
      f.version = found.version;
      f.status = found.status;
      if (found.gestorEmail !== gestorEmail) await aos.assignGestor(found.id, { gestorEmail });
      f.steps.push(`cooperativa ya registrada (${found.id})`);
    } else {
      const created = await aos.registerCooperative(region, {
        name, rut, modality: f.plan.cooperative.modality!, callYear: f.plan.cooperative.callYear!, gestorEmail,
      }, `demo-register-${region}-${Buffer.from(cooperativeNameKey(name)).toString("base64url").slice(0, 100)}`);
      f.cooperativeId = created.id;
      f.version = 0;
      f.steps.push(`registrada por el AOS y asignada a ${DEMO_PEOPLE[f.gestor].label}`);
    }
  }

  // Sync as each gestor/a, then submit the plans the server found without errors.
  for (const f of demoFiles) {
    if ((f.version ?? 0) > 0) {
      f.steps.push(`ya tenía plan (versión ${f.version}, ${PLAN_STATUS_LABELS[f.status!].toLowerCase()}): no se vuelve a sincronizar`);
      continue;
    }
    const api = gestor[f.gestor as "ana" | "bruno"];
    try {
      const saved = await api.putPlan(f.cooperativeId!, { plan: f.plan, baseVersion: 0 }, `demo-${f.cooperativeId}-v0`);
      f.version = saved.version;
      f.status = saved.status;
      f.serverErrors = saved.counts.error;
      f.serverWarnings = saved.counts.warning;
      f.steps.push(`sincronizado: versión ${saved.version}, ${saved.counts.error} errores, ${saved.counts.warning} advertencias`);
      if (saved.counts.error === 0) {
        const sent = await api.transition(f.cooperativeId!, { action: "submit" });
        f.version = sent.version;
        f.status = sent.status;
        f.steps.push(`enviado al AOS (versión ${sent.version})`);
      } else {
        f.steps.push("queda en borrador: tiene errores");
      }
    } catch (error) {
      f.steps.push(`no se pudo sincronizar: ${failure(error)}`);
    }
  }

  // The AOS approves one plan of the demo region and returns another with observations.
  const submitted = demoFiles.filter((f) => f.status === "enviado" && f.plan.cooperative.regionCode === DEMO_REGION && f.steps.some((s) => s.startsWith("enviado")));
  const review = submitted.length > 0 ? submitted : demoFiles.filter((f) => f.status === "enviado" && f.steps.some((s) => s.startsWith("enviado")));
  if (review[0]) {
    const approved = await aos.transition(review[0].cooperativeId!, { action: "approve", comment: "Plan revisado: cumple las bases." });
    review[0].version = approved.version;
    review[0].status = approved.status;
    review[0].steps.push(`aprobado por el AOS (versión ${approved.version})`);
  }
  if (review[1]) {
    // One observation pinned to the plan's first numbered investment line: the gestor/a places it on that line's cell.
    const first = review[1].plan.investmentLines.find((l) => l.number !== null)?.number;
    const returned = await aos.transition(review[1].cooperativeId!, {
      action: "return",
      comment: "Adjunte las cotizaciones de los activos fijos y revise las fechas de compra.",
      ...(first ? { observations: [{ target: { kind: "line" as const, plan: "investment" as const, lineNumber: first }, text: "Falta la segunda cotización de esta línea." }] } : {}),
    });
    review[1].version = returned.version;
    review[1].status = returned.status;
    review[1].steps.push(`devuelto con observaciones por el AOS (versión ${returned.version})`);
  }

  // Consolidate the demo region (or, without samples there, the first region with workbooks).
  const demoRegions = [...new Set(demoFiles.map((f) => f.plan.cooperative.regionCode as RegionCode))].sort();
  const mainRegion = demoRegions.includes(DEMO_REGION) || demoRegions.length === 0 ? DEMO_REGION : demoRegions[0];
  const parse = (raw: unknown): Consolidation | null => {
    const parsed = Consolidation.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };
  const consolidation = parse(await aos.regionConsolidation(mainRegion));
  const otherRegions: Consolidation[] = [];
  for (const region of demoRegions.filter((r) => r !== mainRegion)) {
    const c = parse(await aos.regionConsolidation(region));
    if (c) otherRegions.push(c);
  }
  let written: string | null = null;
  if (consolidation) {
    await writeFile(output, await writeReportWorkbook(consolidationSheets(consolidation)));
    written = output;
  }
  return { tokens, regions, files: demoFiles, unreadable, consolidation, otherRegions, output: written };
}

/** A file's name as words, for a cooperative's distinguishing parenthetical: `messy_creacion_textil.xlsx` → `messy creacion textil`. */
export function readableFileName(file: string): string {
  return path.basename(file).replace(/\.xlsx$/i, "").replace(/[_\-.]+/g, " ").replace(/\s+/g, " ").trim();
}

/** The region's name for messages: `14 Los Ríos`. */
export function regionLabel(code: RegionCode): string {
  return `${code} ${REGIONS[code].name}`;
}
