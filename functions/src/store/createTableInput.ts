import type { CreateTableCommandInput, UpdateTimeToLiveCommandInput } from "@aws-sdk/client-dynamodb";
import { TABLE_DEFINITION } from "./tableDefinition";

/** The CreateTable input of the single table named `tableName` (on-demand, GSI1 projecting all attributes). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const d = TABLE_DEFINITION;
  const attributes = new Map<string, "S">();
  for (const key of [d.partitionKey, d.sortKey, ...d.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])]) {
    attributes.set(key.name, key.type);
  }
  return {
    TableName: tableName,
    BillingMode: d.billingMode,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: d.partitionKey.name, KeyType: "HASH" },
      { AttributeName: d.sortKey.name, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey.name, KeyType: "HASH" },
        { AttributeName: g.sortKey.name, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: g.projection },
    })),
  };
}

/** The UpdateTimeToLive input that turns on TTL on `expiresAt` for the table. */
export function timeToLiveInput(tableName: string): UpdateTimeToLiveCommandInput {
  return {
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
  };
}
