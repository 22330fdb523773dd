/**
 * The model staff download to fill in: every year as it stands (the draft, else the
 * published version), written the way French Excel writes a CSV — `;` between cells,
 * decimal commas, CRLF line ends, a UTF-8 byte-order mark (so Excel reads the accents),
 * French headers, metric labels and qualifier words. The import reads it back unchanged.
 */
import { dsvFormat } from 'd3-dsv';
import { BOM, safeCell } from './csv';
import {
  CONFIDENCE_WORDS,
  FRENCH_HEADERS,
  IMPORT_COLUMNS,
  metricKeyLabel,
  QUALIFIER_WORDS,
  type ImportColumn,
} from './labels';
import type { Figure, YearFigures } from './schema';

const frenchNumber = (n: number) => String(n).replace('.', ',');

function cells(y: YearFigures, f: Figure, first: boolean): Record<ImportColumn, string> {
  return {
    year: String(y.year),
    metric: metricKeyLabel(f.metric, 'fr'),
    value:
      f.upper === undefined ? frenchNumber(f.value) : `${frenchNumber(f.value)}-${frenchNumber(f.upper)}`,
    qualifier: QUALIFIER_WORDS[f.qualifier],
    unit: f.unit ?? '',
    source_title: f.source.title,
    source_url: f.source.url,
    quote: f.source.quote ?? '',
    confidence: f.confidence ? CONFIDENCE_WORDS[f.confidence] : '',
    countries: f.countries?.join(', ') ?? '',
    note: f.note ?? '',
    // Once per year, on its first line.
    year_notes: first ? (y.notes ?? '') : '',
  };
}

export function toImportModel(years: readonly YearFigures[]): string {
  const rows = years.flatMap((y) =>
    y.figures.map((f, i) => IMPORT_COLUMNS.map((c) => safeCell(cells(y, f, i === 0)[c]))),
  );
  const header = IMPORT_COLUMNS.map((c) => FRENCH_HEADERS[c]);
  const semicolons = dsvFormat(';');
  return BOM + [header, ...rows].map((r) => semicolons.formatRow(r)).join('\r\n') + '\r\n';
}
