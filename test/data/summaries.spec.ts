/**
 * Every generated sentence, for every metric and year in data/, in both languages, checked
 * against data/ itself: no sentence compares two figures across a break (data/breaks.json) or
 * with units that differ (figures.csv's `unit`, unless breaks.json groups the two wordings);
 * a sentence that skips years says so; one that compares an inferred-year figure says so; one
 * that leaves earlier figures out says so. The rules are read from the files here, not from
 * the code under test (functions/src/core/comparability.ts), so the two check each other.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../functions/src/core/figures';
import { parseFigureRows } from '../../functions/src/core/figure-rows';
import { metricById } from '../../functions/src/core/reference';
import { parseMetricKey } from '../../functions/src/core/metric-keys';
import type { PublishedYear } from '../../functions/src/core/schema';
import type { Lang } from '../../site/src/lib/format';
import { t } from '../../site/src/lib/i18n';
import { rowComparability, type SeriesRow } from '../../site/src/lib/rows';
import { comparablePrevious, inferredYear, multiplesSummary, regionsSummary, seriesSummary } from '../../site/src/lib/summary';

const read = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const raw = csvParse(read('figures.csv'));
const breaksFile = JSON.parse(read('breaks.json')) as {
  breaks: { metric: string; year: number }[];
  sameMeasure: { metric: string; units: string[] }[];
};
const parsed = parseFigureRows(read('figures.csv'));
const years: PublishedYear[] = parsed.years.map((y) => ({ ...y, version: 1, publishedAt: '2026-01-01T00:00:00Z', publishedBy: 'La Cimade' }));
const keys = [...new Set(raw.map((r) => r.metric!))].sort();
const LANGS: Lang[] = ['fr', 'en'];

const rawRow = (metric: string, year: number) => raw.find((r) => r.metric === metric && Number(r.year) === year);
const knownYears = (metric: string) => raw.filter((r) => r.metric === metric).map((r) => Number(r.year)).sort((a, b) => a - b);

/** The two years are on the same side of every break of the metric. */
const noBreakBetween = (metric: string, a: number, b: number) => !breaksFile.breaks.some((x) => x.metric === metric && Math.min(a, b) < x.year && x.year <= Math.max(a, b));

function sameUnits(metric: string, a: number, b: number): boolean {
  const ua = rawRow(metric, a)?.unit ?? '';
  const ub = rawRow(metric, b)?.unit ?? '';
  return ua === ub || breaksFile.sameMeasure.some((g) => g.metric === metric && g.units.includes(ua) && g.units.includes(ub));
}

const inferred = (metric: string, year: number) => {
  const r = rawRow(metric, year);
  return r?.confidence === 'medium' && !r.value!.includes('-');
};

/** The pairs of years a sentence compares: « De 2016 à 2024 », « (2011) à … (2024) », « En 2016 comme en 2018 ». */
function comparedPairs(sentence: string): [number, number][] {
  const patterns = [
    /\bDe (\d{4}) à (\d{4})/g,
    /\bFrom (\d{4}) to (\d{4})/g,
    /\b[Ee]n (\d{4}) comme en (\d{4})/g,
    /\b[Ii]n (\d{4}) as in (\d{4})/g,
    /\bin both (\d{4}) and (\d{4})/g,
    /\((\d{4})\) à [^;()]*\((\d{4})\)/g,
    /\((\d{4})\) to [^;()]*\((\d{4})\)/g,
  ];
  return patterns.flatMap((p) => [...sentence.matchAll(p)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]));
}

const PHRASES = {
  gap: { fr: /pas de chiffre connu pour|sans chiffre pour/, en: /no figure known for|no figure for/ },
  inferred: { fr: /déduite/, en: /inferred/ },
  leftOut: { fr: /non comparés?|ne sont (donc )?pas comparés|n’est (donc )?pas comparé/, en: /not compared/ },
};

function rowsFor(key: string, lang: Lang): SeriesRow[] {
  return seriesOf(years, key).map((p) => ({
    year: p.year,
    value: p.value,
    ...(p.upper !== undefined ? { upper: p.upper } : {}),
    qualifier: p.qualifier,
    ...(p.unit ? { unit: p.unit } : {}),
    source: p.source,
    ...rowComparability(p, lang),
  }));
}

/** Every problem of one sentence about one metric, as text. */
function sentenceProblems(key: string, sentence: string, lang: Lang): string[] {
  const problems: string[] = [];
  const pairs = comparedPairs(sentence);
  for (const [a, b] of pairs) {
    if (!noBreakBetween(key, a, b)) problems.push(`compares ${a} with ${b} across a break`);
    if (!sameUnits(key, a, b)) problems.push(`compares ${a} with ${b}, whose units differ`);
    const skipped = knownYears(key).length && b - a + 1 > knownYears(key).filter((y) => y >= a && y <= b).length;
    if (skipped && !PHRASES.gap[lang].test(sentence)) problems.push(`skips years between ${a} and ${b} without saying so`);
    if ((inferred(key, a) || inferred(key, b)) && !PHRASES.inferred[lang].test(sentence)) problems.push(`compares ${a} with ${b}, one inferred, without saying so`);
  }
  const known = knownYears(key);
  const covered = pairs.length ? pairs[0]![0] : known.at(-1)!;
  if (known.some((y) => y < covered) && !PHRASES.leftOut[lang].test(sentence)) problems.push(`leaves out the years before ${covered} without saying so`);
  return problems;
}

describe('every generated summary, against the breaks and units in data/', () => {
  it('reads the dataset', () => {
    expect(parsed.problems).toEqual([]);
    expect(keys.length).toBeGreaterThan(50);
    expect(breaksFile.breaks.length).toBeGreaterThan(0);
  });

  it.each(LANGS)('series summaries (%s): never across a break or a unit, and say what they skip', (lang) => {
    const problems: string[] = [];
    let comparing = 0;
    for (const key of keys) {
      const def = metricById.get(parseMetricKey(key)!.metric)!;
      const rows = rowsFor(key, lang);
      for (const sentence of [
        seriesSummary({ label: def.label[lang], kind: def.kind }, rows, lang),
        multiplesSummary([{ metric: { label: def.label[lang] }, rows }], lang),
      ]) {
        if (comparedPairs(sentence).length) comparing++;
        problems.push(...sentenceProblems(key, sentence, lang).map((p) => `${key}: « ${sentence} » ${p}`));
      }
    }
    expect(problems).toEqual([]);
    expect(comparing).toBeGreaterThan(20); // the check is not vacuous: many sentences compare
  });

  it.each(LANGS)('headline comparisons (%s): for every year, only with an earlier figure that compares, and say when one is inferred', (lang) => {
    const problems: string[] = [];
    for (const key of keys) {
      const rows = rowsFor(key, lang);
      for (const current of rows) {
        const previous = comparablePrevious(rows, current);
        if (!previous) continue;
        if (!noBreakBetween(key, previous.year, current.year) || !sameUnits(key, previous.year, current.year))
          problems.push(`${key}: ${current.year} set beside ${previous.year}`);
        const years = [previous.year, current.year].filter((y) => inferred(key, y));
        const text = t(lang).previous('x', previous.year, [previous, current].filter(inferredYear).map((r) => r.year));
        if (years.length && !(PHRASES.inferred[lang].test(text) && years.every((y) => text.includes(String(y))))) problems.push(`${key}: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGS)('region summaries (%s): regions are ranked only when their figures count the same thing', (lang) => {
    const problems: string[] = [];
    let several = 0;
    const regional = raw.filter((r) => r.metric!.startsWith('region.'));
    for (const pair of new Set(regional.map((r) => `${r.year} ${r.metric!.split('.')[2]}`))) {
      const [year, metric] = pair.split(' ') as [string, string];
      const rows = regional.filter((r) => r.year === year && r.metric!.endsWith(`.${metric}`));
      const values = rows.map((r) => ({ name: r.metric!.split('.')[1]!, figure: { value: Number(r.value), qualifier: r.qualifier as SeriesRow['qualifier'], unit: r.unit } }));
      const sentence = regionsSummary({ label: metricById.get(metric)!.label[lang] }, Number(year), [...values, { name: 'x' }], lang);
      const ranks = /vient en tête|comes first/.test(sentence);
      if (rows.length > 1) several++;
      if (ranks && new Set(rows.map((r) => r.unit)).size > 1) problems.push(`${pair}: « ${sentence} » ranks figures whose units differ`);
    }
    expect(problems).toEqual([]);
    expect(several).toBeGreaterThan(0); // some year has several regions to rank or not
  });

  it('writes the detention centres as data/ says they can be read', () => {
    const rows = rowsFor('detention_centres', 'fr');
    const s = seriesSummary({ label: 'Centres de rétention', kind: 'count' }, rows, 'fr');
    expect(s).toMatch(/^De 2016 à 2019, le nombre de centres de rétention est passé de 9 à 8 \(pas de chiffre connu pour 2017\)\./);
    expect(s).toContain('(2008–2010)');
    expect(comparedPairs(s)).toEqual([[2016, 2019]]);
    const en = seriesSummary({ label: 'People supported', kind: 'count' }, rowsFor('people_supported', 'en'), 'en');
    expect(en).toContain('From 2017 to 2024');
    expect(en).toContain('The 2016 figure is therefore not compared.');
  });
});
