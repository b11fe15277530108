import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { StoreContext } from "./client";
import { AssignmentItem, parseItem } from "./items";
import { keys } from "./keys";

/** The assignments of a gestor/a (by lower-case e-mail), all pages of a Query on their partition. */
export async function listAssignments(ctx: StoreContext, gestorEmail: string): Promise<AssignmentItem[]> {
  const items: AssignmentItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await ctx.doc.send(new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.gestorPartition(gestorEmail) },
      ExclusiveStartKey: start,
    }));
    items.push(...(res.Items ?? []).map((raw) => parseItem(AssignmentItem, raw)));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}
