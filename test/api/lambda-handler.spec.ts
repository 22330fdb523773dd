/**
 * The public API's Lambda entry, invoked with API Gateway HTTP API (payload 2.0) events, as
 * AWS would, against a real local store.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seed } from '../../functions/local/seed';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { httpEvent } from '../support/lambda-events';
import { freshTable } from '../support/stores';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

describe('public-api Lambda handler', () => {
  let store: RunningStore;
  let handler: Handler;
  beforeAll(async () => {
    store = await startDynalite();
    const { config, repo } = await freshTable(store);
    await seed(repo);
    // The handler reads its table from the environment, as on Lambda; restored after the file.
    vi.stubEnv('TABLE_NAME', config.tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', store.endpoint);
    ({ handler } = (await import('../../functions/src/handlers/public-api')) as unknown as { handler: Handler });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await store?.stop();
  });

  it('answers a year with JSON, an ETag and Cache-Control', async () => {
    const res = await handler(httpEvent('/api/v1/years/2016'), {} as Context);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.etag).toBeTruthy();
    expect(String(res.headers?.['cache-control'])).toMatch(/s-maxage/);
    expect(JSON.parse(res.body ?? '{}').year).toBe(2016);
  });

  it('answers 304 to a matching If-None-Match and 404 JSON to an unknown year', async () => {
    const first = await handler(httpEvent('/api/v1/years/2016'), {} as Context);
    const again = await handler(httpEvent('/api/v1/years/2016', { 'if-none-match': String(first.headers?.etag) }), {} as Context);
    expect(again.statusCode).toBe(304);
    const missing = await handler(httpEvent('/api/v1/years/1999'), {} as Context);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body ?? '{}').code).toBe('NOT_FOUND');
  });
});
