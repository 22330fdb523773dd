import { describe, expect, it } from 'vitest';
import { formatFigure, formatList, yearRuns } from './format';
import { LANGS, localPath, otherLangHref, t, toLang } from './i18n';
import { viewHref } from './url';

describe('languages and links', () => {
  it.each([
    ['http://x/', 'fr', '/en'],
    ['http://x/personnes?year=2018&metric=volunteers', 'fr', '/en/personnes?year=2018&metric=volunteers'],
    ['http://x/en', 'en', '/'],
    ['http://x/en/regions?year=2019', 'en', '/regions?year=2019'],
  ] as const)('%s in %s → %s', (url, lang, other) => {
    expect.hasAssertions();
    expect(otherLangHref(new URL(url), lang)).toBe(other);
  });

  it('prefixes English paths only', () => {
    expect.hasAssertions();
    expect([localPath('fr', '/'), localPath('en', '/'), localPath('en', '/sources')]).toEqual(['/', '/en', '/en/sources']);
    expect([toLang('en'), toLang(undefined), toLang('de')]).toEqual(['en', 'fr', 'fr']);
  });

  it('keeps the view in the query when one parameter changes', () => {
    expect.hasAssertions();
    const url = new URL('http://x/en/benevoles?year=2016&metric=employees');
    expect(viewHref(url, { year: 2018 })).toBe('/en/benevoles?year=2018&metric=employees');
    expect(viewHref(url, { metric: undefined, year: undefined })).toBe('/en/benevoles');
  });

  it('translates every page title and the qualifiers in both languages', () => {
    expect.hasAssertions();
    const keys = (lang: 'fr' | 'en') => Object.keys(t(lang).pages).sort();
    expect(keys('fr')).toEqual(keys('en'));
    for (const lang of LANGS) for (const p of Object.values(t(lang).pages)) expect(p.title.length * p.intro.length).toBeGreaterThan(0);
  });
});

describe('numbers in each locale', () => {
  it('formats 100 000 / 100,000 with the qualifier and ranges', () => {
    expect.hasAssertions();
    expect(formatFigure({ value: 100000, qualifier: 'more_than' }, 'fr').replace(/\u202f/g, ' ')).toBe('plus de 100 000');
    expect(formatFigure({ value: 100000, qualifier: 'more_than' }, 'en')).toBe('more than 100,000');
    expect(formatFigure({ value: 150, upper: 200, qualifier: 'approx' }, 'en')).toBe('150 to 200');
  });

  it('writes runs of years and lists', () => {
    expect.hasAssertions();
    expect(yearRuns([2014, 2012, 2013, 2023])).toEqual(['2012–2014', '2023']);
    expect(formatList(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
  });
});
