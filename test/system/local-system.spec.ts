/**
 * The system as `npm start` runs it: one origin, site and API, an embedded store on disk
 * that survives a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../../functions/src/adapters/dynamo-repository';
import { startDynalite } from '../../functions/local/stores';
import { metricById } from '../../functions/src/core/reference';
import { startSystem, type RunningSystem } from '../support/system';
import { figure, yearOf } from '../support/fixtures';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';

const normalise = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ');

/** A GET with a Host header of our choosing (fetch will not forge one). */
function getWithHost(
  url: string,
  host: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm start', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop({ clean: true }));

  it('seeds the store on first start and says so', () => {
    expect(system.output()).toMatch(/seed: \d+ year\(s\) published/);
  });

  it('serves a server-rendered home page with the people-supported chart, one mark per known year', async () => {
    const res = await fetch(`${system.origin}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const normalised = normalise(html);
    expect(normalised).toContain('100 000');
    expect(html).toMatch(/<svg[\s>]/);
    const api = (await (await fetch(`${system.origin}/api/v1/series/people_supported`)).json()) as {
      points: { year: number }[];
    };
    // The people-supported chart: the <svg> named by the metric's label, and its marks.
    const label = metricById.get('people_supported')!.label.fr;
    const chart = new RegExp(`<svg[^>]*aria-label="${label}"[^>]*>([\\s\\S]*?)</svg>`).exec(html);
    expect(chart, 'people-supported chart').not.toBeNull();
    const marks = [...chart![1]!.matchAll(/data-year="(\d{4})"/g)].map((m) => Number(m[1]));
    expect(marks).toEqual(api.points.map((p) => p.year));
  });

  it.each([
    ['/', /^public, max-age=\d{1,3}, s-maxage=\d+/],
    ['/en/people-supported', /^public, max-age=\d{1,3}, s-maxage=\d+/],
    ['/embed/tendances', /^public, max-age=\d{1,3}, s-maxage=\d+/],
    ['/admin', /^no-store$/],
    ['/en/admin', /^no-store$/],
  ])('answers a HEAD of %s with the Cache-Control the edge keeps it by', async (path, expected) => {
    const res = await fetch(`${system.origin}${path}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(expected);
  });

  it('builds absolute links from its own origin, never from a forged Host, so no one can poison the page cache', async () => {
    for (const path of [
      '/embed/tendances',
      '/personnes?year=2016',
      '/oembed?url=' + encodeURIComponent(`${system.origin}/embed/tendances`),
    ]) {
      const forged = await getWithHost(`${system.origin}${path}`, 'evil.example');
      expect(forged.status, path).toBe(200);
      expect(forged.body, path).not.toContain('evil.example');
      expect(forged.body, path).toContain(system.origin);
      // The next reader gets the same: nothing of the forged request was kept.
      const next = await (await fetch(`${system.origin}${path}`)).text();
      expect(next, path).not.toContain('evil.example');
    }
  });

  it('sends a CSP without inline scripts, each of its inline scripts allowed by hash', async () => {
    for (const path of ['/', '/en/people-supported', '/embed/tendances', '/embed/regions', '/admin']) {
      const res = await fetch(`${system.origin}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, path).toMatch(/^'self'/);
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      expect(csp, path).toMatch(path.startsWith('/embed/') ? /frame-ancestors \*/ : /frame-ancestors 'none'/);
      const html = await res.text();
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) => m[1]!,
      );
      expect(inline.length, path).toBeGreaterThan(0);
      for (const script of inline) {
        const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
        expect(scriptSrc, `${path}: ${script.slice(0, 40)}`).toContain(hash);
      }
    }
  });

  it('tells crawlers what to index: robots.txt, and a sitemap of every public page in both languages at its own origin', async () => {
    const robots = await fetch(`${system.origin}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toMatch(/User-agent: \*[\s\S]*Disallow: \/admin/);
    const sitemap = await fetch(`${system.origin}/sitemap.xml`);
    expect(sitemap.headers.get('content-type')).toMatch(/xml/);
    const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${system.origin}/`);
    expect(locs).toContain(`${system.origin}/en/international`);
    expect(locs).toContain(`${system.origin}/en/people-supported`);
    expect(locs).not.toContain(`${system.origin}/en/personnes`);
    for (const loc of locs)
      expect((await fetch(loc!, { method: 'HEAD', redirect: 'manual' })).status, loc).toBe(200);
  });

  it('gives English pages English slugs: the other language’s slug moves (308) to the page’s own, query kept', async () => {
    for (const [from, to] of [
      ['/en/personnes?year=2016', '/en/people-supported?year=2016'],
      ['/en/benevoles', '/en/volunteers'],
      ['/en/retention-prison?metric=prisons', '/en/detention-and-prisons?metric=prisons'],
      ['/en/hebergement', '/en/housing'],
      ['/volunteers?year=2016', '/benevoles?year=2016'],
      ['/people-supported', '/personnes'],
    ]) {
      const res = await fetch(`${system.origin}${from}`, { redirect: 'manual' });
      expect(res.status, from).toBe(308);
      expect(res.headers.get('location'), from).toBe(to);
    }
    const html = await (await fetch(`${system.origin}/en/volunteers?year=2016`)).text();
    const links = [
      ...html.matchAll(/<link rel="(canonical|alternate)"(?: hreflang="([^"]+)")? href="([^"]+)"/g),
    ].map((m) => `${m[1]} ${m[2] ?? ''} ${m[3]!.replace(/&amp;/g, '&')}`.replace('  ', ' '));
    expect(links).toEqual(
      expect.arrayContaining([
        `canonical ${system.origin}/en/volunteers?year=2016`,
        `alternate fr ${system.origin}/benevoles?year=2016`,
        `alternate en ${system.origin}/en/volunteers?year=2016`,
        `alternate x-default ${system.origin}/benevoles?year=2016`,
      ]),
    );
    // The chart's oEmbed discovery names the English page; the embed keeps its id.
    expect(html).toContain(encodeURIComponent(`${system.origin}/en/volunteers?year=2016#graphique`));
    expect(html).toContain('/embed/benevoles.png');
    // The menu and the language switch lead to each language's own slugs.
    expect(html).toContain('href="/en/detention-and-prisons"');
    expect(html).toMatch(/<a [^>]*href="\/benevoles\?year=2016"[^>]*hreflang="fr"/);
  });

  it('serves the API on the same origin', async () => {
    const res = await fetch(`${system.origin}/api/v1/years/2016`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { year: number }).year).toBe(2016);
  });

  it('renders a page once per publication: from memory until staff publish, then anew on the next request', async () => {
    const url = `${system.origin}/benevoles?year=2016`;
    const first = await fetch(url);
    const second = await fetch(url);
    expect(second.headers.get('server-timing')).toBe('page-cache;desc=hit');
    const html = await second.text();
    expect(html).toBe(await first.text());
    const etag = second.headers.get('etag')!;
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(normalise(html)).toContain('2 000');

    const key = await loadSigningKey(join(system.dataDir, 'auth'));
    const token = await signStaffToken(key, { email: 'editor@example.org', groups: ['editors'] });
    // Four eyes: a second person, a publisher, publishes the editor's correction.
    const publisher = await signStaffToken(key, { email: 'publisher@example.org', groups: ['publishers'] });
    const admin = (path: string, method: string, body: unknown, as = token) =>
      fetch(`${system.origin}/api/v1/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const year = (await (await fetch(`${system.origin}/api/v1/years/2016`)).json()) as {
      version: number;
      figures: { metric: string; value: number }[];
      notes?: string;
    };
    const figures = year.figures.map((f) => (f.metric === 'volunteers' ? { ...f, value: 2001 } : f));
    const draft = (await (
      await admin('/years/2016/draft', 'PUT', { figures, notes: year.notes, baseVersion: year.version })
    ).json()) as { record: { version: number } };
    expect(
      (
        await admin(
          '/years/2016/publish',
          'POST',
          { baseVersion: draft.record.version, reason: 'Chiffre du rapport définitif' },
          publisher,
        )
      ).status,
    ).toBe(200);

    const after = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('server-timing')).toBe('page-cache;desc=miss');
    expect(normalise(await after.text())).toContain('2 001');
  });

  it('keeps data on disk across a restart', async () => {
    await system.stop();
    // Write a year straight into the stopped system's store, as a staff edit would.
    const store = await startDynalite({ path: join(system.dataDir, 'dynamodb') });
    const repo = new DynamoFiguresRepository(
      createDocumentClient({ tableName: 'cimade-figures', endpoint: store.endpoint }),
      'cimade-figures',
    );
    await repo.createPublished(yearOf(2013, [figure('volunteers', 1234)]), 'test', new Date().toISOString());
    await store.stop();

    system = await startSystem({ dataDir: system.dataDir });
    expect(system.output()).not.toMatch(/seed:/);
    const years = (await (await fetch(`${system.origin}/api/v1/years`)).json()) as {
      years: { year: number }[];
    };
    expect(years.years.map((y) => y.year)).toEqual(expect.arrayContaining([2013, 2016]));
  });
});
