/**
 * Pure layout of a series over years as bars: a band per year of the whole span, a bar
 * only where the year has a figure. Unknown years stay empty bands, marked as gaps; no
 * value is ever interpolated. No DOM: tested in Node.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Qualifier } from '$core/schema';

export interface YearPoint {
  year: number;
  value: number;
  upper?: number;
  qualifier: Qualifier;
}

export interface Box {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Bar extends YearPoint {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Top of the range's upper bound, when the source gave a range. */
  yUpper?: number;
}

export interface YearSeriesLayout {
  bars: Bar[];
  gaps: { year: number; x: number; width: number }[];
  xTicks: { year: number; x: number }[];
  yTicks: { value: number; y: number }[];
  plot: { left: number; top: number; right: number; bottom: number };
}

export const DEFAULT_BOX: Box = { width: 640, height: 320, margin: { top: 16, right: 8, bottom: 28, left: 48 } };

/** Every year from the first to the last of the series (or of `span` when given). */
export function yearSpan(points: readonly YearPoint[], span?: [number, number]): number[] {
  const years = points.map((p) => p.year);
  const [from, to] = span ?? [Math.min(...years), Math.max(...years)];
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Year labels that fit: every year when there is room, else every 2nd, 5th, 10th. */
function tickYears(years: number[], plotWidth: number): number[] {
  const fits = Math.max(1, Math.floor(plotWidth / 40));
  const step = [1, 2, 5, 10, 20].find((s) => years.length / s <= fits) ?? 20;
  return years.filter((y) => y % step === 0 || years.length <= fits);
}

export function yearSeriesLayout(points: readonly YearPoint[], box: Box = DEFAULT_BOX, span?: [number, number]): YearSeriesLayout {
  const { width, height, margin } = box;
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const years = yearSpan(points, span);
  const x = scaleBand<number>().domain(years).range([plot.left, plot.right]).paddingInner(0.2).paddingOuter(0.1);
  const max = Math.max(0, ...points.map((p) => p.upper ?? p.value));
  const y = scaleLinear().domain([0, max || 1]).nice(4).range([plot.bottom, plot.top]);
  const known = new Set(points.map((p) => p.year));
  const bars = points
    .filter((p) => x(p.year) !== undefined)
    .map((p) => ({
      ...p,
      x: x(p.year)!,
      y: y(p.value),
      width: x.bandwidth(),
      height: plot.bottom - y(p.value),
      ...(p.upper !== undefined ? { yUpper: y(p.upper) } : {}),
    }));
  return {
    bars,
    gaps: years.filter((yr) => !known.has(yr)).map((yr) => ({ year: yr, x: x(yr)!, width: x.bandwidth() })),
    xTicks: tickYears(years, plot.right - plot.left).map((yr) => ({ year: yr, x: x(yr)! + x.bandwidth() / 2 })),
    yTicks: y.ticks(4).map((v) => ({ value: v, y: y(v) })),
    plot,
  };
}
