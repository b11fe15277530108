import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
/** office.js from Microsoft's CDN: what production pages load. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** office.js served locally (dev server and `addin/serve.ts`) from node_modules/@microsoft/office-js/dist. */
export const OFFICE_JS_LOCAL = "/office-js/office.js";
const officeDist = path.resolve(here, "../node_modules/@microsoft/office-js/dist");

/**
 * Puts the office.js URL into taskpane.html: the local copy under the dev server or when
 * `OFFICE_JS=local` (tests), the CDN in production builds; serves /office-js/* in dev.
 */
function officeJs(): Plugin {
  let url = OFFICE_JS_CDN;
  return {
    name: "coop-plans-office-js",
    configResolved(config) {
      url = config.command === "serve" || config.mode === "offline" || process.env.OFFICE_JS === "local" ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
    },
    transformIndexHtml: {
      order: "pre",
      handler: (html) => html.replace("%OFFICE_JS_URL%", url),
    },
    configureServer(server) {
      server.middlewares.use("/office-js", (req, res, next) => {
        const file = path.join(officeDist, path.normalize(decodeURIComponent((req.url ?? "/").split("?")[0])));
        if (!file.startsWith(officeDist) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("content-type", "application/javascript");
        createReadStream(file).pipe(res);
      });
    },
  };
}

/** The task pane, the preview, the commands page and the sign-in dialog page: root addin/, output addin/dist. */
export default defineConfig({
  root: here,
  base: "./",
  publicDir: path.join(here, "public"),
  plugins: [react(), officeJs()],
  server: { host: "127.0.0.1", port: 3000, strictPort: true },
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { taskpane: path.join(here, "taskpane.html"), preview: path.join(here, "preview.html"), commands: path.join(here, "commands.html"), "auth-dialog": path.join(here, "auth-dialog.html") },
    },
  },
});
