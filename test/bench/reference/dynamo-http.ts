/**
 * A small DynamoDB client: the service's JSON protocol over node:http(s), requests signed
 * with `aws4` (Signature V4), values converted by `@aws-sdk/util-dynamodb`.
 *
 * Why not `@aws-sdk/client-dynamodb`: loading it and sending its first request costs about
 * 100 ms of every cold start (Node 20, measured by `npm run bench`); this client costs about
 * 10 ms and 14 KB. The repository needs six operations (get, put, update, delete, query; and
 * describe/create table for local stores), all single-item or single-partition, so the SDK's
 * breadth buys nothing here. What it did give is kept: credentials from the environment,
 * bounded attempts with jittered backoff on throttling, 5xx and network failures, a request
 * timeout, and errors named as the service names them (`ConditionalCheckFailedException`).
 */
import type http from 'node:http';
import { marshall, unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import aws4 from 'aws4';

export type Item = Record<string, NativeAttributeValue>;
type Wire = Record<string, unknown>;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface DynamoHttpOptions {
  region: string;
  /** `http://127.0.0.1:8000` for a local store; unset on AWS (the regional endpoint). */
  endpoint?: string;
  /** Fixed credentials (local stores); on AWS they are read from the environment Lambda sets. */
  credentials?: Credentials;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Each attempt fails after this long without a complete answer. */
  timeoutMs: number;
  /** Backoff before attempt n+1 is random in [0, min(maxDelay, base * 2^n)] ms. */
  baseDelayMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** An error the service answered (`name` is its type, e.g. `ConditionalCheckFailedException`) or a failed attempt. */
export class DynamoError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = name;
  }
}

/** Throttling types DynamoDB answers with a 400 that are worth another attempt. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
]);

const MAX_DELAY_MS = 1000;

function credentialsFrom(env: NodeJS.ProcessEnv): Credentials {
  const {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN: sessionToken,
  } = env;
  if (!accessKeyId || !secretAccessKey)
    throw new DynamoError(
      'CredentialsError',
      'no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (Lambda sets them; a local store needs DYNAMODB_ENDPOINT)',
      undefined,
      false,
    );
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The service's error body: `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"..."}`. */
function serviceError(status: number, body: string): DynamoError {
  let parsed: { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // not JSON (a proxy's page, an empty 5xx): the status says enough
  }
  const type = parsed.__type?.split('#').pop() || `HTTP${status}`;
  const message = parsed.message ?? parsed.Message ?? (body.slice(0, 200) || `HTTP ${status}`);
  return new DynamoError(type, message, status, status >= 500 || THROTTLING.has(type));
}

interface Transport {
  request: typeof http.request;
  agent: http.Agent;
}

export class DynamoHttp {
  private readonly url: URL;
  /** node:https (and TLS) loaded on the first request, and only where the endpoint is HTTPS. */
  private transport?: Promise<Transport>;

  constructor(private readonly options: DynamoHttpOptions) {
    this.url = new URL(options.endpoint ?? `https://dynamodb.${options.region}.amazonaws.com`);
  }

  private connect(): Promise<Transport> {
    return (this.transport ??= (
      this.url.protocol === 'https:' ? import('node:https') : import('node:http')
    ).then(({ request, Agent }) => ({
      request,
      agent: new Agent({ keepAlive: true }),
    })));
  }

  /** One operation of the DynamoDB API (`GetItem`, `Query`...), its input and output as the wire has them. */
  async call<T = Wire>(operation: string, input: Wire): Promise<T> {
    const body = JSON.stringify(input);
    const { maxAttempts, baseDelayMs = 25 } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return JSON.parse(await this.attempt(operation, body)) as T;
      } catch (error) {
        const retryable = error instanceof DynamoError && error.retryable;
        if (!retryable || attempt >= maxAttempts) throw error;
        await new Promise((r) =>
          setTimeout(r, Math.random() * Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** attempt)),
        );
      }
    }
  }

  private async attempt(operation: string, body: string): Promise<string> {
    const { url, options } = this;
    const transport = await this.connect();
    const signed = aws4.sign(
      {
        host: url.host,
        path: '/',
        method: 'POST',
        service: 'dynamodb',
        region: options.region,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
        },
        body,
      },
      options.credentials ?? credentialsFrom(options.env ?? process.env),
    );
    return new Promise((resolve, reject) => {
      const request = transport.request(
        {
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port,
          path: '/',
          method: 'POST',
          headers: signed.headers,
          agent: transport.agent,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) =>
            reject(new DynamoError('NetworkError', `${operation}: ${error.message}`, undefined, true)),
          );
          response.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status === 200) resolve(text);
            else reject(serviceError(status, text));
          });
        },
      );
      const timer = setTimeout(
        () =>
          request.destroy(
            new DynamoError(
              'TimeoutError',
              `${operation}: no answer from ${url.host} within ${options.timeoutMs} ms`,
              undefined,
              true,
            ),
          ),
        options.timeoutMs,
      );
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(
          error instanceof DynamoError
            ? error
            : new DynamoError(
                'NetworkError',
                `${operation}: ${error.message} (${url.host})`,
                undefined,
                true,
              ),
        );
      });
      request.end(body);
    });
  }
}

const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;
const toWire = (item: Item) => marshall(item, MARSHALL);
const fromWire = (item: unknown) => unmarshall(item as Parameters<typeof unmarshall>[0]);

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
function wireInput<T extends { ExpressionAttributeValues?: Item; ExclusiveStartKey?: Item }>(input: T): Wire {
  const { ExpressionAttributeValues: values, ExclusiveStartKey: start, ...rest } = input;
  return {
    ...rest,
    ...(values ? { ExpressionAttributeValues: toWire(values) } : {}),
    ...(start ? { ExclusiveStartKey: toWire(start) } : {}),
  };
}

/** Items in and out as plain JavaScript values, the way the repository reads and writes them. */
export class DocumentClient {
  constructor(readonly http: DynamoHttp) {}

  async get(input: { TableName: string; Key: Item; ConsistentRead?: boolean }): Promise<{ Item?: Item }> {
    const out = await this.http.call<{ Item?: Wire }>('GetItem', { ...input, Key: toWire(input.Key) });
    return out.Item ? { Item: fromWire(out.Item) } : {};
  }

  async put(input: { TableName: string; Item: Item } & Expressions): Promise<void> {
    await this.http.call('PutItem', wireInput({ ...input, Item: toWire(input.Item) }));
  }

  async update(
    input: { TableName: string; Key: Item; UpdateExpression: string } & Expressions,
  ): Promise<void> {
    await this.http.call('UpdateItem', wireInput({ ...input, Key: toWire(input.Key) }));
  }

  async delete(input: { TableName: string; Key: Item } & Expressions): Promise<void> {
    await this.http.call('DeleteItem', wireInput({ ...input, Key: toWire(input.Key) }));
  }

  async query(input: QueryInput): Promise<{ Items: Item[]; LastEvaluatedKey?: Item }> {
    const out = await this.http.call<{ Items?: Wire[]; LastEvaluatedKey?: Wire }>('Query', wireInput(input));
    return {
      Items: (out.Items ?? []).map(fromWire),
      ...(out.LastEvaluatedKey ? { LastEvaluatedKey: fromWire(out.LastEvaluatedKey) } : {}),
    };
  }
}
