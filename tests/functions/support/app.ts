import "./quietLogs";
import { gunzipSync } from "node:zlib";
import { buildPath, ROUTES, type RouteName } from "@coop-plans/shared/api";
import { createTable } from "../../../functions/local/createTable";
import type { HandlerDeps } from "../../../functions/src/deps";
import { createConsolidationHandler } from "../../../functions/src/handlers/consolidation";
import { createCooperativesHandler } from "../../../functions/src/handlers/cooperatives";
import { createHealthHandler } from "../../../functions/src/handlers/health";
import { createMeHandler } from "../../../functions/src/handlers/me";
import { createPlansHandler } from "../../../functions/src/handlers/plans";
import { createRulePacksHandler } from "../../../functions/src/handlers/rulePacks";
import type { Claims } from "../../../functions/src/auth/principal";
import type { GroupHandler } from "../../../functions/src/http/types";
import { createTableCheck } from "../../../functions/src/store/healthCheck";
import { createStore, type Store } from "../../../functions/src/store/store";
import { apiEvent } from "./events";
import { fakeValidate } from "./plans";

/** A parsed handler answer. */
export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The body exactly as the handler returned it (base64 text when compressed) and its length in bytes. */
  wireBytes: number;
  isBase64Encoded: boolean;
}

/** A call by route name. */
export interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  claims?: Claims;
}

/** The handlers wired to a fresh table on the project's DynamoDB Local, called by route name. */
export interface TestApp {
  store: Store;
  tableName: string;
  deps: HandlerDeps;
  call(name: RouteName, options?: CallOptions): Promise<TestResponse>;
}

let tables = 0;

/**
 * Creates a uniquely named table on the DynamoDB Local of the jest globalSetup and the six
 * handler groups on it (validator: fakeValidate unless given).
 */
export async function createTestApp(overrides: Partial<HandlerDeps> = {}): Promise<TestApp> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error("DYNAMODB_ENDPOINT not set: the functions project's globalSetup did not run");
  tables += 1;
  const tableName = `test-${process.pid}-${Date.now()}-${tables}`;
  await createTable(endpoint, tableName);
  const store = createStore({ tableName, endpoint });
  const deps: HandlerDeps = { store, validate: fakeValidate, now: () => new Date(), ...overrides };
  const handlers: Record<string, GroupHandler> = {
    health: createHealthHandler({ checkTable: createTableCheck({ tableName, endpoint }) }),
    me: createMeHandler(() => deps),
    cooperatives: createCooperativesHandler(() => deps),
    plans: createPlansHandler(() => deps),
    consolidation: createConsolidationHandler(() => deps),
    rulePacks: createRulePacksHandler(() => deps),
  };
  return {
    store,
    tableName,
    deps,
    async call(name, options = {}) {
      const route = ROUTES[name];
      const pathParameters = options.params ? Object.fromEntries(Object.entries(options.params).map(([k, v]) => [k, String(v)])) : undefined;
      const event = apiEvent({
        routeKey: route.routeKey,
        rawPath: buildPath(route.path, options.params),
        pathParameters,
        queryStringParameters: options.query,
        headers: options.headers,
        body: options.body,
        claims: options.claims,
      });
      const result = await handlers[route.group](event);
      const raw = result.body ?? "";
      const headers = (result.headers ?? {}) as Record<string, string>;
      const bytes = result.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
      const text = (headers["content-encoding"] === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8");
      return {
        status: result.statusCode ?? 200,
        headers,
        body: text ? JSON.parse(text) : undefined,
        wireBytes: Buffer.byteLength(raw, "utf8"),
        isBase64Encoded: result.isBase64Encoded === true,
      };
    },
  };
}
