/**
 * Test harness (run with tsx, outside jest, because jose is ESM-only): starts the local adapter
 * with its REAL dev-token verification (key under COOP_PLANS_DATA_DIR) and echo handlers, prints
 * `{"url": ...}` on stdout and serves until killed.
 */
import { startLocalServer, type LambdaHandler } from "../../../../functions/local/server";

const echo: LambdaHandler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(event) });

async function main(): Promise<void> {
  const server = await startLocalServer({
    port: 0,
    handlers: { health: echo, me: echo, cooperatives: echo, plans: echo, consolidation: echo },
  });
  process.stdout.write(JSON.stringify({ url: server.url }) + "\n");
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
