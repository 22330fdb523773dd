/**
 * Contract of the public read API, run against both real local stores seeded from data/.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicApp } from '../../functions/src/api/public-app';
import { seed } from '../../functions/local/seed';
import type { RunningStore } from '../../functions/local/stores';
import { STORE_KINDS, freshTable, startStore } from '../support/stores';

describe.each(STORE_KINDS)('public API on %s', (kind) => {
  let store: RunningStore;
  let app: Hono;
  beforeAll(async () => {
    store = await startStore(kind);
    const { repo } = await freshTable(store);
    await seed(repo);
    app = createPublicApp({ repo });
  });
  afterAll(() => store?.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`/api/v1${path}`, { headers });

  it('lists the published years, sparse as the sources are', async () => {
    const res = await get('/years');
    expect(res.status).toBe(200);
    const { years } = (await res.json()) as { years: { year: number; version: number }[] };
    const list = years.map((y) => y.year);
    expect(list).toContain(2016);
    expect(list).not.toContain(2013);
    expect(list).toEqual([...list].sort((a, b) => a - b));
  });

  it("returns 2016's figures with qualifiers and sources", async () => {
    const res = await get('/years/2016');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      year: number;
      figures: { metric: string; value: number; qualifier: string; source: { url: string; title: string } }[];
    };
    expect(body.year).toBe(2016);
    const people = body.figures.find((f) => f.metric === 'people_supported');
    expect(people).toMatchObject({ value: 100000, qualifier: 'exact' });
    expect(people?.source.url).toBe('https://www.lacimade.org/nous-connaitre/missions/');
    for (const f of body.figures) expect(f.source.url).toMatch(/^https?:\/\//);
  });

  it('serves the catalogue with French and English labels', async () => {
    const { metrics } = (await (await get('/metrics')).json()) as {
      metrics: { id: string; label: { fr: string; en: string } }[];
    };
    const volunteers = metrics.find((m) => m.id === 'volunteers');
    expect(volunteers?.label.fr).toBeTruthy();
    expect(volunteers?.label.en).toBeTruthy();
  });

  it('gives one point per known year for a series, and no point for unknown years', async () => {
    const body = (await (await get('/series/people_supported')).json()) as {
      points: { year: number; value: number; qualifier: string }[];
    };
    const years = body.points.map((p) => p.year);
    expect(years).toContain(2016);
    expect(years).not.toContain(2012);
    expect(body.points.find((p) => p.year === 2020)).toMatchObject({ value: 110000, qualifier: 'more_than' });
  });

  it.each([
    ['/years/1900', 404, 'NOT_FOUND'],
    ['/years/2013', 404, 'NOT_FOUND'],
    ['/years/20x6', 400, 'BAD_REQUEST'],
    ['/years/%3Cscript%3E', 400, 'BAD_REQUEST'],
    ['/series/no_such_metric', 404, 'NOT_FOUND'],
    ['/series/region.atlantis.volunteers', 404, 'NOT_FOUND'],
    ['/series/DROP%20TABLE', 400, 'BAD_REQUEST'],
    ['/nowhere', 404, 'NOT_FOUND'],
  ])('%s answers %i with a JSON error and no stack trace', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('carries an ETag and a CDN-friendly Cache-Control, and answers 304 to If-None-Match', async () => {
    const first = await get('/years/2016');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    const again = await get('/years/2016', { 'If-None-Match': tag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get('/years/2017', { 'If-None-Match': tag! });
    expect(other.status).toBe(200);
  });

  it('names the licence on every answer (Link: rel="license")', async () => {
    for (const path of ['/years', '/years/2016', '/figures.csv', '/nope'])
      expect((await get(path)).headers.get('link'), path).toBe(
        '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
      );
  });

  it('names the licence in every JSON answer and in the OpenAPI info', async () => {
    const licence = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
    for (const path of ['/years', '/years/2016', '/figures', '/series/people_supported', '/metrics'])
      expect(((await (await get(path)).json()) as { licence: unknown }).licence, path).toEqual(licence);
    const doc = (await (await get('/openapi.json')).json()) as {
      info: { license: { name: string; url: string } };
      components: { schemas: { Figure: { properties: object } } };
    };
    expect(doc.info.license).toEqual({ name: 'CC BY 4.0', url: licence.url });
    expect(Object.keys(doc.components.schemas.Figure.properties)).not.toContain('note');
  });

  it('never answers a figure’s research note (data/figures.csv `note`), which staff keep', async () => {
    const notes = csvParse(readFileSync(new URL('../../data/figures.csv', import.meta.url), 'utf8'))
      .map((r) => r.note ?? '')
      .filter(Boolean);
    expect(notes.length).toBeGreaterThan(5);
    for (const path of ['/figures', '/figures.csv', '/years/2016', '/years/2016.csv']) {
      const text = await (await get(path)).text();
      expect(text, path).not.toMatch(/"note"\s*:/);
      expect(
        notes.filter((n) => text.includes(n)),
        path,
      ).toEqual([]);
    }
  });

  it('answers HEAD as GET without a body, and the CORS preflight of a conditional request', async () => {
    const head = await app.request('/api/v1/years/2016', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBeTruthy();
    expect(await head.text()).toBe('');
    const preflight = await app.request('/api/v1/years/2016', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://journal.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    const admin = await app.request('/api/v1/admin/years', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example' },
    });
    expect(admin.status).toBe(404);
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves tidy CSV with a BOM that a standard parser reads, one row per figure', async () => {
    const res = await get('/figures.csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const rows = csvParse(text);
    expect(rows.columns).toEqual([
      'year',
      'metric',
      'value',
      'qualifier',
      'unit',
      'confidence',
      'countries',
      'break',
      'source_title',
      'source_url',
      'quote',
      'corrected_on',
      'correction_reason',
    ]);
    const all = (await (await get('/figures')).json()) as { years: { figures: unknown[] }[] };
    expect(rows.length).toBe(all.years.reduce((n, y) => n + y.figures.length, 0));
    expect(rows.find((r) => r.year === '2016' && r.metric === 'people_supported')?.value).toBe('100000');
    for (const r of rows) expect(r.source_url).toMatch(/^https?:\/\//);
    expect(text).toContain('Île-de-France');
    // The source's phrase, how sure the year is, the countries, and Eurostat's « b » where a series breaks.
    const partners = rows.find((r) => r.year === '2016' && r.metric === 'partner_countries');
    expect(partners).toMatchObject({ countries: 'DZ CI ML MA MR NE SN TN', confidence: 'high', break: 'b' });
    expect(partners?.quote).toContain('14 associations partenaires dans 8 pays');
    expect(rows.find((r) => r.year === '2017' && r.metric === 'people_supported')).toMatchObject({
      confidence: 'medium',
      break: 'b',
    });
    expect(rows.find((r) => r.year === '2018' && r.metric === 'people_supported')?.break).toBe('');
    expect(rows.filter((r) => r.break === 'b').map((r) => `${r.year} ${r.metric}`)).toContain(
      '2010 detention_centres',
    );
  });

  it('answers CSV for a year or a series when asked by suffix or Accept', async () => {
    expect((await get('/years/2016.csv')).headers.get('content-type')).toMatch(/text\/csv/);
    const viaAccept = await get('/series/volunteers', { Accept: 'text/csv' });
    const rows = csvParse(await viaAccept.text());
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.metric === 'volunteers')).toBe(true);
    // A year's CSV flags a break against the years before it, which it does not list.
    const year = csvParse(await (await get('/years/2010.csv')).text());
    expect(year.find((r) => r.metric === 'detention_centres')?.break).toBe('b');
    const series = (await (await get('/series/detention_centres')).json()) as {
      points: { year: number; segment: number; cut?: { kind: string; break?: { year: number } } }[];
    };
    expect(series.points.map((p) => [p.year, p.segment, p.cut?.break?.year])).toEqual([
      [2008, 0, undefined],
      [2009, 1, 2009],
      [2010, 2, 2010],
      [2016, 3, undefined],
      [2018, 3, undefined],
      [2019, 3, undefined],
    ]);
  });

  it('ships an OpenAPI description', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/years', '/years/{year}', '/metrics', '/series/{metric}', '/figures.csv']),
    );
  });
});
