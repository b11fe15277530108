import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { CreateTableCommand, DynamoDBClient, ScanCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { startCommitBarrierProxy } from "../../../functions/local/commitBarrier";
import { DataDirNotWritableError, LocalModeRunningError, lockPath, startDynamoDbLocal, type DynamoDbLocal } from "../../../functions/local/dynamodbLocal";
import { REPO } from "./harness/spawnTsx";

// Local mode's database under attack and faults (issue 13, items 9-12). Each test starts its own
// DynamoDB Local (not the project's shared one) because it kills, locks or inspects it.

jest.setTimeout(120_000);
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `coop-ddb-${name}-`));
const client = (endpoint: string) => new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" }, maxAttempts: 1 });
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const waitFor = async (ok: () => boolean, ms: number) => { const end = Date.now() + ms; while (Date.now() < end && !ok()) await new Promise((r) => setTimeout(r, 100)); return ok(); };

/** A non-loopback IPv4 address of this machine, or null (then the network check is skipped). */
function externalAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  return null;
}

/** Resolves with the HTTP status of a POST to host:port, or the connection error's code. */
function probe(host: string, port: number, headers: Record<string, string> = {}, method = "POST"): Promise<{ status?: number; code?: string; headers?: http.IncomingHttpHeaders }> {
  return new Promise((resolve) => {
    const req = http.request({ host, port, method, path: "/", agent: false, timeout: 3000, headers: {
      "x-amz-target": "DynamoDB_20120810.ListTables", "content-type": "application/x-amz-json-1.0",
      authorization: "AWS4-HMAC-SHA256 Credential=local/20250101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=x", ...headers,
    } }, (res) => { res.resume(); res.on("end", () => resolve({ status: res.statusCode, headers: res.headers })); });
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ code: e.code }));
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.end("{}");
  });
}

async function createTable(endpoint: string): Promise<void> {
  const db = client(endpoint);
  await db.send(new CreateTableCommand({
    TableName: "saves", BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
  })).finally(() => db.destroy());
}

describe("DynamoDB Local in local mode (item 9): loopback only, no CORS, no telemetry", () => {
  let local: DynamoDbLocal;
  beforeAll(async () => { local = await startDynamoDbLocal(); });
  afterAll(async () => local?.stop());

  it("answers on 127.0.0.1 and refuses connections on the machine's network address", async () => {
    expect(local.loopback).toBe(true);
    expect((await probe("127.0.0.1", local.port)).status).toBe(200);
    const external = externalAddress();
    if (!external) return console.warn("no non-loopback interface on this machine: the network check is skipped");
    // Before: the jar bound 0.0.0.0 and this answered 400/200 from any machine of the network.
    expect(await probe(external, local.port)).toEqual({ code: "ECONNREFUSED" });
  });

  it("runs with -disableTelemetry and sends no CORS header to a web page's origin", async () => {
    const cmdline = readFileSync(`/proc/${local.pid}/cmdline`, "utf8").split("\0");
    expect(cmdline).toEqual(expect.arrayContaining(["LoopbackDynamoDbLocal", "-disableTelemetry", "-sharedDb"]));
    expect(cmdline).not.toContain("-cors");
    const post = await probe("127.0.0.1", local.port, { origin: "http://evil.example" });
    expect(post.headers?.["access-control-allow-origin"]).toBeUndefined();
    const preflight = await probe("127.0.0.1", local.port, { origin: "http://evil.example", "access-control-request-method": "POST" }, "OPTIONS");
    expect(preflight.headers?.["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("acknowledged saves survive kill -9 of DynamoDB Local (item 10)", () => {
  it("the proxy answers a transaction only after a later read went through DynamoDB Local's SQLite queue", async () => {
    // A stand-in for DynamoDB Local that records the order of operations.
    const seen: string[] = [];
    const fake = http.createServer((req, res) => {
      const op = String(req.headers["x-amz-target"]).split(".")[1];
      req.resume();
      req.on("end", () => setTimeout(() => { seen.push(op); res.writeHead(200, { "content-type": "application/x-amz-json-1.0" }); res.end("{}"); }, op === "ListTables" ? 50 : 0));
    });
    await new Promise<void>((r) => fake.listen(0, "127.0.0.1", () => r()));
    const proxy = await startCommitBarrierProxy({ target: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` });
    try {
      const { port } = new URL(proxy.endpoint);
      const answered = await probe("127.0.0.1", Number(port), { "x-amz-target": "DynamoDB_20120810.TransactWriteItems" });
      seen.push("answered");
      expect(answered.status).toBe(200);
      // Before: the client was answered straight after TransactWriteItems, COMMIT still queued.
      expect(seen).toEqual(["TransactWriteItems", "ListTables", "answered"]);
      await probe("127.0.0.1", Number(port), { "x-amz-target": "DynamoDB_20120810.GetItem" });
      expect(seen.slice(3)).toEqual(["GetItem"]); // no barrier for operations DynamoDB Local waits for itself
    } finally {
      await proxy.close();
      fake.close();
    }
  });

  it("counts acknowledged transactions before kill -9 and finds every one after restart (2 rounds)", async () => {
    const dir = tmp("durable");
    try {
      let local = await startDynamoDbLocal({ dbPath: dir });
      await createTable(local.endpoint);
      const acked = new Set<string>();
      for (let round = 0; round < 2; round++) {
        const db = client(local.endpoint);
        let stop = false;
        const worker = async (w: number) => {
          for (let i = 0; !stop; i++) {
            const pk = `r${round}-w${w}-${i}`;
            try {
              await db.send(new TransactWriteItemsCommand({ TransactItems: [
                { Put: { TableName: "saves", Item: { pk: { S: pk }, body: { S: "x".repeat(2000) } }, ConditionExpression: "attribute_not_exists(pk)" } },
                { Put: { TableName: "saves", Item: { pk: { S: `${pk}#latest` } } } },
              ] }));
              acked.add(pk);
            } catch {
              return;
            }
          }
        };
        const workers = [0, 1, 2, 3].map(worker);
        await waitFor(() => acked.size >= (round + 1) * 40, 20_000);
        process.kill(local.pid!, "SIGKILL");
        stop = true;
        await Promise.all(workers);
        db.destroy();
        await local.stop(); // the proxy; Java is gone already
        local = await startDynamoDbLocal({ dbPath: dir });
      }
      const present = new Set<string>();
      let start: Record<string, { S: string }> | undefined;
      const reader = client(local.endpoint);
      do {
        const page = await reader.send(new ScanCommand({ TableName: "saves", ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) present.add(item.pk.S!);
        start = page.LastEvaluatedKey as typeof start;
      } while (start);
      reader.destroy();
      await local.stop();
      expect(acked.size).toBeGreaterThanOrEqual(80);
      expect([...acked].filter((pk) => !present.has(pk))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("one DynamoDB Local per data folder (item 11)", () => {
  it("stops a DynamoDB Local left by a killed run and starts a fresh one, saying so", async () => {
    const dir = tmp("orphan");
    try {
      const first = await startDynamoDbLocal({ dbPath: dir });
      // A run killed with kill -9: its lock names an owner that no longer exists.
      const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
      const lock = JSON.parse(readFileSync(lockPath(dir), "utf8"));
      writeFileSync(lockPath(dir), JSON.stringify({ ...lock, ownerPid: dead }));
      const second = await startDynamoDbLocal({ dbPath: dir });
      expect(alive(first.pid!)).toBe(false);
      expect(second.notes.join("\n")).toMatch(new RegExp(`Se detuvo una base de datos local que quedó en ejecución de una sesión anterior \\(proceso ${first.pid}\\)`));
      await first.stop(); // the old handle: closes its proxy, leaves the new run's lock alone
      expect(JSON.parse(readFileSync(lockPath(dir), "utf8")).javaPid).toBe(second.pid);
      await second.stop();
      expect(existsSync(lockPath(dir))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a second start on a folder a live run owns, in Spanish, without touching its database", async () => {
    const dir = tmp("owned");
    try {
      const first = await startDynamoDbLocal({ dbPath: dir });
      const lock = JSON.parse(readFileSync(lockPath(dir), "utf8"));
      writeFileSync(lockPath(dir), JSON.stringify({ ...lock, ownerPid: process.ppid }));
      const second = startDynamoDbLocal({ dbPath: dir });
      await expect(second).rejects.toBeInstanceOf(LocalModeRunningError);
      await expect(second).rejects.toThrow(`El modo local ya está en ejecución con la carpeta de datos ${dir} (proceso ${process.ppid})`);
      expect(alive(first.pid!)).toBe(true);
      await first.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("DynamoDB Local exits by itself when the Node process that started it is killed with -9", async () => {
    const dir = tmp("parent");
    const child = spawn(path.join(REPO, "node_modules", ".bin", "tsx"), ["tests/functions/local/harness/holdDynamoDbLocal.ts", dir], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (d: Buffer) => { out += d.toString(); if (out.includes("\n")) resolve(out.split("\n")[0]); });
        child.once("exit", () => reject(new Error(`helper exited early: ${out}`)));
      });
      const { nodePid, javaPid } = JSON.parse(line) as { nodePid: number; javaPid: number };
      expect(alive(javaPid)).toBe(true);
      process.kill(nodePid, "SIGKILL");
      // Before: the java process stayed, re-parented to PID 1, serving the folder.
      expect(await waitFor(() => !alive(javaPid), 15_000)).toBe(true);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a data folder that cannot be written (item 12)", () => {
  // Runs on any machine (root or not, with or without chattr): the failure is injected by a data
  // folder whose path goes through a regular file, which no one can create or open.
  it("is refused at start-up at once with a Spanish message naming the folder, before Java starts", async () => {
    const dir = tmp("not-a-folder");
    const file = path.join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const dbPath = path.join(file, "dynamodb");
    try {
      const started = Date.now();
      const attempt = startDynamoDbLocal({ dbPath });
      await expect(attempt).rejects.toBeInstanceOf(DataDirNotWritableError);
      await expect(attempt).rejects.toThrow(
        `No se puede escribir en la carpeta de datos ${dbPath} (ENOTDIR): la base de datos local guarda ahí los planes. ` +
          "Una parte de esa ruta es un archivo, no una carpeta: muévalo o use otra carpeta con COOP_PLANS_DATA_DIR, y vuelva a iniciar.",
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(existsSync(lockPath(dbPath))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Where chattr works (root on ext4 and the like), the permission case too: the EPERM wording.
  const chattr = spawnSync("chattr", ["--help"]).error === undefined && process.getuid?.() === 0;
  (chattr ? it : it.skip)("a folder made immutable (chattr +i) is refused the same way, naming EPERM", async () => {
    const dir = tmp("readonly");
    expect(spawnSync("chattr", ["+i", dir]).status).toBe(0);
    try {
      const attempt = startDynamoDbLocal({ dbPath: dir });
      await expect(attempt).rejects.toBeInstanceOf(DataDirNotWritableError);
      await expect(attempt).rejects.toThrow(`No se puede escribir en la carpeta de datos ${dir} (EPERM)`);
    } finally {
      spawnSync("chattr", ["-i", dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a data folder that turns read-only while running (item 12)", () => {
  const chattr = spawnSync("chattr", ["--help"]).error === undefined && process.getuid?.() === 0;

  (chattr ? it : it.skip)("fails saves fast, keeps reads, and recovers without a restart once writable again", async () => {
    const dir = tmp("turns-readonly");
    const local = await startDynamoDbLocal({ dbPath: dir });
    const db = client(local.endpoint);
    const save = (pk: string) => db.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: "saves", Item: { pk: { S: pk } } } }] }));
    try {
      await createTable(local.endpoint);
      await save("before");
      expect(spawnSync("chattr", ["+i", dir, path.join(dir, "shared-local-instance.db")]).status).toBe(0);
      const started = Date.now();
      await expect(save("while")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await db.send(new ScanCommand({ TableName: "saves" }))).Count).toBe(1);
      spawnSync("chattr", ["-i", dir, path.join(dir, "shared-local-instance.db")]);
      await save("after");
      const pks = (await db.send(new ScanCommand({ TableName: "saves" }))).Items!.map((i) => i.pk.S).sort();
      expect(pks).toEqual(["after", "before"]);
    } finally {
      spawnSync("chattr", ["-i", dir, path.join(dir, "shared-local-instance.db")]);
      db.destroy();
      await local.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a DynamoDB Local that stops answering gets a DynamoDB-shaped 503 after the proxy's timeout, not a hang", async () => {
    const silent = http.createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const proxy = await startCommitBarrierProxy({ target: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, requestTimeoutMs: 300 });
    try {
      const started = Date.now();
      const answer = await probe("127.0.0.1", Number(new URL(proxy.endpoint).port), { "x-amz-target": "DynamoDB_20120810.GetItem" });
      expect(answer.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await proxy.close(100);
      silent.closeAllConnections();
      silent.close();
    }
  });
});
