/** Synthetic figures for tests only: never shipped, never shown as La Cimade's. */
import type { Figure, YearFigures } from '../../functions/src/core/schema';

export const source = { title: 'Test source', url: 'https://example.org/source' };

export const figure = (metric: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  metric,
  value,
  qualifier: 'exact',
  source,
  ...extra,
});

export const yearOf = (year: number, figures: Figure[]): YearFigures => ({ year, figures });
