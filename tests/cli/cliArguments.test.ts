/**
 * Usage errors of the newcomer trial (issue 12, item 3): a cooperative id that is not one is a
 * usage error (exit 2, Spanish, naming the argument) before anything is sent; `cooperatives add
 * --call` takes a year within the server's bounds (shared/api `callYearProblem`, 2000–2100), in Spanish.
 */
import { runInProcess } from "./runInProcess";
import { callYearProblem, MAX_CALL_YEAR, MIN_CALL_YEAR, RegisterCooperativeRequest } from "@coop-plans/shared/api";
import { isolateCliEnvironment, type IsolatedCliEnv } from "./backend/isolatedEnv";

const run = runInProcess;

let env: IsolatedCliEnv;
beforeAll(() => {
  env = isolateCliEnvironment();
  // A session, so that only the argument check can stop the command (no server is running).
  process.env.COOP_PLANS_TOKEN = "a.b.c";
  process.env.COOP_PLANS_API = "http://127.0.0.1:9";
});
afterAll(() => {
  delete process.env.COOP_PLANS_TOKEN;
  delete process.env.COOP_PLANS_API;
  env.restore();
});

const ID_HINT = "no es el identificador de una cooperativa. Es un código como 3f2b8c1e-6a4d-4e9b-9c1a-2d7e5f0a1b3c: cópielo de la columna Id de «coop-plans status» o de «coop-plans cooperatives list».";

describe("a cooperative id that is not a UUID", () => {
  it.each([
    [["status", "abc"], "[cooperativa]", "abc"],
    [["history", "123"], "<cooperativa>", "123"],
    [["review", "show", "coop-1"], "<cooperativa>", "coop-1"],
    [["review", "approve", "coop-1"], "<cooperativa>", "coop-1"],
    [["cooperatives", "assign", "x", "--gestor", "a@b.cl"], "<cooperativa>", "x"],
    [["sync", "plan.xlsx", "--cooperative", "tejedoras"], "--cooperative", "tejedoras"],
  ])("coop-plans %j: usage error naming the argument, exit 2, nothing sent", async (args, name, value) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${name}: «${value}» ${ID_HINT}`);
    expect(r.stderr).not.toContain("El campo «id» de la ruta");
    expect(r.stderr).not.toMatch(/is invalid|argument '/);
  });
});

describe("cooperatives add --call", () => {
  const base = ["cooperatives", "add", "--region", "14", "--name", "Cooperativa X", "--modality", "creacion"];

  it("a two-digit year, a year past 2100, or text: Spanish, exit 2, the bounds the server applies (it was zod's message from the server)", async () => {
    for (const call of ["25", "2101", "dos mil", "2025.5"]) {
      const r = await run(...base, "--call", call);
      expect({ call, code: r.code, out: r.stdout }).toEqual({ call, code: 2, out: `--call: La convocatoria debe ser un año de cuatro cifras entre 2000 y 2100, por ejemplo 2025 (se indicó ${call}).\n` });
    }
  });

  it("the server's schema gives the same message for the same years (one check in shared/api); a future call such as 2031 is accepted on both sides", () => {
    for (const year of [25, 2101, 1999]) {
      const parsed = RegisterCooperativeRequest.safeParse({ name: "X", modality: "creacion", callYear: year });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toEqual([callYearProblem(year)]);
    }
    for (const year of [MIN_CALL_YEAR, 2031, MAX_CALL_YEAR]) {
      expect(RegisterCooperativeRequest.safeParse({ name: "X", modality: "creacion", callYear: year }).success).toBe(true);
      expect(callYearProblem(year)).toBeNull();
    }
  });
});
