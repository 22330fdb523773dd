/**
 * The serialisable rows that pages receive from their server `load` and hand to charts.
 * Shaped once on the server (lib/server/shape.ts); components never coerce or sort.
 */
import type { Qualifier } from '$core/schema';

export interface SourceRef {
  title: string;
  url: string;
  /** The phrase the figure was read from, in the source's language (French). */
  quote?: string;
}

/** One year's figure for a metric, as the source gives it. */
export interface SeriesRow {
  year: number;
  value: number;
  upper?: number;
  qualifier: Qualifier;
  /** What the source counts, in its own words, when it says. */
  unit?: string;
  source: SourceRef;
}

/** A metric's catalogue entry, in the page's language. */
export interface MetricInfo {
  id: string;
  kind: 'count' | 'quantity' | 'amount' | 'percent';
  label: string;
  /** Plural noun of what is counted: « bénévoles », "volunteers". */
  unit: string;
  /** What is counted, from the catalogue; left out where a page does not show it (the home). */
  description?: string;
}

export interface Series {
  metric: MetricInfo;
  rows: SeriesRow[];
}

/** A source and the years whose figures it gives, for a chart's source line. */
export interface SourceLine extends SourceRef {
  years: number[];
}

/** Groups the sources of some rows, in order of first year. */
export function sourceLines(rows: readonly { year: number; source: SourceRef }[]): SourceLine[] {
  const byUrl = new Map<string, SourceLine>();
  for (const r of [...rows].sort((a, b) => a.year - b.year)) {
    const key = `${r.source.url}\u0000${r.source.title}`;
    const line = byUrl.get(key) ?? { title: r.source.title, url: r.source.url, years: [] };
    if (!line.years.includes(r.year)) line.years.push(r.year);
    byUrl.set(key, line);
  }
  return [...byUrl.values()];
}

/** Qualifiers from the most exact to the loosest, for keys and tables. */
export const QUALIFIER_ORDER = ['exact', 'approx', 'about', 'more_than'] as const;
