/**
 * Pure layout of a series over years as bars: a band per year of the whole span, a bar only
 * where the year has a figure. Unknown years stay empty bands, marked as gaps; no value is
 * ever interpolated. No DOM: tested in Node.
 *
 * Geometry is in percent of the plot (x: 0 left → 100 right, y: 0 top → 100 bottom), so the
 * SVG stretches to any width while its text, drawn in HTML over it, keeps its size. Which
 * year labels fit is decided per container-width breakpoint, for CSS container queries.
 *
 * The bands are d3-scale's `scaleBand` (≈ 0.9 KB gzip on the pages, measured in the README);
 * the value axis is d3-array's ticks and nice, which `scaleLinear` would only wrap (bringing
 * d3-interpolate and colour parsing, which the bars never need).
 */
import { nice, ticks } from 'd3-array';
import { scaleBand, type ScaleBand } from 'd3-scale';
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
  /**
   * Index in BREAKPOINTS from which the value label above the bar fits. The bars that matter
   * (the selected year, the latest, the highest, the lowest) get theirs from the narrowest
   * width when they do not collide; every bar gets one from `valueLabelsFrom`.
   */
  valueFrom: number;
}

/** A year of the span without a figure: drawn as a marker on the baseline, never as a column. */
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
export const BREAKPOINTS = [200, 300, 460, 660, 900] as const;
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

/** A band per year over 0–100, centred (d3-scale's `scaleBand`): `undefined` outside the years. */
export const bandScale = (years: readonly number[]): ScaleBand<number> =>
  scaleBand<number>().domain(years).range([0, 100]).paddingInner(PADDING_INNER).paddingOuter(PADDING_OUTER);

/** The smallest label step whose labels fit in the plot at breakpoint k. */
export function labelStep(count: number, k: number): number {
  return LABEL_STEPS.find((s) => Math.ceil(count / s) * YEAR_LABEL_PX <= plotPx(k)) ?? LABEL_STEPS.at(-1)!;
}

/**
 * From which breakpoint each candidate is shown, given which candidates are wanted at each
 * breakpoint: the first k from which it is wanted at every wider one too, so that a label
 * shown when narrow stays shown when wider.
 */
function fromIndex<T>(items: readonly T[], wantedAt: (k: number) => Set<T>): Map<T, number> {
  const sets = BREAKPOINTS.map((_, k) => wantedAt(k));
  return new Map(
    items.map((item) => {
      let from: number = BREAKPOINTS.length;
      for (let k = BREAKPOINTS.length - 1; k >= 0 && sets[k]!.has(item); k--) from = k;
      return [item, from];
    }),
  );
}

/** Greedy placement: each candidate in order, kept when `width` percent clear of those kept. */
function placeApart<T>(candidates: readonly { key: T; x: number }[], width: number): Set<T> {
  const kept: { key: T; x: number }[] = [];
  for (const c of candidates)
    if (!kept.some((k) => k.key === c.key || Math.abs(k.x - c.x) < width)) kept.push(c);
  return new Set(kept.map((k) => k.key));
}

/**
 * @param valueChars length of the longest value label, to decide from which width value
 * labels fit above the bars. @default 7
 * @param selectedYear the year the reader chose: its label and value are placed first.
 */
export function yearSeriesLayout<P extends YearPoint>(
  points: readonly P[],
  span?: readonly [number, number],
  valueChars = 7,
  selectedYear?: number,
): YearSeriesLayout<P> {
  const years = yearSpan(points, span);
  const x = bandScale(years);
  const centre = (year: number) => x(year)! + x.bandwidth() / 2;
  const inSpan = points.filter((p) => x(p.year) !== undefined);
  // Year labels for the data, not the calendar: the selected year, the last and first years
  // with a figure, then every step-th year, each only where it has room.
  const firstLast = [inSpan.at(-1)?.year, inSpan[0]?.year];
  const priority = [selectedYear, ...firstLast].filter(
    (y): y is number => y !== undefined && x(y) !== undefined,
  );
  const yearFrom = fromIndex(years, (k) =>
    placeApart(
      [...priority, ...years.filter((_, i) => i % labelStep(years.length, k) === 0)].map((yr) => ({
        key: yr,
        x: centre(yr),
      })),
      (YEAR_LABEL_PX / plotPx(k)) * 100,
    ),
  );
  // Value labels of the bars that matter: selected, latest, highest, lowest.
  const byValue = [...inSpan].sort((a, b) => b.value - a.value);
  const important = [selectedYear, inSpan.at(-1)?.year, byValue[0]?.year, byValue.at(-1)?.year].filter(
    (y): y is number => y !== undefined && x(y) !== undefined,
  );
  const [, top] = nice(0, Math.max(0, ...points.map((p) => p.upper ?? p.value)) || 1, 4);
  const y = (v: number) => 100 - (v / top) * 100;
  const known = new Set(points.map((p) => p.year));
  const valueFrom = BREAKPOINTS.findIndex(
    (_, k) => (x.bandwidth() / 100) * plotPx(k) >= valueChars * VALUE_CHAR_PX + VALUE_PAD_PX,
  );
  const valueLabelsFrom = valueFrom === -1 ? BREAKPOINTS.length : valueFrom;
  const importantFrom = fromIndex(important, (k) =>
    placeApart(
      important.map((yr) => ({ key: yr, x: centre(yr) })),
      ((valueChars * VALUE_CHAR_PX + VALUE_PAD_PX * 4) / plotPx(k)) * 100,
    ),
  );
  const bars = inSpan.map((p) => ({
    point: p,
    year: p.year,
    x: x(p.year)!,
    width: x.bandwidth(),
    y: y(Math.max(0, p.value)),
    height: 100 - y(Math.max(0, p.value)),
    ...(p.upper !== undefined ? { yUpper: y(p.upper) } : {}),
    valueFrom: Math.min(valueLabelsFrom, importantFrom.get(p.year) ?? BREAKPOINTS.length),
  }));
  return {
    years,
    bars,
    gaps: years.filter((yr) => !known.has(yr)).map((yr) => ({ year: yr, x: x(yr)!, width: x.bandwidth() })),
    xLabels: years.map((yr) => ({ year: yr, x: centre(yr), from: yearFrom.get(yr)! })),
    yTicks: ticks(0, top, 4).map((v) => ({ value: v, y: y(v) })),
    valueLabelsFrom,
  };
}
