/**
 * The table the local stores create has the keys of the one declaration (`table-schema.ts`),
 * which `infra/lib/data.spec.ts` checks the CDK table against: read back with Amazon's own SDK.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, freshTable, startStore } from '../../../test/support/stores';
import type { RunningStore } from '../../local/stores';
import { ensureTable } from './dynamo-table';
import { tableKeyDefinition } from './table-schema';

describe.each(STORE_KINDS)('the table created on %s', (kind) => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());

  it('is keyed as declared, and is left alone when it exists', async () => {
    const { config } = await freshTable(store);
    const sdk = new DynamoDBClient({
      region: config.region,
      endpoint: config.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { Table } = await sdk.send(new DescribeTableCommand({ TableName: config.tableName }));
    const declared = tableKeyDefinition();
    expect(Table?.KeySchema).toEqual(declared.KeySchema);
    expect(Table?.AttributeDefinitions).toEqual(expect.arrayContaining(declared.AttributeDefinitions));
    expect(Table?.AttributeDefinitions).toHaveLength(declared.AttributeDefinitions.length);
    expect(
      Table?.GlobalSecondaryIndexes?.map((g) => ({
        IndexName: g.IndexName,
        KeySchema: g.KeySchema,
        Projection: g.Projection,
      })),
    ).toEqual(declared.GlobalSecondaryIndexes);
    expect(await ensureTable(config)).toBe('exists');
    sdk.destroy();
  });
});
