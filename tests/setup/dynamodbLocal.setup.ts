// jest globalSetup of the `functions` project: ONE DynamoDB Local (in memory, free port) for the
// whole project; tests read its endpoint from DYNAMODB_ENDPOINT and each test file makes its own table.
import { startDynamoDbLocal } from "../../functions/local/dynamodbLocal";

export default async function setup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const local = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  (globalThis as { __dynamoDbLocal__?: { stop(): Promise<void> } }).__dynamoDbLocal__ = local;
}
