/**
 * The XLSX press file's data sheet as a French (or English) desk reads it: headers in words,
 * numbers as numbers, the publication date as a date, each source as a link, and a column
 * that says the figure as the source does (« plus de 2 000 »). Cells for write-excel-file.
 * Client-safe and pure.
 */
import { formatFigure, qualifierWord, type Lang } from '../format';
import type { DataTable } from './table';
import { t } from '../i18n';

type Cell = {
  value: string | number | Date;
  type?: typeof String | typeof Number | typeof Date | 'Formula';
  format?: string;
  fontWeight?: 'bold';
  color?: string;
} | null;

type Kind = 'number' | 'text' | 'date' | 'link' | 'qualifier' | 'yes-no';

/** Each column a download's table may have: its header in French and English, width (characters), and how its cells are written. */
const COLUMNS: Record<string, { fr: string; en: string; width: number; kind: Kind }> = {
  year: { fr: 'Année', en: 'Year', width: 8, kind: 'number' },
  label: { fr: 'Indicateur', en: 'Indicator', width: 32, kind: 'text' },
  region_name: { fr: 'Région', en: 'Region', width: 26, kind: 'text' },
  country_name: { fr: 'Pays', en: 'Country', width: 24, kind: 'text' },
  partner_in_year: { fr: 'Partenaire cette année', en: 'Partner that year', width: 12, kind: 'yes-no' },
  associations: { fr: 'Associations partenaires', en: 'Partner associations', width: 60, kind: 'text' },
  figure: { fr: 'Chiffre', en: 'Figure', width: 18, kind: 'text' },
  value: { fr: 'Valeur', en: 'Value', width: 12, kind: 'number' },
  upper: { fr: 'Borne haute', en: 'Upper bound', width: 12, kind: 'number' },
  qualifier: { fr: 'Précision', en: 'Precision', width: 14, kind: 'qualifier' },
  unit: { fr: 'Unité', en: 'Unit', width: 28, kind: 'text' },
  source_title: { fr: 'Source', en: 'Source', width: 60, kind: 'text' },
  source_url: { fr: 'Lien de la source', en: 'Source link', width: 40, kind: 'link' },
  published_at: { fr: 'Publié le', en: 'Published on', width: 12, kind: 'date' },
  metric: { fr: 'Code de l’indicateur', en: 'Indicator code', width: 24, kind: 'text' },
  region: { fr: 'Code de la région', en: 'Region code', width: 20, kind: 'text' },
  country: { fr: 'Code du pays', en: 'Country code', width: 10, kind: 'text' },
};

/** The sheet's column order: words first, codes last; a table's column not named here follows, headed by its key. */
const ORDER = Object.keys(COLUMNS);

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

/** The columns of the sheet for a table: its own, in the sheet's order, plus « Chiffre » where it has values. */
export function xlsxColumns(t: Pick<DataTable, 'columns'>): string[] {
  const has = new Set([...t.columns, ...(t.columns.includes('value') ? ['figure'] : [])]);
  return [...ORDER.filter((c) => has.has(c)), ...t.columns.filter((c) => !(c in COLUMNS))];
}

export const xlsxWidths = (t: Pick<DataTable, 'columns'>): number[] =>
  xlsxColumns(t).map((c) => COLUMNS[c]?.width ?? 20);

function cellOf(key: string, r: DataTable['rows'][number], lang: Lang): Cell {
  const v = r[key];
  if (key === 'figure') {
    if (typeof r.value !== 'number') return null;
    const qualifier = r.qualifier as Parameters<typeof formatFigure>[0]['qualifier'];
    const upper = typeof r.upper === 'number' ? { upper: r.upper } : {};
    return { value: formatFigure({ value: r.value, ...upper, qualifier }, lang) };
  }
  if (v === undefined || v === '') return null;
  switch (COLUMNS[key]?.kind) {
    case 'number':
      return typeof v === 'number' ? { value: v, type: Number } : { value: v };
    case 'date':
      return {
        value: new Date(`${v}T00:00:00Z`),
        type: Date,
        format: lang === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd',
      };
    case 'link':
      return link(String(v), String(v));
    case 'qualifier':
      return { value: qualifierWord(v as Parameters<typeof qualifierWord>[0], lang) || 'exact' };
    case 'yes-no':
      return { value: v === 'yes' ? t(lang).press.yes : t(lang).press.no };
    default:
      return { value: String(v) };
  }
}

/** The data sheet: a bold header row in words, then one row per observation of the table. */
export function xlsxData(t: DataTable, lang: Lang): Cell[][] {
  const keys = xlsxColumns(t);
  const header = keys.map((k) => ({ value: COLUMNS[k]?.[lang] ?? k, fontWeight: 'bold' as const }));
  return [header, ...t.rows.map((r) => keys.map((k) => cellOf(k, r, lang)))];
}
