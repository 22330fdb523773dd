/**
 * `npm run seed [-- --file data/figures.csv]`: seeds the table named by TABLE_NAME (on the
 * store at DYNAMODB_ENDPOINT when set, creating the table there if needed).
 */
import { parseArgs } from 'node:util';
import { createDocumentClient, storeConfigFromEnv } from '../src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../src/adapters/dynamo-repository';
import { ensureTable } from '../src/adapters/dynamo-table';
import { describeSeed, seed, SeedError } from './seed';

const { values } = parseArgs({ options: { file: { type: 'string' } } });
const config = storeConfigFromEnv();
const doc = createDocumentClient(config);
try {
  if (config.endpoint) await ensureTable(config);
  console.log(describeSeed(await seed(new DynamoFiguresRepository(doc, config.tableName), values.file)));
} catch (error) {
  console.error(error instanceof SeedError ? error.message : error);
  process.exitCode = 1;
}
