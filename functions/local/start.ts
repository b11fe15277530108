/**
 * `npm start`: local mode. Starts Amazon DynamoDB Local (data under `.data/dynamodb`), creates the
 * table from the one definition when missing, serves the API on http://127.0.0.1:4000 and the task
 * pane on http://127.0.0.1:3000 (when addin/serve.ts exists), seeds the demo region 14 (an AOS and
 * two gestores), prints their dev tokens, runs the demo (sync, submit, approve, return,
 * consolidado.xlsx at the repo root) and keeps serving until Ctrl-C.
 *
 * Flags: `--exit-after-demo` (or COOP_PLANS_EXIT_AFTER_DEMO=1) stops after the demo; `--no-demo`
 * only serves; `--no-addin` skips the task pane server. Environment: COOP_PLANS_DATA_DIR (state
 * folder, default `.data/`), COOP_PLANS_API_PORT (4000), COOP_PLANS_DYNAMODB_PORT (free port),
 * COOP_PLANS_ADDIN_PORT (3000), COOP_PLANS_DEMO_OUTPUT (default `<repo>/consolidado.xlsx`),
 * COOP_PLANS_SAMPLES_DIR (extra workbooks, default `../shared/samples`; without them the demo
 * consolidates the examples' region, and says which);
 * for tests, COOP_PLANS_DYNAMODB_ENDPOINT (use a running DynamoDB instead of starting one) and
 * COOP_PLANS_TABLE (table name, default "coop-plans").
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { CONSOLIDATION_STATUS_LABELS, consolidationTitle, type Consolidation } from "@coop-plans/shared/consolidate";
import { formatClp as clp, formatPercentOneDecimal as pct } from "@coop-plans/shared/format";
import { DEMO_PEOPLE, DEMO_REGION, demoWorkbooks, regionLabel, runDemo, type DemoResult } from "./demo";
import { localCliCommandLines } from "./cliHints";
import { loadOrCreateDevKey } from "./devTokens";
import { JavaMissingError } from "./dynamodbLocal";
import { startLocalStack, type LocalStack } from "./localStack";
import { dataDir, devKeyPath, repoRoot } from "./paths";

const args = new Set(process.argv.slice(2));
const exitAfterDemo = args.has("--exit-after-demo") || args.has("--demo-only") || process.env.COOP_PLANS_EXIT_AFTER_DEMO === "1";
const withDemo = !args.has("--no-demo");
const withAddin = !args.has("--no-addin");
const say = (text = "") => void process.stdout.write(text + "\n");
const port = (name: string, fallback?: number) => (process.env[name] ? Number(process.env[name]) : fallback);

/** Starts the task pane's static server (`@coop-plans/addin/serve`, loaded only here); returns how to stop it. */
async function startAddin(repo: string): Promise<(() => Promise<void>) | null> {
  try {
    const { startAddinServer } = await import("@coop-plans/addin/serve");
    const server = await startAddinServer({ port: port("COOP_PLANS_ADDIN_PORT", 3000) });
    say(`Panel de tareas:  ${server.url}${existsSync(path.join(repo, "addin", "dist")) ? "" : " (sin compilar: ejecute npm run build -w addin)"}`);
    return () => server.close();
  } catch (error) {
    say(`Panel de tareas: no se pudo iniciar (${error instanceof Error ? error.message : String(error)}); se omite.`);
    return null;
  }
}

function printTokens(result: DemoResult): void {
  say();
  say("Usuarios de demostración (tokens de desarrollo, vencen en 12 horas):");
  for (const who of ["aos", "ana", "bruno"] as const) {
    const p = DEMO_PEOPLE[who];
    say(`  ${p.label} <${p.email}> (${p.role}, regiones ${result.regions[who].join(", ")}):`);
    say(`    COOP_PLANS_TOKEN=${result.tokens[who]}`);
  }
}

function printConsolidation(c: Consolidation): void {
  say(`${consolidationTitle(c)}: ${c.cooperativeCount} cooperativas`);
  say(`  Por estado: ${c.byStatus.map((s) => `${CONSOLIDATION_STATUS_LABELS[s.status].toLowerCase()} ${s.cooperatives} (${clp(s.total)})`).join(", ")}`);
  say(`  Inversión total:     ${clp(c.totals.total)}`);
  say(`  Aporte Sercotec:     ${clp(c.funding.sercotecAmount)} (${pct(c.funding.sercotecShare)})`);
  say(`  Aporte empresarial:  ${clp(c.funding.ownAmount)} (${pct(c.funding.ownShare)}; ${pct(c.funding.ownShareOfSercotec)} del aporte Sercotec)`);
  say(`  Ejecutado:           ${clp(c.totals.executedAmount)}`);
  say(`  Cumplimiento: ${c.compliance.withErrors} con errores, ${c.compliance.withWarnings} con advertencias, ${c.compliance.clean} sin observaciones${c.compliance.byRule.length > 0 ? ` (reglas: ${c.compliance.byRule.map((r) => `${r.ruleId} ×${r.findings}`).join(", ")})` : ""}`);
  say(`  Hitos realizados: ${c.byMilestone.map((m) => `hito ${m.milestone}: ${m.done}`).join(", ")}`);
  if (c.scope.kind === "region") {
    say("  Por ítem:");
    for (const item of c.byItem) say(`    ${(item.item ?? "(sin ítem)").padEnd(42)} ${clp(item.total).padStart(13)}`);
  }
}

function printDemo(result: DemoResult, repo: string): void {
  printTokens(result);
  say();
  say(`Demostración: ${result.files.length} libros.`);
  for (const f of result.files) {
    const rel = path.relative(repo, f.file).startsWith("..") ? path.join("../shared/samples", path.basename(f.file)) : path.relative(repo, f.file);
    const local = { error: f.localFindings.filter((x) => x.severity === "error").length, warning: f.localFindings.filter((x) => x.severity === "warning").length };
    say(`  ${rel} → «${f.registeredName}» (región ${f.plan.cooperative.regionCode}, ${DEMO_PEOPLE[f.gestor].label}${f.cooperativeId ? `, --cooperative ${f.cooperativeId}` : ""})`);
    say(`    validado en este equipo: ${local.error} errores, ${local.warning} advertencias`);
    for (const step of f.steps) say(`    ${step}`);
  }
  for (const u of result.unreadable) say(`  ${u.file}: no se pudo leer (${u.reason})`);
  say();
  if (result.consolidation) printConsolidation(result.consolidation);
  for (const c of result.otherRegions) {
    say();
    printConsolidation(c);
  }
  if (result.output) say(`\nEscrito ${path.relative(process.cwd(), result.output) || result.output}.`);
}

async function main(): Promise<number> {
  const repo = repoRoot();
  const data = dataDir();
  // Quiet by default: the handlers' structured logs (POWERTOOLS_LOG_LEVEL=INFO npm start shows them)
  // and the AWS SDK's notice about Node 20 (Lambda runs nodejs22.x).
  process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  say("coop-plans: modo local");
  const addinPort = port("COOP_PLANS_ADDIN_PORT", 3000);
  if (addinPort !== 3000) {
    // The pane on another port calls the API from that origin: let CORS allow it.
    process.env.COOP_PLANS_ALLOWED_ORIGINS = [process.env.COOP_PLANS_ALLOWED_ORIGINS, `http://127.0.0.1:${addinPort}`].filter(Boolean).join(",");
  }
  let stack: LocalStack;
  let serving = false;
  try {
    stack = await startLocalStack({
      dataDir: data,
      apiPort: port("COOP_PLANS_API_PORT", 4000),
      dynamoPort: port("COOP_PLANS_DYNAMODB_PORT"),
      dynamoEndpoint: process.env.COOP_PLANS_DYNAMODB_ENDPOINT || undefined,
      tableName: process.env.COOP_PLANS_TABLE || undefined,
      log: (line) => {
        if (serving) say(`  ${line}`);
      },
    });
  } catch (error) {
    say(error instanceof JavaMissingError ? error.message : `No se pudo iniciar el modo local: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const where = process.env.COOP_PLANS_DYNAMODB_ENDPOINT ? "externa" : `datos en ${path.relative(repo, path.join(data, "dynamodb"))}`;
  const reach = stack.dynamo.loopback === true ? "; solo accesible desde este equipo" : "";
  say(`DynamoDB Local:   ${stack.dynamo.endpoint} (${where}; tabla «${stack.tableName}» ${stack.createdTable ? "creada" : "existente"}${reach})`);
  for (const note of stack.dynamo.notes ?? []) say(note);
  say(`API:              ${stack.api.url}/v1/health`);
  // The CLI's defaults are port 4000 and <repo>/.data: say the ones in use, ready to copy.
  const cliLines = localCliCommandLines(stack.api.url, data, DEMO_REGION, DEMO_PEOPLE.aos.email);
  say("CLI contra este modo local (puerto y carpeta de datos en uso):");
  for (const line of cliLines) say(`  ${line}`);
  const stopAddin = withAddin ? await startAddin(repo) : null;

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("\nDeteniendo el modo local…");
    await stopAddin?.();
    await stack.stop();
    say("Listo: DynamoDB Local detenido.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let failed = false;
  if (withDemo) {
    const key = loadOrCreateDevKey(devKeyPath(data));
    const files = demoWorkbooks(repo);
    const output = process.env.COOP_PLANS_DEMO_OUTPUT ? path.resolve(process.env.COOP_PLANS_DEMO_OUTPUT) : path.join(repo, "consolidado.xlsx");
    try {
      const result = await runDemo(stack.api.url, key, files, output);
      printDemo(result, repo);
      failed = result.consolidation === null;
    } catch (error) {
      say(`La demostración falló: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
    }
  }
  if (exitAfterDemo) {
    await shutdown(failed ? 1 : 0);
    return failed ? 1 : 0;
  }
  say();
  say(`Sirviendo en ${stack.api.url} (región de demostración ${regionLabel(DEMO_REGION)}). Ctrl-C para detener.`);
  say("Pruebe:");
  for (const line of cliLines) say(`  ${line}`);
  serving = true;
  return new Promise<number>(() => undefined);
}

void main().then((code) => {
  if (code !== 0) process.exit(code);
});
