/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import { renderManifest } from "../../addin/scripts/manifestXml";

const CLIENT_ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
const BASE = "https://d111111abcdef8.cloudfront.net";
const parse = (xml: string) => new DOMParser().parseFromString(xml, "application/xml");
const children = (el: Element) => Array.from(el.children);

describe("manifest with Office SSO (Entra ID)", () => {
  const xml = renderManifest({ baseUrl: BASE, sso: { clientId: CLIENT_ID, resource: `api://d111111abcdef8.cloudfront.net/${CLIENT_ID}` } });
  const doc = parse(xml);

  it("is well formed and has WebApplicationInfo as the last child of VersionOverrides, after Resources", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const overrides = children(doc.documentElement).find((c) => c.localName === "VersionOverrides")!;
    expect(children(overrides).map((c) => c.localName)).toEqual(["Hosts", "Resources", "WebApplicationInfo"]);
    expect(doc.getElementsByTagName("WebApplicationInfo")).toHaveLength(1);
  });

  it("names the application, its Application ID URI and the scopes, in the schema's order", () => {
    const info = doc.getElementsByTagName("WebApplicationInfo")[0];
    expect(children(info).map((c) => c.localName)).toEqual(["Id", "Resource", "Scopes"]);
    expect(children(info)[0].textContent).toBe(CLIENT_ID);
    expect(children(info)[1].textContent).toBe(`api://d111111abcdef8.cloudfront.net/${CLIENT_ID}`);
    expect(Array.from(info.getElementsByTagName("Scope")).map((s) => s.textContent)).toEqual(["openid", "profile"]);
    expect(info.namespaceURI).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
  });

  it("differs from the plain manifest only by that element; the resource defaults to api://<host>/<id>", () => {
    const plain = renderManifest({ baseUrl: BASE });
    expect(plain).not.toContain("WebApplicationInfo");
    expect(xml.replace(/\n\s*<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>/, "")).toBe(plain);
    expect(renderManifest({ baseUrl: BASE, sso: { clientId: CLIENT_ID } })).toBe(xml);
  });

  it("refuses a client id or resource Office would reject", () => {
    expect(() => renderManifest({ baseUrl: BASE, sso: { clientId: "not-a-guid" } })).toThrow(/GUID/);
    expect(() => renderManifest({ baseUrl: BASE, sso: { clientId: CLIENT_ID, resource: "https://example.cl/x" } })).toThrow(/api:\/\//);
  });

  it("leaves the repository's development manifest.xml without SSO", () => {
    const dev = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    expect(dev).not.toContain("WebApplicationInfo");
    expect(renderManifest({ baseUrl: "https://localhost:3000" })).toBe(dev);
  });
});
