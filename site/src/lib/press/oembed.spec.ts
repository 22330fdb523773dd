import { describe, expect, it } from 'vitest';
import { parseChartId } from './charts';
import { oembedRich, parseOEmbedQuery, targetOf } from './oembed';

const HOST = 'chiffres.example';

describe('oEmbed requests', () => {
  it.each([
    ['url=x&format=xml', { status: 501 }],
    ['url=x&format=yaml', { status: 501 }],
    ['format=json', { status: 400 }],
    ['url=x&maxwidth=-3', { status: 400 }],
    ['url=x&maxwidth=500&maxheight=300', { url: 'x', maxwidth: 500, maxheight: 300 }],
    ['url=x', { url: 'x' }],
  ])('%s', (query, expected) => {
    expect(parseOEmbedQuery(new URLSearchParams(query))).toMatchObject(expected);
  });

  it.each([
    ['https://elsewhere.example/benevoles', 404, undefined],
    ['ftp://chiffres.example/benevoles', 404, undefined],
    ['not a url', 404, undefined],
    ['https://chiffres.example/sources', 404, undefined],
    ['https://chiffres.example/embed/nope', 404, undefined],
    ['https://chiffres.example/benevoles', undefined, { chart: 'benevoles', lang: 'fr' }],
    [
      'https://chiffres.example/en/volunteers?metric=employees&year=2016',
      undefined,
      { chart: 'benevoles', lang: 'en', metric: 'employees', year: 2016 },
    ],
    [
      'https://chiffres.example/retention-prison?metric=prisons#cote-a-cote-1',
      undefined,
      { chart: 'retention-prison-cote-a-cote-1', lang: 'fr' },
    ],
    [
      'https://chiffres.example/embed/tendances?lang=en&theme=dark',
      undefined,
      { chart: 'tendances', lang: 'en', theme: 'dark' },
    ],
    ['https://chiffres.example/benevoles?year=20x6', 404, undefined],
  ])('%s', (url, status, view) => {
    const target = targetOf(url, HOST);
    expect('status' in target ? { status: target.status } : target.view).toMatchObject(
      status ? { status } : view!,
    );
  });
});

describe('the rich answer', () => {
  const ref = parseChartId('benevoles')!;
  const answer = (request: { url: string; maxwidth?: number; maxheight?: number }) =>
    oembedRich({
      origin: 'https://chiffres.example',
      ref,
      view: { chart: 'benevoles', lang: 'fr', year: 2016 },
      title: 'Bénévoles',
      request,
    });

  it('has every field oEmbed 1.0 requires for rich, with the right types', () => {
    const a = answer({ url: 'x' });
    expect(a).toMatchObject({
      type: 'rich',
      version: '1.0',
      title: 'Bénévoles',
      provider_name: 'La Cimade en chiffres',
      provider_url: 'https://chiffres.example/',
    });
    expect(typeof a.html).toBe('string');
    expect(a.html).toContain('<iframe src="https://chiffres.example/embed/benevoles?year=2016"');
    expect(Number.isInteger(a.width) && Number.isInteger(a.height)).toBe(true);
    expect(a.thumbnail_url).toBe('https://chiffres.example/embed/benevoles.png?year=2016&format=card');
    expect([a.thumbnail_width, a.thumbnail_height]).toEqual([1200, 630]);
  });

  it('stays within maxwidth and maxheight', () => {
    const a = answer({ url: 'x', maxwidth: 320, maxheight: 300 });
    expect(a.width).toBeLessThanOrEqual(320);
    expect(a.height).toBeLessThanOrEqual(300);
    expect(a.html).toContain('max-width:320px');
  });
});
