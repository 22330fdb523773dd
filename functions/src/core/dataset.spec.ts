/**
 * The published figures in `data/` (figures.csv, alternatives.csv), read through the seed's
 * own parser (`parseFigureRows`, which validates every year as `YearFigures`), so that what
 * the tests accept is exactly what `npm start` loads. On top of what that parser accepts,
 * data/ keeps a stricter house style: every figure quotes its source and names its unit and
 * confidence. Reads only data/, nothing outside the repository.
 */
import { readFileSync } from 'node:fs';
import { csvFormatRows, csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { readSeedYears } from '../../local/seed';
import { parseFigureRows } from './figure-rows';
import { parseMetricKey } from './metric-keys';
import { metricById } from './reference';
import type { Figure, YearFigures } from './schema';

const COLUMNS = [
  'year',
  'metric',
  'value',
  'qualifier',
  'unit',
  'confidence',
  'countries',
  'source_title',
  'source_url',
  'quote',
  'note',
];

const readText = (name: string): string =>
  readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8');
const files = { 'figures.csv': readText('figures.csv'), 'alternatives.csv': readText('alternatives.csv') };
type FileName = keyof typeof files;

/** A figure as the seed's parser reads it, and where it is (`2016 volunteers`, `line 4`). */
interface Read {
  where: string;
  year: number;
  figure: Figure;
}

/** figures.csv exactly as the seed reads it (the seed refuses the file, listing every problem, if a row is wrong). */
const seedRead = ((): { years: YearFigures[]; refused?: string } => {
  try {
    return { years: readSeedYears() };
  } catch (error) {
    return { years: [], refused: (error as Error).message };
  }
})();
const published: Read[] = seedRead.years.flatMap((y) =>
  y.figures.map((figure) => ({ where: `${y.year} ${figure.metric}`, year: y.year, figure })),
);

/**
 * alternatives.csv holds other sources' readings of a published figure, at times several for
 * one year and metric, so each row goes through the parser on its own, as a one-row file.
 */
function eachRowAlone(text: string): { read: Read[]; problems: string[] } {
  const [header, ...rows] = csvParseRows(text);
  const read: Read[] = [];
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const { years, problems: found } = parseFigureRows(csvFormatRows([header!, cells]));
    problems.push(...found.map((p) => `line ${i + 2} ${p.column}: ${p.message}`));
    for (const y of years) read.push({ where: `line ${i + 2}`, year: y.year, figure: y.figures[0]! });
  });
  return { read, problems };
}
const alternatives = eachRowAlone(files['alternatives.csv']);
const readOf: Record<FileName, Read[]> = { 'figures.csv': published, 'alternatives.csv': alternatives.read };

/** What data/ asks beyond the parser: a quote, a unit and a confidence; countries on partner_countries only, one per partner. */
function houseStyleProblems({ where, figure: f }: Read): string[] {
  const problems: string[] = [];
  if (!f.source.quote) problems.push(`${where}: no quote from the source`);
  if (!f.unit) problems.push(`${where}: no unit`);
  if (!f.confidence) problems.push(`${where}: no confidence`);
  const countries = f.countries ?? [];
  if (f.metric === 'partner_countries') {
    if (countries.length !== f.value)
      problems.push(`${where}: ${countries.length} country codes for a value of ${f.value}`);
    if (new Set(countries).size !== countries.length) problems.push(`${where}: a country is listed twice`);
  } else if (countries.length > 0) problems.push(`${where}: only partner_countries rows list countries`);
  return problems;
}

/** `2016 people_supported` */
const pairOf = (r: { year: number; figure: Figure }): string => `${r.year} ${r.figure.metric}`;

describe.each(Object.keys(files) as FileName[])('data/%s', (name) => {
  const text = files[name];
  const rows = csvParse(text);

  it('is UTF-8 without a byte-order mark, with the agreed columns', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain('\uFFFD');
    expect(text.endsWith('\n')).toBe(true);
    expect(rows.columns).toEqual(COLUMNS);
    expect(readOf[name].length).toBe(rows.length);
  });

  it('keeps every cell without leading or trailing space (the parser would hide it)', () => {
    const padded = rows.flatMap((r, i) =>
      COLUMNS.filter((c) => (r[c] ?? '') !== (r[c] ?? '').trim()).map((c) => `line ${i + 2} ${c}`),
    );
    expect(padded).toEqual([]);
  });

  it('is sorted by year, then metric', () => {
    const keys = rows.map((r) => `${r.year} ${r.metric}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('quotes its source, names unit and confidence, and lists one country per partner', () => {
    expect(readOf[name].flatMap(houseStyleProblems)).toEqual([]);
  });

  // Source titles are printed on pictures, embeds and exports; how a year was worked out
  // (« année déduite », « ~oct. 2022 », « non daté ») is a research note, in `note`.
  it('keeps research notes out of source titles', () => {
    const research =
      /année déduite|non daté|date non affichée|état de page|utm|~|→|version (de page|non datée|citant)/i;
    const leaks = rows
      .filter((r) => research.test(r.source_title ?? ''))
      .map((r) => `${r.year} ${r.metric}: ${r.source_title}`);
    expect(leaks).toEqual([]);
  });
});

describe('data/figures.csv', () => {
  it('loads through the seed with every year valid', () => {
    expect(seedRead.refused).toBeUndefined();
    expect(new Set(published.map((r) => r.year)).size).toBeGreaterThan(10);
  });

  it('uses every metric of the catalogue at least once (with alternatives.csv)', () => {
    const used = new Set(
      [...published, ...alternatives.read].map((r) => parseMetricKey(r.figure.metric)?.metric),
    );
    expect([...metricById.keys()].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('data/alternatives.csv', () => {
  it('reads, row by row, through the same parser', () => {
    expect(alternatives.problems).toEqual([]);
    expect(alternatives.read.length).toBeGreaterThan(0);
  });

  it('only holds notes on a year and metric that figures.csv publishes', () => {
    const pairs = new Set(published.map(pairOf));
    expect(alternatives.read.filter((r) => !pairs.has(pairOf(r))).map((r) => r.where)).toEqual([]);
  });

  it('never repeats the published source for the same year and metric', () => {
    const byPair = new Map(published.map((r) => [pairOf(r), r.figure]));
    const same = alternatives.read.filter((r) => {
      const p = byPair.get(pairOf(r));
      return (
        p?.source.url === r.figure.source.url && p.value === r.figure.value && p.upper === r.figure.upper
      );
    });
    expect(same.map((r) => r.where)).toEqual([]);
  });
});
