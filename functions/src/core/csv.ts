/**
 * Tidy CSV of published figures: one observation per row, safe to open in a spreadsheet.
 */
import { csvFormatRows } from 'd3-dsv';
import { metricById } from './reference';
import type { Figure, PublishedYear } from './schema';
import { parseMetricKey } from './metric-keys';

export const TIDY_COLUMNS = ['year', 'metric', 'value', 'qualifier', 'unit', 'source_title', 'source_url'] as const;

/** A UTF-8 byte-order mark, so that Excel reads accents right. */
export const BOM = '\uFEFF';

/**
 * Neutralises a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR),
 * unless it is a plain number such as `-274421` or `-1,5`.
 */
export function safeCell(cell: string): string {
  if (/^-?\d+([.,]\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** `150` or, for a range the source gave, `150-200`. */
export const formatValue = (f: Pick<Figure, 'value' | 'upper'>): string =>
  f.upper === undefined ? String(f.value) : `${f.value}-${f.upper}`;

export function unitOf(f: Figure): string {
  const key = parseMetricKey(f.metric);
  return f.unit ?? (key ? metricById.get(key.metric)?.unit.fr : undefined) ?? '';
}

export function figureRows(years: readonly PublishedYear[]): string[][] {
  return years.flatMap((y) =>
    y.figures.map((f) => [String(y.year), f.metric, formatValue(f), f.qualifier, unitOf(f), f.source.title, f.source.url]),
  );
}

export function toTidyCsv(years: readonly PublishedYear[]): string {
  const rows = figureRows(years).map((r) => r.map(safeCell));
  return BOM + csvFormatRows([[...TIDY_COLUMNS], ...rows]) + '\n';
}
