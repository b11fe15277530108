import type { HandlerGroup } from "@coop-plans/shared/api";

/** The DynamoDB IAM actions the store sends (never Scan: a region is listed with a Query on GSI1). */
export type TableAction =
  | "dynamodb:GetItem"
  | "dynamodb:BatchGetItem"
  | "dynamodb:Query"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:DeleteItem"
  | "dynamodb:ConditionCheckItem";

/**
 * The IAM actions of the requests the store sends: GetCommand → GetItem, BatchGetCommand →
 * BatchGetItem, QueryCommand → Query; TransactWriteItems has no action of its own: each of its
 * items needs the action of its kind (Put → PutItem, Update → UpdateItem, Delete → DeleteItem,
 * ConditionCheck → ConditionCheckItem).
 */
export function actionsOfRequest(operation: string, input: unknown): TableAction[] {
  switch (operation) {
    case "GetItem": return ["dynamodb:GetItem"];
    case "BatchGetItem": return ["dynamodb:BatchGetItem"];
    case "Query": return ["dynamodb:Query"];
    case "TransactWriteItems": {
      const items = (input as { TransactItems?: Array<Record<string, unknown>> }).TransactItems ?? [];
      const kinds: Record<string, TableAction> = { Put: "dynamodb:PutItem", Update: "dynamodb:UpdateItem", Delete: "dynamodb:DeleteItem", ConditionCheck: "dynamodb:ConditionCheckItem" };
      return [...new Set(items.flatMap((item) => Object.keys(item).map((k) => kinds[k]).filter(Boolean)))];
    }
    default: throw new Error(`The store sent ${operation}, which has no entry in tableActions.ts`);
  }
}

/**
 * Exactly the DynamoDB actions each handler group's code sends through this store, which the CDK
 * stack grants its function (infra/lib/handlerFunction.ts) on the table and its indexes; nothing
 * else. Kept beside the store code: a new store call in a group needs its action here, and
 * tests/functions/tableActions.test.ts records what every route of each group sends against this
 * list (both ways: nothing sent is missing, nothing listed is unused).
 *
 * - health: one GetItem of a key no item has (store/healthCheck.ts).
 * - me: the gestor/a's assignments (Query), their cooperatives and pointers (BatchGetItem).
 * - cooperatives: registration (a transaction of Puts; GetItem of the idempotency record and of a
 *   duplicate's holder), assignment (a transaction with Update, Delete of the old assignment, Put),
 *   the region list (Query on GSI1 and BatchGetItem of the pointers).
 * - plans: reads (GetItem, BatchGetItem of the save context, Query of the revisions) and saves
 *   and transitions (a transaction of conditional Puts: revision, pointer, idempotency record).
 * - consolidation: the region's cooperatives (Query on GSI1) and their pointers and latest
 *   revisions (BatchGetItem).
 * - rulePacks: the index of packs in force (GetItem), the packs (BatchGetItem), a publication (a
 *   transaction: Put of the pack, Update of the index), the impact on a region (Query on GSI1,
 *   BatchGetItem of pointers and revisions).
 */
export const TABLE_ACTIONS_BY_GROUP: Record<HandlerGroup, readonly TableAction[]> = {
  health: ["dynamodb:GetItem"],
  me: ["dynamodb:Query", "dynamodb:BatchGetItem"],
  cooperatives: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
  plans: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem"],
  consolidation: ["dynamodb:Query", "dynamodb:BatchGetItem"],
  rulePacks: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
};
