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
/**
 * Width of one digit of a value label (0.7rem, bold), and the room around it: DejaVu Sans Bold's
 * 7.8 px (measured in Chromium), the widest of the page's fonts (Roboto's and SF's are ≈ 6.5).
 */
const VALUE_CHAR_PX = 7.8;
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

/** A box in px of the plot, y down from its top: a value label, or a bar (down to the baseline). */
export interface Box<K> {
  key: K;
  left: number;
  right: number;
  top: number;
  /** A bar's box has no bottom: it stands on the baseline, below every label. */
  bottom?: number;
}

/** Room kept between a value label and a bar or another label, in px. */
export const LABEL_CLEARANCE_PX = 0.5;

/**
 * Which value labels to write: each label in order, kept when it is clear of every bar but its
 * own and of the labels kept before it. The one rule of the page (at each breakpoint, with
 * estimated widths) and of the print pictures (at their size, with measured widths).
 */
export function placeLabels<K>(labels: readonly Box<K>[], bars: readonly Box<K>[]): Set<K> {
  const g = LABEL_CLEARANCE_PX;
  const apart = (a: Box<K>, b: Box<K>) =>
    a.right + g <= b.left ||
    b.right + g <= a.left ||
    (a.bottom ?? Infinity) + g <= b.top ||
    (b.bottom ?? Infinity) + g <= a.top;
  const kept: Box<K>[] = [];
  for (const l of labels)
    if (bars.every((b) => b.key === l.key || apart(l, b)) && kept.every((k) => apart(l, k))) kept.push(l);
  return new Set(kept.map((k) => k.key));
}

/** A label over a bar at the plot's edge is set inside the plot rather than centred past it. */
export const edgeAlign = (centre: number): 'start' | 'middle' | 'end' =>
  centre > 93 ? 'end' : centre < 7 ? 'start' : 'middle';

/**
 * The flattest the page draws a plot (2 : 1, YearBars.svelte): labels placed at that height
 * clear their neighbours on every taller plot too, since a bar's top only moves away from a
 * neighbour's label when the plot grows.
 */
export const FLATTEST = 0.5;
/** A value label's height (0.7rem text with its 0.8rem sign: 13 px measured) and its gap above the bar, in px. */
const VALUE_LINE_PX = 14;
const VALUE_GAP_PX = 2;
/** How far an edge label reaches past its bar's centre (0.5em of 0.7rem), in px. */
const EDGE_PX = 5.6;

/**
 * @param valueChars width of each value label in digits (year-bars-view's `valueChars`), or of
 * the longest, to decide which value labels fit above the bars. @default 7
 * @param selectedYear the year the reader chose: its label and value are placed first.
 */
export function yearSeriesLayout<P extends YearPoint>(
  points: readonly P[],
  span?: readonly [number, number],
  valueChars: number | ((p: P) => number) = 7,
  selectedYear?: number,
): YearSeriesLayout<P> {
  const charsOf = typeof valueChars === 'number' ? () => valueChars : valueChars;
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
  const [, top] = nice(0, Math.max(0, ...points.map((p) => p.upper ?? p.value)) || 1, 4);
  const y = (v: number) => 100 - (v / top) * 100;
  const known = new Set(points.map((p) => p.year));
  const longest = Math.max(0, ...inSpan.map(charsOf));
  const valueFrom = BREAKPOINTS.findIndex(
    (_, k) => (x.bandwidth() / 100) * plotPx(k) >= longest * VALUE_CHAR_PX + VALUE_PAD_PX,
  );
  const valueLabelsFrom = valueFrom === -1 ? BREAKPOINTS.length : valueFrom;
  const bars: Bar<P>[] = inSpan.map((p) => ({
    point: p,
    year: p.year,
    x: x(p.year)!,
    width: x.bandwidth(),
    y: y(Math.max(0, p.value)),
    height: 100 - y(Math.max(0, p.value)),
    ...(p.upper !== undefined ? { yUpper: y(p.upper) } : {}),
    valueFrom: BREAKPOINTS.length,
  }));
  const order = valueOrder(bars, selectedYear);
  const important = new Set(importantYears(bars, selectedYear));
  // Value labels: the bars that matter (selected, latest, highest, lowest) at every width they
  // fit, every bar's from the width where all fit; none over another bar or label.
  const valueShown = fromIndex(
    bars.map((b) => b.year),
    (k) => {
      const w = plotPx(k);
      const h = w * FLATTEST;
      const boxes = order
        .filter((b) => k >= valueLabelsFrom || important.has(b.year))
        .map((b) => {
          const c = ((b.x + b.width / 2) / 100) * w;
          const width = charsOf(b.point) * VALUE_CHAR_PX + VALUE_PAD_PX;
          const align = edgeAlign(b.x + b.width / 2);
          const left =
            align === 'middle' ? c - width / 2 : align === 'start' ? c - EDGE_PX : c + EDGE_PX - width;
          const bottom = ((b.yUpper ?? b.y) / 100) * h - VALUE_GAP_PX;
          return { key: b.year, left, right: left + width, top: bottom - VALUE_LINE_PX, bottom };
        });
      return placeLabels(
        boxes,
        bars.map((b) => barBox(b, w, h)),
      );
    },
  );
  for (const b of bars) b.valueFrom = valueShown.get(b.year)!;
  return {
    years,
    bars,
    gaps: years.filter((yr) => !known.has(yr)).map((yr) => ({ year: yr, x: x(yr)!, width: x.bandwidth() })),
    xLabels: years.map((yr) => ({ year: yr, x: centre(yr), from: yearFrom.get(yr)! })),
    yTicks: ticks(0, top, 4).map((v) => ({ value: v, y: y(v) })),
    valueLabelsFrom,
  };
}

/** A bar's box in px of a plot `w` × `h`: up to its range's upper bound, when it has one. */
export const barBox = <P extends YearPoint>(b: Bar<P>, w: number, h: number): Box<number> => ({
  key: b.year,
  left: (b.x / 100) * w,
  right: ((b.x + b.width) / 100) * w,
  top: ((b.yUpper ?? b.y) / 100) * h,
});

/** The bars that matter, in the order their values are placed: selected, latest, highest, lowest (ties latest first). */
function importantYears<P extends YearPoint>(bars: readonly Bar<P>[], selectedYear?: number): number[] {
  if (!bars.length) return [];
  const max = Math.max(...bars.map((b) => b.point.value));
  const min = Math.min(...bars.map((b) => b.point.value));
  const latestFirst = [...bars].reverse();
  const years = [
    selectedYear,
    bars.at(-1)!.year,
    ...latestFirst.filter((b) => b.point.value === max).map((b) => b.year),
    ...latestFirst.filter((b) => b.point.value === min).map((b) => b.year),
  ].filter((y): y is number => y !== undefined && bars.some((b) => b.year === y));
  return [...new Set(years)];
}

/** Every bar, in the order its value label is placed: the bars that matter first, then the others by year. */
export function valueOrder<P extends YearPoint>(bars: readonly Bar<P>[], selectedYear?: number): Bar<P>[] {
  const first = importantYears(bars, selectedYear);
  const byYear = new Map(bars.map((b) => [b.year, b]));
  return [...first.map((y) => byYear.get(y)!), ...bars.filter((b) => !first.includes(b.year))];
}
