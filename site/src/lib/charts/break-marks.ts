/**
 * Where a chart over years marks a break in its series: a line between the last year of the
 * old definition and the first of the new one (a break's year, or, for a change of unit, the
 * first year counted the new way). Pure, in the plot's percent units like year-series-layout.
 */
import type { RowCut } from '$lib/rows';
import type { XLabel } from './year-series-layout';

export interface BreakMark {
  /** The first year of the new definition (or the first figure counted another way). */
  year: number;
  /** The boundary between that year's band and the one before it, 0–100. */
  x: number;
  kind: RowCut['kind'];
}

/** One mark per cut whose year falls inside the span (after its first year), left to right. */
export function breakMarks(
  rows: readonly { year: number; cut?: RowCut }[],
  xLabels: readonly Pick<XLabel, 'year' | 'x'>[],
): BreakMark[] {
  const step = xLabels.length > 1 ? xLabels[1]!.x - xLabels[0]!.x : 0;
  return rows.flatMap((r) => {
    if (!r.cut) return [];
    const year = r.cut.kind === 'break' ? r.cut.year : r.year;
    const label = xLabels.find((l) => l.year === year);
    if (!label || label === xLabels[0]) return [];
    return [{ year, x: label.x - step / 2, kind: r.cut.kind }];
  });
}

/** The cuts of some rows for a note under the chart: breaks with their reason, then changes of unit. */
export function breakNotes(
  rows: readonly { year: number; cut?: RowCut }[],
): { year: number; reason?: string }[] {
  return rows.flatMap((r) =>
    r.cut ? [r.cut.kind === 'break' ? { year: r.cut.year, reason: r.cut.reason } : { year: r.year }] : [],
  );
}
