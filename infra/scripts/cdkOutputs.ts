/** The outputs file of `cdk deploy --outputs-file`: stack name → output key → value. */
export type CdkOutputs = Record<string, Record<string, string>>;

/**
 * The value of one output key across the stacks of a `cdk deploy --outputs-file` JSON (e.g.
 * `TaskPaneUrl` of `CoopPlansWeb`). Throws, naming what was found, when the key is missing or
 * appears in more than one stack (two deployments in one file: pass `stackName`).
 */
export function findOutput(outputs: unknown, key: string, stackName?: string): string {
  if (!outputs || typeof outputs !== "object" || Array.isArray(outputs)) throw new Error("The outputs file is not a JSON object of stacks");
  const hits: Array<{ stack: string; value: string }> = [];
  for (const [stack, values] of Object.entries(outputs as Record<string, unknown>)) {
    if (stackName !== undefined && stack !== stackName) continue;
    if (!values || typeof values !== "object") continue;
    const value = (values as Record<string, unknown>)[key];
    if (typeof value === "string" && value !== "") hits.push({ stack, value });
  }
  if (hits.length === 0) {
    throw new Error(`No "${key}" output in ${Object.keys(outputs).join(", ") || "an empty file"}: deploy with "cdk deploy --all --outputs-file …"`);
  }
  if (hits.length > 1) throw new Error(`"${key}" appears in several stacks (${hits.map((h) => h.stack).join(", ")}): pass --stack`);
  return hits[0].value;
}

/** The task pane's https base URL from the outputs (no trailing slash); throws when it is not https. */
export function taskPaneUrlFromOutputs(outputs: unknown, stackName?: string): string {
  const url = findOutput(outputs, "TaskPaneUrl", stackName).replace(/\/+$/, "");
  if (!/^https:\/\/[^/\s]+$/.test(url)) throw new Error(`TaskPaneUrl is not an https origin: ${url}`);
  return url;
}

/**
 * The Cognito managed login's https origin (`CognitoDomainUrl` of the Identity stack), or null when
 * the deployment has none (Entra ID). Throws when it is there but not an https origin.
 */
export function cognitoDomainFromOutputs(outputs: unknown): string | null {
  let url: string;
  try {
    url = findOutput(outputs, "CognitoDomainUrl").replace(/\/+$/, "");
  } catch (error) {
    if (/^No "CognitoDomainUrl" output/.test((error as Error).message)) return null;
    throw error;
  }
  if (!/^https:\/\/[^/\s]+$/.test(url)) throw new Error(`CognitoDomainUrl is not an https origin: ${url}`);
  return url;
}
