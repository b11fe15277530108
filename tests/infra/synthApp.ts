import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { createCoopPlansStacks, type CoopPlansStacks } from "../../infra/lib/coopPlansApp";

/** Repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The context of infra/cdk.json (feature flags and defaults), so tests synthesize what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, "infra", "cdk.json"), "utf8")) as { context: Record<string, unknown> };
  return cdkJson.context;
}

/**
 * Runs `fn` with console.error muted for the expected "placeholder page" annotation, which
 * synthesis prints (validation report) whenever a test app has no task pane build; other errors pass.
 */
export function withoutPlaceholderNoise<T>(fn: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args.some((a) => String(a).includes("placeholder page is deployed"))) return;
    original(...args);
  };
  try {
    return fn();
  } finally {
    console.error = original;
  }
}

/** A synthesized test app: its stacks, their templates, and a cleanup of its temp directories. */
export interface SynthesizedApp {
  stacks: CoopPlansStacks;
  templates: { data: Template; identity?: Template; web: Template; api: Template };
  /** Every template of the app. */
  all: Template[];
  cleanup(): void;
}

/**
 * Builds the app with extra context, without bundling (`aws:cdk:bundling-stacks: []`), into a
 * temp directory under os.tmpdir() that `cleanup()` removes. The task pane build is an empty temp
 * directory unless `taskPaneDistDir` is given, so the tests do not depend on `vite build`.
 */
export function synthApp(context: Record<string, unknown> = {}, options: { taskPaneDistDir?: string } = {}): SynthesizedApp {
  const outdir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-cdk-"));
  const emptyDist = mkdtempSync(path.join(os.tmpdir(), "coop-plans-dist-"));
  const app = new App({ outdir, context: { ...cdkJsonContext(), ...context, "aws:cdk:bundling-stacks": [] } });
  const stacks = createCoopPlansStacks(app, { repoRoot: REPO_ROOT, taskPaneDistDir: options.taskPaneDistDir ?? emptyDist });
  const templates = withoutPlaceholderNoise(() => ({
    data: Template.fromStack(stacks.data),
    identity: stacks.identity ? Template.fromStack(stacks.identity) : undefined,
    web: Template.fromStack(stacks.web),
    api: Template.fromStack(stacks.api),
  }));
  return {
    stacks,
    templates,
    all: [templates.data, templates.web, templates.api, ...(templates.identity ? [templates.identity] : [])],
    cleanup: () => {
      rmSync(outdir, { recursive: true, force: true });
      rmSync(emptyDist, { recursive: true, force: true });
    },
  };
}

/** A CloudFormation resource as found in a template. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}
