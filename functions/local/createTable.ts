import { CreateTableCommand, DynamoDBClient, ResourceInUseException, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { createTableInput, timeToLiveInput } from "../src/store/createTableInput";

/**
 * Creates the single table `tableName` on `endpoint` (DynamoDB Local) from the one table
 * definition, with TTL on `expiresAt`. Returns false when it already existed (left as is).
 */
export async function createTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: process.env.AWS_REGION ?? "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  try {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (error) {
      if (error instanceof ResourceInUseException || (error as { name?: string }).name === "ResourceInUseException") return false;
      throw error;
    }
    await client.send(new UpdateTimeToLiveCommand(timeToLiveInput(tableName)));
    return true;
  } finally {
    client.destroy();
  }
}
