import { Construct } from "constructs";
import { normaliseOrigin, readDeploymentConfig } from "../../infra/lib/deploymentConfig";

/** Reads the configuration from a bare construct tree with this context (an App would leave a cdk.out temp dir behind). */
function configOf(context: Record<string, unknown>) {
  const root = new Construct(undefined as unknown as Construct, "");
  for (const [key, value] of Object.entries(context)) root.node.setContext(key, value);
  return readDeploymentConfig(root.node);
}

describe("readDeploymentConfig", () => {
  test("defaults: Cognito, no extra origins, INFO, 50 rps with bursts of 100", () => {
    expect(configOf({})).toEqual({
      stackPrefix: "CoopPlans",
      identity: { kind: "cognito" },
      allowedOrigins: [],
      logLevel: "INFO",
      throttleRateLimit: 50,
      throttleBurstLimit: 100,
      alarmEmail: undefined,
    });
  });

  test("reads comma-separated origins, trimming, normalising and de-duplicating them", () => {
    expect(configOf({ allowedOrigins: " https://a.example.cl/ , https://b.example.cl:8443,https://a.example.cl" }).allowedOrigins).toEqual([
      "https://a.example.cl",
      "https://b.example.cl:8443",
    ]);
    expect(configOf({ allowedOrigins: ["https://a.example.cl", "http://localhost:3000"] }).allowedOrigins).toEqual(["https://a.example.cl", "http://localhost:3000"]);
  });

  test("refuses origins that could never match or are not https", () => {
    expect(() => normaliseOrigin("http://evil.example.com")).toThrow(/https/);
    expect(() => normaliseOrigin("https://a.example.cl/taskpane.html")).toThrow(/bare origin/);
    expect(() => normaliseOrigin("*")).toThrow(/not a URL/);
  });

  test("Entra ID needs both issuer and audience", () => {
    const issuer = "https://login.microsoftonline.com/t/v2.0";
    expect(configOf({ entraIssuer: issuer, entraAudience: "api://x,api://y" }).identity).toEqual({ kind: "entra", issuer, audiences: ["api://x", "api://y"] });
    expect(() => configOf({ entraIssuer: issuer })).toThrow(/entraAudience/);
    expect(() => configOf({ entraAudience: "api://x" })).toThrow(/entraIssuer/);
    expect(() => configOf({ entraIssuer: "http://login.microsoftonline.com/t/v2.0", entraAudience: "x" })).toThrow(/https/);
  });

  test("validates throttling, log level and alarm e-mail", () => {
    expect(configOf({ throttleRateLimit: "10", throttleBurstLimit: 20, logLevel: "debug", alarmEmail: "ops@example.cl" })).toMatchObject({
      throttleRateLimit: 10,
      throttleBurstLimit: 20,
      logLevel: "DEBUG",
      alarmEmail: "ops@example.cl",
    });
    expect(() => configOf({ throttleRateLimit: "0" })).toThrow(/positive integer/);
    expect(() => configOf({ logLevel: "TRACE" })).toThrow(/logLevel/);
    expect(() => configOf({ alarmEmail: "nobody" })).toThrow(/alarmEmail/);
  });
});
