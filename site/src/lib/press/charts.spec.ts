import { describe, expect, it } from 'vitest';
import {
  CHART_IDS,
  chartOfFrame,
  chartOfPage,
  downloadPath,
  embedPath,
  estimatedHeight,
  frameHeight,
  fileStem,
  pagePath,
  parseChartId,
  viewFromQuery,
} from './charts';

describe('chart ids', () => {
  it.each([
    ['tendances', 'home', '/', 'tendances'],
    ['benevoles', 'main', '/benevoles', 'graphique'],
    ['retention-prison-cote-a-cote-2', 'multiples', '/retention-prison', 'cote-a-cote-2'],
    ['regions', 'map', '/regions', 'carte'],
    ['international', 'map', '/international', 'carte'],
    ['benevoles-cote-a-cote-2', undefined, undefined, undefined],
    ['hebergement-cote-a-cote-1', undefined, undefined, undefined],
    ['nope', undefined, undefined, undefined],
    ['benevoles-cote-a-cote-0', undefined, undefined, undefined],
  ])('%s', (id, kind, path, anchor) => {
    const ref = parseChartId(id);
    expect(ref && { kind: ref.kind, path: ref.path, anchor: ref.anchor }).toEqual(
      kind ? { kind, path, anchor } : undefined,
    );
  });

  it('lists only ids it can parse back (the browser suite checks the same list)', () => {
    expect(CHART_IDS.length).toBeGreaterThan(5);
    for (const id of CHART_IDS) expect(parseChartId(id)?.id).toBe(id);
  });

  it.each([
    ['/', '', 'tendances'],
    ['/en', '', 'tendances'],
    ['/benevoles', '', 'benevoles'],
    ['/en/volunteers/', '#graphique', 'benevoles'],
    ['/en/detention-and-prisons', '#cote-a-cote-2', 'retention-prison-cote-a-cote-2'],
    ['/retention-prison', '#cote-a-cote-2', 'retention-prison-cote-a-cote-2'],
    ['/sources', '', undefined],
    ['/international', '#cote-a-cote', 'international-cote-a-cote'],
    ['/international', '#carte', 'international'],
    ['/international', '', 'international'],
    ['/en/regions', '', 'regions'],
    ['/admin', '', undefined],
  ])('the chart of page %s%s is %s', (path, hash, id) => {
    expect(chartOfPage(path, hash)?.id).toBe(id);
  });

  it('knows which frames on a page are embeddable charts', () => {
    expect(chartOfFrame('/benevoles', 'graphique')?.id).toBe('benevoles');
    expect(chartOfFrame('/benevoles', 'cote-a-cote-1')?.id).toBe('benevoles-cote-a-cote-1');
    expect(chartOfFrame('/benevoles', 'carte')).toBeUndefined();
    expect(chartOfFrame('/regions', 'graphique')).toBeUndefined();
    expect(chartOfFrame('/regions', 'carte')?.id).toBe('regions');
    expect(chartOfFrame('/international', 'carte')?.id).toBe('international');
  });
});

describe('views and their URLs', () => {
  it.each([
    ['lang=de', 'lang must be fr or en'],
    ['theme=blue', 'theme must be light, dark or auto'],
    ['year=16', 'year must have four digits'],
  ])('rejects %s', (query, message) => {
    expect(viewFromQuery('benevoles', new URLSearchParams(query))).toEqual({
      error: expect.stringContaining(message),
    });
  });

  it('reads a full query', () => {
    expect(
      viewFromQuery('benevoles', new URLSearchParams('lang=en&theme=dark&year=2016&metric=employees')),
    ).toEqual({
      chart: 'benevoles',
      lang: 'en',
      theme: 'dark',
      year: 2016,
      metric: 'employees',
    });
  });

  it('writes the same view as embed, download, page and file name', () => {
    const view = {
      chart: 'benevoles',
      lang: 'en' as const,
      metric: 'employees',
      year: 2016,
      theme: 'dark' as const,
    };
    expect(embedPath(view)).toBe('/embed/benevoles?metric=employees&year=2016&lang=en&theme=dark');
    expect(downloadPath(view, 'png', { scale: '2' })).toBe(
      '/embed/benevoles.png?metric=employees&year=2016&lang=en&scale=2',
    );
    expect(pagePath(view)).toBe('/en/volunteers?metric=employees&year=2016#graphique');
    expect(pagePath({ chart: 'tendances', lang: 'fr' })).toBe('/#tendances');
    expect(fileStem(view)).toBe('cimade-benevoles-employees-2016-en');
  });

  it('estimates a first height that grows on a phone', () => {
    const ref = parseChartId('benevoles')!;
    expect(estimatedHeight(ref, 320)).toBeGreaterThan(300);
    expect(estimatedHeight(ref, 640)).toBeLessThan(estimatedHeight(ref, 1000));
  });

  it('gives the embed code the tallest of a chart’s layouts at 320, 600 and 1000 px', () => {
    for (const id of CHART_IDS) {
      const ref = parseChartId(id)!;
      const heights = [320, 600, 1000].map((w) => estimatedHeight(ref, w));
      expect(frameHeight(ref), id).toBe(Math.max(...heights));
    }
  });
});
