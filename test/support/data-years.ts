/**
 * The years of data/figures.csv as published years, for specs that run over every series in
 * data/ (the charts' value labels on the page and in the pictures).
 */
import { readFileSync } from 'node:fs';
import { parseFigureRows } from '../../functions/src/core/figure-rows';
import type { PublishedYear } from '../../functions/src/core/schema';

export const dataYears: PublishedYear[] = parseFigureRows(
  readFileSync(new URL('../../data/figures.csv', import.meta.url), 'utf8'),
).years.map((y) => ({ ...y, version: 1, publishedAt: '2026-01-01T00:00:00Z', publishedBy: 'La Cimade' }));

/** Every metric key of data/, sorted. */
export const dataKeys: string[] = [
  ...new Set(dataYears.flatMap((y) => y.figures.map((f) => f.metric))),
].sort();

/** The span of all of data/: the widest a chart draws a series over. */
export const dataSpan: [number, number] = [
  Math.min(...dataYears.map((y) => y.year)),
  Math.max(...dataYears.map((y) => y.year)),
];
