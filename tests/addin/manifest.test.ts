/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ADDIN_ID, renderManifest } from "../../addin/scripts/manifestXml";

const root = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const app = doc.documentElement;
const children = (el: Element) => Array.from(el.children);
const all = (name: string) => Array.from(doc.getElementsByTagName(name));

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  it("has the required elements in the order the OfficeApp schema demands", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const required = new Set(["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions"]);
    const names = children(app).map((c) => c.localName);
    for (const r of required) expect(names).toContain(r);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("declares Excel, ReadWriteDocument, es-CL, a GUID id and a four-part version", () => {
    const text = (name: string) => children(app).find((c) => c.localName === name)?.textContent?.trim();
    expect(text("Id")).toBe(ADDIN_ID);
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text("DefaultLocale")).toBe("es-CL");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
  });

  it("puts a 'Plan Cooperativo' button on the Home tab that opens the task pane", () => {
    const tab = all("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const control = tab.getElementsByTagName("Control")[0];
    const labelId = children(control).find((c) => c.localName === "Label")!.getAttribute("resid");
    const label = all("bt:String").find((s) => s.getAttribute("id") === labelId);
    expect(label?.getAttribute("DefaultValue")).toBe("Plan Cooperativo");
    expect(control.getElementsByTagName("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  it("references only resource ids that exist, each defined once", () => {
    const defined = ["bt:Image", "bt:Url", "bt:String"].flatMap((t) => all(t).filter((e) => e.parentElement?.localName !== "Icon").map((e) => e.getAttribute("id")));
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = Array.from(doc.getElementsByTagName("*")).map((e) => e.getAttribute("resid")).filter((r): r is string => !!r);
    expect(referenced.length).toBeGreaterThan(5);
    for (const r of referenced) expect(defined).toContain(r);
  });

  it("serves everything from https://localhost:3000: SourceLocation and the task pane URL match, icons exist", () => {
    const source = all("SourceLocation").find((s) => s.parentElement?.localName === "DefaultSettings")!.getAttribute("DefaultValue");
    const taskpaneUrl = all("bt:Url").find((u) => u.getAttribute("id") === "Taskpane.Url")!.getAttribute("DefaultValue");
    expect(source).toBe("https://localhost:3000/taskpane.html");
    expect(taskpaneUrl).toBe(source);
    const urls = Array.from(doc.getElementsByTagName("*")).map((e) => e.getAttribute("DefaultValue")).filter((v): v is string => !!v && /^https?:/.test(v));
    for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
    for (const u of urls.filter((x) => x.endsWith(".png"))) {
      const file = path.join(root, "addin/public", new URL(u).pathname);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(u)![1]);
      expect(png.readUInt32BE(16)).toBe(size);
    }
    expect(all("AppDomain").map((a) => a.textContent)).toEqual(["https://localhost:3000"]);
  });

  it("is exactly what write-manifest renders for https://localhost:3000, and renders a deployed URL consistently", () => {
    expect(renderManifest({ baseUrl: "https://localhost:3000" })).toBe(xml);
    const deployed = renderManifest({ baseUrl: "https://addin.example.cl/coop/" });
    expect(deployed).toContain('<SourceLocation DefaultValue="https://addin.example.cl/coop/taskpane.html"/>');
    expect(deployed).not.toContain("localhost");
    expect(deployed).toContain("<AppDomain>https://addin.example.cl</AppDomain>");
  });

  it("lists extra AppDomains (the Cognito managed login) after the pane's origin, https only, without duplicates", () => {
    const cognito = "https://coopplans-1.auth.sa-east-1.amazoncognito.com";
    const xmlWith = renderManifest({ baseUrl: "https://addin.example.cl", appDomains: [`${cognito}/`, cognito, "https://addin.example.cl"] });
    expect([...xmlWith.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://addin.example.cl", cognito]);
    expect(() => renderManifest({ baseUrl: "https://addin.example.cl", appDomains: ["http://x.example"] })).toThrow(/must be https/);
  });
});
