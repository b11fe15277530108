/**
 * The add-in-only XML manifest (TaskPaneApp, Excel), rendered for a base URL: the repo's
 * manifest.xml is this for https://localhost:3000; `write-manifest.ts` renders it for a deployed URL.
 * Element order follows the OfficeApp schema (Id … Permissions, VersionOverrides). With Entra ID
 * (`sso`), VersionOverrides ends with the `WebApplicationInfo` that Office SSO needs; without it
 * (local development, Cognito) there is none.
 */

/** Stable add-in id: never change it, Office identifies the add-in by it. */
export const ADDIN_ID = "5f0c6a2e-8a51-4c3e-9b7d-2d6c1e0a4b71";

/** Options of the rendering. */
export interface ManifestOptions {
  /** https base URL where taskpane.html, commands.html and assets/ are served (no trailing slash). */
  baseUrl: string;
  /** Four-part version, e.g. 1.0.0.0. */
  version?: string;
  /** Office SSO with Entra ID: the add-in's application registration. */
  sso?: SsoManifestOptions;
  /**
   * Other https origins the add-in's windows navigate to, listed in AppDomains after the pane's own:
   * the Cognito managed login (`https://<prefix>.auth.<region>.amazoncognito.com`), where the
   * sign-in dialog goes after its first page (which must be on the pane's origin).
   */
  appDomains?: string[];
}

/** The `WebApplicationInfo` of Office SSO. */
export interface SsoManifestOptions {
  /** The application (client) id registered in Entra ID (a GUID). */
  clientId: string;
  /** Its Application ID URI, `api://<host of the task pane>/<client id>`; defaults to that. */
  resource?: string;
  /** Scopes Office asks consent for; default `openid`, `profile`. */
  scopes?: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `WebApplicationInfo` element (indented for VersionOverrides); throws on an id or resource Office would refuse. */
function webApplicationInfo(sso: SsoManifestOptions, host: string): string {
  if (!GUID.test(sso.clientId)) throw new Error(`The Entra ID client id must be a GUID: ${sso.clientId}`);
  const resource = sso.resource ?? `api://${host}/${sso.clientId}`;
  if (!resource.startsWith("api://") || !resource.endsWith(`/${sso.clientId}`)) {
    throw new Error(`The Entra ID resource must be the Application ID URI api://<host>/${sso.clientId}, got ${resource}`);
  }
  const scopes = sso.scopes?.length ? sso.scopes : ["openid", "profile"];
  return `
    <WebApplicationInfo>
      <Id>${xmlEscape(sso.clientId)}</Id>
      <Resource>${xmlEscape(resource)}</Resource>
      <Scopes>
${scopes.map((s) => `        <Scope>${xmlEscape(s)}</Scope>`).join("\n")}
      </Scopes>
    </WebApplicationInfo>`;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The https origin of an extra AppDomain; throws for anything else. */
function appDomainOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:") throw new Error(`An AppDomain must be https: ${url}`);
  return parsed.origin;
}

/** Renders manifest.xml for a base URL; throws when the URL is not absolute http(s). */
export function renderManifest({ baseUrl, version = "1.0.0.0", sso, appDomains = [] }: ManifestOptions): string {
  const parsed = new URL(baseUrl);
  if (!/^https?:$/.test(parsed.protocol)) throw new Error(`The base URL must be http(s): ${baseUrl}`);
  const base = xmlEscape(baseUrl.replace(/\/+$/, ""));
  const origin = xmlEscape(parsed.origin);
  const ssoInfo = sso ? webApplicationInfo(sso, parsed.host) : "";
  const extraDomains = [...new Set(appDomains.map(appDomainOrigin))].filter((d) => d !== parsed.origin);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${ADDIN_ID}</Id>
  <Version>${version}</Version>
  <ProviderName>coop-plans</ProviderName>
  <DefaultLocale>es-CL</DefaultLocale>
  <DisplayName DefaultValue="Plan Cooperativo"/>
  <Description DefaultValue="Valide, sincronice y consolide los planes de acción e inversiones del programa de Cooperativas de Sercotec."/>
  <IconUrl DefaultValue="${base}/assets/icon-32.png"/>
  <HighResolutionIconUrl DefaultValue="${base}/assets/icon-64.png"/>
  <SupportUrl DefaultValue="${base}/preview.html"/>
  <AppDomains>
    <AppDomain>${origin}</AppDomain>
${extraDomains.map((d) => `    <AppDomain>${xmlEscape(d)}</AppDomain>\n`).join("")}  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.10"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${base}/taskpane.html"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>
          </GetStarted>
          <FunctionFile resid="Commands.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="CoopPlans.Group">
                <Label resid="Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Icon.16x16"/>
                  <bt:Image size="32" resid="Icon.32x32"/>
                  <bt:Image size="80" resid="Icon.80x80"/>
                </Icon>
                <Control xsi:type="Button" id="CoopPlans.TaskpaneButton">
                  <Label resid="TaskpaneButton.Label"/>
                  <Supertip>
                    <Title resid="TaskpaneButton.Label"/>
                    <Description resid="TaskpaneButton.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>CoopPlans.Taskpane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${base}/assets/icon-16.png"/>
        <bt:Image id="Icon.32x32" DefaultValue="${base}/assets/icon-32.png"/>
        <bt:Image id="Icon.80x80" DefaultValue="${base}/assets/icon-80.png"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${base}/preview.html"/>
        <bt:Url id="Commands.Url" DefaultValue="${base}/commands.html"/>
        <bt:Url id="Taskpane.Url" DefaultValue="${base}/taskpane.html"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="GetStarted.Title" DefaultValue="Plan Cooperativo está listo"/>
        <bt:String id="Group.Label" DefaultValue="Cooperativas"/>
        <bt:String id="TaskpaneButton.Label" DefaultValue="Plan Cooperativo"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Abra el panel desde Inicio &gt; Plan Cooperativo para validar y sincronizar el plan."/>
        <bt:String id="TaskpaneButton.Tooltip" DefaultValue="Abre el panel para validar, sincronizar y enviar el plan de la cooperativa."/>
      </bt:LongStrings>
    </Resources>${ssoInfo}
  </VersionOverrides>
</OfficeApp>
`;
}
