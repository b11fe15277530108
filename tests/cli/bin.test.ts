import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { runCli } from "../../cli/src/program";
import { COMMANDS } from "../../cli/src/main";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "cli/bin/coop-plans.mjs");

describe("the coop-plans binary", () => {
  it("runs validate through tsx and exits with the contract's code", () => {
    const run = spawnSync(process.execPath, [bin, "validate", "--as-of", "2026-03-31", "tests/fixtures/broken/INV-001.xlsx"], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("INV-001");
    expect(run.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/); // never a stack trace
  }, 60_000);

  it("answers a usage error in Spanish with exit 2", () => {
    const run = spawnSync(process.execPath, [bin, "validate", "--bogus", "x.xlsx"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("Opción desconocida: --bogus. Escriba «coop-plans validate --help» para ver la ayuda.\n");
  }, 60_000);
  it("stops quietly when the reader of its output closes the pipe (`validate … | head -1`)", async () => {
    const files = readdirSync(path.join(root, "tests/fixtures/broken")).filter((f) => f.endsWith(".xlsx")).map((f) => `tests/fixtures/broken/${f}`);
    const child = spawn(process.execPath, [bin, "validate", "--as-of", "2026-03-31", ...files], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.once("data", () => child.stdout.destroy()); // as `head -1` does after its line
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).toBe(""); // before: «Error inesperado: coop-plans no pudo completar el comando.», exit 2
    expect(code).toBe(0);
  }, 60_000);
});

describe("runCli", () => {
  function io() {
    const out = { stdout: "", stderr: "" };
    return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
  }

  it("shows Spanish help (exit 0)", async () => {
    const { out, io: sink } = io();
    expect(await runCli(COMMANDS, ["node", "coop-plans", "--help"], sink)).toBe(0);
    expect(out.stdout).toContain("Uso: coop-plans");
    expect(out.stdout).toContain("Comandos:");
    expect(out.stdout).toContain("validate [opciones] <archivos...>");
  });

  it("names a missing argument in Spanish (exit 2)", async () => {
    const { out, io: sink } = io();
    expect(await runCli(COMMANDS, ["node", "coop-plans", "template"], sink)).toBe(2);
    expect(out.stderr).toBe("Falta el argumento obligatorio «salida.xlsx». Escriba «coop-plans template --help» para ver la ayuda.\n");
  });

  it("names an unknown command in Spanish (exit 2)", async () => {
    const { out, io: sink } = io();
    expect(await runCli(COMMANDS, ["node", "coop-plans", "validar"], sink)).toBe(2);
    expect(out.stderr).toContain("Comando desconocido: validar.");
  });
});
