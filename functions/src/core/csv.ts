/**
 * Tidy CSV of published figures: one observation per row, safe to open in a spreadsheet.
 */
import { csvFormatRows } from 'd3-dsv';
import { metricById } from './reference';
import type { Figure, PublishedYear } from './schema';
import { parseMetricKey } from './metric-keys';
import { cutBetween } from './comparability';
import { lastCorrectionOf } from './corrections';

/**
 * `quote`: the source's phrase; `confidence`: `high` or `medium` (year inferred, or a range);
 * `countries`: ISO codes of a partner_countries row; `break`: `b` (Eurostat's flag) on the first
 * figure of a metric after a break in its series (data/breaks.json), where it is not comparable
 * with the figures before; `corrected_on` (a day in Paris) and `correction_reason`: the latest
 * correction of the figure after its year was first published.
 */
export const TIDY_COLUMNS = [
  'year',
  'metric',
  'value',
  'qualifier',
  'unit',
  'confidence',
  'countries',
  'break',
  'source_title',
  'source_url',
  'quote',
  'corrected_on',
  'correction_reason',
] as const;

/** A day in Paris, as `2026-12-02`: when a correction was published. */
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' });
export const correctedOn = (iso: string): string => parisDay.format(new Date(iso));

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

/** The metric's latest figure before `year` among `context`, if any. */
function previousOf(
  context: readonly PublishedYear[],
  metric: string,
  year: number,
): { year: number; unit?: string } | undefined {
  let found: { year: number; unit?: string } | undefined;
  for (const y of context) {
    if (y.year >= year || (found && y.year < found.year)) continue;
    const f = y.figures.find((g) => g.metric === metric);
    if (f) found = { year: y.year, unit: f.unit };
  }
  return found;
}

/** `b` when a break in the series lies between this figure and the metric's previous one in `context`. */
export function breakFlag(context: readonly PublishedYear[], year: number, f: Figure): string {
  const before = previousOf(context, f.metric, year);
  return before && cutBetween(f.metric, before, { year, unit: f.unit })?.kind === 'break' ? 'b' : '';
}

/** The rows of `years`; `context` (by default the same years) is where each figure's previous one is looked for. */
export function figureRows(
  years: readonly PublishedYear[],
  context: readonly PublishedYear[] = years,
): string[][] {
  return years.flatMap((y) =>
    y.figures.map((f) => {
      const corrected = lastCorrectionOf(y, f.metric);
      return [
        String(y.year),
        f.metric,
        formatValue(f),
        f.qualifier,
        unitOf(f),
        f.confidence ?? '',
        f.countries?.join(' ') ?? '',
        breakFlag(context, y.year, f),
        f.source.title,
        f.source.url,
        f.source.quote ?? '',
        corrected ? correctedOn(corrected.correctedAt) : '',
        corrected?.reason ?? '',
      ];
    }),
  );
}

export function toTidyCsv(
  years: readonly PublishedYear[],
  context: readonly PublishedYear[] = years,
): string {
  const rows = figureRows(years, context).map((r) => r.map(safeCell));
  return BOM + csvFormatRows([[...TIDY_COLUMNS], ...rows]) + '\n';
}
