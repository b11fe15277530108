import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, Billing, ProjectionType, TableV2, type Attribute } from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import { TABLE_DEFINITION, type TableDefinition } from "@coop-plans/functions/table-definition";

type KeyDefinition = TableDefinition["partitionKey"];

/** Maps a key of the plain-data definition (`{ name, type: "S" | "N" | "B" }`) to a CDK attribute. */
function attribute(key: { name: string; type: KeyDefinition["type"] | "N" | "B" }): Attribute {
  const types = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;
  return { name: key.name, type: types[key.type] };
}

/** Maps a projection of the definition to CDK's; only ALL and KEYS_ONLY are used by the definition's shape. */
function projection(p: string): ProjectionType {
  if (p === "ALL") return ProjectionType.ALL;
  if (p === "KEYS_ONLY") return ProjectionType.KEYS_ONLY;
  throw new Error(`Unsupported projection in the table definition: ${p}`);
}

/**
 * The single DynamoDB table of DESIGN.md ("Data"), built FROM the plain-data definition in
 * `functions/src/store/tableDefinition.ts` (keys, GSI1, TTL, billing, PITR, deletion protection),
 * so the local bootstrap and AWS can never disagree. Always retained on stack deletion: it holds
 * every plan revision. No physical name (CloudFormation names it; functions get it as TABLE_NAME).
 */
export class PlanTable extends Construct {
  /** The table. */
  readonly table: TableV2;

  constructor(scope: Construct, id: string, definition: TableDefinition = TABLE_DEFINITION) {
    super(scope, id);
    if (definition.billingMode !== "PAY_PER_REQUEST") throw new Error(`Unsupported billing mode: ${definition.billingMode}`);
    this.table = new TableV2(this, "Table", {
      partitionKey: attribute(definition.partitionKey),
      sortKey: attribute(definition.sortKey),
      globalSecondaryIndexes: definition.globalSecondaryIndexes.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: attribute(gsi.partitionKey),
        sortKey: attribute(gsi.sortKey),
        projectionType: projection(gsi.projection),
      })),
      // On demand: a few hundred cooperatives syncing now and then; nothing to capacity-plan.
      billing: Billing.onDemand(),
      timeToLiveAttribute: definition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: definition.pointInTimeRecovery },
      deletionProtection: definition.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
