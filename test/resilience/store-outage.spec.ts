/**
 * The site and the API through a database outage, against a real DynamoDB Local that is
 * stopped (unreachable), frozen (slow: it accepts connections and never answers) and
 * restarted, while the app keeps running. The site needs to be built (`npm test` builds it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbLocalAvailable, freePort } from '../../functions/local/stores';
import { startSeededStore, startServer, type DynamoDbLocal, type RunningServer } from '../bench/system';

const NOTICE = 'data-stale-notice';
const mainOf = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

async function timed(url: string): Promise<{ res: Response; body: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  return { res, body, ms: performance.now() - started };
}

async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  seconds: number,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!dynamoDbLocalAvailable())('a DynamoDB outage', () => {
  let port: number;
  let dbPath: string;
  let store: DynamoDbLocal;
  let app: RunningServer;
  const fresh: Record<string, string> = {};

  const startStore = async () => {
    ({ store } = await startSeededStore({ port, dbPath }));
  };
  const continueStore = () => {
    if (store?.process.pid && store.process.exitCode === null) process.kill(store.process.pid, 'SIGCONT');
  };

  beforeAll(async () => {
    port = await freePort();
    dbPath = mkdtempSync(join(tmpdir(), 'cimade-outage-'));
    await startStore();
    app = await startServer(store.endpoint);
    // What a warm server has read before the store goes away.
    for (const path of ['/', '/personnes', '/embed/personnes'])
      fresh[path] = (await timed(`${app.origin}${path}`)).body;
  });

  afterAll(async () => {
    continueStore();
    await app?.stop();
    await store?.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });

  it('serves fresh pages without the notice while the store is up', () => {
    expect(fresh['/']).toMatch(/<svg\b/);
    expect(fresh['/']).not.toContain(NOTICE);
  });

  // Each block puts the store in its fault and brings it back after; its recovery test brings
  // it back, checks, and puts the fault back, so the tests hold in any order.
  describe('when DynamoDB Local is stopped', () => {
    beforeAll(async () => {
      await store.stop();
    });
    afterAll(async () => {
      if (store.process.exitCode !== null) await startStore();
    });

    it.each(['/', '/personnes'])(
      'still serves %s with a 200, the same figures, and a notice that they may be out of date',
      async (path) => {
        const { res, body, ms } = await timed(`${app.origin}${path}`);
        expect(res.status).toBe(200);
        expect(body).toContain(NOTICE);
        expect(body).toMatch(/peut-être en retard/);
        expect(mainOf(body)).toBe(mainOf(fresh[path]!));
        expect(ms).toBeLessThan(1500);
        // Kept by no one: at the edge the notice would outlive the blip by a day.
        expect(res.headers.get('cache-control')).toBe('no-store');
      },
    );

    it('still serves an embed with a 200 and the same chart', async () => {
      const { res, body } = await timed(`${app.origin}/embed/personnes`);
      expect(res.status).toBe(200);
      const svg = (html: string) => /<svg[\s\S]*?<\/svg>/.exec(html)?.[0];
      expect(svg(body)).toBeTruthy();
      expect(svg(body)).toBe(svg(fresh['/embed/personnes']!));
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('answers the API with 503, Retry-After and a stable code', async () => {
      const { res, body } = await timed(`${app.origin}/api/v1/years`);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(JSON.parse(body)).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });

    it('recovers by itself when the store comes back, without restarting the app', async () => {
      await startStore();
      const page = await eventually(
        () => timed(`${app.origin}/`),
        (r) => r.res.status === 200 && !r.body.includes(NOTICE),
        15,
      );
      expect(page.body).not.toContain(NOTICE);
      expect(page.res.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
      expect(mainOf(page.body)).toBe(mainOf(fresh['/']!));
      const api = await timed(`${app.origin}/api/v1/years`);
      expect(api.res.status).toBe(200);
      expect((JSON.parse(api.body) as { years: unknown[] }).years.length).toBeGreaterThan(0);
      await store.stop();
    });
  });

  describe('when DynamoDB Local hangs (its process frozen: connections open, no answer)', () => {
    beforeAll(() => {
      process.kill(store.process.pid!, 'SIGSTOP');
    });
    afterAll(continueStore);

    it('serves the last figures within the deadline, with the notice', async () => {
      const { res, body, ms } = await timed(`${app.origin}/`);
      expect(res.status).toBe(200);
      expect(body).toContain(NOTICE);
      expect(mainOf(body)).toBe(mainOf(fresh['/']!));
      expect(ms).toBeLessThan(2000);
    });

    it('answers the API with 503 and Retry-After instead of hanging', async () => {
      const { res, ms } = await timed(`${app.origin}/api/v1/years`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(ms).toBeLessThan(10_000); // two attempts of the local client's 3 s request timeout
    });

    it('recovers by itself when the store answers again', async () => {
      continueStore();
      const page = await eventually(
        () => timed(`${app.origin}/`),
        (r) => !r.body.includes(NOTICE),
        15,
      );
      expect(page.res.status).toBe(200);
      expect(page.body).not.toContain(NOTICE);
      expect((await timed(`${app.origin}/api/v1/years`)).res.status).toBe(200);
      process.kill(store.process.pid!, 'SIGSTOP');
    });
  });
});
