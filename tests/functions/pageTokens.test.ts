import { createHmac } from "node:crypto";
import { openPageToken, pageTokenSecret, sealPageToken } from "../../functions/src/cooperatives/pageToken";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, sercotecClaims } from "./support/events";

// Issue 13 item 2: a well-formed but forged nextToken on the region list (a key of the right region
// with empty pk/sk) reached DynamoDB and answered 500 (ValidationException). Now page tokens are
// signed (HMAC-SHA256) and bound to the region and the caller, and the key's full shape is checked.

const SECRET = Buffer.from("a-test-page-token-secret-of-32-characters!", "utf8");
const REFUSED = { code: "VALIDATION_FAILED", field: "nextToken", detail: "El parámetro «nextToken» no es válido para esta lista: pida la lista desde el comienzo." };
let app: TestApp;
const aos = aosClaims("09", "aos09@operador.cl");

const list = (claims: typeof aos, code: string, nextToken?: string, limit = "2") =>
  app.call("listCooperatives", { params: { code }, claims, query: { limit, ...(nextToken ? { nextToken } : {}) } });
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

beforeAll(async () => {
  app = await createTestApp({ pageTokenSecret: SECRET });
  for (const name of ["Alerce", "Boldo", "Coigüe", "Laurel", "Maitén"]) {
    expect((await app.call("registerCooperative", { params: { code: "09" }, claims: aos, body: { name: `Cooperativa ${name}`, modality: "creacion", callYear: 2025 } })).status).toBe(201);
  }
  expect((await app.call("registerCooperative", { params: { code: "10" }, claims: aosClaims("10"), body: { name: "Cooperativa Ulmo", modality: "creacion", callYear: 2025 } })).status).toBe(201);
});

test("pages still chain: 5 cooperatives, 2 a page, each seen once, signed v1 tokens", async () => {
  const names: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 5; page++) {
    const res = await list(aos, "09", token);
    expect(res.status).toBe(200);
    names.push(...res.body.items.map((c: { name: string }) => c.name));
    token = res.body.nextToken ?? undefined;
    if (!token) break;
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]{43}$/);
  }
  expect(names).toEqual(["Alerce", "Boldo", "Coigüe", "Laurel", "Maitén"].map((n) => `Cooperativa ${n}`));
});

test("the forged token of the issue (right region, empty pk/sk) → 400 in Spanish, not 500", async () => {
  const forged = b64({ pk: "", sk: "", gsi1pk: "REGION#09", gsi1sk: "" });
  const res = await list(aos, "09", forged);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject(REFUSED);
});

test("a token is good only for its caller and its region", async () => {
  const first = await list(aos, "09");
  const token = first.body.nextToken as string;
  // Another caller with the same rights on the region (a Sercotec central user).
  const other = await list(sercotecClaims("*"), "09", token);
  expect(other.status).toBe(400);
  expect(other.body).toMatchObject(REFUSED);
  // The same caller on another region.
  const central = sercotecClaims("*");
  const centralToken = (await list(central, "09")).body.nextToken as string;
  const elsewhere = await list(central, "10", centralToken);
  expect(elsewhere.status).toBe(400);
  expect(elsewhere.body).toMatchObject(REFUSED);
  // And for itself it works.
  expect((await list(central, "09", centralToken)).status).toBe(200);
});

test("an edited token (another cooperative's key, the old signature) or one signed with another key → 400", async () => {
  const token = (await list(aos, "09")).body.nextToken as string;
  const [version, payload, mac] = token.split(".");
  const decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  decoded.c.gsi1sk = decoded.c.gsi1sk.replace("COOP#", "COOP#z");
  expect((await list(aos, "09", `${version}.${b64(decoded)}.${mac}`)).body).toMatchObject(REFUSED);
  const otherKey = sealPageToken(decoded.c, { regionCode: "09", caller: aos.sub as string }, Buffer.from("another-key-of-at-least-32-characters-long"));
  expect((await list(aos, "09", otherKey)).body).toMatchObject(REFUSED);
  for (const junk of ["v1", "v1..", "v2.e30.AAAA", "v1.e30.%%%", "x".repeat(300)]) {
    const res = await list(aos, "09", junk);
    expect({ junk, status: res.status, code: res.body.code }).toEqual({ junk, status: 400, code: "VALIDATION_FAILED" });
  }
});

test("a correctly signed token whose key has not the full shape is refused by the store (400, never a 500)", async () => {
  const scope = { regionCode: "09", caller: aos.sub as string };
  const id = "3f2b8c1e-9d4a-4e5b-8f6c-7a1b2c3d4e5f";
  const shapes: Array<Record<string, string>> = [
    { pk: "", sk: "", gsi1pk: "REGION#09", gsi1sk: "" },
    { pk: `COOP#${id}`, sk: "LATEST", gsi1pk: "REGION#09", gsi1sk: `COOP#x#${id}` },
    { pk: `COOP#${id}`, sk: "META", gsi1pk: "REGION#10", gsi1sk: `COOP#x#${id}` },
    { pk: `COOP#${id}`, sk: "META", gsi1pk: "REGION#09", gsi1sk: "COOP#x#another-id" },
    { pk: "COOP#not-a-uuid", sk: "META", gsi1pk: "REGION#09", gsi1sk: "COOP#x#not-a-uuid" },
    { pk: `COOP#${id}`, sk: "META", gsi1pk: "REGION#09", gsi1sk: `COOP#x#${id}`, extra: "1" },
  ];
  for (const cursor of shapes) {
    const res = await list(aos, "09", sealPageToken(cursor, scope, SECRET));
    expect({ cursor, status: res.status, body: res.body }).toEqual({ cursor, status: 400, body: expect.objectContaining(REFUSED) });
  }
  // The right shape (a cooperative that does not exist, name sorting after all) is a valid cursor: an empty last page.
  const res = await list(aos, "09", sealPageToken({ pk: `COOP#${id}`, sk: "META", gsi1pk: "REGION#09", gsi1sk: `COOP#zzz#${id}` }, scope, SECRET));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ items: [], nextToken: null });
});

test("the codec: HMAC-SHA256 over the version and payload, opened only with the same key and scope", () => {
  const scope = { regionCode: "08", caller: "sub-1" };
  const token = sealPageToken({ pk: "a" }, scope, SECRET);
  const [, payload, mac] = token.split(".");
  expect(mac).toBe(createHmac("sha256", SECRET).update(`v1.${payload}`).digest("base64url"));
  expect(openPageToken(token, scope, SECRET)).toEqual({ pk: "a" });
  expect(openPageToken(token, { ...scope, caller: "sub-2" }, SECRET)).toBeNull();
  expect(openPageToken(token, { ...scope, regionCode: "09" }, SECRET)).toBeNull();
  expect(openPageToken(token, scope, Buffer.from("x".repeat(32)))).toBeNull();
});

test("the key: PAGE_TOKEN_SECRET (32+ characters); inside Lambda without it, an error rather than per-instance keys", () => {
  expect(Buffer.from(pageTokenSecret({ PAGE_TOKEN_SECRET: "k".repeat(32) })).toString()).toBe("k".repeat(32));
  expect(() => pageTokenSecret({ PAGE_TOKEN_SECRET: "short" })).toThrow("PAGE_TOKEN_SECRET must have at least 32 characters");
  expect(() => pageTokenSecret({ AWS_LAMBDA_FUNCTION_NAME: "f" })).toThrow("The PAGE_TOKEN_SECRET environment variable is not set");
  expect(pageTokenSecret({})).toBe(pageTokenSecret({})); // one random key per process outside Lambda
});
