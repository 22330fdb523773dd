/**
 * Numbers and qualified figures in each locale's format: `plus de 100 000` in French,
 * `more than 100,000` in English.
 */
import type { Qualifier } from '$core/schema';

export type Lang = 'fr' | 'en';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
// Made on first use: a formatter is slow to build (on a phone, longer than a page's hydration
// of its charts), and a page needs only its own language's.
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};
const compactFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** What Intl writes for whole numbers, without building a formatter: `1 234` (U+202F), `1,234`. */
const GROUP: Record<Lang, string> = { fr: '\u202f', en: ',' };
const DECIMAL: Record<Lang, string> = { fr: ',', en: '.' };
const COMPACT: Record<Lang, { k: string; M: string }> = {
  fr: { k: '\u00a0k', M: '\u00a0M' },
  en: { k: 'k', M: 'm' },
};
const wholeNumber = (value: number) => Number.isSafeInteger(value) && !Object.is(value, -0);
const grouped = (value: number, lang: Lang) =>
  `${value < 0 ? '-' : ''}${String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[lang])}`;

export const formatNumber = (value: number, lang: Lang): string =>
  wholeNumber(value)
    ? grouped(value, lang)
    : (numberFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang])).format(value);

/** `20 k`, `1,5 M` / `20k`, `1.5m`: as Intl's compact notation with one decimal at most. */
export function formatCompact(value: number, lang: Lang): string {
  const size = Math.abs(value);
  if (wholeNumber(value) && value >= 0 && size < 1e9) {
    if (size < 1000) return grouped(value, lang);
    const thousands = Math.round(value / 100) / 10;
    const [n, unit] =
      Math.abs(thousands) < 1000
        ? [thousands, COMPACT[lang].k]
        : [Math.round(value / 1e5) / 10, COMPACT[lang].M];
    if (Math.abs(n) < 1000) return `${String(n).replace('.', DECIMAL[lang])}${unit}`;
  }
  return (compactFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang], {
    notation: 'compact',
    maximumFractionDigits: 1,
  })).format(value);
}

const QUALIFIER_WORDS: Record<Lang, Record<Qualifier, string>> = {
  fr: { exact: '', approx: 'près de', about: 'environ', more_than: 'plus de' },
  en: { exact: '', approx: 'nearly', about: 'about', more_than: 'more than' },
};

export const qualifierWord = (q: Qualifier, lang: Lang): string => QUALIFIER_WORDS[lang][q];

/** French round-number nouns the sources use (« une centaine »), with their value and an English word. */
const ROUND_NOUNS: { fr: string; value: number; en: string }[] = [
  { fr: 'dizaine', value: 10, en: 'ten' },
  { fr: 'douzaine', value: 12, en: 'a dozen' },
  { fr: 'quinzaine', value: 15, en: 'fifteen' },
  { fr: 'vingtaine', value: 20, en: 'twenty' },
  { fr: 'trentaine', value: 30, en: 'thirty' },
  { fr: 'quarantaine', value: 40, en: 'forty' },
  { fr: 'cinquantaine', value: 50, en: 'fifty' },
  { fr: 'soixantaine', value: 60, en: 'sixty' },
  { fr: 'centaine', value: 100, en: 'a hundred' },
  { fr: 'millier', value: 1000, en: 'a thousand' },
];
const ROUND_LEAD: Record<Qualifier, { fr: RegExp; en: string } | undefined> = {
  exact: undefined,
  about: { fr: /(?:environ )?une /, en: 'about' },
  approx: { fr: /près d[’']une /, en: 'nearly' },
  more_than: { fr: /plus d[’']une /, en: 'more than' },
};

/**
 * The source's own words for a round figure, where the number would claim more than it says:
 * « plus d’une dizaine » for a `more_than` 10 whose quote says so, « une centaine » for an
 * `about` 100 ("more than ten", "about a hundred" in English). Undefined otherwise.
 */
export function roundWording(
  f: { value: number; upper?: number; qualifier: Qualifier },
  quote: string | undefined,
  lang: Lang,
): string | undefined {
  const lead = ROUND_LEAD[f.qualifier];
  const noun = ROUND_NOUNS.find((n) => n.value === f.value);
  if (!quote || !lead || !noun || f.upper !== undefined) return undefined;
  const found = new RegExp(`${lead.fr.source}${noun.fr}\\b`, 'i').exec(quote.replace(/\u00a0/g, ' '));
  if (!found) return undefined;
  if (lang === 'en') return `${lead.en} ${noun.en}`;
  return found[0].toLocaleLowerCase('fr').replace("'", '’');
}

/** « de 2 000 », « d’environ 2 500 », « d’une centaine »: `de` before a figure, elided before a vowel. */
export const deFigure = (figure: string): string =>
  /^[aeiouyhâàéèêëîïôöûü]/i.test(figure) ? `d’${figure}` : `de ${figure}`;

/** The word between a range's bounds (format.ts sits below the dictionaries, which import it). */
const RANGE_WORD: Record<Lang, string> = { fr: 'à', en: 'to' };

/**
 * `plus de 100 000`, `environ 2 500`, `150 à 200`, or the source's own words when the row
 * carries them (`wording`: « une centaine »). A range is written as the source gives it,
 * « 30 à 40 »: its bounds already say how exact it is, so no qualifier is added to it.
 */
export function formatFigure(
  f: { value: number; upper?: number; qualifier: Qualifier; wording?: string },
  lang: Lang,
): string {
  if (f.wording) return f.wording;
  if (f.upper !== undefined)
    return `${formatNumber(f.value, lang)} ${RANGE_WORD[lang]} ${formatNumber(f.upper, lang)}`;
  const n = formatNumber(f.value, lang);
  const word = qualifierWord(f.qualifier, lang);
  return word ? `${word} ${n}` : n;
}

const listFormats: Partial<Record<Lang, Intl.ListFormat>> = {};

/** `a, b et c` / `a, b and c`. */
export const formatList = (items: readonly string[], lang: Lang): string =>
  (listFormats[lang] ??= new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' })).format(items);

/** Runs of consecutive years: [2012, 2013, 2014, 2019] → ["2012–2014", "2019"]. */
export function yearRuns(years: readonly number[]): string[] {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs;
}

/** A figure followed by what it counts: `plus de 100 000 personnes`. */
export const formatFigureWithUnit = (
  f: { value: number; upper?: number; qualifier: Qualifier; wording?: string },
  unit: string,
  lang: Lang,
): string => {
  if (unit === '%') return `${formatFigure(f, lang)}${lang === 'fr' ? '\u202f' : ''}%`;
  // « une centaine d’établissements »: a French round noun takes « de » before what it counts.
  if (f.wording && lang === 'fr')
    return `${f.wording} ${/^[aeiouyhâàéèêëîïôöûü]/i.test(unit) ? `d’${unit}` : `de ${unit}`}`;
  return `${formatFigure(f, lang)} ${unit}`;
};

/** A colon as each language writes it: a narrow no-break space before it in French. */
/**
 * Typography for text shown to readers: the typographic apostrophe (’) and quotation marks
 * (“ ” in English, « » in French) in both languages; in
 * French, a narrow no-break space before « : ; ! ? » (added where a source wrote none:
 * « Nos actions: Prison ») and a no-break space inside « », so that no line starts with a
 * sign. A sign not followed by a space or the end is left alone: URLs and times are untouched.
 */
export function typeset(text: string, lang: Lang): string {
  // Straight double quotes around words become the language's own: “each year”, « chaque année ».
  const curly = text
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    .replace(/"([^"\n]+)"/g, lang === 'fr' ? '« $1 »' : '“$1”');
  if (lang !== 'fr') return curly;
  return curly
    .replace(/[ \u00a0]?([:;!?])(?=\s|$|\))/g, (m, sign: string, at: number) =>
      // After a word, a figure or a closing sign; never a second sign of a run (« ?! »).
      at > 0 && /[\p{L}\p{N})»”’.…\u00a0 ]/u.test(curly[at - 1]!) && !/[:;!?]/.test(curly[at - 1]!)
        ? `\u202f${sign}`
        : m,
    )
    .replace(/«[ \u00a0]*/g, '«\u00a0')
    .replace(/[ \u00a0]*»/g, '\u00a0»');
}

export const colon = (lang: Lang): string => (lang === 'fr' ? '\u202f:' : ':');
