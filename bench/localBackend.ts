import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiClient, type ApiClient } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { loadOrCreateDevKey, signDevToken, type DevIdentity } from "../functions/local/devTokens";
import { startLocalStack, type LocalStack } from "../functions/local/localStack";
import { repoRoot } from "../functions/local/paths";
import { nodeFetch } from "../functions/local/nodeFetch";
export { median } from "./benchStats";

/** A throw-away local backend for a benchmark: in-memory DynamoDB Local, the table, the API adapter with real dev tokens. */
export interface BenchBackend {
  stack: LocalStack;
  /** A typed API client acting as `identity`. */
  clientAs(identity: DevIdentity): Promise<ApiClient>;
  stop(): Promise<void>;
}

/** Starts the backend of a benchmark (state in a temp folder, removed on stop). */
export async function startBenchBackend(): Promise<BenchBackend> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-bench-"));
  const stack = await startLocalStack({ dataDir, inMemory: true, apiPort: 0, tableName: "bench" });
  const key = loadOrCreateDevKey(path.join(dataDir, "dev-signing-key"));
  return {
    stack,
    clientAs: async (identity) => {
      const token = await signDevToken(key, identity);
      return createApiClient({ baseUrl: stack.api.url, getToken: () => token, fetch: nodeFetch });
    },
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The plan of examples/clean_creacion.xlsx (a realistic, clean plan). */
export async function examplePlan(): Promise<Plan> {
  const bytes = new Uint8Array(readFileSync(path.join(repoRoot(), "examples", "clean_creacion.xlsx")));
  return parseWorkbook(await readWorkbookGrids(bytes)).plan;
}


/** Milliseconds with two decimals, es-CL style. */
export function ms(value: number): string {
  return `${value.toLocaleString("es-CL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ms`;
}
