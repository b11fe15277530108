import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cacheControlFor, startAddinServer, type AddinServer } from "../../addin/serve";

const YEAR = "public, max-age=31536000, immutable";

describe("cacheControlFor (the local task pane server)", () => {
  it("caches hashed assets and the icons for a year, like the CDK deployment", () => {
    expect(cacheControlFor("/assets/taskpane-CjAR79eB.js")).toBe(YEAR);
    expect(cacheControlFor("/assets/taskpane-Bx1.css")).toBe(YEAR);
    expect(cacheControlFor("/assets/icon-32.png")).toBe(YEAR);
  });

  it("revalidates pages, config.json and office.js", () => {
    expect(cacheControlFor("/taskpane.html")).toBe("no-cache");
    expect(cacheControlFor("/config.json")).toBe("no-cache");
    expect(cacheControlFor("/office-js/office.js")).toBe("no-cache");
    expect(cacheControlFor("/assets/sub/x.js")).toBe("no-cache");
  });
});

describe("startAddinServer", () => {
  let dir: string;
  let server: AddinServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-serve-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html>");
    writeFileSync(path.join(dir, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    server = await startAddinServer({ dir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves an icon cacheable (Office shows a generic icon for a no-cache one) and the page revalidated", async () => {
    const icon = await fetch(`${server.url}/assets/icon-32.png`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/png");
    expect(icon.headers.get("cache-control")).toBe(YEAR);
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
  });
});
