/**
 * La Cimade's own block of key figures, as its « Missions » page — the seed of this project —
 * gives them: « Quelques chiffres pour 2016 », each national figure with its qualifier
 * (« plus de 10 », « une centaine »), for one year: the latest published, or the one asked
 * for. A figure that year does not have is left out, never carried over from another year.
 * Server-only; pure over published years.
 */
import type { PublishedYear } from '$core/schema';
import type { Lang } from '$lib/format';
import { sourceLines, type MetricInfo, type SeriesRow, type SourceLine } from '$lib/rows';
import { metricInfo, pickYear, rowsOf } from '$lib/server/shape';

/** The figures of the « Quelques chiffres » block, in its order. */
export const KEY_FIGURES = [
  'people_supported',
  'volunteers',
  'employees',
  'local_groups',
  'regions',
  'reception_points_and_french_courses',
  'detention_sites',
  'prisons',
  'housed_people',
  'partner_countries',
  'partner_associations',
] as const;

export interface KeyFigures {
  year: number;
  items: { metric: MetricInfo; row: SeriesRow }[];
  sources: SourceLine[];
  publishedAt?: string;
}

export function keyFigures(
  years: readonly PublishedYear[],
  lang: Lang,
  asked: number | undefined,
): KeyFigures | { status: 404; message: string } {
  const series = KEY_FIGURES.map((id) => ({ id, rows: rowsOf(years, id, lang) }));
  const available = [...new Set(series.flatMap((s) => s.rows.map((r) => r.year)))].sort((a, b) => a - b);
  const year = pickYear(asked === undefined ? null : String(asked), available);
  if (year === undefined) return { status: 404, message: 'no key figure is published yet' };
  if (asked !== undefined && year !== asked)
    return { status: 404, message: `no key figures published for ${asked}` };
  const items = series.flatMap((s) => {
    const row = s.rows.find((r) => r.year === year);
    return row ? [{ metric: metricInfo(s.id, lang), row }] : [];
  });
  const publishedAt = years.find((y) => y.year === year)?.publishedAt;
  return {
    year,
    items,
    sources: sourceLines(items.map((i) => i.row)),
    ...(publishedAt ? { publishedAt } : {}),
  };
}
