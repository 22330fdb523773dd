import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** The sparse index on published years: `gsi1pk = "PUBLISHED"`, `gsi1sk = year`. */
export const publishedIndexName = 'gsi1';

/**
 * The figures table: every year's published version, draft and history. It is the one thing
 * that cannot be rebuilt from the repository, so it is retained and protected in every stage.
 */
export class Data extends Construct {
  readonly table: Table;
  readonly indexNames: readonly string[] = [publishedIndexName];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Figures', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      // The AWS managed key (aws/dynamodb): encrypted at rest, key use visible in CloudTrail.
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: publishedIndexName,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.NUMBER },
      projectionType: ProjectionType.ALL,
    });
  }
}
