/**
 * The table's layout, shared by the repository, the local stores and the tests. Its keys
 * are declared once, in `table-schema.ts`, which the CDK data construct reads too.
 *
 * | pk          | sk          | holds                                            |
 * | `YEAR#2016` | `PUBLISHED` | the published figures, version, publishedAt/By   |
 * | `YEAR#2016` | `DRAFT`     | the draft, baseVersion, updatedAt/By             |
 * | `YEAR#2016` | `V#000007`  | immutable snapshot of version 7, who, when, diff |
 *
 * A sparse index on published items (`gsi1pk = "PUBLISHED"`, `gsi1sk = year`) makes
 * "every published year" one Query.
 */
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { call, createClient, DynamoError, type StoreConfig } from './dynamo-client';
import { TABLE_KEYS, tableKeyDefinition } from './table-schema';

export const PUBLISHED_INDEX = TABLE_KEYS.publishedIndex.name;
export const yearPk = (year: number) => `YEAR#${year}`;
export const versionSk = (version: number) => `V#${String(version).padStart(6, '0')}`;

/** Creates the table if it does not exist (local stores and tests only; CDK owns it on AWS). */
export async function ensureTable(config: StoreConfig): Promise<'created' | 'exists'> {
  const client = createClient(config);
  const tableName = config.tableName;
  try {
    await call('DescribeTable', () => client.send(new DescribeTableCommand({ TableName: tableName })));
    return 'exists';
  } catch (error) {
    if (!(error instanceof DynamoError && error.name === 'ResourceNotFoundException')) throw error;
  }
  await call('CreateTable', () =>
    client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        ...tableKeyDefinition(),
      }),
    ),
  );
  for (let i = 0; i < 50; i++) {
    const { Table } = await call('DescribeTable', () =>
      client.send(new DescribeTableCommand({ TableName: tableName })),
    );
    if (
      Table?.TableStatus === 'ACTIVE' &&
      Table.GlobalSecondaryIndexes?.every((g) => g.IndexStatus === 'ACTIVE')
    )
      return 'created';
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${tableName} did not become active`);
}
