/**
 * Numbers and qualified figures in each locale's format: `plus de 100 000` in French,
 * `more than 100,000` in English.
 */
import type { Qualifier } from '$core/schema';

export type Lang = 'fr' | 'en';

const numberFormats = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };
const compactFormats = {
  fr: new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 }),
};

export const formatNumber = (value: number, lang: Lang): string => numberFormats[lang].format(value);
export const formatCompact = (value: number, lang: Lang): string => compactFormats[lang].format(value);

const QUALIFIER_WORDS: Record<Lang, Record<Qualifier, string>> = {
  fr: { exact: '', approx: 'près de', about: 'environ', more_than: 'plus de' },
  en: { exact: '', approx: 'nearly', about: 'about', more_than: 'more than' },
};

export const qualifierWord = (q: Qualifier, lang: Lang): string => QUALIFIER_WORDS[lang][q];

/** `plus de 100 000`, `environ 2 500`, `150 à 200`. */
export function formatFigure(f: { value: number; upper?: number; qualifier: Qualifier }, lang: Lang): string {
  const n =
    f.upper === undefined
      ? formatNumber(f.value, lang)
      : `${formatNumber(f.value, lang)} ${lang === 'fr' ? 'à' : 'to'} ${formatNumber(f.upper, lang)}`;
  const word = qualifierWord(f.qualifier, lang);
  return word ? `${word} ${n}` : n;
}

const listFormats = {
  fr: new Intl.ListFormat('fr-FR', { type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};

/** `a, b et c` / `a, b and c`. */
export const formatList = (items: readonly string[], lang: Lang): string => listFormats[lang].format(items);

/** Runs of consecutive years: [2012, 2013, 2014, 2019] → ["2012–2014", "2019"]. */
export function yearRuns(years: readonly number[]): string[] {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs;
}

/** A figure followed by what it counts: `plus de 100 000 personnes`. */
export const formatFigureWithUnit = (f: { value: number; upper?: number; qualifier: Qualifier }, unit: string, lang: Lang): string =>
  unit === '%' ? `${formatFigure(f, lang)}${lang === 'fr' ? '\u202f' : ''}%` : `${formatFigure(f, lang)} ${unit}`;

/** A colon as each language writes it: a narrow no-break space before it in French. */
export const colon = (lang: Lang): string => (lang === 'fr' ? '\u202f:' : ':');
