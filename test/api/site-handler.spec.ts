/**
 * The SvelteKit functions as Lambda runs them: the bundled pages handler (site-server) and
 * downloads handler (press-server), each in a fresh process of Lambda's Node 24, answering API Gateway
 * events from a real local store.
 */
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../functions/local/seed';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { bundledLambda, ROOT } from '../support/bundle';
import { httpEvent } from '../support/lambda-events';
import { freshTable } from '../support/stores';

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}
type Invoke = (path: string, apiHost?: string) => Promise<Answer>;

const text = (res: Answer) =>
  res.isBase64Encoded ? Buffer.from(res.body, 'base64').toString('utf8') : res.body;

/** Bundles `entry` as the CDK app does; `invoke` runs it once in a fresh Node 24 process, with `env` as it is then. */
async function bundled(entry: string, env: Record<string, string>): Promise<{ invoke: Invoke; dir: string }> {
  const { invoke: run, dir } = await bundledLambda<Answer>(entry, env, {
    external: ['@resvg/resvg-js', 'subset-font', 'harfbuzzjs'],
  });
  const invoke: Invoke = async (path, apiHost) => {
    const event = httpEvent(path, apiHost ? { host: apiHost } : {});
    if (apiHost) event.requestContext.domainName = apiHost;
    return (await run(event)).answer;
  };
  return { invoke, dir };
}

describe('the SvelteKit Lambda handlers (bundled)', () => {
  let store: RunningStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    store = await startDynalite();
    const { config, repo } = await freshTable(store);
    await seed(repo);
    env = {
      TABLE_NAME: config.tableName,
      DYNAMODB_ENDPOINT: store.endpoint,
      ORIGIN: 'https://example.cloudfront.net',
    };
  });
  afterAll(() => store?.stop());

  describe('site-server: the pages', () => {
    let invoke: Invoke;
    beforeAll(async () => {
      ({ invoke } = await bundled('functions/src/handlers/site-server.ts', env));
    });

    it('renders the home page with the chart as SVG, from the store', async () => {
      const res = await invoke('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const html = text(res);
      expect(html).toMatch(/<svg[\s>]/);
      expect(html.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/110 000/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    });

    it('answers an unknown page with a 404 page, not a crash', async () => {
      const res = await invoke('/no-such-page/at-all');
      expect(res.statusCode).toBe(404);
    });

    it('refuses a download with a plain 404, leaving it to the press function', async () => {
      const res = await invoke('/embed/tendances.png');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(text(res)).toMatch(/not served by this function/);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('builds absolute links from ORIGIN, not from the API host CloudFront reached it through', async () => {
      const res = await invoke('/embed/tendances', 'abc123.execute-api.eu-west-3.amazonaws.com');
      expect(res.statusCode).toBe(200);
      expect(text(res)).toContain('<link rel="canonical" href="https://example.cloudfront.net/');
      expect(text(res)).not.toContain('execute-api');
    });

    it('still serves the embed page of the same chart', async () => {
      const res = await invoke('/embed/tendances');
      expect(res.statusCode).toBe(200);
      expect(text(res)).toMatch(/<svg[\s>]/);
    });
  });

  describe('press-server: the downloads', () => {
    let invoke: Invoke;
    beforeAll(async () => {
      // As infra/lib/site.ts deploys it: resvg beside the bundle, the fonts in PRESS_FONTS_DIR,
      // and every path behind the prefix CloudFront adds.
      const pressEnv = { ...env };
      const built = await bundled('functions/src/handlers/press-server.ts', pressEnv);
      symlinkSync(join(ROOT, 'node_modules'), join(built.dir, 'node_modules'));
      mkdirSync(join(built.dir, 'fonts'));
      // PRESS_FONTS (site/src/lib/press/server/png.ts), as infra/lib/site.ts copies them.
      const fonts = [
        '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
        '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
        'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
        'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
        '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
      ];
      for (const f of fonts)
        copyFileSync(join(ROOT, 'node_modules', f), join(built.dir, 'fonts', f.split('/').at(-1)!));
      Object.assign(pressEnv, { PATH_PREFIX: '/_press', PRESS_FONTS_DIR: join(built.dir, 'fonts') });
      invoke = built.invoke;
    });

    it('answers a CSV download with the figures, cacheable at the edge', async () => {
      const res = await invoke('/_press/embed/tendances.csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="cimade-tendances.*\.csv"/);
      expect(res.headers['cache-control']).toMatch(/s-maxage=\d+/);
      expect(text(res).split('\n').length).toBeGreaterThan(2);
    });

    it('renders a PNG with the native renderer and the fonts copied beside the bundle', async () => {
      const res = await invoke('/_press/embed/tendances.png');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.isBase64Encoded).toBe(true);
      expect(Buffer.from(res.body, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    });

    it('answers an unknown chart with a 404, and a page path with a 404 too (pages are not here)', async () => {
      expect((await invoke('/_press/embed/no-such-chart.svg')).statusCode).toBe(404);
      expect((await invoke('/_press/')).statusCode).toBe(404);
      expect((await invoke('/_press/embed/tendances')).statusCode).toBe(404);
    });
  });
});
