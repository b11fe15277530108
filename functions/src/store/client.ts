import http from "node:http";
import https from "node:https";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { tracer } from "../observability";
import { DYNAMODB_ENDPOINT_ENV, TABLE_NAME_ENV } from "./tableDefinition";

/** What every repository needs: the document client and the table name. */
export interface StoreContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** Options of `createStoreContext`; missing values come from the environment. */
export interface StoreContextOptions {
  tableName?: string;
  /** DynamoDB endpoint, e.g. `http://127.0.0.1:8000` for DynamoDB Local. */
  endpoint?: string;
  region?: string;
}

/**
 * Builds the DynamoDB document client for the table named by `TABLE_NAME` (or `options`), talking
 * to `DYNAMODB_ENDPOINT` when set (DynamoDB Local, with dummy credentials when none are set).
 * Throws when no table name is configured.
 */
export function createStoreContext(options: StoreContextOptions = {}): StoreContext {
  const tableName = options.tableName ?? process.env[TABLE_NAME_ENV];
  if (!tableName) throw new Error(`The ${TABLE_NAME_ENV} environment variable is not set`);
  const endpoint = options.endpoint ?? process.env[DYNAMODB_ENDPOINT_ENV];
  const region = options.region ?? process.env.AWS_REGION ?? "local";
  const local = endpoint !== undefined && endpoint !== "";
  // Keep-alive sockets, explicitly: a save is two round trips, a new TCP connection per call would double them.
  const requestHandler = local
    ? { httpAgent: new http.Agent({ keepAlive: true, maxSockets: 50 }) }
    : { httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 50 }) };
  // Traced by X-Ray inside Lambda (Powertools Tracer; a no-op elsewhere).
  const client = tracer.captureAWSv3Client(new DynamoDBClient({
    region,
    requestHandler,
    ...(local
      ? {
          endpoint,
          credentials: {
            accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "local",
            secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
          },
        }
      : {}),
  }));
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { doc, tableName };
}
