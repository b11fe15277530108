import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { isServerError, isThrottlingError, isTransientError } from "@smithy/core/retry";
import { StoreUnavailableError } from "../plans/planStore";
import { tracer } from "../observability";
import { DYNAMODB_ENDPOINT_ENV, TABLE_NAME_ENV } from "./tableDefinition";

/** What every repository needs: the document client and the table name. */
export interface StoreContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * How long the store waits for DynamoDB, per attempt, and how many attempts the SDK's own
 * standard retry strategy makes (exponential backoff with jitter, throttling and transient
 * errors only; conditional-check failures are never retried).
 */
export interface StoreTimeouts {
  /** Longest wait to open a connection, in ms. */
  connectionMs: number;
  /** Longest wait for one request and its response, in ms (past it the SDK throws TimeoutError). */
  requestMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
}

/**
 * In AWS: DynamoDB answers single-digit milliseconds; 1 s to connect and 3 s per attempt leave
 * room for a cold TLS handshake and a 400 KB transaction. 3 attempts: a call gives up after at
 * most ~10 s (3 × 3 s plus backoff), inside every function's timeout (infra handlerSettings).
 */
export const AWS_STORE_TIMEOUTS: StoreTimeouts = { connectionMs: 1000, requestMs: 3000, maxAttempts: 3 };

/**
 * DynamoDB Local on a laptop: loopback, so a refused connection is immediate, but a loaded machine
 * can take seconds on a large transaction. 25 s per attempt is past the commit-barrier proxy's
 * own 20 s (functions/local/commitBarrier.ts), which answers a retryable 503 first; 2 attempts.
 */
export const LOCAL_STORE_TIMEOUTS: StoreTimeouts = { connectionMs: 1000, requestMs: 25_000, maxAttempts: 2 };

/** Options of `createStoreContext`; missing values come from the environment. */
export interface StoreContextOptions {
  tableName?: string;
  /** DynamoDB endpoint, e.g. `http://127.0.0.1:8000` for DynamoDB Local. */
  endpoint?: string;
  region?: string;
  /** Default: LOCAL_STORE_TIMEOUTS with an endpoint, AWS_STORE_TIMEOUTS without. */
  timeouts?: Partial<StoreTimeouts>;
}

/**
 * True when an error (after the SDK's retries) means DynamoDB cannot be reached or cannot serve
 * now: the SDK's own classification (throttling, transient — timeouts, ECONNREFUSED/ECONNRESET,
 * 500/502/503/504 — and server errors), never a refusal of the request itself (validation,
 * conditional checks, cancelled transactions).
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdkError = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(sdkError) || isTransientError(sdkError) || isServerError(sdkError);
}

/**
 * Builds the DynamoDB document client for the table named by `TABLE_NAME` (or `options`), talking
 * to `DYNAMODB_ENDPOINT` when set (DynamoDB Local, with dummy credentials when none are set).
 * Every request has a connection and a request timeout (`timeouts`, on the SDK's NodeHttpHandler)
 * and the SDK's standard retry strategy; what still fails because DynamoDB is unreachable or
 * overloaded reaches the caller as StoreUnavailableError (the API answers 503), with the SDK
 * error as `cause`. Throws when no table name is configured.
 */
export function createStoreContext(options: StoreContextOptions = {}): StoreContext {
  const tableName = options.tableName ?? process.env[TABLE_NAME_ENV];
  if (!tableName) throw new Error(`The ${TABLE_NAME_ENV} environment variable is not set`);
  const endpoint = options.endpoint ?? process.env[DYNAMODB_ENDPOINT_ENV];
  const region = options.region ?? process.env.AWS_REGION ?? "local";
  const local = endpoint !== undefined && endpoint !== "";
  const timeouts = { ...(local ? LOCAL_STORE_TIMEOUTS : AWS_STORE_TIMEOUTS), ...options.timeouts };
  // Keep-alive sockets, explicitly: a save is two round trips, a new TCP connection per call would double them.
  const agent = { keepAlive: true, maxSockets: 50 };
  // Traced by X-Ray inside Lambda (Powertools Tracer; a no-op elsewhere).
  const client = tracer.captureAWSv3Client(new DynamoDBClient({
    region,
    maxAttempts: timeouts.maxAttempts,
    retryMode: "standard",
    requestHandler: {
      connectionTimeout: timeouts.connectionMs,
      requestTimeout: timeouts.requestMs,
      // Without it the SDK only logs a warning when requestTimeout passes and keeps waiting.
      throwOnRequestTimeout: true,
      ...(local ? { httpAgent: agent } : { httpsAgent: agent }),
    },
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
  // Outermost step (around the SDK's retries): an unavailable database becomes the port's error.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isStoreUnavailable(error)) throw new StoreUnavailableError(error);
        throw error;
      }
    },
    { step: "initialize", name: "coopPlansStoreUnavailable", priority: "high" },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { doc, tableName };
}
