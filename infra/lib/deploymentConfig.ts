import type { Node } from "constructs";

/** How API callers are authenticated: the Cognito user pool made here, or an existing Entra ID tenant. */
export type IdentityConfig =
  | { kind: "cognito" }
  | {
      kind: "entra";
      /** Token issuer, e.g. `https://login.microsoftonline.com/<tenant id>/v2.0`. */
      issuer: string;
      /** Accepted `aud` values (the API's application id or App ID URI). */
      audiences: string[];
      /** The add-in's application (client) id, for the task pane's config.json; defaults to the first audience that is a GUID. */
      clientId?: string;
      /** The API scope the pane's token carries (`api://…/access_as_user`), for config.json. */
      apiScope?: string;
    };

/** Everything a deployment can vary, read from CDK context (`cdk.json` or `-c key=value`). */
export interface DeploymentConfig {
  /** Prefix of the stack names (`<prefix>Data`, `<prefix>Api` …): lets two deployments share an account. */
  stackPrefix: string;
  identity: IdentityConfig;
  /**
   * Prefix of the Cognito domain (`<prefix>.auth.<region>.amazoncognito.com`), unique in the
   * region across AWS. Absent: `<stackPrefix in lower case>-<account id>` at deploy time.
   */
  cognitoDomainPrefix?: string;
  /** Origins allowed by CORS besides the task pane's own CloudFront origin (`https://host[:port]`). */
  allowedOrigins: string[];
  /** Powertools log level of every function (`POWERTOOLS_LOG_LEVEL`). */
  logLevel: "DEBUG" | "INFO" | "WARN" | "ERROR";
  /** Steady-state requests per second of the API's default stage (all routes together, per account and region limits aside). */
  throttleRateLimit: number;
  /** Burst capacity (requests) of the API's default stage. */
  throttleBurstLimit: number;
  /** E-mail subscribed to the alarm topic, if any (the subscription must be confirmed from the inbox). */
  alarmEmail?: string;
}

/** Context keys read by `readDeploymentConfig`. */
export const CONTEXT_KEYS = {
  stackPrefix: "stackPrefix",
  cognitoDomainPrefix: "cognitoDomainPrefix",
  entraIssuer: "entraIssuer",
  entraAudience: "entraAudience",
  entraClientId: "entraClientId",
  entraApiScope: "entraApiScope",
  allowedOrigins: "allowedOrigins",
  logLevel: "logLevel",
  throttleRateLimit: "throttleRateLimit",
  throttleBurstLimit: "throttleBurstLimit",
  alarmEmail: "alarmEmail",
} as const;

const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const;
/** An Entra ID application (client) id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A context value as a trimmed string (`-c` gives strings, cdk.json may give numbers or arrays); undefined when blank. */
function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(",");
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

/** A comma-separated (or array) context value as a list of non-empty trimmed items. */
function list(node: Node, key: string): string[] {
  return (text(node, key) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A positive integer context value, or the fallback. Throws on anything else. */
function positiveInt(node: Node, key: string, fallback: number): number {
  const raw = text(node, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Context "${key}" must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * Checks a Cognito domain prefix as Cognito does: lower-case letters, digits and inner hyphens, 1
 * to 63 characters, without the reserved words `aws`, `amazon` or `cognito`. Throws otherwise.
 */
export function checkCognitoDomainPrefix(prefix: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix)) {
    throw new Error(`cognitoDomainPrefix must be lower-case letters, digits and inner hyphens (1–63), got "${prefix}"`);
  }
  if (/aws|amazon|cognito/.test(prefix)) throw new Error(`cognitoDomainPrefix may not contain "aws", "amazon" or "cognito", got "${prefix}"`);
  return prefix;
}

/**
 * Normalises a CORS origin: `https://host[:port]` (any host), or `http://localhost` / `http://127.0.0.1`
 * with a port for development. Throws when it has a path, query or another scheme (browsers send
 * the bare origin, so anything else would never match).
 */
export function normaliseOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`allowedOrigins: "${origin}" is not a URL (expected https://host[:port])`);
  }
  const local = url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
  if (url.protocol !== "https:" && !local) throw new Error(`allowedOrigins: "${origin}" must use https (http only for localhost)`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username) {
    throw new Error(`allowedOrigins: "${origin}" must be a bare origin, without path, query or credentials`);
  }
  return url.origin;
}

/**
 * Reads the deployment configuration from context. Identity: Cognito unless both `entraIssuer`
 * (https URL) and `entraAudience` (comma-separated) are given; giving only one of them throws, so a
 * typo never silently deploys a different identity provider. With Entra ID, `entraClientId` and
 * `entraApiScope` (optional) go into the task pane's config.json.
 */
export function readDeploymentConfig(node: Node): DeploymentConfig {
  const issuer = text(node, CONTEXT_KEYS.entraIssuer);
  const audiences = list(node, CONTEXT_KEYS.entraAudience);
  let identity: IdentityConfig = { kind: "cognito" };
  if (issuer !== undefined || audiences.length > 0) {
    if (issuer === undefined || audiences.length === 0) {
      throw new Error("Entra ID needs both -c entraIssuer=https://login.microsoftonline.com/<tenant>/v2.0 and -c entraAudience=<application id>");
    }
    if (!issuer.startsWith("https://")) throw new Error(`entraIssuer must be an https URL, got "${issuer}"`);
    const clientId = text(node, CONTEXT_KEYS.entraClientId) ?? audiences.find((a) => GUID.test(a));
    const apiScope = text(node, CONTEXT_KEYS.entraApiScope);
    identity = { kind: "entra", issuer, audiences, ...(clientId ? { clientId } : {}), ...(apiScope ? { apiScope } : {}) };
  }

  const logLevel = (text(node, CONTEXT_KEYS.logLevel) ?? "INFO").toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`logLevel must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);

  const alarmEmail = text(node, CONTEXT_KEYS.alarmEmail);
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) throw new Error(`alarmEmail is not an e-mail address: "${alarmEmail}"`);

  const stackPrefix = text(node, CONTEXT_KEYS.stackPrefix) ?? "CoopPlans";
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(stackPrefix)) throw new Error(`stackPrefix must be letters, digits and dashes, got "${stackPrefix}"`);

  const domainPrefix = text(node, CONTEXT_KEYS.cognitoDomainPrefix);
  // The default (`<prefix>-<account>`) is checked here for its fixed part.
  if (domainPrefix === undefined) checkCognitoDomainPrefix(`${stackPrefix.toLowerCase()}-0`);

  return {
    stackPrefix,
    identity,
    ...(domainPrefix !== undefined ? { cognitoDomainPrefix: checkCognitoDomainPrefix(domainPrefix) } : {}),
    allowedOrigins: [...new Set(list(node, CONTEXT_KEYS.allowedOrigins).map(normaliseOrigin))],
    logLevel: logLevel as DeploymentConfig["logLevel"],
    throttleRateLimit: positiveInt(node, CONTEXT_KEYS.throttleRateLimit, 50),
    throttleBurstLimit: positiveInt(node, CONTEXT_KEYS.throttleBurstLimit, 100),
    alarmEmail,
  };
}
