/**
 * The SvelteKit server as the site Lambda function runs it: the bundled handler, in a fresh
 * Node process, answering API Gateway events from a real local store.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../functions/local/seed';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { bundleHandler } from '../support/bundle';
import { httpEvent } from '../support/lambda-events';
import { freshTable } from '../support/stores';

const run = promisify(execFile);

describe('site-server Lambda handler (bundled)', () => {
  let store: RunningStore;
  let invoke: (path: string) => Promise<{ statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded?: boolean }>;

  beforeAll(async () => {
    store = await startDynalite();
    const { config, repo } = await freshTable(store);
    await seed(repo);
    const bundle = await bundleHandler('functions/src/handlers/site-server.ts', { external: ['@resvg/resvg-js'] });
    const runner = join(dirname(bundle), 'invoke.mjs');
    writeFileSync(
      runner,
      `const { handler } = await import('./index.mjs');
       const res = await handler(JSON.parse(process.argv[2]), {});
       process.stdout.write(JSON.stringify(res));`,
    );
    invoke = async (path) => {
      const { stdout } = await run(process.execPath, [runner, JSON.stringify(httpEvent(path))], {
        env: { ...process.env, TABLE_NAME: config.tableName, DYNAMODB_ENDPOINT: store.endpoint, ORIGIN: 'https://example.cloudfront.net' },
        maxBuffer: 16 * 1024 * 1024,
      });
      return JSON.parse(stdout);
    };
  });
  afterAll(() => store?.stop());

  it('renders the home page with the chart as SVG, from the store', async () => {
    const res = await invoke('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.isBase64Encoded ? Buffer.from(res.body, 'base64').toString('utf8') : res.body;
    expect(html).toMatch(/<svg[\s>]/);
    expect(html.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/110 000/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('answers an unknown page with a 404 page, not a crash', async () => {
    const res = await invoke('/no-such-page/at-all');
    expect(res.statusCode).toBe(404);
  });
});
