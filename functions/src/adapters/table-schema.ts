/**
 * The figures table's keys and index, declared once: the local stores create the table from
 * it (`dynamo-table.ts`) and the CDK data construct declares the same on AWS
 * (`infra/lib/data.ts`). No imports, so the CDK app can read it without the data layer.
 */

/** A key attribute, typed as DynamoDB types it: `S` string, `N` number. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export const TABLE_KEYS = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** The sparse index on published years: `gsi1pk = "PUBLISHED"` (or `DRAFT`), `gsi1sk = year`. */
  publishedIndex: {
    name: 'gsi1',
    partitionKey: { name: 'gsi1pk', type: 'S' },
    sortKey: { name: 'gsi1sk', type: 'N' },
    projection: 'ALL',
  },
} as const satisfies {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  publishedIndex: { name: string; partitionKey: KeyAttribute; sortKey: KeyAttribute; projection: 'ALL' };
};

const keySchema = (hash: KeyAttribute, range: KeyAttribute) => [
  { AttributeName: hash.name, KeyType: 'HASH' as const },
  { AttributeName: range.name, KeyType: 'RANGE' as const },
];

/** The keys as DynamoDB's CreateTable (and CloudFormation's AWS::DynamoDB::Table) spell them. */
export function tableKeyDefinition() {
  const { partitionKey, sortKey, publishedIndex: gsi } = TABLE_KEYS;
  return {
    AttributeDefinitions: [partitionKey, sortKey, gsi.partitionKey, gsi.sortKey].map((a) => ({
      AttributeName: a.name,
      AttributeType: a.type,
    })),
    KeySchema: keySchema(partitionKey, sortKey),
    GlobalSecondaryIndexes: [
      {
        IndexName: gsi.name,
        KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
        Projection: { ProjectionType: gsi.projection },
      },
    ],
  };
}
