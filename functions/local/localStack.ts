import path from "node:path";
import { PAGE_TOKEN_SECRET_ENV } from "../src/cooperatives/pageToken";
import { DYNAMODB_ENDPOINT_ENV, TABLE_NAME_ENV } from "../src/store/tableDefinition";
import { loadOrCreateDevKey } from "./devTokens";
import { createTable } from "./createTable";
import { freePort, startDynamoDbLocal, type DynamoDbLocal } from "./dynamodbLocal";
import { LOCAL_API_PORT, startLocalServer, type LocalServer, type LocalServerOptions } from "./server";

/** Name of the table in local mode. */
export const LOCAL_TABLE_NAME = "coop-plans";

/** Options of the local stack. */
export interface LocalStackOptions {
  /** State folder (`.data/`): the database lives in `<dataDir>/dynamodb`, the dev key beside it. */
  dataDir: string;
  /** API port (default 4000; 0 = a free one). */
  apiPort?: number;
  /** DynamoDB Local port (default: a free one). */
  dynamoPort?: number;
  /** Keep the database in memory instead of `<dataDir>/dynamodb` (benchmarks). */
  inMemory?: boolean;
  tableName?: string;
  /** Use this running DynamoDB (e.g. the tests' DynamoDB Local) instead of starting one; it is left running. */
  dynamoEndpoint?: string;
  log?: LocalServerOptions["log"];
}

/** DynamoDB Local + the table + the API adapter, running. */
export interface LocalStack {
  /** The DynamoDB used: started here, or the given endpoint (then `stop` leaves it running). */
  dynamo: Pick<DynamoDbLocal, "endpoint" | "stop"> & Partial<Pick<DynamoDbLocal, "loopback" | "notes">>;
  api: LocalServer;
  tableName: string;
  /** True when the table was created now (a fresh `.data/`). */
  createdTable: boolean;
  /** Stops the API (draining requests in flight), then DynamoDB Local. */
  stop(): Promise<void>;
}

/**
 * Starts local mode's backend: Amazon DynamoDB Local (data under `<dataDir>/dynamodb`), the single
 * table from the one definition when missing, the page-token key (`<dataDir>/page-token-secret`,
 * made on first start, unless PAGE_TOKEN_SECRET is set), and the API adapter on http://127.0.0.1:4000 with
 * the handlers reading `TABLE_NAME` / `DYNAMODB_ENDPOINT` from the environment (set here).
 * @throws JavaMissingError, DataDirNotWritableError, LocalModeRunningError, DynamoDbLocalStartError
 * (Spanish messages, see dynamodbLocal.ts); Error when a port is taken.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dynamo: LocalStack["dynamo"] = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint, stop: async () => undefined }
    : await startDynamoDbLocal({
      port: options.dynamoPort ?? (await freePort()),
      dbPath: options.inMemory ? undefined : path.join(options.dataDir, "dynamodb"),
    });
  try {
    const tableName = options.tableName ?? LOCAL_TABLE_NAME;
    const createdTable = await createTable(dynamo.endpoint, tableName);
    process.env[TABLE_NAME_ENV] = tableName;
    process.env[DYNAMODB_ENDPOINT_ENV] = dynamo.endpoint;
    process.env.COOP_PLANS_DATA_DIR = options.dataDir;
    // Page tokens stay valid across restarts: their key lives beside the dev signing key (0600).
    process.env[PAGE_TOKEN_SECRET_ENV] ||= Buffer.from(loadOrCreateDevKey(path.join(options.dataDir, "page-token-secret"))).toString("base64url");
    const api = await startLocalServer({ port: options.apiPort ?? LOCAL_API_PORT, log: options.log });
    return {
      dynamo, api, tableName, createdTable,
      stop: async () => {
        await api.close();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
