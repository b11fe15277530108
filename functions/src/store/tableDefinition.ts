/**
 * The single table of DESIGN.md ("Data"), described once as plain data: the CreateTable input
 * builder (`createTableInput.ts`) and the CDK stack both read it. No AWS SDK or CDK import here.
 *
 * Item layout (every item carries `entity`):
 * | entity        | pk                  | sk                     | gsi1pk          | gsi1sk                 |
 * | cooperative   | `COOP#<id>`         | `META`                 | `REGION#<code>` | `COOP#<name key>#<id>` |
 * | latest        | `COOP#<id>`         | `LATEST`               |                 |                        |
 * | revision      | `COOP#<id>`         | `REV#<v, 9 digits>`    |                 |                        |
 *   (a revision's plan and findings: `body`, Binary, Brotli-compressed JSON, `bodyEncoding` "br")
 * | idempotency   | `COOP#<id>`         | `IDEMPOTENCY#<key>`    |                 |                        |
 * | assignment    | `GESTOR#<email>`    | `COOP#<id>`            |                 |                        |
 * | uniqueRut     | `RUT#<region>#<rut>` | `UNIQUE`              |                 |                        |
 * | uniqueName    | `NAME#<region>#<name key>` | `UNIQUE`        |                 |                        |
 *   (written in the registration's transaction with `attribute_not_exists(pk)`: a second
 *   cooperative with the same RUT or name key in a region is refused; `cooperativeId` names the first)
 * | registrationIdempotency | `REGISTER#<region>#<key>` | `IDEMPOTENCY` |       |                        |
 *   (a registration made with an Idempotency-Key: body hash and cooperative id; TTL `expiresAt`)
 * The latest pointer also keeps `planHash`, the canonical hash of its revision's plan, so a save of
 * an unchanged plan is recognised without reading the revision.
 */
export const TABLE_DEFINITION = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  globalSecondaryIndexes: [
    {
      indexName: "GSI1",
      partitionKey: { name: "gsi1pk", type: "S" },
      sortKey: { name: "gsi1sk", type: "S" },
      projection: "ALL",
    },
  ],
  billingMode: "PAY_PER_REQUEST",
  /** Epoch seconds after which DynamoDB deletes the item (idempotency records). */
  timeToLiveAttribute: "expiresAt",
  /** In AWS only (DynamoDB Local ignores them). */
  pointInTimeRecovery: true,
  deletionProtection: true,
} as const;

export type TableDefinition = typeof TABLE_DEFINITION;

/** Name of the region index. */
export const GSI1 = TABLE_DEFINITION.globalSecondaryIndexes[0].indexName;

/** Environment variable holding the table name. */
export const TABLE_NAME_ENV = "TABLE_NAME";
/** Optional environment variable with a DynamoDB endpoint (DynamoDB Local). */
export const DYNAMODB_ENDPOINT_ENV = "DYNAMODB_ENDPOINT";
