import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cognitoDomainFromOutputs, findOutput, taskPaneUrlFromOutputs } from "../../infra/scripts/cdkOutputs";

const outputs = {
  CoopPlansData: {},
  CoopPlansIdentity: { UserPoolId: "sa-east-1_AbCdEf123", UserPoolClientId: "1example23456789", CognitoDomainUrl: "https://coopplans-123456789012.auth.sa-east-1.amazoncognito.com" },
  CoopPlansWeb: { TaskPaneUrl: "https://d111111abcdef8.cloudfront.net" },
  CoopPlansApi: { ApiUrl: "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com" },
};

describe("cdk outputs", () => {
  test("finds the task pane URL and other outputs across stacks", () => {
    expect(taskPaneUrlFromOutputs(outputs)).toBe("https://d111111abcdef8.cloudfront.net");
    expect(taskPaneUrlFromOutputs({ W: { TaskPaneUrl: "https://x.cloudfront.net/" } })).toBe("https://x.cloudfront.net");
    expect(findOutput(outputs, "UserPoolId")).toBe("sa-east-1_AbCdEf123");
  });

  test("refuses a missing, ambiguous or non-https URL", () => {
    expect(() => taskPaneUrlFromOutputs({ CoopPlansData: {} })).toThrow(/No "TaskPaneUrl" output in CoopPlansData/);
    const two = { ...outputs, StagingWeb: { TaskPaneUrl: "https://e.cloudfront.net" } };
    expect(() => taskPaneUrlFromOutputs(two)).toThrow(/several stacks \(CoopPlansWeb, StagingWeb\)/);
    expect(taskPaneUrlFromOutputs(two, "StagingWeb")).toBe("https://e.cloudfront.net");
    expect(() => taskPaneUrlFromOutputs({ W: { TaskPaneUrl: "http://x.cloudfront.net" } })).toThrow(/not an https origin/);
    expect(() => taskPaneUrlFromOutputs([])).toThrow(/not a JSON object/);
  });

  test("the Cognito managed login's domain, when the deployment has one", () => {
    expect(cognitoDomainFromOutputs(outputs)).toBe("https://coopplans-123456789012.auth.sa-east-1.amazoncognito.com");
    expect(cognitoDomainFromOutputs({ CoopPlansWeb: { TaskPaneUrl: "https://d1.cloudfront.net" } })).toBeNull();
    expect(() => cognitoDomainFromOutputs({ I: { CognitoDomainUrl: "http://x.example" } })).toThrow(/not an https origin/);
  });

  test("write-manifest-from-outputs lists the Cognito domain in AppDomains (the sign-in dialog navigates there)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-manifest-"));
    try {
      writeFileSync(path.join(dir, "outputs.json"), JSON.stringify(outputs));
      const root = path.resolve(__dirname, "../..");
      const run = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "infra/scripts/write-manifest-from-outputs.ts"), "--outputs", path.join(dir, "outputs.json"), "--out", path.join(dir, "manifest.xml")], { cwd: root, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const xml = readFileSync(path.join(dir, "manifest.xml"), "utf8");
      const domains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
      expect(domains).toEqual(["https://d111111abcdef8.cloudfront.net", "https://coopplans-123456789012.auth.sa-east-1.amazoncognito.com"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
