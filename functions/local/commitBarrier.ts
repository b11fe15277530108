import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Why this exists: Amazon DynamoDB Local 3.3.0 answers `TransactWriteItems` (and
 * `ExecuteTransaction`) BEFORE its SQLite COMMIT has run. Its `SQLiteDBAccess.commitTransaction`
 * queues the COMMIT job on its single SQLite thread (`SQLiteQueue.execute`) without waiting for it,
 * unlike every other operation, which waits for its job (`job.get()`). A `kill -9` of the Java
 * process in that window loses a save the API had already acknowledged (a `.db-journal` is left
 * and rolled back on restart). The queue is FIFO on one thread, so any later request that reads
 * SQLite runs after that COMMIT: this proxy forwards every request unchanged and, after a
 * transaction's 200, sends one `ListTables` (a read through the same queue) before answering.
 * Cost: one loopback round trip per transaction (~1–3 ms), none for other operations.
 */
export interface CommitBarrierProxy {
  /** `http://127.0.0.1:<port>`: give this to the DynamoDB client instead of DynamoDB Local's own endpoint. */
  endpoint: string;
  /** Requests being forwarded right now. */
  inFlight(): number;
  /** Stops accepting, waits for the requests in flight (at most `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** Options of `startCommitBarrierProxy`. */
export interface CommitBarrierOptions {
  /** DynamoDB Local's own endpoint (`http://127.0.0.1:<port>`). */
  target: string;
  /**
   * Longest wait for DynamoDB Local on one request, in ms (default 20 000). Past it the client gets
   * a DynamoDB-shaped 503 instead of hanging (a read-only data folder makes DynamoDB Local block).
   */
  requestTimeoutMs?: number;
}

const TRANSACTION_TARGETS = new Set(["DynamoDB_20120810.TransactWriteItems", "DynamoDB_20120810.ExecuteTransaction"]);

/** A DynamoDB-protocol error body the AWS SDK understands (retryable 503). */
function unavailable(res: ServerResponse, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#ServiceUnavailable", message });
  res.writeHead(503, { "content-type": "application/x-amz-json-1.0", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of DynamoDB Local. */
export async function startCommitBarrierProxy(options: CommitBarrierOptions): Promise<CommitBarrierProxy> {
  const target = new URL(options.target);
  const timeoutMs = options.requestTimeoutMs ?? 20_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const forward = (method: string, headers: http.OutgoingHttpHeaders, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: target.hostname, port: target.port, path: "/", method, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
    const answer = await forward(req.method ?? "POST", headers, body);
    const op = String(req.headers["x-amz-target"] ?? "");
    if (answer.status === 200 && TRANSACTION_TARGETS.has(op)) {
      const probe = Buffer.from('{"Limit":1}');
      await forward("POST", { ...headers, "x-amz-target": "DynamoDB_20120810.ListTables", "content-length": probe.length }, probe);
    }
    const out = { ...answer.headers };
    delete out["transfer-encoding"];
    delete out.connection;
    out["content-length"] = String(answer.body.length);
    res.writeHead(answer.status, out);
    res.end(answer.body);
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    handle(req, res)
      .catch((error: unknown) => unavailable(res, error instanceof Error ? error.message : String(error)))
      .finally(() => {
        inFlight--;
        if (inFlight === 0) drained?.();
      });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inFlight: () => inFlight,
    close: async (graceMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((r) => (drained = r)), new Promise((r) => setTimeout(r, graceMs))]);
      }
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}
