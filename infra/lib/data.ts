import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_KEYS, type KeyAttribute } from '../../functions/src/adapters/table-schema.js';

/** The sparse index on published years: `gsi1pk = "PUBLISHED"`, `gsi1sk = year`. */
export const publishedIndexName = TABLE_KEYS.publishedIndex.name;

const attribute = ({ name, type }: KeyAttribute) => ({
  name,
  type: type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

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
      partitionKey: attribute(TABLE_KEYS.partitionKey),
      sortKey: attribute(TABLE_KEYS.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      // The AWS managed key (aws/dynamodb): encrypted at rest, key use visible in CloudTrail.
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: publishedIndexName,
      partitionKey: attribute(TABLE_KEYS.publishedIndex.partitionKey),
      sortKey: attribute(TABLE_KEYS.publishedIndex.sortKey),
      projectionType: ProjectionType[TABLE_KEYS.publishedIndex.projection],
    });
  }
}
