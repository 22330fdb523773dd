/**
 * X-Ray tracing as it runs on Lambda: the bundled public API under Node 24, with the variables
 * Lambda sets when active tracing is on (`_X_AMZN_TRACE_ID`, `AWS_XRAY_DAEMON_ADDRESS`...). The
 * X-Ray daemon is a UDP listener; here a socket of the test stands in for it and reads what the
 * Tracer sends: the invocation's subsegment and one per DynamoDB call inside it.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../functions/local/seed';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { bundledLambda } from '../support/bundle';
import { httpEvent } from '../support/lambda-events';
import { freshTable } from '../support/stores';

interface Subsegment {
  name: string;
  trace_id: string;
  parent_id?: string;
  id: string;
  aws?: { operation?: string; table_name?: string; request_id?: string };
  annotations?: Record<string, unknown>;
}

const TRACE = '1-5759e988-bd862e3fe1be46a994272793';

describe('tracing on Lambda (bundled public API, Node 24)', () => {
  let store: RunningStore;
  let daemon: Socket;
  const received: Subsegment[] = [];
  let env: Record<string, string>;
  beforeAll(async () => {
    store = await startDynalite();
    const { config, repo } = await freshTable(store);
    await seed(repo);
    daemon = createSocket('udp4');
    // Each datagram: a JSON header line, then the (sub)segment document.
    daemon.on('message', (m) => received.push(JSON.parse(m.toString().split('\n')[1]!) as Subsegment));
    await new Promise<void>((r) => daemon.bind(0, '127.0.0.1', () => r()));
    env = {
      TABLE_NAME: config.tableName,
      DYNAMODB_ENDPOINT: store.endpoint,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      LAMBDA_TASK_ROOT: '/var/task',
      _HANDLER: 'index.handler',
      _X_AMZN_TRACE_ID: `Root=${TRACE};Parent=53995c3f42cd8ad8;Sampled=1`,
      AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    };
  });
  afterAll(async () => {
    daemon?.close();
    await store?.stop();
  });

  it('sends the invocation, annotated with its cold start, and each DynamoDB call inside it (operation, table, request id), to the daemon', async () => {
    const { invoke } = await bundledLambda<APIGatewayProxyStructuredResultV2>(
      'functions/src/handlers/public-api.ts',
      env,
    );
    const { answer } = await invoke(httpEvent('/api/v1/years'));
    expect(answer.statusCode).toBe(200);
    await expect
      .poll(() => received.filter((s) => s.name === 'DynamoDB').length, { timeout: 5000 })
      .toBeGreaterThanOrEqual(2);
    const calls = received.filter((s) => s.name === 'DynamoDB');
    // The publication stamp (GetItem), then the published years (Query on the index).
    expect(calls.map((c) => c.aws?.operation)).toEqual(expect.arrayContaining(['GetItem', 'Query']));
    for (const call of calls)
      expect(call).toMatchObject({
        trace_id: TRACE,
        aws: { table_name: env.TABLE_NAME, request_id: expect.any(String) },
      });
    // Inside the invocation's own subsegment, annotated with its cold start (not the Lambda facade, 53995c3f42cd8ad8).
    await expect
      .poll(() => received.some((s) => s.name === '## index.handler'), { timeout: 5000 })
      .toBe(true);
    const invocation = received.find((s) => s.name === '## index.handler')!;
    expect(invocation).toMatchObject({
      trace_id: TRACE,
      parent_id: '53995c3f42cd8ad8',
      annotations: { ColdStart: true, Service: expect.stringMatching(/cimade/) },
    });
    for (const call of calls) expect(call.parent_id).toBe(invocation.id);
  });
});
