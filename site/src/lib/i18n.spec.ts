import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFigure, formatList, yearRuns } from './format';
import { localPath, otherLangHref, slugRedirect, t, toLang } from './i18n';
import { viewHref } from './url';

describe('languages and links', () => {
  it.each([
    ['http://x/', 'fr', '/en'],
    [
      'http://x/personnes?year=2018&metric=volunteers',
      'fr',
      '/en/people-supported?year=2018&metric=volunteers',
    ],
    ['http://x/en/detention-and-prisons?year=2019', 'en', '/retention-prison?year=2019'],
    ['http://x/en/housing', 'en', '/hebergement'],
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

  it('gives each theme its slug in each language, and moves the other language’s slug to it', () => {
    expect(
      [
        '/personnes',
        '/benevoles',
        '/retention-prison',
        '/hebergement',
        '/regions',
        '/international',
        '/sources',
      ].map((p) => localPath('en', p)),
    ).toEqual([
      '/en/people-supported',
      '/en/volunteers',
      '/en/detention-and-prisons',
      '/en/housing',
      '/en/regions',
      '/en/international',
      '/en/sources',
    ]);
    expect(localPath('fr', '/volunteers')).toBe('/benevoles');
    expect(
      [
        '/en/personnes',
        '/en/retention-prison',
        '/volunteers',
        '/housing',
        '/en/housing',
        '/benevoles',
        '/en/regions',
        '/',
        '/en',
        '/admin',
        '/en/admin/2016',
      ].map(slugRedirect),
    ).toEqual([
      '/en/people-supported',
      '/en/detention-and-prisons',
      '/benevoles',
      '/hebergement',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps the view in the query when one parameter changes', () => {
    const url = new URL('http://x/en/volunteers?year=2016&metric=employees');
    expect(viewHref(url, { year: 2018 })).toBe('/en/volunteers?year=2018&metric=employees');
    expect(viewHref(url, { metric: undefined, year: undefined })).toBe('/en/volunteers');
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

describe('words live in the dictionaries', () => {
  // A choice of words by language written inline (`lang === 'fr' ? 'Données' : 'Data'`) escapes
  // the dictionaries' types, their typesetting and the translation checks above. What may stay
  // inline is the locale's form, not its words: codes, date patterns, an attribute.
  const FORMS = new Set([
    'fr-FR',
    'en-GB',
    'dd/mm/yyyy',
    'yyyy-mm-dd',
    ' lang="fr"',
    'en',
    'fr',
    '/en',
    'lang=en',
    '&lang=en',
  ]);
  const root = join(import.meta.dirname, '..');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? files(join(dir, d.name))
        : /\.(ts|svelte)$/.test(d.name) && !/\.spec\.ts$/.test(d.name)
          ? [join(dir, d.name)]
          : [],
    );

  it('no page, chart or download chooses its words with an inline language test', () => {
    const found: string[] = [];
    for (const file of files(root)) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/lang\s*===\s*'(?:fr|en)'\s*\?\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g))
        if (/\p{L}{2}/u.test(m[2]!) && !FORMS.has(m[2]!))
          found.push(`${relative(root, file)}: ${m[0].slice(0, 80)}`);
    }
    expect(found).toEqual([]);
  });
});
