/**
 * Which figures of a series may be compared: never across a break (data/breaks.json), never
 * between figures whose units differ, unless data/breaks.json says the two wordings count the
 * same thing. A series is cut into segments; two figures compare only within one segment.
 * Plain TypeScript over the reference data: used by the public API, the CSV and the site's
 * summaries, so that every sentence and every export follows the same rule.
 */
import { sameMeasures, seriesBreaks, type SeriesBreak } from './reference';

/** The metric's breaks, oldest first. */
export function breaksOf(metric: string): SeriesBreak[] {
  return seriesBreaks.filter((b) => b.metric === metric).sort((a, b) => a.year - b.year);
}

/** The latest break that lies between two years (`from` < break year ≤ `to`), if any. */
export function breakBetween(metric: string, from: number, to: number): SeriesBreak | undefined {
  return breaksOf(metric)
    .filter((b) => from < b.year && b.year <= to)
    .at(-1);
}

/** The break that starts at `year` (the first year of a new definition), if any. */
export const breakAt = (metric: string, year: number): SeriesBreak | undefined =>
  seriesBreaks.find((b) => b.metric === metric && b.year === year);

/**
 * Two units count the same thing: the same wording, or wordings data/breaks.json groups. A figure
 * with no unit wording (staff may leave it blank) counts in the metric's own unit: it states no
 * difference, so it is compared.
 */
export function sameUnit(metric: string, a: string | undefined, b: string | undefined): boolean {
  if ((a ?? '') === (b ?? '') || !a || !b) return true;
  return sameMeasures.some(
    (g) => g.metric === metric && g.units.includes(a ?? '') && g.units.includes(b ?? ''),
  );
}

/** Why a figure does not compare with the one before it, or undefined when it does. */
export type Cut = { kind: 'break'; break: SeriesBreak } | { kind: 'unit' };

export function cutBetween(
  metric: string,
  before: { year: number; unit?: string },
  after: { year: number; unit?: string },
): Cut | undefined {
  const b = breakBetween(metric, before.year, after.year);
  if (b) return { kind: 'break', break: b };
  return sameUnit(metric, before.unit, after.unit) ? undefined : { kind: 'unit' };
}

/**
 * The segment of each point (points sorted by year): 0 for the first, one more at each cut.
 * Two points compare when their segments are equal.
 */
export function segmentsOf(metric: string, points: readonly { year: number; unit?: string }[]): number[] {
  let segment = 0;
  return points.map((p, i) => {
    if (i > 0 && cutBetween(metric, points[i - 1]!, p)) segment++;
    return segment;
  });
}
