// Test helper process: starts DynamoDB Local on the data folder given as argv[2], prints one JSON
// line {nodePid, javaPid, endpoint}, then waits to be killed (the test kill -9s this process).
import { startDynamoDbLocal } from "../../../../functions/local/dynamodbLocal";

void startDynamoDbLocal({ dbPath: process.argv[2] }).then((local) => {
  process.stdout.write(JSON.stringify({ nodePid: process.pid, javaPid: local.pid, endpoint: local.endpoint }) + "\n");
  setInterval(() => undefined, 60_000);
});
