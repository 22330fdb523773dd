/**
 * The same suite runs on both local stores: dynalite (the embedded default) and Amazon's
 * DynamoDB Local (the fidelity check), each on a fresh table.
 */
import { randomUUID } from 'node:crypto';
import { createDocumentClient, type StoreConfig } from '../../functions/src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../../functions/src/adapters/dynamo-repository';
import { ensureTable } from '../../functions/src/adapters/dynamo-table';
import { startDynalite, startDynamoDbLocal, type RunningStore } from '../../functions/local/stores';

export const STORE_KINDS = ['dynalite', 'dynamodb-local'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const startStore = (kind: StoreKind): Promise<RunningStore> =>
  kind === 'dynalite' ? startDynalite() : startDynamoDbLocal();

export interface TestTable {
  config: StoreConfig;
  repo: DynamoFiguresRepository;
}

/** A new, empty table on a running store. */
export async function freshTable(store: RunningStore): Promise<TestTable> {
  const config: StoreConfig = {
    tableName: `test-${randomUUID().slice(0, 8)}`,
    endpoint: store.endpoint,
    region: 'eu-west-3',
  };
  await ensureTable(config);
  return { config, repo: new DynamoFiguresRepository(createDocumentClient(config), config.tableName) };
}
