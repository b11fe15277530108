import { writeFileSync } from "node:fs";
import path from "node:path";
import { createApiClient, type ApiClient } from "@coop-plans/shared/api";
import { createTable } from "../../../functions/local/createTable";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../../functions/local/dynamodbLocal";
import { startLocalServer, type LocalServer } from "../../../functions/local/server";
import type { DevRole } from "../../../functions/local/devTokens";
import { devAuthenticate, devToken } from "../../functions/local/harness/devAuth";

/** The local API over its own DynamoDB Local, as the CLI's backend tests use it. */
export interface CliBackend {
  dynamo: DynamoDbLocal;
  server: LocalServer;
  /** The dev signing key (also written to `<dataDir>/dev-signing-key`, where `login --dev` reads it). */
  key: Uint8Array;
  /** A dev token signed with the key; regions comma-separated or `*`. */
  token(email: string, role: DevRole, regions: string): Promise<string>;
  /** An API client with such a token. */
  clientAs(email: string, role: DevRole, regions: string): Promise<ApiClient>;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local with a table `tableName` (TABLE_NAME and DYNAMODB_ENDPOINT set for the
 * handlers), writes a fresh dev key to `dataDir` and serves the handlers on a free port with the
 * real dev-token verifier. Call from a `beforeAll` (it can take a while on a loaded machine).
 */
export async function startCliBackend(tableName: string, dataDir: string, key: Uint8Array): Promise<CliBackend> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.POWERTOOLS_LOG_LEVEL = "WARN";
  const dynamo = await startDynamoDbLocal();
  await createTable(dynamo.endpoint, tableName);
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  writeFileSync(path.join(dataDir, "dev-signing-key"), Buffer.from(key).toString("base64url"), { mode: 0o600 });
  const server = await startLocalServer({ port: 0, authenticate: devAuthenticate(key) });
  const token = (email: string, role: DevRole, regions: string) => devToken(key, email, role, regions);
  return {
    dynamo, server, key, token,
    async clientAs(email, role, regions) {
      const bearer = await token(email, role, regions);
      return createApiClient({ baseUrl: server.url, getToken: () => bearer, fetch: (u, i) => fetch(u, i as RequestInit) });
    },
    async stop() {
      await server.close();
      await dynamo.stop();
    },
  };
}
