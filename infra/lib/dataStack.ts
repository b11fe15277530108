import { Stack, type StackProps } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";
import { PlanTable } from "./planTable";

/**
 * The stateful stack: the plans table (retained, deletion-protected, point-in-time recovery).
 * Deployed rarely and separately from the stateless API, so an API change can never replace data.
 */
export class DataStack extends Stack {
  /** The single table of the application. */
  readonly table: ITableV2;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: "coop-plans: stateful data (DynamoDB plans table)", ...props });
    this.table = new PlanTable(this, "Plans").table;
  }
}
