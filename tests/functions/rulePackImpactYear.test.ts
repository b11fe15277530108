import { createTestApp, type TestApp } from "./support/app";
import { aosClaims } from "./support/events";

// Newcomer trial (issue 12, item 3): GET …/rule-pack-impact without a year answered «debe tener
// cuatro dígitos»; it says the year is required and how to give it.

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});

describe("GET /v1/regions/{code}/rule-pack-impact", () => {
  test("without ?year: 400 saying the year is required and how to give it", async () => {
    const res = await app.call("rulePackImpact", { params: { code: "08" }, claims: aosClaims("08") });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.detail).toContain("Falta el año de la convocatoria cuyo impacto se pide: agréguelo a la consulta, por ejemplo …/rule-pack-impact?year=2026 (en la línea de comandos, coop-plans rules impact --year 2026).");
    expect(res.body.detail).not.toContain("cuatro dígitos");
  }, 60_000);

  test("a year of two digits still says four digits", async () => {
    const res = await app.call("rulePackImpact", { params: { code: "08" }, claims: aosClaims("08"), query: { year: "26" } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain("El año de la convocatoria debe tener cuatro dígitos (por ejemplo 2026).");
  }, 60_000);
});
