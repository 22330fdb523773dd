import { describe, expect, it } from 'vitest';
import { formatFigure, formatList, yearRuns } from './format';
import { localPath, otherLangHref, t, toLang } from './i18n';
import { viewHref } from './url';

describe('languages and links', () => {
  it.each([
    ['http://x/', 'fr', '/en'],
    ['http://x/personnes?year=2018&metric=volunteers', 'fr', '/en/personnes?year=2018&metric=volunteers'],
    ['http://x/en', 'en', '/'],
    ['http://x/en/regions?year=2019', 'en', '/regions?year=2019'],
  ] as const)('%s in %s → %s', (url, lang, other) => {
    expect(otherLangHref(new URL(url), lang)).toBe(other);
  });

  it('prefixes English paths only', () => {
    expect([localPath('fr', '/'), localPath('en', '/'), localPath('en', '/sources')]).toEqual([
      '/',
      '/en',
      '/en/sources',
    ]);
    expect([toLang('en'), toLang(undefined), toLang('de')]).toEqual(['en', 'fr', 'fr']);
  });

  it('keeps the view in the query when one parameter changes', () => {
    const url = new URL('http://x/en/benevoles?year=2016&metric=employees');
    expect(viewHref(url, { year: 2018 })).toBe('/en/benevoles?year=2018&metric=employees');
    expect(viewHref(url, { metric: undefined, year: undefined })).toBe('/en/benevoles');
  });

  it('translates every string: none empty or padded, none left in French but the words both languages share', () => {
    const fr = leaves(t('fr'));
    const en = leaves(t('en'));
    expect([...en.keys()]).toEqual([...fr.keys()]);
    const bad = [...fr, ...en]
      .filter(([, text]) => text.trim() === '' || text !== text.trim())
      .map(([key]) => key);
    expect(bad).toEqual([]);
    const untranslated = [...fr].filter(([key, text]) => en.get(key) === text).map(([key]) => key);
    expect(untranslated.sort()).toEqual([
      'franceLabel',
      'nav.international',
      'nav.sources',
      'qualifierNames.exact',
      'source',
      'sources',
      'table.source',
    ]);
  });
});

/** Every text of a dictionary by its path; functions are called with sample arguments. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function')
    out.set(path, String((value as (...a: unknown[]) => unknown)(...[2016, 3, 'X'].slice(0, value.length))));
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('numbers in each locale', () => {
  it('formats 100 000 / 100,000 with the qualifier and ranges', () => {
    expect(formatFigure({ value: 100000, qualifier: 'more_than' }, 'fr').replace(/\u202f/g, ' ')).toBe(
      'plus de 100 000',
    );
    expect(formatFigure({ value: 100000, qualifier: 'more_than' }, 'en')).toBe('more than 100,000');
    expect(formatFigure({ value: 150, upper: 200, qualifier: 'approx' }, 'en')).toBe('150 to 200');
  });

  it('writes runs of years and lists', () => {
    expect(yearRuns([2014, 2012, 2013, 2023])).toEqual(['2012–2014', '2023']);
    expect(formatList(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
  });
});
