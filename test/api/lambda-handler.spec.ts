/**
 * The public API's Lambda entry, bundled as the CDK app bundles it and run in a fresh process
 * of Lambda's own Node (24), invoked with API Gateway HTTP API (payload 2.0) events, as AWS
 * would, against a real local store.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../functions/local/seed';
import { freePort, startDynalite, type RunningStore } from '../../functions/local/stores';
import { bundledLambda } from '../support/bundle';
import { httpEvent } from '../support/lambda-events';
import { freshTable } from '../support/stores';

type Invoke = Awaited<ReturnType<typeof bundledLambda<APIGatewayProxyStructuredResultV2>>>['invoke'];

describe('public-api Lambda handler (bundled, Node 24)', () => {
  let store: RunningStore;
  let invoke: Invoke;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    store = await startDynalite();
    const { config, repo } = await freshTable(store);
    await seed(repo);
    Object.assign(env, { TABLE_NAME: config.tableName, DYNAMODB_ENDPOINT: store.endpoint });
    ({ invoke } = await bundledLambda<APIGatewayProxyStructuredResultV2>(
      'functions/src/handlers/public-api.ts',
      env,
    ));
  });
  afterAll(() => store?.stop());

  it('answers a year with JSON, an ETag and Cache-Control', async () => {
    const { answer: res } = await invoke(httpEvent('/api/v1/years/2016'));
    expect(res.statusCode).toBe(200);
    expect(res.headers?.etag).toBeTruthy();
    expect(String(res.headers?.['cache-control'])).toMatch(/s-maxage/);
    expect(JSON.parse(res.body ?? '{}').year).toBe(2016);
  });

  it('answers 304 to a matching If-None-Match and 404 JSON to an unknown year', async () => {
    const { answer: first } = await invoke(httpEvent('/api/v1/years/2016'));
    const { answer: again } = await invoke(
      httpEvent('/api/v1/years/2016', { 'if-none-match': String(first.headers?.etag) }),
    );
    expect(again.statusCode).toBe(304);
    const { answer: missing } = await invoke(httpEvent('/api/v1/years/1999'));
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body ?? '{}').code).toBe('NOT_FOUND');
  });

  it('answers 503 when the store is unreachable, and logs why as structured JSON with the request id and cold start', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { invoke: down } = await bundledLambda<APIGatewayProxyStructuredResultV2>(
      'functions/src/handlers/public-api.ts',
      { ...env, DYNAMODB_ENDPOINT: closed },
    );
    const { answer, logs } = await down(httpEvent('/api/v1/years'), 'req-503');
    expect(answer.statusCode).toBe(503);
    expect(answer.headers?.['retry-after']).toBe('5');
    const warning = logs.find((l) => l.message === 'figures store unavailable; answered 503');
    expect(warning).toMatchObject({
      level: 'WARN',
      function_request_id: 'req-503',
      cold_start: true,
      service: expect.any(String),
    });
    expect(warning?.error).toMatchObject({ retryable: true, message: expect.stringMatching(/ECONNREFUSED/) });
  });
});
