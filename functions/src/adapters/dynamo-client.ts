/**
 * DynamoDB through the AWS SDK v3 (`@aws-sdk/client-dynamodb`, only the commands the
 * repository and the local stores use, so esbuild bundles no more), values converted by
 * `@aws-sdk/util-dynamodb`. The SDK gives what a hand-made client cannot keep up with:
 * the default credential chain (Lambda's environment, `AWS_PROFILE`, SSO, `credential_process`),
 * Signature V4, bounded retries with backoff on throttling, 5xx and network failures.
 * Failures reach the repository as a `DynamoError`: named as the service names them, marked
 * `retryable` when the store (not the request) failed, with the service's request id.
 */
import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { observability } from './observability';

export type Item = Record<string, NativeAttributeValue>;

export interface StoreConfig {
  tableName: string;
  /** Set for a local store (dynalite, DynamoDB Local); unset on AWS. */
  endpoint?: string;
  region?: string;
  /**
   * Where the credentials come from: the SDK's default chain (Lambda's environment,
   * `AWS_PROFILE`, SSO, `credential_process`...), or fixed dummy keys for a local store, which
   * accepts any key (DynamoDB Local keeps tables per key and region, so they stay the same).
   * @default 'chain' without an endpoint, 'local' with one
   */
  credentials?: 'chain' | 'local';
  /** Attempts per request, the first included. @default 3 on AWS, 2 on a local store */
  maxAttempts?: number;
  /** Each attempt fails after this long without an answer. @default 3000 */
  requestTimeoutMs?: number;
}

/**
 * Reads the store's settings from the environment the function or the local server sets. With
 * `DYNAMODB_ENDPOINT` and a named profile or keys in the environment, the default chain is used
 * even locally: `AWS_PROFILE=… DYNAMODB_ENDPOINT=… npm run seed` signs as it would on AWS.
 */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const tableName = env.TABLE_NAME;
  if (!tableName)
    throw new Error('TABLE_NAME is not set: the name of the DynamoDB table holding the figures');
  const endpoint = env.DYNAMODB_ENDPOINT || undefined;
  const ambient = Boolean(env.AWS_PROFILE || env.AWS_ACCESS_KEY_ID);
  return {
    tableName,
    endpoint,
    region: env.AWS_REGION || 'eu-west-3',
    credentials: endpoint && !ambient ? 'local' : 'chain',
  };
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * One SDK client; call it once per process (module scope): it keeps its connections. DynamoDB
 * answers in milliseconds, so three attempts of 3 s stay well inside the functions' timeouts; a
 * stopped or frozen local store fails in seconds rather than hanging requests (3 s is generous
 * enough for fifty concurrent writes on a cold DynamoDB Local).
 */
export function createClient(config: StoreConfig): DynamoDBClient {
  const local = Boolean(config.endpoint);
  const client = new DynamoDBClient({
    region: config.region ?? 'eu-west-3',
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...((config.credentials ?? (local ? 'local' : 'chain')) === 'local'
      ? { credentials: LOCAL_CREDENTIALS }
      : {}),
    maxAttempts: config.maxAttempts ?? (local ? 2 : 3),
    // Options of the SDK's node:http(s) handler (keep-alive agents are its default). Without
    // throwOnRequestTimeout, an attempt past its timeout only logs a warning and goes on waiting.
    requestHandler: {
      requestTimeout: config.requestTimeoutMs ?? 3000,
      throwOnRequestTimeout: true,
      connectionTimeout: 1000,
    },
  });
  // X-Ray subsegments for every DynamoDB call when tracing is on (on Lambda); unchanged otherwise.
  return observability().tracer.captureAWSv3Client(client);
}

/** A failed DynamoDB call: `name` is the service's error type (`ConditionalCheckFailedException`) or the failure's. */
export class DynamoError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number | undefined,
    /** The store failed (network, timeout, throttling, 5xx), not the request: worth a 503 and a retry. */
    readonly retryable: boolean,
    /** The service's request id, for AWS support and the logs. */
    readonly requestId: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = name;
  }
}

/** Throttling types DynamoDB answers with a 400. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
]);
/** Node's codes for a connection that failed or broke (as the SDK's retry strategy classifies them). */
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

interface SdkFailure {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
}

/** What the SDK threw, once its own attempts are spent, as the repository reads it. */
export function toDynamoError(operation: string, error: unknown): DynamoError {
  if (error instanceof DynamoError) return error;
  const e = (error ?? {}) as SdkFailure;
  const name = e.name || 'Error';
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const retryable =
    e.$fault === 'server' ||
    (status !== undefined && status >= 500) ||
    e.$retryable !== undefined ||
    THROTTLING.has(name) ||
    name === 'TimeoutError' ||
    (e.code !== undefined && NETWORK.has(e.code));
  const message = `${operation}: ${e.message || name}${requestId ? ` (request id ${requestId})` : ''}`;
  return new DynamoError(name, message, status, retryable, requestId, { cause: error });
}

/** One call of the SDK (`client.send(command)`), its failure as a `DynamoError`. */
export async function call<O>(operation: string, run: () => Promise<O>): Promise<O> {
  try {
    return await run();
  } catch (error) {
    throw toDynamoError(operation, error);
  }
}

const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;
const toWire = (item: Item) => marshall(item, MARSHALL);
const fromWire = (item: Record<string, AttributeValue>) => unmarshall(item);

interface Expressions {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
}

export interface QueryInput extends Omit<Expressions, 'ConditionExpression'> {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression: string;
  ScanIndexForward?: boolean;
  Limit?: number;
  ConsistentRead?: boolean;
  ExclusiveStartKey?: Item;
}

/** Expression values and start keys in the wire's typed form; every other field as given. */
function wireInput<T extends { ExpressionAttributeValues?: Item; ExclusiveStartKey?: Item }>(input: T) {
  const { ExpressionAttributeValues: values, ExclusiveStartKey: start, ...rest } = input;
  return {
    ...rest,
    ...(values ? { ExpressionAttributeValues: toWire(values) } : {}),
    ...(start ? { ExclusiveStartKey: toWire(start) } : {}),
  };
}

/** Items in and out as plain JavaScript values, the way the repository reads and writes them. */
export class DocumentClient {
  constructor(readonly client: DynamoDBClient) {}

  async get(input: { TableName: string; Key: Item; ConsistentRead?: boolean }): Promise<{ Item?: Item }> {
    const out = await call('GetItem', () =>
      this.client.send(new GetItemCommand({ ...input, Key: toWire(input.Key) })),
    );
    return out.Item ? { Item: fromWire(out.Item) } : {};
  }

  async put(input: { TableName: string; Item: Item } & Expressions): Promise<void> {
    await call('PutItem', () =>
      this.client.send(new PutItemCommand(wireInput({ ...input, Item: toWire(input.Item) }))),
    );
  }

  async update(
    input: { TableName: string; Key: Item; UpdateExpression: string } & Expressions,
  ): Promise<void> {
    await call('UpdateItem', () =>
      this.client.send(new UpdateItemCommand(wireInput({ ...input, Key: toWire(input.Key) }))),
    );
  }

  async delete(input: { TableName: string; Key: Item } & Expressions): Promise<void> {
    await call('DeleteItem', () =>
      this.client.send(new DeleteItemCommand(wireInput({ ...input, Key: toWire(input.Key) }))),
    );
  }

  async query(input: QueryInput): Promise<{ Items: Item[]; LastEvaluatedKey?: Item }> {
    const out = await call('Query', () => this.client.send(new QueryCommand(wireInput(input))));
    return {
      Items: (out.Items ?? []).map(fromWire),
      ...(out.LastEvaluatedKey ? { LastEvaluatedKey: fromWire(out.LastEvaluatedKey) } : {}),
    };
  }
}

export function createDocumentClient(config: StoreConfig): DocumentClient {
  return new DocumentClient(createClient(config));
}
