/**
 * `coop-plans login --dev` names the folder it looked in (issue 14 item 11): the dev signing key
 * is under the data folder of local mode (`COOP_PLANS_DATA_DIR`, default `<repo>/.data/`), and a
 * CLI pointed at another folder than `npm start`'s must say which one it read.
 */
import { writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { login } from "../../cli/src/commands/login";
import { isolateCliEnvironment, type IsolatedCliEnv } from "./backend/isolatedEnv";

let env: IsolatedCliEnv;
beforeEach(() => (env = isolateCliEnvironment()));
afterEach(() => env.restore());

const ask = { dev: true, role: "aos", region: "Los Ríos", email: "aos.losrios@demo.coop-plans.cl", api: "http://127.0.0.1:4100" };

describe("login --dev", () => {
  it("without a key, says which file and data folder it looked in and how to point it at npm start's", async () => {
    const result = await login(ask);
    expect(result.exitCode).toBe(2);
    expect(result.output).toBe(
      `No se encontró la clave de desarrollo: se buscó ${path.join(env.dataDir, "dev-signing-key")} (la carpeta de datos ${env.dataDir}, de COOP_PLANS_DATA_DIR). ` +
        "Ejecute «npm start» una vez, o indique con COOP_PLANS_DATA_DIR la carpeta de datos del modo local que está en uso (la que muestra npm start al iniciar).\n",
    );
  });

  it("with the key, signs for the region written as in the workbook and names the key it used", async () => {
    writeFileSync(path.join(env.dataDir, "dev-signing-key"), randomBytes(32).toString("base64url"), { mode: 0o600 });
    const result = await login(ask);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("Sesión de desarrollo iniciada: Agente Operador Sercotec (AOS), región 14, aos.losrios@demo.coop-plans.cl.\n");
    expect(result.output).toContain(`Firmada con la clave de desarrollo ${path.join(env.dataDir, "dev-signing-key")}.\n`);
    expect(result.output).toContain(`Token guardado en ${path.join(env.dataDir, "cli-token")}`);
  });
});
