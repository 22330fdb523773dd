import { DynamoDBClient, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/src/adapters/dynamo-table';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { planRestore, restoreTable, scanAll } from './restore-table.js';

const item = (sk: string, value: string, extra: Record<string, AttributeValue> = {}) => ({
  pk: { S: 'YEAR#2016' },
  sk: { S: sk },
  value: { S: value },
  ...extra,
});

describe('planRestore', () => {
  const restored = [item('PUBLISHED', 'v7'), item('V#000007', 'v7')];
  const live = [item('PUBLISHED', 'broken'), item('V#000007', 'v7'), item('V#000008', 'broken')];

  it('writes back what differs, keeps later items unless told to prune', () => {
    const plan = planRestore(restored, live, false);
    expect(plan.put.map((i) => i.sk?.S)).toEqual(['PUBLISHED']);
    expect(plan.remove).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it('with prune, also deletes items written after the restore point', () => {
    expect(planRestore(restored, live, true).remove.map((i) => i.sk?.S)).toEqual(['V#000008']);
  });

  it('does not mistake attribute order for a change', () => {
    const a = { pk: { S: 'p' }, sk: { S: 's' }, x: { N: '1' }, y: { S: 'z' } };
    const b = { y: { S: 'z' }, x: { N: '1' }, sk: { S: 's' }, pk: { S: 'p' } };
    expect(planRestore([a], [b], true)).toEqual({ put: [], remove: [], unchanged: 1 });
  });
});

describe('restoreTable on a real store', () => {
  let store: RunningStore;
  let client: DynamoDBClient;
  const config = (tableName: string) => ({ tableName, endpoint: store.endpoint, region: 'eu-west-3' });

  beforeAll(async () => {
    store = await startDynalite();
    client = new DynamoDBClient({
      endpoint: store.endpoint,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(config('restored'));
    await ensureTable(config('live'));
    for (const i of [
      item('PUBLISHED', 'v7', { gsi1pk: { S: 'PUBLISHED' }, gsi1sk: { N: '2016' } }),
      item('V#000007', 'v7'),
    ]) {
      await client.send(new PutItemCommand({ TableName: 'restored', Item: i }));
    }
    for (const i of [item('PUBLISHED', 'broken'), item('V#000008', 'broken')]) {
      await client.send(new PutItemCommand({ TableName: 'live', Item: i }));
    }
  });
  afterAll(async () => {
    client?.destroy();
    await store?.stop();
  });

  it('changes nothing on a dry run, then makes live equal to restored with --apply --prune', async () => {
    const quiet = () => {};
    await restoreTable(client, { from: 'restored', to: 'live', prune: true, apply: false }, quiet);
    expect((await scanAll(client, 'live')).map((i) => i.value?.S).sort()).toEqual(['broken', 'broken']);

    await restoreTable(client, { from: 'restored', to: 'live', prune: true, apply: true }, quiet);
    const live = await scanAll(client, 'live');
    expect(planRestore(await scanAll(client, 'restored'), live, true)).toMatchObject({ put: [], remove: [] });
    expect(live).toHaveLength(2);
  });
});
