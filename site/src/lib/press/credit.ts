/**
 * The short credit a picture, an embed and a citation carry, in place of the full list of
 * sources (that list stays on the page, in the data files and in the press kit):
 * « Source : La Cimade, Mediapart · Chiffres jusqu’en 2016 » then
 * « La Cimade en chiffres · données au 3 mars 2025 · CC BY 4.0 · chiffres.lacimade.org/… ».
 * Client-safe and pure.
 */
import { formatList, type Lang } from '../format';
import type { SourceLine } from '../rows';
import { formatDate, LICENCE, pressText } from './press-text';

/**
 * Who published a source, from its title: La Cimade for its own pages, newsletters and
 * reports (« La Cimadine n°18 », « La Cimade Île-de-France – … »), else the title's head
 * before « – » or a date (« Mediapart, 10/04/2009 – … » → « Mediapart »), without
 * parentheses; a title that is only a quotation gives the site's host.
 */
export function publisherOf(source: Pick<SourceLine, 'title' | 'url'>): string {
  const head = source.title
    .split(' – ')[0]!
    .split(', ')[0]!
    .replace(/\s*\([^)]*\)/g, '')
    .trim();
  if (/\bLa Cimad/.test(head) && head.length < 40) return 'La Cimade';
  if (head === '' || head.startsWith('«')) {
    try {
      return new URL(source.url).hostname.replace(/^www\./, '');
    } catch {
      return head || source.title;
    }
  }
  return head;
}

/** Publishers, each once, La Cimade first, then in order of first year. */
export function publishers(sources: readonly Pick<SourceLine, 'title' | 'url'>[]): string[] {
  const names = [...new Set(sources.map(publisherOf))];
  return [...names.filter((n) => n === 'La Cimade'), ...names.filter((n) => n !== 'La Cimade')];
}

export interface CreditInput {
  sources: readonly Pick<SourceLine, 'title' | 'url'>[];
  view: { lang: Lang; year?: number };
  publishedAt?: string;
  corrections?: readonly { correctedAt: string }[];
}

const words = {
  fr: {
    source: (n: number) => (n > 1 ? 'Sources' : 'Source'),
    colon: '\u202f:',
    others: (n: number) => `et ${n} autre${n > 1 ? 's' : ''}`,
    asOf: 'données au',
    site: 'La Cimade en chiffres',
  },
  en: {
    source: (n: number) => (n > 1 ? 'Sources' : 'Source'),
    colon: ':',
    others: (n: number) => `and ${n} other${n > 1 ? 's' : ''}`,
    asOf: 'data as of',
    site: 'La Cimade in figures',
  },
} as const;

/** `CC BY 4.0`, as a credit names the licence. */
export const LICENCE_SHORT = LICENCE.id.replace(/^CC-BY-/, 'CC BY ');

/** « https://chiffres.lacimade.org/benevoles?year=2016#graphique » → « chiffres.lacimade.org/benevoles?year=2016 ». */
export const shortUrl = (url: string): string => url.replace(/^https?:\/\//, '').replace(/#.*$/, '');

/**
 * The credit's two lines. `fits(line)` says whether a line fits the space it is printed in;
 * the list of publishers is shortened (« et 3 autres ») until the first line fits, and the
 * address is dropped from the second before anything else.
 */
export function creditLines(
  c: CreditInput,
  url: string | undefined,
  fits: (line: string) => boolean = () => true,
): [string, string] {
  const lang = c.view.lang;
  const W = words[lang];
  const P = pressText(lang);
  const names = publishers(c.sources);
  const notes: string[] = [];
  if (c.view.year !== undefined) notes.push(P.pinnedNote(c.view.year).replace(/\.$/, ''));
  const lastCorrection = c.corrections?.at(-1);
  if (lastCorrection) notes.push(P.corrected(formatDate(lastCorrection.correctedAt, lang)));
  const first = (shown: number): string => {
    const listed = shown < names.length ? [...names.slice(0, shown), W.others(names.length - shown)] : names;
    const list =
      shown < names.length ? `${listed.slice(0, -1).join(', ')} ${listed.at(-1)}` : formatList(listed, lang);
    return [`${W.source(names.length)}${W.colon} ${list}`, ...notes].join(' · ');
  };
  let shown = names.length;
  while (shown > 1 && !fits(first(shown))) shown--;
  const stamp = [
    W.site,
    ...(c.publishedAt ? [`${W.asOf} ${formatDate(c.publishedAt, lang)}`] : []),
    LICENCE_SHORT,
  ];
  const withUrl = url ? [...stamp, shortUrl(url)].join(' · ') : undefined;
  return [first(shown), withUrl && fits(withUrl) ? withUrl : stamp.join(' · ')];
}

/** The credit as one line, for an embed (which links to the page on its own). */
export const creditText = (c: CreditInput): string => creditLines(c, undefined).join(' · ');
