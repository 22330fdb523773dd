/**
 * One-sentence, plain-language summaries generated from the data, in the page's language:
 * « De 2016 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678. » Qualifiers are
 * kept ("plus de 100 000"), and unknown years are said, never filled. A sentence never
 * compares figures that count different things: across a break in the series, or with
 * another unit (rows carry their `segment`, see `$core/comparability`).
 */
import { deFigure, formatFigure, formatList, yearRuns, type Lang } from './format';
import type { MetricInfo, SeriesRow } from './rows';

const KEEP_CAPITAL = /^(French|Migrant|Cimade|Massy|Béziers)/;

/** The metric's label as a noun inside a sentence: « bénévoles », "people supported". */
export function nounOf(label: string): string {
  if (KEEP_CAPITAL.test(label) || /^[A-Z]{2}/.test(label)) return label;
  return label.charAt(0).toLocaleLowerCase('fr') + label.slice(1);
}

/** « de bénévoles », « d'adhérents ». */
export function deNoun(noun: string): string {
  return /^[aeiouyhâàéèêëîïôöûüœ]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}

/** « le nombre de bénévoles », "the number of volunteers"; a label as-is when it is not a count. */
function subject(metric: Pick<MetricInfo, 'label' | 'kind'>, lang: Lang): string {
  const noun = nounOf(metric.label);
  if (metric.kind !== 'count')
    return lang === 'fr' ? `le chiffre « ${metric.label} »` : `the figure “${metric.label}”`;
  return lang === 'fr' ? `le nombre ${deNoun(noun)}` : `the number of ${noun}`;
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
  const runs = formatList(yearRuns(missing), lang);
  return lang === 'fr' ? ` (pas de chiffre connu pour ${runs})` : ` (no figure known for ${runs})`;
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
export const inferredEn = (years: readonly string[]): string =>
  years.length > 1
    ? `years of the ${years.join(' and ')} figures inferred from undated pages`
    : `year of the ${years[0]} figure inferred from an undated page`;

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
  const one = earlier.length === 1;
  const cut = first.cut;
  const fr = one
    ? `Le chiffre de ${years}`
    : `Les chiffres d’avant ${cut?.kind === 'break' ? cut.year : first.year} (${years})`;
  const en = one
    ? `The ${years} figure`
    : `Figures before ${cut?.kind === 'break' ? cut.year : first.year} (${years})`;
  if (cut?.kind === 'break')
    return lang === 'fr'
      ? ` ${cut.reason} ${fr} ${one ? 'n’est donc pas comparé' : 'ne sont donc pas comparés'}.`
      : ` ${cut.reason} ${en} ${one ? 'is' : 'are'} therefore not compared.`;
  return lang === 'fr'
    ? ` ${fr} ${one ? 'ne compte pas la même chose et n’est pas comparé' : 'ne comptent pas la même chose et ne sont pas comparés'}.`
    : ` ${en} ${one ? 'counts' : 'count'} something else and ${one ? 'is' : 'are'} not compared.`;
}

/** « L’année du chiffre de 2022 est déduite d’une page non datée. », for the rows a sentence compares. */
function inferredNote(compared: readonly SeriesRow[], lang: Lang): string {
  const years = [...new Set(compared.filter(inferredYear).map((r) => r.year))];
  if (years.length === 0) return '';
  const list = formatList(years.map(String), lang);
  if (lang === 'fr')
    return years.length === 1
      ? ` L’année du chiffre de ${list} est déduite d’une page non datée.`
      : ` Les années des chiffres de ${list} sont déduites de pages non datées.`;
  return years.length === 1
    ? ` The year of the ${list} figure is inferred from an undated page.`
    : ` The years of the ${list} figures are inferred from undated pages.`;
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
  const run = comparableRun(rows);
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last)
    return lang === 'fr'
      ? `Aucun chiffre n’est publié pour ${subject(metric, lang)}.`
      : `No figure is published for ${subject(metric, lang)}.`;
  const earlier = notComparedNote(rows.slice(0, rows.length - run.length), first, lang);
  const a = formatFigure(first, lang);
  if (first === last)
    return (
      (lang === 'fr'
        ? `${earlier ? 'Un seul chiffre comparable' : 'Un seul chiffre est connu'} : en ${first.year}, ${subject(metric, lang)} était ${deFigure(a)}.`
        : `${earlier ? 'Only one comparable figure' : 'Only one figure is known'}: in ${first.year}, ${subject(metric, lang)} was ${a}.`) +
      earlier
    );
  const b = formatFigure(last, lang);
  const gaps = gapsClause(missingYears(run, [first.year, last.year]), lang);
  const notes = inferredNote([first, last], lang) + earlier;
  if (a === b && run.every((r) => formatFigure(r, lang) === a))
    return (
      (lang === 'fr'
        ? `De ${first.year} à ${last.year}, ${subject(metric, lang)} est resté à ${a}${gaps}.`
        : `From ${first.year} to ${last.year}, ${subject(metric, lang)} stayed at ${a}${gaps}.`) + notes
    );
  if (a === b)
    return (
      (lang === 'fr'
        ? `En ${first.year} comme en ${last.year}, ${subject(metric, lang)} était ${deFigure(a)}${gaps}.`
        : `${capitalise(subject(metric, lang))} was ${a} in both ${first.year} and ${last.year}${gaps}.`) +
      notes
    );
  return (
    (lang === 'fr'
      ? `De ${first.year} à ${last.year}, ${subject(metric, lang)} est passé ${deFigure(a)} à ${b}${gaps}.`
      : `From ${first.year} to ${last.year}, ${subject(metric, lang)} ${EN_VERB[direction(first, last) ?? 'same']} from ${a} to ${b}${gaps}.`) +
    notes
  );
}

/** "rose from 90 to 151", "fell from…"; "went from" when the qualifiers leave the way open. */
const EN_VERB = { up: 'rose', down: 'fell', same: 'went' } as const;

/** « sans chiffre pour 2012–2015 », « chiffres d’avant 2017 non comparés », « année de 2022 déduite »: a clause's asides. */
function multiplesAsides(
  rows: readonly SeriesRow[],
  run: readonly SeriesRow[],
  compared: readonly SeriesRow[],
  lang: Lang,
): string {
  const asides: string[] = [];
  const first = run[0]!;
  const missing = missingYears(run, [first.year, run.at(-1)!.year]);
  if (missing.length)
    asides.push(
      `${lang === 'fr' ? 'sans chiffre pour' : 'no figure for'} ${formatList(yearRuns(missing), lang)}`,
    );
  const earlier = rows.length - run.length;
  if (earlier === 1)
    asides.push(
      lang === 'fr' ? `chiffre de ${rows[0]!.year} non comparé` : `${rows[0]!.year} figure not compared`,
    );
  else if (earlier > 1) {
    const since = first.cut?.kind === 'break' ? first.cut.year : first.year;
    asides.push(
      lang === 'fr' ? `chiffres d’avant ${since} non comparés` : `figures before ${since} not compared`,
    );
  }
  const inferred = [...new Set(compared.filter(inferredYear).map((r) => r.year))];
  if (inferred.length)
    asides.push(
      lang === 'fr'
        ? `année${inferred.length > 1 ? 's' : ''} ${formatList(inferred.map(String), lang)} déduite${inferred.length > 1 ? 's' : ''}`
        : inferredEn(inferred.map(String)),
    );
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
  const clauses = series.map(({ metric, rows }) => {
    const noun = nounOf(metric.label);
    const run = comparableRun(rows);
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return lang === 'fr' ? `aucun chiffre pour les ${noun}` : `no figure for ${noun}`;
    if (first === last)
      return `${noun}${lang === 'fr' ? ' :' : ':'} ${formatFigure(first, lang)} (${first.year})${multiplesAsides(rows, run, [], lang)}`;
    const asides = multiplesAsides(rows, run, [first, last], lang);
    if (formatFigure(first, lang) === formatFigure(last, lang))
      return lang === 'fr'
        ? `${noun} : ${formatFigure(first, lang)} en ${first.year} comme en ${last.year}${asides}`
        : `${noun}: ${formatFigure(first, lang)} in both ${first.year} and ${last.year}${asides}`;
    const from = `${formatFigure(first, lang)} (${first.year})`;
    const to = `${formatFigure(last, lang)} (${last.year})`;
    return lang === 'fr'
      ? `${noun} : de ${from} à ${to}${asides}`
      : `${noun}: from ${from} to ${to}${asides}`;
  });
  return `${capitalise(clauses.join(lang === 'fr' ? ' ; ' : '; '))}.`;
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
  const noun = nounOf(metric.label);
  const known = regions.filter((r) => r.figure).sort((a, b) => b.figure!.value - a.figure!.value);
  const top = known[0];
  if (!top)
    return lang === 'fr'
      ? `En ${year}, aucune région n’a de chiffre publié ${deNoun(noun)}.`
      : `In ${year}, no region has a published figure for ${noun}.`;
  const f = formatFigure(top.figure!, lang);
  if (known.length === 1)
    return lang === 'fr'
      ? `En ${year}, seule la région ${top.name} a un chiffre publié ${deNoun(noun)} : ${f} ; les ${regions.length - 1} autres régions connues n’en ont pas.`
      : `In ${year}, only ${top.name} has a published figure for ${noun}: ${f}; the other ${regions.length - 1} known regions have none.`;
  // Regions are ranked only when their sources count the same thing (the same unit).
  if (known.some((r) => (r.figure!.unit ?? '') !== (top.figure!.unit ?? '')))
    return lang === 'fr'
      ? `En ${year}, ${known.length} régions sur ${regions.length} ont un chiffre publié ${deNoun(noun)} ; leurs sources ne comptent pas la même chose, elles ne sont donc pas classées.`
      : `In ${year}, ${known.length} of ${regions.length} regions have a published figure for ${noun}; their sources do not count the same thing, so they are not ranked.`;
  return lang === 'fr'
    ? `En ${year}, ${known.length} régions sur ${regions.length} ont un chiffre publié ${deNoun(noun)} ; ${top.name} vient en tête avec ${f}.`
    : `In ${year}, ${known.length} of ${regions.length} regions have a published figure for ${noun}; ${top.name} comes first with ${f}.`;
}

/** The sentence under the map of partner countries. */
export function partnersSummary(
  year: number,
  countries: readonly string[],
  associations: { value: number; qualifier: SeriesRow['qualifier'] } | undefined,
  lang: Lang,
): string {
  const list = formatList(countries, lang);
  if (countries.length === 0)
    return lang === 'fr'
      ? `Aucun pays partenaire n’est publié pour ${year}.`
      : `No partner country is published for ${year}.`;
  if (associations)
    return lang === 'fr'
      ? `En ${year}, La Cimade travaillait avec ${formatFigure(associations, lang)} associations partenaires dans ${countries.length} pays : ${list}.`
      : `In ${year}, La Cimade worked with ${formatFigure(associations, lang)} partner associations in ${countries.length} countries: ${list}.`;
  return lang === 'fr'
    ? `En ${year}, La Cimade avait des partenaires dans ${countries.length} pays : ${list}.`
    : `In ${year}, La Cimade had partners in ${countries.length} countries: ${list}.`;
}
