import { findOutput, taskPaneUrlFromOutputs } from "../../infra/scripts/cdkOutputs";

const outputs = {
  CoopPlansData: {},
  CoopPlansIdentity: { UserPoolId: "sa-east-1_AbCdEf123", UserPoolClientId: "1example23456789" },
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
});
