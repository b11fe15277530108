import "./support/quietLogs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Logger } from "@aws-lambda-powertools/logger";
import { buildPath, ROUTES, type RouteName } from "@coop-plans/shared/api";
import { createHealthHandler } from "../../functions/src/handlers/health";
import { createPlansHandler } from "../../functions/src/handlers/plans";
import type { GroupHandler } from "../../functions/src/http/types";
import { createTableCheck } from "../../functions/src/store/healthCheck";
import { createStore } from "../../functions/src/store/store";
import { apiEvent, gestorClaims } from "./support/events";
import { runTsx } from "./local/harness/spawnTsx";
import { fakeValidate } from "./support/plans";

// Issue 13 item 4: with the database unavailable, requests hung for minutes (no timeout on the
// DynamoDB client) and health kept answering 200. Now: SDK timeouts and retries, then 503
// DATABASE_UNAVAILABLE with Retry-After, and health reads the table.

const COOPERATIVE = "0f8fad5b-d9cb-469f-a165-70867728950e";
const FAST = { connectionMs: 200, requestMs: 300, maxAttempts: 2 };

/** A fake DynamoDB: `answer` decides per request (never answering when it returns null); counts requests. */
async function fakeDynamo(answer: (req: http.IncomingMessage) => { status: number; body: string } | null) {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      const a = answer(req);
      if (!a) return;
      res.writeHead(a.status, { "content-type": "application/x-amz-json-1.0" });
      res.end(a.body);
    });
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: async () => { for (const s of sockets) s.destroy(); await new Promise((r) => server.close(r)); },
  };
}

/** A port nothing listens on (bound, read, released). */
async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}`;
}

async function call(handler: GroupHandler, name: RouteName, params?: Record<string, string>) {
  const route = ROUTES[name];
  const result = await handler(apiEvent({ routeKey: route.routeKey, rawPath: buildPath(route.path, params), pathParameters: params, claims: route.authorized ? gestorClaims("ana@coop.cl") : undefined }));
  return { status: result.statusCode, headers: (result.headers ?? {}) as Record<string, string>, body: JSON.parse(result.body ?? "null") };
}

function plansOn(endpoint: string): GroupHandler {
  const store = createStore({ tableName: "coop-plans", endpoint, timeouts: FAST });
  return createPlansHandler(() => ({ store, validate: fakeValidate, now: () => new Date() }));
}

const expectDatabaseUnavailable = (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.status).toBe(503);
  expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  expect(res.headers["retry-after"]).toBe("5");
  expect(res.body).toMatchObject({
    code: "DATABASE_UNAVAILABLE",
    title: "Base de datos no disponible",
    detail: "Base de datos no disponible, reintente en unos segundos.",
    status: 503,
  });
};

describe("a database that does not answer", () => {
  test("a read gets 503 with Retry-After after the SDK's attempts time out (2 × 300 ms), not a hang", async () => {
    const silent = await fakeDynamo(() => null);
    const logged = jest.spyOn(Logger.prototype, "error");
    try {
      const started = Date.now();
      const res = await call(plansOn(silent.endpoint), "getPlan", { id: COOPERATIVE });
      const elapsed = Date.now() - started;
      expectDatabaseUnavailable(res);
      expect(silent.requests()).toBe(2); // the SDK's own retry strategy made the second attempt
      expect(elapsed).toBeGreaterThanOrEqual(550);
      expect(elapsed).toBeLessThan(5000);
      const [message, extra] = logged.mock.calls.find(([m]) => m === "Database unavailable") ?? [];
      expect(message).toBe("Database unavailable");
      expect(JSON.stringify(extra)).toContain("TimeoutError");
    } finally {
      logged.mockRestore();
      await silent.close();
    }
  });

  test("a refused connection gets the same 503 at once (run outside jest's sandbox, see support/refusedDatabase.ts)", async () => {
    const run = await runTsx("tests/functions/support/refusedDatabase.ts", [await closedPort()]);
    expect(run.code).toBe(0);
    const res = JSON.parse(run.stdout.trim().split("\n").pop()!);
    expectDatabaseUnavailable(res);
    expect(res.ms).toBeLessThan(3000);
  });

  test("throttling that outlasts the retries gets 503; both attempts reached the database", async () => {
    const throttled = await fakeDynamo(() => ({
      status: 400,
      body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", message: "Rate of requests exceeds the allowed throughput." }),
    }));
    try {
      expectDatabaseUnavailable(await call(plansOn(throttled.endpoint), "getPlan", { id: COOPERATIVE }));
      expect(throttled.requests()).toBe(2);
    } finally {
      await throttled.close();
    }
  });

  test("a refusal of the request itself is not 'unavailable': a missing table stays a logged 500", async () => {
    const missing = await fakeDynamo(() => ({
      status: 400,
      body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", message: "Requested resource not found" }),
    }));
    try {
      const res = await call(plansOn(missing.endpoint), "getPlan", { id: COOPERATIVE });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe("INTERNAL");
      expect(missing.requests()).toBe(1); // not retried
    } finally {
      await missing.close();
    }
  });
});

describe("GET /v1/health reads the table", () => {
  test("503 with Retry-After when the table does not answer (one attempt, within the function's 3 s)", async () => {
    const silent = await fakeDynamo(() => null);
    try {
      const started = Date.now();
      const res = await call(createHealthHandler({ checkTable: createTableCheck({ tableName: "coop-plans", endpoint: silent.endpoint }) }), "health");
      expectDatabaseUnavailable(res);
      expect(silent.requests()).toBe(1);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  });

  test("200 with database ok when the table answers: exactly one GetItem of a key no item has", async () => {
    const targets: string[] = [];
    const up = await fakeDynamo((req) => {
      targets.push(String(req.headers["x-amz-target"]));
      return { status: 200, body: "{}" };
    });
    try {
      const res = await call(createHealthHandler({
        checkTable: createTableCheck({ tableName: "coop-plans", endpoint: up.endpoint }),
        now: () => new Date("2026-12-06T10:00:00Z"),
      }), "health");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "ok", service: "coop-plans", time: "2026-12-06T10:00:00.000Z", database: "ok" });
      expect(targets).toEqual(["DynamoDB_20120810.GetItem"]);
    } finally {
      await up.close();
    }
  });
});
