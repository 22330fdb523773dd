/**
 * The words of embeds, downloads and the press kit, in French and English. Client-safe, pure.
 */
import type { Change } from '$core/diff';
import { colon as colonOf, formatList, formatNumber, type Lang } from '../format';

/** The licence of the charts and of this compilation; each figure stays its source's. */
export { LICENCE } from '../../../../functions/src/core/licence';

// Made on first use: a formatter with a time zone loads ICU's zone data, ≈ 10 ms of a cold
// start that most requests (and every CSV or JSON download) never need.
const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
/** `3 mars 2025` / `3 March 2025`. */
export const formatDate = (iso: string, lang: Lang): string =>
  (dateFormats[lang] ??= new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  })).format(new Date(iso));

const yearRange = (span: readonly [number, number]) =>
  span[0] === span[1] ? String(span[0]) : `${span[0]}–${span[1]}`;

const fr = {
  pinnedNote: (y: number) => `Chiffres jusqu’en ${y}.`,
  seeLive: 'Voir les chiffres à jour',
  corrected: (date: string) => `Corrigé le ${date}`,
  seeOn: 'Voir sur La Cimade en chiffres',
  chartLabel: (title: string) => `Graphique : ${title}`,
  field: {
    value: 'chiffre',
    upper: 'borne haute',
    qualifier: 'précision',
    unit: 'unité',
    'source.title': 'source',
    'source.url': 'lien de la source',
    'source.quote': 'citation de la source',
    '(added)': 'ajouté',
    '(removed)': 'retiré',
  } as Record<string, string>,
  citation: (
    title: string,
    span: readonly [number, number],
    sources: string[],
    date: string | undefined,
    url: string,
  ) =>
    `La Cimade en chiffres, « ${title} » (${yearRange(span)}), d’après ${formatList(sources, 'fr')}${date ? `, données au ${date}` : ''}, licence CC BY 4.0. ${url}`,
};

type PressText = typeof fr;

const en: PressText = {
  pinnedNote: (y) => `Figures up to ${y}.`,
  seeLive: 'See the latest figures',
  corrected: (date) => `Corrected on ${date}`,
  seeOn: 'See on La Cimade in figures',
  chartLabel: (title) => `Chart: ${title}`,
  field: {
    value: 'figure',
    upper: 'upper bound',
    qualifier: 'precision',
    unit: 'unit',
    'source.title': 'source',
    'source.url': 'source link',
    'source.quote': 'source quote',
    '(added)': 'added',
    '(removed)': 'removed',
  },
  citation: (title, span, sources, date, url) =>
    `La Cimade in figures, “${title}” (${yearRange(span)}), from ${formatList(sources, 'en')}${date ? `, data as of ${date}` : ''}, CC BY 4.0 licence. ${url}`,
};

const texts: Record<Lang, PressText> = { fr, en };
export const pressText = (lang: Lang): PressText => texts[lang];

const shown = (v: unknown, lang: Lang): string =>
  v === undefined || v === null
    ? '—'
    : typeof v === 'number'
      ? formatNumber(v, lang)
      : typeof v === 'string'
        ? v
        : JSON.stringify(v);

/** « 2016 · Bénévoles, chiffre : 2 000 → 2 100 ». */
export function describeChange(year: number, change: Change, label: string, lang: Lang): string {
  const P = pressText(lang);
  const field = P.field[change.field] ?? change.field;
  const colon = colonOf(lang);
  if (change.field === '(added)') return `${year} · ${label}${colon} ${field} (${shown(change.after, lang)})`;
  if (change.field === '(removed)')
    return `${year} · ${label}${colon} ${field} (${shown(change.before, lang)})`;
  return `${year} · ${label}, ${field}${colon} ${shown(change.before, lang)} → ${shown(change.after, lang)}`;
}
