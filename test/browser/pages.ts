/**
 * The explorer's pages, in both languages, for the browser suite.
 */
import { localPath } from '../../site/src/lib/i18n';

export const PAGES = [
  '/',
  '/personnes',
  '/benevoles',
  '/regions',
  '/international',
  '/retention-prison',
  '/hebergement',
  '/sources',
] as const;

/** A page's path in a language: each theme has its own slug in English (`/en/people-supported`). */
export const inLang = (path: string, lang: 'fr' | 'en'): string => localPath(lang, path);

export const ALL_PAGES: { path: string; lang: 'fr' | 'en' }[] = (['fr', 'en'] as const).flatMap((lang) =>
  PAGES.map((p) => ({ path: inLang(p, lang), lang })),
);

/** A file-name-safe name for a page: `fr-benevoles`, `en-home`. */
export const pageName = (path: string, lang: string): string =>
  `${lang}-${path.replace(/^\/en/, '').replace(/^\//, '') || 'home'}`;

/** Spaces in numbers and before colons differ by locale; tests compare text with plain spaces. */
export const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
