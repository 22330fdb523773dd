/**
 * The repository's DynamoDB client before the AWS SDK (until issue 11): `dynamo-http.ts` beside
 * this file, aws4 signing over node:http(s), configured as it was. Kept only so that the bench
 * bundles the public API with it, in the same run, and prints what the SDK costs a cold start
 * (`test/bench/bundles.ts` swaps it in for functions/src/adapters/dynamo-client.ts). Never shipped.
 */
import {
  DocumentClient,
  DynamoError,
  DynamoHttp,
  type DynamoHttpOptions,
  type Item,
  type QueryInput,
} from './dynamo-http';

export { DocumentClient, DynamoError, type Item, type QueryInput };

export interface StoreConfig {
  tableName: string;
  endpoint?: string;
  region?: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const tableName = env.TABLE_NAME;
  if (!tableName)
    throw new Error('TABLE_NAME is not set: the name of the DynamoDB table holding the figures');
  return { tableName, endpoint: env.DYNAMODB_ENDPOINT || undefined, region: env.AWS_REGION || 'eu-west-3' };
}

export function createClient(config: StoreConfig): DynamoHttp {
  const region = config.region ?? 'eu-west-3';
  const options: DynamoHttpOptions = config.endpoint
    ? {
        region,
        endpoint: config.endpoint,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 2,
        timeoutMs: 3000,
      }
    : { region, maxAttempts: 3, timeoutMs: 3000 };
  return new DynamoHttp(options);
}

export function createDocumentClient(config: StoreConfig): DocumentClient {
  return new DocumentClient(createClient(config));
}

/** What dynamo-table.ts imports beside the client (its table creation is not bundled in a function). */
export const call = <O>(_operation: string, run: () => Promise<O>): Promise<O> => run();
