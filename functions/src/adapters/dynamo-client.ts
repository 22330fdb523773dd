import { DocumentClient, DynamoHttp, type DynamoHttpOptions } from './dynamo-http';

export interface StoreConfig {
  tableName: string;
  /** Set for a local store (dynalite, DynamoDB Local); unset on AWS. */
  endpoint?: string;
  region?: string;
}

/** Reads the store's settings from the environment the function or the local server sets. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set: the name of the DynamoDB table holding the figures');
  return { tableName, endpoint: env.DYNAMODB_ENDPOINT || undefined, region: env.AWS_REGION || 'eu-west-3' };
}

export function createClient(config: StoreConfig): DynamoHttp {
  const region = config.region ?? 'eu-west-3';
  const options: DynamoHttpOptions = config.endpoint
    ? {
        region,
        endpoint: config.endpoint,
        // Local stores accept any key; DynamoDB Local keeps tables per key and region, so keep them fixed.
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        // A stopped or frozen local store must fail in seconds, not hang requests (generous enough
        // for fifty concurrent writes on a cold DynamoDB Local).
        maxAttempts: 2,
        timeoutMs: 3000,
      }
    : // DynamoDB answers in milliseconds; three attempts of 3 s stay well inside the functions' timeouts.
      { region, maxAttempts: 3, timeoutMs: 3000 };
  return new DynamoHttp(options);
}

export function createDocumentClient(config: StoreConfig): DocumentClient {
  return new DocumentClient(createClient(config));
}
