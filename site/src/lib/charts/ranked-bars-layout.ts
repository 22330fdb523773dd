/**
 * Pure layout of ranked horizontal bars: largest first, widths in percent of the largest
 * (or of its upper bound when a source gives a range). Items without a figure are left
 * out here; the page says plainly which they are. No DOM: tested in Node.
 */
import type { YearPoint } from './year-series-layout';

export interface RankedItem<F extends Omit<YearPoint, 'year'> = Omit<YearPoint, 'year'>> {
  key: string;
  label: string;
  figure?: F;
}

export interface RankedBar<F extends Omit<YearPoint, 'year'> = Omit<YearPoint, 'year'>> {
  key: string;
  label: string;
  figure: F;
  rank: number;
  /** Bar length, 0–100 % of the track. */
  width: number;
  /** End of the range's upper bound, when there is one. */
  upperWidth?: number;
}

export function rankedBarsLayout<F extends Omit<YearPoint, 'year'>>(
  items: readonly RankedItem<F>[],
): RankedBar<F>[] {
  const known = items.filter((i): i is RankedItem<F> & { figure: F } => i.figure !== undefined);
  const max = Math.max(0, ...known.map((i) => i.figure.upper ?? i.figure.value)) || 1;
  return known
    .slice()
    .sort((a, b) => b.figure.value - a.figure.value || a.label.localeCompare(b.label))
    .map((i, rank) => ({
      key: i.key,
      label: i.label,
      figure: i.figure,
      rank: rank + 1,
      width: (Math.max(0, i.figure.value) / max) * 100,
      ...(i.figure.upper !== undefined ? { upperWidth: (i.figure.upper / max) * 100 } : {}),
    }));
}
