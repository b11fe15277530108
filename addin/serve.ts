/**
 * Static server of the built task pane: addin/dist on http://127.0.0.1:3000 plus /office-js/* from
 * node_modules/@microsoft/office-js/dist. `npm start` runs it beside the local backend;
 * `--https` serves over https with office-addin-dev-certs' localhost certificate (for sideloading
 * in Excel desktop), when `npx office-addin-dev-certs install` made one.
 * Usage: `npx tsx addin/serve.ts [--port 3000] [--https] [--dir addin/dist]`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";

const here = path.dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
  ".ico": "image/x-icon",
};

/** Options of the add-in server. */
export interface AddinServerOptions {
  /** Folder with the built pages (default addin/dist). */
  dir?: string;
  /** Port (default 3000; 0 picks a free one). */
  port?: number;
  host?: string;
  /** TLS key and certificate for https. */
  tls?: { key: Buffer; cert: Buffer };
}

/** A running server: its URL and how to stop it. */
export interface AddinServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Cache-Control of a served file: a year, immutable, for vite's content-hashed JS and CSS
 * (`assets/taskpane-CjAR79eB.js`) and the add-in's icons (Office shows a generic icon for one
 * served `no-cache`; the CDK deployment caches them the same way); `no-cache` (revalidate) for the
 * pages, config.json and anything else. `urlPath` as requested (`/assets/icon-32.png`).
 */
export function cacheControlFor(urlPath: string): string {
  return /^\/assets\/(?:[^/]+\.(?:js|css)|icon-[^/]+\.png)$/.test(urlPath) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Resolves a request path inside `root`, or null when it escapes it or does not exist. */
function fileIn(root: string, urlPath: string): string | null {
  const rel = path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, "");
  const file = path.join(root, rel);
  if (!file.startsWith(root)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) return existsSync(path.join(file, "index.html")) ? path.join(file, "index.html") : null;
  return existsSync(file) ? file : null;
}

/** Starts the static server; resolves when it listens. */
export function startAddinServer(options: AddinServerOptions = {}): Promise<AddinServer> {
  const dist = path.resolve(options.dir ?? path.join(here, "dist"));
  const officeDist = path.resolve(here, "../node_modules/@microsoft/office-js/dist");
  const handler: http.RequestListener = (req, res) => {
    const urlPath = (req.url ?? "/").split("?")[0];
    const file = urlPath.startsWith("/office-js/") ? fileIn(officeDist, urlPath.slice("/office-js".length)) : fileIn(dist, urlPath === "/" ? "/taskpane.html" : urlPath);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("No encontrado");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": cacheControlFor(urlPath) });
    createReadStream(file).pipe(res);
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${options.tls ? "https" : "http"}://${options.tls ? "localhost" : host}:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** The localhost certificate made by `npx office-addin-dev-certs install`, if present. */
export function devCertificate(): { key: Buffer; cert: Buffer } | null {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const port = Number(args[args.indexOf("--port") + 1]) || 3000;
  const dir = args.includes("--dir") ? args[args.indexOf("--dir") + 1] : undefined;
  const wantsHttps = args.includes("--https");
  const tls = wantsHttps ? devCertificate() : null;
  if (wantsHttps && !tls) {
    console.error("No hay certificado de desarrollo: ejecute «npx office-addin-dev-certs install» y vuelva a intentarlo.");
    process.exit(1);
  }
  if (!existsSync(path.resolve(dir ?? path.join(here, "dist"), "taskpane.html"))) {
    console.error("Falta el panel compilado: ejecute «npm run build:addin» primero.");
    process.exit(1);
  }
  void startAddinServer({ port, dir, tls: tls ?? undefined, host: tls ? "localhost" : "127.0.0.1" }).then((s) => {
    console.log(`Panel del complemento en ${s.url}/taskpane.html · vista previa sin Excel en ${s.url}/preview.html`);
  });
}
