/**
 * Test harness (run with tsx, outside jest, because jose is ESM-only): exercises devTokens with
 * the key under COOP_PLANS_DATA_DIR and prints the outcomes as JSON.
 */
import { loadOrCreateDevKey, signDevToken, verifyDevToken } from "../../../../functions/local/devTokens";

async function main(): Promise<void> {
  const key = loadOrCreateDevKey();
  const again = loadOrCreateDevKey();
  const other = new Uint8Array(32).fill(7);
  const now = Math.floor(Date.now() / 1000);
  const token = await signDevToken(key, { email: "Gestora@Ejemplo.CL", role: "gestor", regions: ["14", "08"] });
  const central = await signDevToken(key, { email: "central@sercotec.cl", role: "sercotec", regions: "*", sub: "s-1" });
  const expired = await signDevToken(key, { email: "g@ejemplo.cl", role: "gestor", regions: ["14"], expiresInSeconds: 60 }, now - 3600);
  const forged = await signDevToken(other, { email: "g@ejemplo.cl", role: "aos", regions: ["14"] });
  const [h, p] = token.split(".");
  const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${p}.`;

  process.stdout.write(JSON.stringify({
    sameKey: Buffer.from(key).equals(Buffer.from(again)),
    token,
    header: h,
    valid: await verifyDevToken(key, token),
    central: await verifyDevToken(key, central),
    expired: await verifyDevToken(key, expired),
    forged: await verifyDevToken(key, forged),
    unsigned: await verifyDevToken(key, unsigned),
    missing: await verifyDevToken(key, null),
    garbage: await verifyDevToken(key, "not-a-jwt"),
  }) + "\n");
}

void main();
