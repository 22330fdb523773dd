/**
 * The published figures in `data/` (figures.csv, alternatives.csv): every row carries a
 * source, names a metric the catalogue knows and a known qualifier, and every year of
 * figures.csv is a valid `YearFigures`. Reads only data/, nothing outside the repository.
 */
import { readFileSync } from 'node:fs';
import { csvParse, type DSVRowArray } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { countryByIso, metricById } from './reference';
import { YearFigures, toProblems, type Figure } from './schema';
import { FIRST_YEAR, QUALIFIERS, lastAllowedYear, metricKeyProblem, parseMetricKey } from './metric-keys';

const COLUMNS = ['year', 'metric', 'value', 'qualifier', 'unit', 'confidence', 'countries', 'source_title', 'source_url', 'quote', 'note'];

const readText = (name: string): string => readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8');

const files = {
  'figures.csv': readText('figures.csv'),
  'alternatives.csv': readText('alternatives.csv'),
};
const parsed = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, csvParse(text)])) as Record<
  keyof typeof files,
  DSVRowArray<string>
>;
const figures = parsed['figures.csv'];
const alternatives = parsed['alternatives.csv'];

/** `2016 people_supported` */
const pairOf = (r: { year?: string; metric?: string }): string => `${r.year} ${r.metric}`;

const isHttpUrl = (u: string): boolean => {
  try {
    const { protocol } = new URL(u);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

/** `100000`, `-274421` or a range `30-40`, as the files keep them. */
function parseValue(raw: string): { value: number; upper?: number } | undefined {
  const range = /^(\d+)-(\d+)$/.exec(raw);
  if (range) return { value: Number(range[1]), upper: Number(range[2]) };
  return /^-?\d+(\.\d+)?$/.test(raw) ? { value: Number(raw) } : undefined;
}

/** Every problem of one row, as `line N column: message`; empty when the row is sound. */
function rowProblems(r: Record<string, string | undefined>, line: number): string[] {
  const problems: string[] = [];
  const at = (column: string, message: string) => problems.push(`line ${line} ${column}: ${message}`);
  const get = (c: string) => r[c] ?? '';

  const year = Number(get('year'));
  if (!/^\d{4}$/.test(get('year')) || year < FIRST_YEAR || year > lastAllowedYear()) at('year', `"${get('year')}" is not a year`);
  const keyProblem = metricKeyProblem(get('metric'));
  if (keyProblem) at('metric', keyProblem);
  if (!(QUALIFIERS as readonly string[]).includes(get('qualifier'))) at('qualifier', `"${get('qualifier')}" is not one of ${QUALIFIERS.join(', ')}`);
  if (!['high', 'medium'].includes(get('confidence'))) at('confidence', `"${get('confidence')}" is not high or medium`);
  if (get('source_title').trim() === '') at('source_title', 'empty');
  if (!isHttpUrl(get('source_url'))) at('source_url', `"${get('source_url')}" is not an http(s) URL`);
  if (get('quote').trim() === '') at('quote', 'empty');
  if (get('unit').trim() === '') at('unit', 'empty');
  for (const c of COLUMNS) if (get(c) !== get(c).trim()) at(c, 'leading or trailing space');

  const value = parseValue(get('value'));
  if (!value) at('value', `"${get('value')}" is not a number or a range`);
  else if (value.upper !== undefined && value.upper <= value.value) at('value', `range "${get('value')}" is not increasing`);

  const countries = get('countries') === '' ? [] : get('countries').split(' ');
  if (get('metric') === 'partner_countries') {
    if (countries.length === 0) at('countries', 'a partner_countries row lists its countries');
    if (value && countries.length !== value.value) at('countries', `${countries.length} codes for a value of ${get('value')}`);
    for (const iso of countries) if (!countryByIso.has(iso)) at('countries', `unknown partner country "${iso}"`);
    if (new Set(countries).size !== countries.length) at('countries', 'a country is listed twice');
  } else if (countries.length > 0) at('countries', 'only partner_countries rows list countries');
  return problems;
}

/** A figures.csv row as the schema's Figure. */
function toFigure(r: Record<string, string | undefined>): Figure {
  const get = (c: string) => r[c] ?? '';
  return {
    metric: get('metric'),
    ...parseValue(get('value'))!,
    qualifier: get('qualifier') as Figure['qualifier'],
    unit: get('unit'),
    confidence: get('confidence') as Figure['confidence'],
    ...(get('countries') ? { countries: get('countries').split(' ') } : {}),
    source: { title: get('source_title'), url: get('source_url'), quote: get('quote') },
    ...(get('note') ? { note: get('note') } : {}),
  };
}

describe.each(Object.keys(files) as (keyof typeof files)[])('data/%s', (name) => {
  const text = files[name];
  const rows = parsed[name];

  it('is UTF-8 without a byte-order mark, with the agreed columns', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain('\uFFFD');
    expect(text.endsWith('\n')).toBe(true);
    expect(rows.columns).toEqual(COLUMNS);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('has, on every row, a source, a known metric key, a known qualifier and a readable value', () => {
    expect.hasAssertions();
    const problems = rows.flatMap((r, i) => rowProblems(r, i + 2));
    expect(problems).toEqual([]);
  });

  // Source titles are printed on pictures, embeds and exports; how a year was worked out
  // (« année déduite », « ~oct. 2022 », « non daté ») is a research note, in `note`.
  it('keeps research notes out of source titles', () => {
    expect.hasAssertions();
    const research = /année déduite|non daté|date non affichée|état de page|utm|~|→|version (de page|non datée|citant)/i;
    const leaks = rows.filter((r) => research.test(r.source_title ?? '')).map((r) => `${r.year} ${r.metric}: ${r.source_title}`);
    expect(leaks).toEqual([]);
  });

  it('is sorted by year, then metric', () => {
    expect.hasAssertions();
    const keys = rows.map((r) => [Number(r.year), r.metric ?? ''] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it('keeps counts whole and non-negative, percentages within 0..100', () => {
    expect.hasAssertions();
    for (const r of rows) {
      const def = metricById.get(parseMetricKey(r.metric ?? '')?.metric ?? '');
      const value = parseValue(r.value ?? '');
      if (!def || !value) continue; // reported by the row check
      for (const v of [value.value, value.upper ?? value.value]) {
        if (def.kind === 'count') expect(Number.isInteger(v) && v >= 0, pairOf(r)).toBe(true);
        if (def.kind === 'percent') expect(v >= 0 && v <= 100, pairOf(r)).toBe(true);
      }
    }
  });
});

describe('data/figures.csv', () => {
  it('has one figure per year and metric', () => {
    const pairs = figures.map(pairOf);
    const repeated = pairs.filter((p, i) => pairs.indexOf(p) !== i);
    expect(repeated).toEqual([]);
  });

  it('parses, year by year, as YearFigures', () => {
    const years = [...new Set(figures.map((r) => Number(r.year)))];
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      const result = YearFigures.safeParse({ year, figures: figures.filter((r) => Number(r.year) === year).map(toFigure) });
      expect(result.success ? [] : toProblems(result.error), String(year)).toEqual([]);
    }
  });

  it('uses every metric of the catalogue at least once (with alternatives.csv)', () => {
    const used = new Set([...figures, ...alternatives].map((r) => parseMetricKey(r.metric ?? '')?.metric));
    const unused = [...metricById.keys()].filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });
});

describe('data/alternatives.csv', () => {
  it('only holds notes on a year and metric that figures.csv publishes', () => {
    const published = new Set(figures.map(pairOf));
    const orphans = alternatives.map(pairOf).filter((p) => !published.has(p));
    expect(alternatives.length).toBeGreaterThan(0);
    expect(orphans).toEqual([]);
  });

  it('never repeats the published source for the same year and metric', () => {
    const published = new Map(figures.map((r) => [pairOf(r), r.source_url]));
    const same = alternatives.filter((r) => published.get(pairOf(r)) === r.source_url && r.value === figures.find((f) => pairOf(f) === pairOf(r))?.value);
    expect(same.map(pairOf)).toEqual([]);
  });
});
