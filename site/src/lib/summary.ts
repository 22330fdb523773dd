/**
 * One-sentence, plain-language summaries generated from the data, in the page's language:
 * « De 2016 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678. » Qualifiers are
 * kept ("plus de 100 000"), and unknown years are said, never filled. A sentence never
 * compares figures that count different things: across a break in the series, or with
 * another unit (rows carry their `segment`, see `$core/comparability`).
 */
import { formatFigure, formatList, yearRuns, type Lang } from './format';
import type { MetricInfo, SeriesRow } from './rows';
import { deNoun, summaryWords } from './summary-words';

export { deNoun };

const KEEP_CAPITAL = /^(French|Migrant|Cimade|Massy|Béziers)/;

/** The metric's label as a noun inside a sentence: « bénévoles », "people supported". */
export function nounOf(label: string): string {
  if (KEEP_CAPITAL.test(label) || /^[A-Z]{2}/.test(label)) return label;
  return label.charAt(0).toLocaleLowerCase('fr') + label.slice(1);
}

/** « le nombre de bénévoles », "the number of volunteers"; a label as-is when it is not a count. */
function subject(metric: Pick<MetricInfo, 'label' | 'kind'>, lang: Lang): string {
  return summaryWords(lang).subject(metric.label, nounOf(metric.label), metric.kind === 'count');
}

/** Years of the span that have no row. */
export function missingYears(rows: readonly { year: number }[], span: readonly [number, number]): number[] {
  const known = new Set(rows.map((r) => r.year));
  const out: number[] = [];
  for (let y = span[0]; y <= span[1]; y++) if (!known.has(y)) out.push(y);
  return out;
}

function gapsClause(missing: readonly number[], lang: Lang): string {
  if (missing.length === 0) return '';
  return summaryWords(lang).gaps(formatList(yearRuns(missing), lang));
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * Whether a figure rose or fell from an earlier one, when the qualifiers allow saying so:
 * « plus de 100 000 » then 110 000 may be either, so neither is said. Approximate figures
 * compare by their value; a range by its bounds.
 */
export function direction(
  before: Pick<SeriesRow, 'value' | 'upper' | 'qualifier'>,
  after: Pick<SeriesRow, 'value' | 'upper' | 'qualifier'>,
): 'up' | 'down' | 'same' | undefined {
  const high = (r: typeof before) => (r.qualifier === 'more_than' ? Infinity : (r.upper ?? r.value));
  // « plus de 75 » is above 75: its bound is exclusive.
  const above = (a: typeof before, b: typeof before) =>
    a.value > high(b) || (a.qualifier === 'more_than' && a.value >= high(b));
  if (above(after, before)) return 'up';
  if (above(before, after)) return 'down';
  if (high(before) === before.value && high(after) === after.value && before.value === after.value)
    return 'same';
  return undefined;
}

/** English for the years of inferred figures: "year of the 2022 figure inferred…". */
export const inferredAside = (years: readonly string[], lang: Lang): string =>
  summaryWords(lang).inferredAside(years);

/** A figure whose year was read off an undated page (a `medium` figure that is not a range). */
export const inferredYear = (r: Pick<SeriesRow, 'confidence' | 'upper'>): boolean =>
  r.confidence === 'medium' && r.upper === undefined;

/**
 * The rows a sentence may compare: the latest row and those before it in its segment (no
 * break, same unit), oldest first. Rows shaped without comparability are all one segment.
 */
export function comparableRun<R extends Pick<SeriesRow, 'segment'>>(rows: readonly R[]): R[] {
  const last = rows.at(-1);
  if (!last) return [];
  return rows.filter((r) => (r.segment ?? 0) === (last.segment ?? 0));
}

/** The latest row before `current` that compares with it, if any: what a headline sets beside it. */
export function comparablePrevious<R extends Pick<SeriesRow, 'year' | 'segment'>>(
  rows: readonly R[],
  current: R | undefined,
): R | undefined {
  if (!current) return undefined;
  return rows.filter((r) => r.year < current.year && (r.segment ?? 0) === (current.segment ?? 0)).at(-1);
}

/** « Les chiffres d’avant 2010 (2008 et 2009) ne sont donc pas comparés. »: why the earlier rows are left out. */
function notComparedNote(earlier: readonly SeriesRow[], first: SeriesRow, lang: Lang): string {
  if (earlier.length === 0) return '';
  const years = formatList(yearRuns(earlier.map((r) => r.year)), lang);
  const cut = first.cut;
  return summaryWords(lang).notCompared(
    years,
    earlier.length === 1,
    cut?.kind === 'break' ? cut.year : first.year,
    cut?.kind === 'break' ? cut.reason : undefined,
  );
}

/** « L’année du chiffre de 2022 est déduite d’une page non datée. », for the rows a sentence compares. */
function inferredNote(compared: readonly SeriesRow[], lang: Lang): string {
  const years = [...new Set(compared.filter(inferredYear).map((r) => r.year))];
  if (years.length === 0) return '';
  return summaryWords(lang).inferred(formatList(years.map(String), lang), years.length > 1);
}

/**
 * The sentence under a chart of one metric over years. Rows are sorted by year. It compares
 * only rows that count the same thing (`comparableRun`), says which earlier rows it leaves
 * out and why, which years it skips, and which compared years are inferred.
 */
export function seriesSummary(
  metric: Pick<MetricInfo, 'label' | 'kind'>,
  rows: readonly SeriesRow[],
  lang: Lang,
): string {
  const W = summaryWords(lang);
  const run = comparableRun(rows);
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return W.seriesNone(subject(metric, lang));
  const earlier = notComparedNote(rows.slice(0, rows.length - run.length), first, lang);
  const a = formatFigure(first, lang);
  if (first === last) return W.seriesOne(subject(metric, lang), first.year, a, earlier !== '') + earlier;
  const b = formatFigure(last, lang);
  const gaps = gapsClause(missingYears(run, [first.year, last.year]), lang);
  const notes = inferredNote([first, last], lang) + earlier;
  const who = subject(metric, lang);
  if (a === b && run.every((r) => formatFigure(r, lang) === a))
    return W.seriesStayed(who, first.year, last.year, a, gaps) + notes;
  if (a === b) return W.seriesSame(who, first.year, last.year, a, gaps) + notes;
  return W.seriesChanged(who, first.year, last.year, a, b, gaps, direction(first, last) ?? 'same') + notes;
}

/** « sans chiffre pour 2012–2015 », « chiffres d’avant 2017 non comparés », « année de 2022 déduite »: a clause's asides. */
function multiplesAsides(
  rows: readonly SeriesRow[],
  run: readonly SeriesRow[],
  compared: readonly SeriesRow[],
  lang: Lang,
): string {
  const W = summaryWords(lang);
  const asides: string[] = [];
  const first = run[0]!;
  const missing = missingYears(run, [first.year, run.at(-1)!.year]);
  if (missing.length) asides.push(W.asideNoFigure(formatList(yearRuns(missing), lang)));
  const earlier = rows.length - run.length;
  if (earlier === 1) asides.push(W.asideOneEarlier(rows[0]!.year));
  else if (earlier > 1)
    asides.push(W.asideEarlier(first.cut?.kind === 'break' ? first.cut.year : first.year));
  const inferred = [...new Set(compared.filter(inferredYear).map((r) => r.year))];
  if (inferred.length) asides.push(W.inferredAside(inferred.map(String)));
  return asides.length ? ` (${asides.join(', ')})` : '';
}

/** Small multiples' title, in sentence case as the pages write it: « Bénévoles et salariés, côte à côte ». */
export function multiplesTitle(labels: readonly string[], sideBySide: string, lang: Lang): string {
  return `${formatList(
    labels.map((l, i) => (i > 0 ? nounOf(l) : l)),
    lang,
  )}, ${sideBySide}`;
}

/** One sentence for small multiples: each metric's first and last comparable figure, with their asides. */
export function multiplesSummary(
  series: readonly { metric: Pick<MetricInfo, 'label'>; rows: readonly SeriesRow[] }[],
  lang: Lang,
): string {
  const W = summaryWords(lang);
  const clauses = series.map(({ metric, rows }) => {
    const noun = nounOf(metric.label);
    const run = comparableRun(rows);
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return W.multiplesNone(noun);
    if (first === last)
      return W.multiplesOne(
        noun,
        formatFigure(first, lang),
        first.year,
        multiplesAsides(rows, run, [], lang),
      );
    const asides = multiplesAsides(rows, run, [first, last], lang);
    if (formatFigure(first, lang) === formatFigure(last, lang))
      return W.multiplesSame(noun, formatFigure(first, lang), first.year, last.year, asides);
    const from = `${formatFigure(first, lang)} (${first.year})`;
    const to = `${formatFigure(last, lang)} (${last.year})`;
    return W.multiplesChanged(noun, from, to, asides);
  });
  return `${capitalise(clauses.join(W.clauseSeparator))}.`;
}

export interface RegionValue {
  name: string;
  figure?: {
    value: number;
    upper?: number;
    qualifier: SeriesRow['qualifier'];
    unit?: string;
    wording?: string;
  };
}

/** The sentence under the map of regions for one metric and year. */
export function regionsSummary(
  metric: Pick<MetricInfo, 'label'>,
  year: number,
  regions: readonly RegionValue[],
  lang: Lang,
): string {
  const W = summaryWords(lang);
  const noun = nounOf(metric.label);
  const known = regions.filter((r) => r.figure).sort((a, b) => b.figure!.value - a.figure!.value);
  const top = known[0];
  if (!top) return W.regionsNone(year, noun);
  const f = formatFigure(top.figure!, lang);
  if (known.length === 1) return W.regionsOnly(year, top.name, noun, f, regions.length - 1);
  // Regions are ranked only when their sources count the same thing (the same unit).
  if (known.some((r) => (r.figure!.unit ?? '') !== (top.figure!.unit ?? '')))
    return W.regionsUnranked(year, known.length, regions.length, noun);
  return W.regionsRanked(year, known.length, regions.length, noun, top.name, f);
}

/** The sentence under the map of partner countries. */
export function partnersSummary(
  year: number,
  countries: readonly string[],
  associations: { value: number; qualifier: SeriesRow['qualifier'] } | undefined,
  lang: Lang,
): string {
  const W = summaryWords(lang);
  const list = formatList(countries, lang);
  if (countries.length === 0) return W.partnersNone(year);
  if (associations) return W.partnersWith(year, formatFigure(associations, lang), countries.length, list);
  return W.partners(year, countries.length, list);
}
