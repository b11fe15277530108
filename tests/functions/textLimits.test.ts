import { Clp } from "@coop-plans/shared/domain";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Sizes and text at the API boundary: bounded strings, no control or bidi-override characters,
// money a safe integer up to 10^12 CLP.

const GESTORA = "texto.gestora@coop.cl";
let app: TestApp;
let id: string;
let keys = 0;

beforeAll(async () => {
  app = await createTestApp();
  id = (await app.call("registerCooperative", {
    params: { code: "08" }, claims: aosClaims("08"),
    body: { name: "Cooperativa Apícola Los Robles", rut: "76.123.456-0", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  })).body.id;
});

const put = (plan: unknown) =>
  app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": `text-limits-${++keys}` }, body: { plan, baseVersion: 0 } });

describe("PUT plan: texts and amounts", () => {
  test("a description over 2,000 characters → 400 naming the field", async () => {
    const plan = makePlan();
    plan.investmentLines[1].description = "a".repeat(2001);
    const res = await put(plan);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", field: "plan.investmentLines.1.description" });
    expect(res.body.detail).toBe("El campo «plan.investmentLines.1.description»: El texto admite hasta 2.000 caracteres y tiene 2.001.");
  });

  test.each([
    ["NUL", "Cooperativa\u0000Apícola", "U+0000"],
    ["a right-to-left override", "Cooperativa \u202Eselbor", "U+202E"],
    ["a first-strong isolate", "Cooperativa \u2068x", "U+2068"],
  ])("%s in the cooperative's name → 400 naming plan.cooperative.name", async (_, name, code) => {
    const res = await put(makePlan({ name }));
    expect(res.status).toBe(400);
    expect(res.body.field).toBe("plan.cooperative.name");
    expect(res.body.detail).toContain(`carácter de control no permitido (${code})`);
  });

  test("an e-mail over 254 characters → 400; tabs and line breaks in a description are fine", async () => {
    const long = makePlan();
    long.cooperative.managerEmail = `${"a".repeat(250)}@x.cl`;
    expect((await put(long)).body.field).toBe("plan.cooperative.managerEmail");
    const multiline = makePlan();
    multiline.investmentLines[0].description = "Compra:\n\t- horno\r\n\t- mesón";
    expect((await put(multiline)).status).toBe(200);
  });

  test("money over 10^12 CLP or not a safe integer → 400 naming the field", async () => {
    const huge = makePlan();
    huge.investmentLines[0].unitPrice = 1e12 + 1;
    const res = await put(huge);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe("plan.investmentLines.0.unitPrice");
    expect(res.body.detail).toContain("El monto admite hasta $1.000.000.000.000.");
    const unsafe = makePlan();
    unsafe.investmentLines[0].total = 2 ** 53 + 2;
    expect((await put(unsafe)).body.field).toBe("plan.investmentLines.0.total");
    expect(Clp.safeParse(1e12).success).toBe(true);
    expect(Clp.safeParse(1e12 + 1).success).toBe(false);
  });
});

describe("POST register: the name", () => {
  test("control or bidi characters in the name → 400 naming «name»", async () => {
    const res = await app.call("registerCooperative", {
      params: { code: "08" }, claims: aosClaims("08"), body: { name: "Coop\u202Eerawlam", modality: "creacion", callYear: 2025 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", field: "name" });
    expect(res.body.detail).toContain("U+202E");
  });
});

describe("POST transitions: the comment", () => {
  test("a bidi override in the observations → 400 naming «comment»", async () => {
    const res = await app.call("transition", { params: { id }, claims: aosClaims("08"), body: { action: "return", comment: "Revise \u202Ela fecha" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", field: "comment" });
  });
});
