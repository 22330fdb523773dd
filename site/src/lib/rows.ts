/**
 * The serialisable rows that pages receive from their server `load` and hand to charts.
 * Shaped once on the server (lib/server/shape.ts); components never coerce or sort.
 */
import type { Cut } from '$core/comparability';
import type { Qualifier } from '$core/schema';
import { typeset, type Lang } from './format';

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
  /** The source's own words for a round figure (« une centaine »), in the page's language, shown instead of the number in text. */
  wording?: string;
  /** `medium`: the year is inferred from an undated page, or the figure is a range. */
  confidence?: 'high' | 'medium';
  source: SourceRef;
  /** Rows of a series compare only within one segment (`$core/comparability`); absent: 0. */
  segment?: number;
  /** Why this row does not compare with the row before it. */
  cut?: RowCut;
  /** The latest correction of this figure after its year was first published: when (ISO 8601) and why. */
  corrected?: { correctedAt: string; reason?: string };
}

/** A break in the series (its first year and public reason, in the page's language), or another unit. */
export type RowCut = { kind: 'break'; year: number; reason: string } | { kind: 'unit' };

/** A core point's comparability, in the page's language: what a row carries. */
export function rowComparability(
  p: { segment: number; cut?: Cut; confidence?: 'high' | 'medium' },
  lang: Lang,
): Pick<SeriesRow, 'segment' | 'cut' | 'confidence'> {
  const cut: RowCut | undefined =
    p.cut &&
    (p.cut.kind === 'break'
      ? { kind: 'break', year: p.cut.break.year, reason: typeset(p.cut.break.reason[lang], lang) }
      : { kind: 'unit' });
  return {
    segment: p.segment,
    ...(cut ? { cut } : {}),
    ...(p.confidence ? { confidence: p.confidence } : {}),
  };
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
