import http from "node:http";
import { startLocalServer, type LambdaHandler } from "../../../functions/local/server";

// SIGTERM of `npm start` stops the API first (then DynamoDB Local): requests in flight must be
// answered, not cut (issue 13, item 11).

const slow: LambdaHandler = async () => {
  await new Promise((r) => setTimeout(r, 400));
  return { statusCode: 200, headers: { "content-type": "application/json" }, body: '{"status":"ok"}' };
};

function get(url: string, agent: http.Agent): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    http.get(url, { agent }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    }).on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

jest.setTimeout(20_000);

describe("local API close()", () => {
  it("answers the requests in flight, refuses new connections, and returns promptly", async () => {
    const server = await startLocalServer({ port: 0, authenticate: async () => ({ ok: false, reason: "missing" }), handlers: { health: slow } });
    const agent = new http.Agent({ keepAlive: true });
    const idle = await get(`${server.url}/v1/health`, agent); // leaves an idle keep-alive socket
    expect(idle.status).toBe(200);
    const inFlight = [get(`${server.url}/v1/health`, agent), get(`${server.url}/v1/health`, new http.Agent())];
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const closing = server.close();
    const late = await get(`${server.url}/v1/health`, new http.Agent());
    // Before: both requests in flight ended with ECONNRESET (closeAllConnections ran first).
    expect(await Promise.all(inFlight)).toEqual([{ status: 200, body: '{"status":"ok"}' }, { status: 200, body: '{"status":"ok"}' }]);
    expect(late.error).toBe("ECONNREFUSED");
    await closing;
    expect(Date.now() - started).toBeLessThan(3000);
    agent.destroy();
  });
});
