/**
 * The DynamoDB client's contract as the repository and the HTTP layer rely on it: signing,
 * retries, timeouts, and failures named as the service names them with their request id.
 * DynamoDB Local never throttles nor half-answers, so these run the SDK against a plain HTTP
 * server scripted to answer the way DynamoDB does when it does; the repository's specs run it
 * against dynalite and DynamoDB Local.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse } from '../api/http-errors';
import { createDocumentClient, DynamoError, storeConfigFromEnv, type StoreConfig } from './dynamo-client';

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
}

type Answer = { status: number; body: string; requestId?: string } | 'hang';

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((r) => server!.close(r));
  server = undefined;
});

/** A server answering each request with the next scripted answer (the last one repeats). */
async function scripted(answers: Answer[]): Promise<{ endpoint: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      if (answer === 'hang') return;
      res
        .writeHead(answer.status, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-requestid': answer.requestId ?? `req-${seen.length}`,
        })
        .end(answer.body);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { endpoint: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

const dynamoError = (type: string, message: string) =>
  JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });

const doc = (endpoint: string, more: Partial<StoreConfig> = {}) =>
  createDocumentClient({
    tableName: 't',
    region: 'eu-west-3',
    endpoint,
    maxAttempts: 3,
    requestTimeoutMs: 500,
    ...more,
  });

const get = (endpoint: string, more: Partial<StoreConfig> = {}) =>
  doc(endpoint, more).get({ TableName: 't', Key: { pk: 'YEAR#2016', sk: 'PUBLISHED' } });

describe('the DynamoDB client', () => {
  it('signs each request with Signature V4 for dynamodb in its region, and names the operation', async () => {
    const { endpoint, seen } = await scripted([{ status: 200, body: '{}' }]);
    await get(endpoint);
    const { headers, body } = seen[0]!;
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/eu-west-3\/dynamodb\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(JSON.parse(body)).toEqual({
      TableName: 't',
      Key: { pk: { S: 'YEAR#2016' }, sk: { S: 'PUBLISHED' } },
    });
  });

  it('tries again after throttling and answers with the attempt that succeeded', async () => {
    const { endpoint, seen } = await scripted([
      { status: 400, body: dynamoError('ProvisionedThroughputExceededException', 'slow down') },
      { status: 400, body: dynamoError('ThrottlingException', 'slow down') },
      { status: 200, body: '{"Item":{"pk":{"S":"A"}}}' },
    ]);
    expect(await get(endpoint)).toEqual({ Item: { pk: 'A' } });
    expect(seen).toHaveLength(3);
  });

  it('does not try a refused condition again, names it as the service does and keeps its request id', async () => {
    const { endpoint, seen } = await scripted([
      {
        status: 400,
        body: dynamoError('ConditionalCheckFailedException', 'The conditional request failed'),
        requestId: 'R3QU35T1D',
      },
    ]);
    const error = await doc(endpoint)
      .put({ TableName: 't', Item: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DynamoError);
    expect(error).toMatchObject({
      name: 'ConditionalCheckFailedException',
      message: 'PutItem: The conditional request failed (request id R3QU35T1D)',
      statusCode: 400,
      retryable: false,
      requestId: 'R3QU35T1D',
    });
    expect(seen).toHaveLength(1);
  });

  it('gives up after its attempts on a 5xx that is not even JSON, marked retryable, answered 503 by the API', async () => {
    const { endpoint, seen } = await scripted([
      { status: 503, body: '<html>Service Unavailable</html>', requestId: 'R503' },
    ]);
    const error = await get(endpoint, { maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 503, retryable: true, requestId: 'R503' });
    expect(seen).toHaveLength(2);
    const app = new Hono().get('/', () => Promise.reject(error)).onError((e, c) => errorResponse(c, e));
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('fails an attempt that gets no answer within its timeout, then the next one', async () => {
    const { endpoint, seen } = await scripted(['hang']);
    const started = performance.now();
    const error = await get(endpoint, { maxAttempts: 2, requestTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      retryable: true,
      message: expect.stringMatching(/^GetItem: /),
    });
    expect(seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('reports a refused connection as a retryable failure', async () => {
    const { endpoint } = await scripted([]);
    server!.close();
    await new Promise((r) => setTimeout(r, 20));
    const error = await get(endpoint, { maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^GetItem: .*ECONNREFUSED/),
    });
  });

  it('sends keys, items and expression values typed, and reads items back as plain values', async () => {
    const { endpoint, seen } = await scripted([
      { status: 200, body: '{}' },
      {
        status: 200,
        body: JSON.stringify({
          Items: [
            {
              pk: { S: 'YEAR#2016' },
              version: { N: '3' },
              figures: { L: [{ M: { value: { N: '100000' } } }] },
            },
          ],
          LastEvaluatedKey: { pk: { S: 'YEAR#2016' } },
        }),
      },
    ]);
    const client = doc(endpoint);
    await client.put({
      TableName: 't',
      Item: { pk: 'YEAR#2016', notes: undefined, version: 3 },
      ConditionExpression: 'version < :v',
      ExpressionAttributeValues: { ':v': 3 },
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      TableName: 't',
      Item: { pk: { S: 'YEAR#2016' }, version: { N: '3' } },
      ConditionExpression: 'version < :v',
      ExpressionAttributeValues: { ':v': { N: '3' } },
    });
    const page = await client.query({
      TableName: 't',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'YEAR#2016' },
      ExclusiveStartKey: { pk: 'YEAR#2015' },
    });
    expect(JSON.parse(seen[1]!.body)).toMatchObject({
      ExpressionAttributeValues: { ':pk': { S: 'YEAR#2016' } },
      ExclusiveStartKey: { pk: { S: 'YEAR#2015' } },
    });
    expect(page).toEqual({
      Items: [{ pk: 'YEAR#2016', version: 3, figures: [{ value: 100000 }] }],
      LastEvaluatedKey: { pk: 'YEAR#2016' },
    });
  });
});

describe('storeConfigFromEnv', () => {
  it.each<[string, NodeJS.ProcessEnv, StoreConfig['credentials']]>([
    ['on AWS: the default chain', { TABLE_NAME: 't' }, 'chain'],
    [
      'a local store: fixed dummy keys',
      { TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' },
      'local',
    ],
    [
      'a local store with a named profile: the default chain',
      { TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_PROFILE: 'cimade' },
      'chain',
    ],
    [
      'a local store with keys in the environment: the default chain',
      { TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'AKID' },
      'chain',
    ],
  ])('%s', (_, env, credentials) => {
    expect(storeConfigFromEnv(env)).toMatchObject({ tableName: 't', region: 'eu-west-3', credentials });
  });

  it('says which setting is missing', () => {
    expect(() => storeConfigFromEnv({})).toThrow(/TABLE_NAME is not set/);
  });
});
