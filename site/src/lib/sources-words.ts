/**
 * The words of the /sources page alone, kept out of the main dictionaries (i18n.ts) that every
 * page ships: they cost the other pages 0.6 KB gzip of JavaScript. Typeset like them.
 */
import { typeset, type Lang } from './format';

export interface SourcesWords {
  sourceSays: string;
  perYear: string;
  dataHeading: string;
  csvAll: string;
  csvExcel: string;
  sameAsJson: string;
  publicApi: string;
  /** Around the licence's link, then a colon: « … sous licence <CC BY 4.0> : réutilisation libre … ». */
  licenceBefore: string;
  licenceAfter: string;
}

const fr: SourcesWords = {
  sourceSays: 'La source dit',
  perYear: 'Chiffres publiés par année',
  dataHeading: 'Toutes les données, la licence',
  csvAll: 'Tous les chiffres publiés (CSV, une observation par ligne, avec sa source)',
  csvExcel: 'le même fichier pour Excel en français (« ; », virgule décimale, dates jj/mm/aaaa)',
  sameAsJson: 'Les mêmes en JSON',
  publicApi: 'l’API publique (description OpenAPI)',
  licenceBefore: 'Graphiques, cartes et compilation sous licence',
  licenceAfter:
    'réutilisation libre en citant « La Cimade en chiffres ». Chaque chiffre reste celui de sa source. Chaque graphique se télécharge (image, données, kit presse) depuis son panneau « Intégrer · Télécharger ».',
};

const en: SourcesWords = {
  sourceSays: 'The source says',
  perYear: 'Figures published per year',
  dataHeading: 'All the data, the licence',
  csvAll: 'Every published figure (CSV, one observation per row, with its source)',
  csvExcel: 'the same file for French Excel (“;”, decimal comma, dates dd/mm/yyyy)',
  sameAsJson: 'The same as JSON',
  publicApi: 'the public API (OpenAPI description)',
  licenceBefore: 'Charts, maps and compilation licensed under',
  licenceAfter:
    'free to reuse, citing “La Cimade in figures”. Each figure remains its source’s. Every chart can be downloaded (picture, data, press kit) from its “Embed · Download” panel.',
};

const typesetWords = (w: SourcesWords, lang: Lang): SourcesWords =>
  Object.fromEntries(Object.entries(w).map(([k, v]) => [k, typeset(v, lang)])) as unknown as SourcesWords;

const WORDS: Record<Lang, SourcesWords> = { fr: typesetWords(fr, 'fr'), en: typesetWords(en, 'en') };

export const sourcesWords = (lang: Lang): SourcesWords => WORDS[lang];
