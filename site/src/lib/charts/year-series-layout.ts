/**
 * Pure layout of a series over years as bars: a band per year of the whole span, a bar only
 * where the year has a figure. Unknown years stay empty bands, marked as gaps; no value is
 * ever interpolated. No DOM: tested in Node.
 *
 * Geometry is in percent of the plot (x: 0 left → 100 right, y: 0 top → 100 bottom), so the
 * SVG stretches to any width while its text, drawn in HTML over it, keeps its size. Which
 * year labels fit is decided per container-width breakpoint, for CSS container queries.
 *
 * It runs in the browser too (the staff's draft preview redraws as they type), so it uses
 * d3-array's ticks and nice rather than d3-scale, which would bring interpolators, colours
 * and formats the bars never need. The band arithmetic is d3's `scaleBand`, written out.
 */
import { nice, ticks } from 'd3-array';
import type { Qualifier } from '$core/schema';

export interface YearPoint {
  year: number;
  value: number;
  upper?: number;
  qualifier: Qualifier;
}

export interface Bar<P extends YearPoint = YearPoint> {
  point: P;
  year: number;
  x: number;
  width: number;
  y: number;
  height: number;
  /** Top of the range's upper bound, when the source gave a range. */
  yUpper?: number;
}

export interface Gap {
  year: number;
  x: number;
  width: number;
}

export interface XLabel {
  year: number;
  /** Centre of the year's band. */
  x: number;
  /** Index in BREAKPOINTS from which the label fits; BREAKPOINTS.length when it never does. */
  from: number;
}

export interface YearSeriesLayout<P extends YearPoint = YearPoint> {
  years: number[];
  bars: Bar<P>[];
  gaps: Gap[];
  xLabels: XLabel[];
  yTicks: { value: number; y: number }[];
  /** Index in BREAKPOINTS from which a value label fits above each bar. */
  valueLabelsFrom: number;
}

/** Plot widths (px) at which the chart's text is re-fitted; the first is the narrowest phone's. */
export const BREAKPOINTS = [200, 300, 460, 660] as const;
const YEAR_LABEL_PX = 38;
/** Width of one character of a value label (0.7rem), and the room around it. */
const VALUE_CHAR_PX = 6.4;
const VALUE_PAD_PX = 2;
/** Each step divides the next, so a label shown at a width stays shown when wider. */
const LABEL_STEPS = [1, 2, 4, 8, 16, 32];

/** Every year from the first to the last of the series (or of `span` when given). */
export function yearSpan(points: readonly YearPoint[], span?: readonly [number, number]): number[] {
  const years = points.map((p) => p.year);
  const [from, to] = span ?? [Math.min(...years), Math.max(...years)];
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const plotPx = (k: number) => BREAKPOINTS[k]!;

const PADDING_INNER = 0.2;
const PADDING_OUTER = 0.1;

/** d3's scaleBand over 0–100, centred: a band per year, `bandwidth` wide. */
export function bandScale(years: readonly number[]): ((year: number) => number | undefined) & { bandwidth: number } {
  const n = years.length;
  const step = 100 / Math.max(1, n - PADDING_INNER + PADDING_OUTER * 2);
  const start = (100 - step * (n - PADDING_INNER)) / 2;
  const index = new Map(years.map((y, i) => [y, i]));
  const scale = (year: number) => {
    const i = index.get(year);
    return i === undefined ? undefined : start + step * i;
  };
  return Object.assign(scale, { bandwidth: step * (1 - PADDING_INNER) });
}

/** The smallest label step whose labels fit in the plot at breakpoint k. */
export function labelStep(count: number, k: number): number {
  return LABEL_STEPS.find((s) => Math.ceil(count / s) * YEAR_LABEL_PX <= plotPx(k)) ?? LABEL_STEPS.at(-1)!;
}

function labelFrom(index: number, count: number): number {
  const k = BREAKPOINTS.findIndex((_, i) => index % labelStep(count, i) === 0);
  return k === -1 ? BREAKPOINTS.length : k;
}

/**
 * @param valueChars length of the longest value label, to decide from which width value
 * labels fit above the bars. @default 7
 */
export function yearSeriesLayout<P extends YearPoint>(points: readonly P[], span?: readonly [number, number], valueChars = 7): YearSeriesLayout<P> {
  const years = yearSpan(points, span);
  const x = bandScale(years);
  const [, top] = nice(0, Math.max(0, ...points.map((p) => p.upper ?? p.value)) || 1, 4);
  const y = (v: number) => 100 - (v / top) * 100;
  const known = new Set(points.map((p) => p.year));
  const bars = points
    .filter((p) => x(p.year) !== undefined)
    .map((p) => ({
      point: p,
      year: p.year,
      x: x(p.year)!,
      width: x.bandwidth,
      y: y(Math.max(0, p.value)),
      height: 100 - y(Math.max(0, p.value)),
      ...(p.upper !== undefined ? { yUpper: y(p.upper) } : {}),
    }));
  const valueFrom = BREAKPOINTS.findIndex((_, k) => (x.bandwidth / 100) * plotPx(k) >= valueChars * VALUE_CHAR_PX + VALUE_PAD_PX);
  return {
    years,
    bars,
    gaps: years.filter((yr) => !known.has(yr)).map((yr) => ({ year: yr, x: x(yr)!, width: x.bandwidth })),
    xLabels: years.map((yr, i) => ({ year: yr, x: x(yr)! + x.bandwidth / 2, from: labelFrom(i, years.length) })),
    yTicks: ticks(0, top, 4).map((v) => ({ value: v, y: y(v) })),
    valueLabelsFrom: valueFrom === -1 ? BREAKPOINTS.length : valueFrom,
  };
}
