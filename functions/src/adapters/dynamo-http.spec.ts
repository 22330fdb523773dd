/**
 * The small DynamoDB client's own contract: signing, retries, timeouts and errors. DynamoDB
 * Local never throttles nor half-answers, so these run against a plain HTTP server scripted to
 * answer the way DynamoDB does when it does; the repository's specs run the client against
 * dynalite and DynamoDB Local.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentClient, DynamoError, DynamoHttp, type DynamoHttpOptions } from './dynamo-http';

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
}

type Answer = { status: number; body: string } | 'hang';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
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
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { endpoint: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

const dynamoError = (type: string, message: string) => JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });

const client = (endpoint: string, more: Partial<DynamoHttpOptions> = {}) =>
  new DynamoHttp({ region: 'eu-west-3', endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 3, timeoutMs: 500, baseDelayMs: 1, ...more });

describe('DynamoHttp', () => {
  it('signs each request with Signature V4 for dynamodb in its region, and names the operation', async () => {
    const { endpoint, seen } = await scripted([{ status: 200, body: '{}' }]);
    await client(endpoint, { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token-1' } }).call('GetItem', {
      TableName: 'figures',
      Key: { pk: { S: 'YEAR#2016' } },
    });
    const { headers, body } = seen[0]!;
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/dynamodb\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/);
    expect(headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(headers['x-amz-security-token']).toBe('token-1');
    expect(headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(body)).toEqual({ TableName: 'figures', Key: { pk: { S: 'YEAR#2016' } } });
  });

  it('reads credentials from the environment Lambda sets, and says which are missing', async () => {
    const { endpoint, seen } = await scripted([{ status: 200, body: '{}' }]);
    const env = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secret' };
    await client(endpoint, { credentials: undefined, env }).call('GetItem', {});
    expect(seen[0]!.headers.authorization).toContain('Credential=AKIDENV/');
    const error = await client(endpoint, { credentials: undefined, env: {} }).call('GetItem', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DynamoError);
    expect(error).toMatchObject({ name: 'CredentialsError', message: expect.stringMatching(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/) });
    expect(seen).toHaveLength(1);
  });

  it('tries again after throttling and answers with the attempt that succeeded', async () => {
    const { endpoint, seen } = await scripted([
      { status: 400, body: dynamoError('ProvisionedThroughputExceededException', 'slow down') },
      { status: 400, body: dynamoError('ThrottlingException', 'slow down') },
      { status: 200, body: '{"Item":{"pk":{"S":"A"}}}' },
    ]);
    expect(await client(endpoint).call('GetItem', {})).toEqual({ Item: { pk: { S: 'A' } } });
    expect(seen).toHaveLength(3);
  });

  it('does not try again a refused condition, and names it as the service does', async () => {
    const { endpoint, seen } = await scripted([{ status: 400, body: dynamoError('ConditionalCheckFailedException', 'The conditional request failed') }]);
    const error = await client(endpoint).call('PutItem', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed', statusCode: 400, retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('gives up after its attempts on a 5xx that is not even JSON', async () => {
    const { endpoint, seen } = await scripted([{ status: 503, body: '<html>Service Unavailable</html>' }]);
    const error = await client(endpoint, { maxAttempts: 2 }).call('Query', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HTTP503', statusCode: 503, retryable: true, message: '<html>Service Unavailable</html>' });
    expect(seen).toHaveLength(2);
  });

  it('fails an attempt that gets no answer within its timeout, then the next one', async () => {
    const { endpoint, seen } = await scripted(['hang']);
    const started = Date.now();
    const error = await client(endpoint, { maxAttempts: 2, timeoutMs: 200 }).call('GetItem', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', message: expect.stringMatching(/GetItem: no answer from 127\.0\.0\.1:\d+ within 200 ms/) });
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection as a network failure naming the host', async () => {
    const { endpoint } = await scripted([]);
    server!.close();
    await new Promise((r) => setTimeout(r, 20));
    const error = await client(endpoint, { maxAttempts: 2 }).call('GetItem', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', retryable: true, message: expect.stringMatching(/ECONNREFUSED.*127\.0\.0\.1:\d+/) });
  });
});

describe('DocumentClient', () => {
  it('sends keys, items and expression values typed, and reads items back as plain values', async () => {
    const { endpoint, seen } = await scripted([
      { status: 200, body: '{}' },
      { status: 200, body: JSON.stringify({ Items: [{ pk: { S: 'YEAR#2016' }, version: { N: '3' }, figures: { L: [{ M: { value: { N: '100000' } } }] } }], LastEvaluatedKey: { pk: { S: 'YEAR#2016' } } }) },
    ]);
    const doc = new DocumentClient(client(endpoint));
    await doc.put({ TableName: 't', Item: { pk: 'YEAR#2016', notes: undefined, version: 3 }, ConditionExpression: 'version < :v', ExpressionAttributeValues: { ':v': 3 } });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      TableName: 't',
      Item: { pk: { S: 'YEAR#2016' }, version: { N: '3' } },
      ConditionExpression: 'version < :v',
      ExpressionAttributeValues: { ':v': { N: '3' } },
    });
    const page = await doc.query({ TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'YEAR#2016' }, ExclusiveStartKey: { pk: 'YEAR#2015' } });
    expect(JSON.parse(seen[1]!.body)).toMatchObject({ ExpressionAttributeValues: { ':pk': { S: 'YEAR#2016' } }, ExclusiveStartKey: { pk: { S: 'YEAR#2015' } } });
    expect(page).toEqual({ Items: [{ pk: 'YEAR#2016', version: 3, figures: [{ value: 100000 }] }], LastEvaluatedKey: { pk: 'YEAR#2016' } });
  });
});
