/**
 * The coop-plans CDK app: `cdk synth` / `cdk deploy` run it (cdk.json: `npx tsx bin/app.ts`).
 * Context (cdk.json or `-c key=value`): allowedOrigins, entraIssuer + entraAudience, logLevel,
 * throttleRateLimit, throttleBurstLimit, alarmEmail, stackPrefix (see lib/deploymentConfig.ts).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "aws-cdk-lib";
import { createCoopPlansStacks } from "../lib/coopPlansApp";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const app = new App();
createCoopPlansStacks(app, { repoRoot });
app.synth();
