/**
 * The words of the embed panel under each chart, in French and English: kept apart from
 * press-text.ts because every chart page ships them. Client-safe, pure.
 */
import type { Lang } from '../format';
import type { ColourTheme } from './charts';

const fr = {
  embedHeading: 'Intégrer ce graphique',
  codeLabel: 'Code à copier dans votre article',
  copy: 'Copier le code',
  copied: 'Code copié',
  codeHelp:
    'Le cadre (iframe) suffit : le graphique s’affiche même sans JavaScript. Le script, facultatif, ajuste sa hauteur ; WordPress, AMP et les pages qui intègrent déjà Datawrapper l’ajustent aussi sans lui.',
  live: 'Toujours à jour',
  pinned: (y: number) => `Figé sur ${y}`,
  whichYears: 'Années montrées',
  colours: 'Couleurs',
  themes: { auto: 'celles du lecteur', light: 'claires', dark: 'sombres' } satisfies Record<
    ColourTheme,
    string
  >,
  download: 'Télécharger',
  formats: {
    png: 'PNG',
    png2: 'PNG haute définition',
    svg: 'SVG',
    csv: 'CSV',
    csvExcelFr: 'CSV pour Excel en français (;)',
    xlsx: 'Excel (XLSX)',
    json: 'JSON',
    zip: 'Kit presse (zip)',
  },
};

const en: typeof fr = {
  embedHeading: 'Embed this chart',
  codeLabel: 'Code to paste in your article',
  copy: 'Copy the code',
  copied: 'Code copied',
  codeHelp:
    'The frame (iframe) is enough: the chart shows even without JavaScript. The optional script fits its height; WordPress, AMP and pages that already embed Datawrapper fit it without the script too.',
  live: 'Always up to date',
  pinned: (y) => `Pinned to ${y}`,
  whichYears: 'Years shown',
  colours: 'Colours',
  themes: { auto: 'the reader’s', light: 'light', dark: 'dark' },
  download: 'Download',
  formats: {
    png: 'PNG',
    png2: 'High-resolution PNG',
    svg: 'SVG',
    csv: 'CSV',
    csvExcelFr: 'CSV for French Excel (;)',
    xlsx: 'Excel (XLSX)',
    json: 'JSON',
    zip: 'Press kit (zip)',
  },
};

const texts: Record<Lang, typeof fr> = { fr, en };
export const panelText = (lang: Lang): typeof fr => texts[lang];
