/**
 * One-sentence, plain-language summaries generated from the data, in the page's language:
 * « De 2016 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678. » Qualifiers are
 * kept ("plus de 100 000"), and unknown years are said, never filled.
 */
import { formatFigure, formatList, yearRuns, type Lang } from './format';
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
  if (metric.kind !== 'count') return lang === 'fr' ? `le chiffre « ${metric.label} »` : `the figure “${metric.label}”`;
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

/** The sentence under a chart of one metric over years. Rows are sorted by year. */
export function seriesSummary(metric: Pick<MetricInfo, 'label' | 'kind'>, rows: readonly SeriesRow[], lang: Lang): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return lang === 'fr' ? `Aucun chiffre n’est publié pour ${subject(metric, lang)}.` : `No figure is published for ${subject(metric, lang)}.`;
  const a = formatFigure(first, lang);
  if (first === last)
    return lang === 'fr'
      ? `Un seul chiffre est connu : en ${first.year}, ${subject(metric, lang)} était de ${a}.`
      : `Only one figure is known: in ${first.year}, ${subject(metric, lang)} was ${a}.`;
  const b = formatFigure(last, lang);
  const gaps = gapsClause(missingYears(rows, [first.year, last.year]), lang);
  if (a === b && rows.every((r) => formatFigure(r, lang) === a))
    return lang === 'fr'
      ? `De ${first.year} à ${last.year}, ${subject(metric, lang)} est resté à ${a}${gaps}.`
      : `From ${first.year} to ${last.year}, ${subject(metric, lang)} stayed at ${a}${gaps}.`;
  if (a === b)
    return lang === 'fr'
      ? `En ${first.year} comme en ${last.year}, ${subject(metric, lang)} était de ${a}${gaps}.`
      : `In ${first.year} as in ${last.year}, ${subject(metric, lang)} was ${a}${gaps}.`;
  return lang === 'fr'
    ? `De ${first.year} à ${last.year}, ${subject(metric, lang)} est passé de ${a} à ${b}${gaps}.`
    : `From ${first.year} to ${last.year}, ${subject(metric, lang)} went from ${a} to ${b}${gaps}.`;
}

/** One sentence for small multiples: each metric's first and last known figure. */
export function multiplesSummary(series: readonly { metric: Pick<MetricInfo, 'label'>; rows: readonly SeriesRow[] }[], lang: Lang): string {
  const clauses = series.map(({ metric, rows }) => {
    const noun = nounOf(metric.label);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return lang === 'fr' ? `aucun chiffre pour les ${noun}` : `no figure for ${noun}`;
    if (first === last) return `${noun}${lang === 'fr' ? ' :' : ':'} ${formatFigure(first, lang)} (${first.year})`;
    if (formatFigure(first, lang) === formatFigure(last, lang))
      return lang === 'fr'
        ? `${noun} : ${formatFigure(first, lang)} en ${first.year} comme en ${last.year}`
        : `${noun}: ${formatFigure(first, lang)} in ${first.year} as in ${last.year}`;
    const from = `${formatFigure(first, lang)} (${first.year})`;
    const to = `${formatFigure(last, lang)} (${last.year})`;
    return lang === 'fr' ? `${noun} : de ${from} à ${to}` : `${noun}: from ${from} to ${to}`;
  });
  return `${capitalise(clauses.join(lang === 'fr' ? ' ; ' : '; '))}.`;
}

export interface RegionValue {
  name: string;
  figure?: { value: number; upper?: number; qualifier: SeriesRow['qualifier'] };
}

/** The sentence under the map of regions for one metric and year. */
export function regionsSummary(metric: Pick<MetricInfo, 'label'>, year: number, regions: readonly RegionValue[], lang: Lang): string {
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
  return lang === 'fr'
    ? `En ${year}, ${known.length} régions sur ${regions.length} ont un chiffre publié ${deNoun(noun)} ; ${top.name} vient en tête avec ${f}.`
    : `In ${year}, ${known.length} of ${regions.length} regions have a published figure for ${noun}; ${top.name} comes first with ${f}.`;
}

/** The sentence under the map of partner countries. */
export function partnersSummary(year: number, countries: readonly string[], associations: { value: number; qualifier: SeriesRow['qualifier'] } | undefined, lang: Lang): string {
  const list = formatList(countries, lang);
  if (countries.length === 0)
    return lang === 'fr' ? `Aucun pays partenaire n’est publié pour ${year}.` : `No partner country is published for ${year}.`;
  if (associations)
    return lang === 'fr'
      ? `En ${year}, La Cimade travaillait avec ${formatFigure(associations, lang)} associations partenaires dans ${countries.length} pays : ${list}.`
      : `In ${year}, La Cimade worked with ${formatFigure(associations, lang)} partner associations in ${countries.length} countries: ${list}.`;
  return lang === 'fr'
    ? `En ${year}, La Cimade avait des partenaires dans ${countries.length} pays : ${list}.`
    : `In ${year}, La Cimade had partners in ${countries.length} countries: ${list}.`;
}
