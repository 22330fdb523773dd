/**
 * The repository the server-side `load` functions read from: the same DynamoDB adapter the
 * API functions use, configured from the environment (TABLE_NAME, DYNAMODB_ENDPOINT).
 */
import { env } from '$env/dynamic/private';
import { createDocumentClient, storeConfigFromEnv } from '$adapters/dynamo-client';
import { DynamoFiguresRepository } from '$adapters/dynamo-repository';
import type { FiguresRepository } from '$core/repository';

let repo: FiguresRepository | undefined;

export function figures(): FiguresRepository {
  if (!repo) {
    const config = storeConfigFromEnv(env);
    repo = new DynamoFiguresRepository(createDocumentClient(config), config.tableName);
  }
  return repo;
}
