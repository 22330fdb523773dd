/**
 * A journalist embedding a chart: the code copied from the chart's page, pasted into an
 * article served from another origin, shows the chart, fits its content (with our script,
 * and through the formats hosts already speak without it), still shows the chart with
 * JavaScript off inside the frame, makes no third-party request and sets no cookie. A pinned
 * embed keeps its year; a correction published later shows a « corrigé le … » note.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';
import { freePort } from '../../functions/local/stores';
import { screenshotPath, systemAndBrowser } from '../support/browser';
import { plain } from './pages';

const article = (body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>Article</title><style>body{font:17px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}</style></head>` +
  `<body><h1>Un article de presse</h1><p>Un paragraphe avant le graphique.</p>${body}<p>Un paragraphe après le graphique.</p></body></html>`;

describe('press embeds, pasted into another site', () => {
  const running = systemAndBrowser();
  let host: Server;
  let hostOrigin: string;
  const hostPages = new Map<string, string>();

  beforeAll(async () => {
    const port = await freePort();
    host = createServer((req, res) => {
      const page = hostPages.get(new URL(req.url ?? '/', 'http://x').pathname);
      res
        .writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
        .end(page ?? 'not found');
    });
    await new Promise<void>((ok) => host.listen(port, '127.0.0.1', ok));
    hostOrigin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((ok) => host?.close(ok));
  });

  /** The code as a journalist copies it from the chart's page. */
  async function copiedCode(path: string, frameId: string, pinned = false): Promise<string> {
    const context = await running.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${running.system.origin}${path}`, { waitUntil: 'networkidle' });
    const panel = page.locator(`#${frameId} details.press-panel`);
    await panel.locator('summary').click();
    if (pinned) await panel.locator('input[value=pinned]').check();
    const code = await panel.locator('textarea[data-embed-code]').inputValue();
    await context.close();
    return code;
  }

  async function embedFrame(page: Page): Promise<Frame> {
    await expect.poll(() => page.frames().some((f) => f.url().includes('/embed/'))).toBe(true);
    const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
    await frame.waitForLoadState('load');
    return frame;
  }

  /** The iframe's height against its document's: what auto-height must make equal. */
  async function heights(page: Page, frame: Frame): Promise<{ iframe: number; content: number }> {
    const iframe = await page
      .locator('iframe')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    return { iframe, content };
  }
  const gap = async (page: Page, frame: Frame) => {
    const h = await heights(page, frame);
    return Math.abs(h.iframe - h.content);
  };

  async function hostPage(
    path: string,
    body: string,
    options: { width?: number; javaScriptEnabled?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    hostPages.set(path, article(body));
    const context = await running.browser.newContext({
      viewport: { width: options.width ?? 900, height: 900 },
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${hostOrigin}${path}`, { waitUntil: 'networkidle' });
    return { context, page, requests };
  }

  it('shows the chart and fits its content within 2 px, as the column narrows and the table opens', async () => {
    const code = await copiedCode('/benevoles', 'graphique');
    expect(code).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/benevoles" [^>]*loading="lazy"[^>]*><\/iframe><script async src="[^"]+\/embed\.js"><\/script>$/,
    );
    const { context, page, requests } = await hostPage('/article', code);
    const frame = await embedFrame(page);

    await expect.poll(() => gap(page, frame), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    const title = frame.locator('.chart-title');
    expect(await title.textContent()).toBe('Bénévoles');
    expect(await frame.locator('svg[role=group] [data-mark]').count()).toBeGreaterThan(5);
    expect(await frame.locator('.summary').textContent()).toMatch(
      /^De \d{4} à \d{4}, le nombre de bénévoles/,
    );
    expect(await frame.locator('a.back').getAttribute('href')).toBe(
      `${running.system.origin}/benevoles?metric=volunteers#graphique`,
    );
    await page.screenshot({ path: screenshotPath('press-embed-host-900'), fullPage: true });

    // A phone: the chart grows taller (4:3), the frame follows.
    const before = (await heights(page, frame)).iframe;
    await page.setViewportSize({ width: 380, height: 800 });
    await expect.poll(() => gap(page, frame), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect((await heights(page, frame)).iframe).not.toBe(before);
    await page.screenshot({ path: screenshotPath('press-embed-host-380'), fullPage: true });

    // Opening the data table inside the frame makes it taller: the frame follows again.
    const closed = (await heights(page, frame)).iframe;
    await frame.locator('details.data-table > summary').click();
    await expect
      .poll(async () => (await heights(page, frame)).iframe, { timeout: 10_000 })
      .toBeGreaterThan(closed + 100);
    await expect.poll(() => gap(page, frame), { timeout: 10_000 }).toBeLessThanOrEqual(2);

    // Nothing but the host and our own origin; no cookie anywhere.
    expect(requests.filter((u) => !u.startsWith(hostOrigin) && !u.startsWith(running.system.origin))).toEqual(
      [],
    );
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('fits every embed code pasted without its script, JavaScript off, at 320, 600 and 1000 px: the whole embed, « Voir les données » and the credit shown', async () => {
    // Each chart's page and panel, as a journalist finds it (site/src/lib/press/charts.ts, CHART_IDS).
    const CHARTS: [string, string][] = [
      ['/', 'tendances'],
      ['/personnes', 'graphique'],
      ['/personnes', 'cote-a-cote-1'],
      ['/benevoles', 'graphique'],
      ['/benevoles', 'cote-a-cote-1'],
      ['/retention-prison', 'graphique'],
      ['/retention-prison', 'cote-a-cote-1'],
      ['/retention-prison', 'cote-a-cote-2'],
      ['/hebergement', 'graphique'],
      ['/international', 'cote-a-cote'],
      ['/regions', 'carte'],
      ['/international', 'carte'],
    ];
    const misfits: string[] = [];
    const spare: string[] = [];
    for (const [path, frameId] of CHARTS) {
      // What a CMS keeps of the code: the iframe, not the script.
      const code = (await copiedCode(path, frameId)).replace(/<script[^>]*><\/script>$/, '');
      expect(code, `${path}#${frameId}`).toMatch(
        /^<iframe [^>]*style="[^"]*height:\d+px[^"]*"[^>]*><\/iframe>$/,
      );
      for (const width of [320, 600, 1000]) {
        hostPages.set(
          '/cms',
          `<!doctype html><html><body style="margin:0"><div style="width:${width}px">${code}</div></body></html>`,
        );
        const context = await running.browser.newContext({
          viewport: { width, height: 900 },
          javaScriptEnabled: false,
        });
        const page = await context.newPage();
        await page.goto(`${hostOrigin}/cms`, { waitUntil: 'load' });
        const frame = await embedFrame(page);
        const fit = await frame.evaluate(() => {
          const bottom = (s: string, absent: number) =>
            document.querySelector(s)?.getBoundingClientRect().bottom ?? absent;
          return {
            frame: window.innerHeight,
            // The document's own height (as the embed reports it), not the frame it fills.
            content: Math.ceil(document.documentElement.getBoundingClientRect().height),
            overflow: document.documentElement.scrollHeight > window.innerHeight,
            // The credit is on every embed; « Voir les données » on every chart's (a map's has none).
            credit: bottom('.credit', Infinity),
            data: bottom('details.data-table > summary', 0),
          };
        });
        const name = `${path}#${frameId} at ${width} px`;
        if (fit.overflow || fit.content > fit.frame || fit.credit > fit.frame || fit.data > fit.frame)
          misfits.push(
            `${name}: content ${fit.content}, credit ${Math.ceil(fit.credit)}, data ${Math.ceil(fit.data)} in a ${fit.frame} px frame`,
          );
        spare.push(`${name}: ${fit.frame - fit.content} px spare`);
        if (width === 1000 && frameId === 'graphique' && path === '/benevoles')
          await page.screenshot({ path: screenshotPath('press-embed-no-script-1000'), fullPage: true });
        await context.close();
      }
    }
    console.log(spare.join('\n'));
    expect(misfits).toEqual([]);
  }, 300_000);

  it('still shows the chart with JavaScript off inside the frame', async () => {
    const code = await copiedCode('/benevoles', 'graphique');
    // `sandbox` without allow-scripts: the frame runs no script at all, ours included.
    const { context, page } = await hostPage(
      '/article-nojs',
      code.replace('<iframe ', '<iframe sandbox ').replace(/<script.*$/, ''),
    );
    const frame = await embedFrame(page);
    expect(await frame.locator('.chart-title').textContent()).toBe('Bénévoles');
    const iframeBox = (await page.locator('iframe').boundingBox())!;
    const svgBox = (await frame.locator('svg[role=group]').boundingBox())!;
    expect(svgBox.height).toBeGreaterThan(150);
    // The chart is inside the frame's first height, not cut off below it.
    expect(svgBox.y + svgBox.height).toBeLessThanOrEqual(iframeBox.y + iframeBox.height);
    await page.screenshot({ path: screenshotPath('press-embed-host-nojs'), fullPage: true });
    await context.close();

    // The embed alone, with JavaScript off for the whole browser: the same chart.
    const off = await running.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 600, height: 800 },
    });
    const alone = await off.newPage();
    await alone.goto(`${running.system.origin}/embed/benevoles?lang=en&theme=dark`);
    expect(await alone.locator('.chart-title').textContent()).toBe('Volunteers');
    expect(await alone.locator('svg[role=group] [data-mark]').count()).toBeGreaterThan(5);
    expect(await alone.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      'rgb(255, 255, 255)',
    );
    await alone.screenshot({ path: screenshotPath('press-embed-dark-nojs'), fullPage: true });
    await off.close();
  });

  it('speaks the height formats of WordPress, AMP, Datawrapper and pym when our script is dropped', async () => {
    const listener = `<script>window.got=[];addEventListener('message',function(e){window.got.push(e.data)})</script>`;
    const src = `${running.system.origin}/embed/tendances?childId=pym-1#?secret=Ab12Cd34`;
    const { context, page } = await hostPage(
      '/article-wp',
      `${listener}<iframe src="${src}" data-secret="Ab12Cd34" style="width:100%;height:300px;border:0"></iframe>`,
    );
    const frame = await embedFrame(page);
    const content = Math.ceil(
      await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
    );
    type Got = {
      secret?: string;
      message?: string;
      value?: number;
      sentinel?: string;
      type?: string;
      height?: number;
      chart?: string;
    } & Record<string, unknown>;
    const got = () =>
      page.evaluate(() => (window as unknown as { got: unknown[] }).got) as Promise<(Got | string)[]>;
    await expect.poll(async () => (await got()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const messages = await got();
    const near = (n: unknown) => typeof n === 'number' && Math.abs(n - content) <= 2;
    expect(
      messages.some(
        (m) => typeof m === 'object' && m.secret === 'Ab12Cd34' && m.message === 'height' && near(m.value),
      ),
    ).toBe(true);
    expect(
      messages.some(
        (m) => typeof m === 'object' && m.sentinel === 'amp' && m.type === 'embed-size' && near(m.height),
      ),
    ).toBe(true);
    expect(
      messages.some(
        (m) =>
          typeof m === 'object' &&
          near((m['datawrapper-height'] as Record<string, number> | undefined)?.tendances),
      ),
    ).toBe(true);
    expect(
      messages.some(
        (m) =>
          typeof m === 'object' && m.type === 'cimade:resize' && m.chart === 'tendances' && near(m.height),
      ),
    ).toBe(true);
    expect(
      messages.some(
        (m) =>
          typeof m === 'string' &&
          m.startsWith('pymxPYMxpym-1xPYMxheightxPYMx') &&
          near(Number(m.split('xPYMx').at(-1))),
      ),
    ).toBe(true);
    await context.close();
  });

  it('reports its height from the key figures and the maps too, not only from the charts', async () => {
    // The key-figures block once wrote its resize script inside a second <script>: it never ran.
    const listener = `<script>window.got=[];addEventListener('message',function(e){window.got.push(e.data)})</script>`;
    const frames = ['chiffres-cles', 'regions', 'international']
      .map(
        (c) =>
          `<iframe src="${running.system.origin}/embed/${c}" style="width:100%;height:300px;border:0"></iframe>`,
      )
      .join('');
    const { context, page } = await hostPage('/article-blocks', `${listener}${frames}`);
    const reported = () =>
      page.evaluate(() =>
        [
          ...new Set(
            (window as unknown as { got: { type?: string; chart?: string }[] }).got
              .filter((m) => typeof m === 'object' && m?.type === 'cimade:resize')
              .map((m) => m.chart),
          ),
        ].sort(),
      );
    await expect.poll(reported, { timeout: 10_000 }).toEqual(['chiffres-cles', 'international', 'regions']);
    await context.close();
  });

  it('resizes only the iframe that sent the height (event.source), with two embeds on a page', async () => {
    const a = await copiedCode('/benevoles', 'graphique');
    const b = await copiedCode('/retention-prison', 'cote-a-cote-1');
    const { context, page } = await hostPage('/article-two', `${a}<p>Entre les deux.</p>${b}`);
    await expect.poll(() => page.frames().filter((f) => f.url().includes('/embed/')).length).toBe(2);
    const frames = page.frames().filter((f) => f.url().includes('/embed/'));
    for (const [i, frame] of frames.entries()) {
      await frame.waitForLoadState('load');
      const content = () => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      const iframe = () =>
        page
          .locator('iframe')
          .nth(i)
          .evaluate((el) => el.getBoundingClientRect().height);
      await expect
        .poll(async () => Math.abs((await iframe()) - (await content())), { timeout: 10_000 })
        .toBeLessThanOrEqual(2);
    }
    await page.screenshot({ path: screenshotPath('press-embed-two'), fullPage: true });
    await context.close();
  });

  it('keeps a pinned year, and says when a figure it shows was corrected', async () => {
    const code = await copiedCode('/benevoles?year=2016', 'graphique', true);
    expect(code).toContain('/embed/benevoles?year=2016"');
    const embedUrl = `${running.system.origin}/embed/benevoles?year=2016`;
    const context = await running.browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(embedUrl);
    const years = await page.locator('.x-labels span').allTextContents();
    expect(years.at(-1)).toBe('2016');
    expect(await page.locator('.notes').textContent()).toContain('Chiffres jusqu’en 2016.');
    expect(await page.locator('details.corrected').count()).toBe(0);

    // Staff correct 2016's volunteers and publish.
    const key = await loadSigningKey(join(running.system.dataDir, 'auth'));
    const token = await signStaffToken(key, { email: 'editor@example.org', groups: ['editors'] });
    // Four eyes: a second person, a publisher, publishes the editor's correction.
    const publisher = await signStaffToken(key, { email: 'publisher@example.org', groups: ['publishers'] });
    const api = (path: string, method: string, body?: unknown, as = token) =>
      fetch(`${running.system.origin}/api/v1/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const year = (await (await fetch(`${running.system.origin}/api/v1/years/2016`)).json()) as {
      version: number;
      figures: { metric: string; value: number }[];
      notes?: string;
    };
    const figures = year.figures.map((f) => (f.metric === 'volunteers' ? { ...f, value: f.value + 1 } : f));
    const saved = await api('/years/2016/draft', 'PUT', {
      figures,
      notes: year.notes,
      baseVersion: year.version,
    });
    expect(saved.status).toBe(200);
    const draft = (await saved.json()) as { record: { version: number } };
    expect(
      (
        await api(
          '/years/2016/publish',
          'POST',
          { baseVersion: draft.record.version, reason: 'Chiffre du rapport définitif' },
          publisher,
        )
      ).status,
    ).toBe(200);

    // A new reader (the first one's browser may keep the embed for its max-age).
    await context.close();
    const reader = await running.browser.newContext({ viewport: { width: 700, height: 900 } });
    const again = await reader.newPage();
    await again.goto(embedUrl);
    const note = again.locator('details.corrected');
    expect(plain(await note.locator('summary').textContent())).toMatch(
      /^Corrigé le \d{1,2} \S+ \d{4} : Chiffre du rapport définitif$/,
    );
    await note.locator('summary').click();
    expect(await note.locator('li').first().textContent()).toMatch(
      /2016 · Bénévoles, chiffre\u202f: 2\u202f000 → 2\u202f001 — Chiffre du rapport définitif/,
    );
    await again.screenshot({ path: screenshotPath('press-embed-corrected'), fullPage: true });
    await reader.close();
  });
});
