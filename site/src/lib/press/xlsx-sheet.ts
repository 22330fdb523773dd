/**
 * The XLSX press file's data sheet as a French (or English) desk reads it: headers in words,
 * numbers as numbers, the publication date as a date, each source as a link, and a column
 * that says the figure as the source does (« plus de 2 000 »). Cells for write-excel-file.
 * Client-safe and pure.
 */
import { formatFigure, qualifierWord, type Lang } from '../format';
import type { TidyRow } from './exports';

type Cell = {
  value: string | number | Date;
  type?: typeof String | typeof Number | typeof Date | 'Formula';
  format?: string;
  fontWeight?: 'bold';
  color?: string;
} | null;

const HEADERS: Record<Lang, string[]> = {
  fr: [
    'Année',
    'Indicateur',
    'Chiffre',
    'Valeur',
    'Borne haute',
    'Précision',
    'Unité',
    'Source',
    'Lien de la source',
    'Publié le',
    'Code de l’indicateur',
  ],
  en: [
    'Year',
    'Indicator',
    'Figure',
    'Value',
    'Upper bound',
    'Precision',
    'Unit',
    'Source',
    'Source link',
    'Published on',
    'Indicator code',
  ],
};

/** Column widths, in characters, matching HEADERS. */
export const XLSX_WIDTHS = [8, 32, 18, 12, 12, 14, 28, 60, 40, 12, 24];

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `HYPERLINK("https://…","…")` (OOXML stores formulas without their « = ») where Excel's 255-character limit allows, else the address as text. */
function link(url: string, text: string): Cell {
  if (url.length > 250) return { value: url };
  return {
    value: `HYPERLINK(${quoted(url)},${quoted(text.slice(0, 250))})`,
    type: 'Formula',
    color: '#1155cc',
  };
}

export function xlsxData(rows: readonly TidyRow[], lang: Lang): Cell[][] {
  const header = HEADERS[lang].map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = rows.map((r): Cell[] => {
    const qualifier = r.qualifier as Parameters<typeof qualifierWord>[0];
    return [
      { value: r.year, type: Number },
      { value: r.label },
      {
        value: formatFigure(
          { value: r.value, ...(r.upper !== undefined ? { upper: r.upper } : {}), qualifier },
          lang,
        ),
      },
      { value: r.value, type: Number },
      r.upper !== undefined ? { value: r.upper, type: Number } : null,
      { value: qualifierWord(qualifier, lang) || 'exact' },
      { value: r.unit },
      { value: r.source_title },
      link(r.source_url, r.source_url),
      r.published_at
        ? {
            value: new Date(`${r.published_at}T00:00:00Z`),
            type: Date,
            format: lang === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd',
          }
        : null,
      { value: r.metric },
    ];
  });
  return [header, ...body];
}
