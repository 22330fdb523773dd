import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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

export function createClient(config: StoreConfig): DynamoDBClient {
  const clientConfig: DynamoDBClientConfig = { region: config.region ?? 'eu-west-3' };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    // Local stores accept any key; DynamoDB Local keeps tables per key and region, so keep them fixed.
    clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    clientConfig.maxAttempts = 2;
    // A stopped or frozen local store must fail in seconds, not hang requests (generous enough for
    // fifty concurrent writes on a cold DynamoDB Local).
    clientConfig.requestHandler = { connectionTimeout: 2000, requestTimeout: 3000, throwOnRequestTimeout: true };
  }
  return new DynamoDBClient(clientConfig);
}

export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createClient(config), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
