/**
 * Warnings that do not block a save: figures that look implausible, or small counts of
 * people that could identify someone.
 */
import { metricById } from './reference';
import type { PublishedYear, YearFigures } from './schema';
import { parseMetricKey } from './metric-keys';

/** The parameters each warning's wording needs (the admin words them; `message` is English). */
export interface WarningParams {
  LARGE_CHANGE: { metric: string; value: number; percent: number; previous: number; previousYear: number };
  SMALL_COUNT: { metric: string; value: number };
}

/** Who marked a warning as checked, and when; it holds while the warning's parameters stay the same. */
export interface Acknowledgement {
  by: string;
  at: string;
}

export type Warning = {
  [C in keyof WarningParams]: {
    path: string;
    code: C;
    params: WarningParams[C];
    message: string;
    /** Set when staff marked it as checked and the figure has not changed since. */
    acknowledged?: Acknowledgement;
  };
}[keyof WarningParams];

/** A move by more than this share against the previous published figure is flagged. */
export const LARGE_CHANGE_RATIO = 0.5;
/** Fewer people than this could be identifiable. */
export const SMALL_COUNT = 10;

export function warningsFor(draft: YearFigures, published: readonly PublishedYear[]): Warning[] {
  const earlier = published.filter((y) => y.year < draft.year).sort((a, b) => b.year - a.year);
  const warnings: Warning[] = [];
  draft.figures.forEach((f, i) => {
    const def = metricById.get(parseMetricKey(f.metric)?.metric ?? '');
    for (const y of earlier) {
      const prev = y.figures.find((p) => p.metric === f.metric);
      if (!prev) continue;
      if (prev.value !== 0 && Math.abs(f.value - prev.value) / Math.abs(prev.value) > LARGE_CHANGE_RATIO) {
        const pct = Math.round(((f.value - prev.value) / Math.abs(prev.value)) * 100);
        warnings.push({
          path: `figures.${i}.value`,
          code: 'LARGE_CHANGE',
          params: {
            metric: f.metric,
            value: f.value,
            percent: pct,
            previous: prev.value,
            previousYear: y.year,
          },
          message: `${f.metric}: ${f.value} is ${pct > 0 ? '+' : ''}${pct}% against ${prev.value} in ${y.year}; please check`,
        });
      }
      break;
    }
    if (def?.countsPeople && def.kind === 'count' && f.value > 0 && f.value < SMALL_COUNT)
      warnings.push({
        path: `figures.${i}.value`,
        code: 'SMALL_COUNT',
        params: { metric: f.metric, value: f.value },
        message: `${f.metric}: ${f.value} people is a small number that could identify someone`,
      });
  });
  return warnings;
}
