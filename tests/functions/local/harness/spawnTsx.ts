import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/** The repository root (tests run from it). */
export const REPO = path.resolve(__dirname, "../../../..");
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");

/** Runs a TypeScript file with tsx to completion; resolves with stdout, stderr and the exit code. */
export function runTsx(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [file, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`timeout running ${file}\n${stdout}\n${stderr}`)); }, timeoutMs);
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** An HS256 JWT made with node:crypto (independent of jose): the test's own signer. */
export function hs256(payload: Record<string, unknown>, key: Buffer, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const signingInput = `${enc(header)}.${enc(payload)}`;
  return `${signingInput}.${createHmac("sha256", key).update(signingInput).digest("base64url")}`;
}

/** The dev key stored in a data folder (base64url text). */
export function readKey(dataDir: string): Buffer {
  return Buffer.from(readFileSync(path.join(dataDir, "dev-signing-key"), "utf8").trim(), "base64url");
}
