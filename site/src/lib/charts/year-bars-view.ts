/**
 * What YearBars.svelte draws from a year-series layout, rounded and formatted once: positions
 * as the text the server writes into the SVG (hundredths of a percent, a hundredth of a pixel
 * per pixel of width), labels in the reader's language. The markup then only reads fields,
 * which Svelte hydrates without a derived value per attribute, and leaves attributes already
 * right alone (it compares text with text). No DOM: tested in Node.
 */
import { colon, formatCompact, formatFigureWithUnit, formatNumber, type Lang } from '../format';
import type { SeriesRow } from '../rows';
import { edgeAlign, type Bar, type YearSeriesLayout } from './year-series-layout';

const GLYPH = { exact: '', approx: '≈', about: '≈', more_than: '>' } as const;

/** A position in percent of the plot, as text. */
export const percent = (n: number): string => String(Math.round(n * 100) / 100);

/** The label above a bar: `2 678`, or a range `150–200`. */
export const valueText = (r: SeriesRow, lang: Lang): string =>
  `${formatNumber(r.value, lang)}${r.upper !== undefined ? `–${formatNumber(r.upper, lang)}` : ''}`;

/**
 * The width of the label above a bar in digits, for yearSeriesLayout: a separator (narrow space,
 * comma) counts for half a digit, the sign (set larger, with its space) for one and a half
 * (measured in Chromium: « 2 000 » 33.4 px, « > » 11.8 px more, a digit 7.8 px).
 */
export const valueChars = (r: SeriesRow, lang: Lang): number =>
  [...valueText(r, lang)].reduce((n, ch) => n + (/[\d–-]/.test(ch) ? 1 : 0.5), 0) +
  (GLYPH[r.qualifier] ? 1.5 : 0);

export interface MarkView {
  bar: Bar<SeriesRow>;
  year: number;
  /** The accessible name: `2024 : 2 678 bénévoles`. */
  label: string;
  href?: string;
  qualifier: SeriesRow['qualifier'];
  /** The band that takes the pointer and shows focus, a little wider than the bar. */
  hit: { x: string; width: string };
  rect: { x: string; y: string; width: string; height: string };
  /** The dashed part up to a range's upper bound. */
  range?: { y: string; height: string };
  /** The figure above the bar, with its sign (> or ≈) when qualified, and the breakpoint from which it shows. */
  value: {
    left: string;
    top: string;
    glyph: string;
    text: string;
    from: string;
    align: 'start' | 'middle' | 'end';
  };
}

export interface YearBarsView {
  yTicks: { value: number; y: string; text: string }[];
  /** Years without a figure: a marker on the baseline, centred in the year's band. */
  gaps: { year: number; x: string; width: string; end: string; centre: string }[];
  marks: MarkView[];
  xLabels: { year: number; x: string; from: string; gap: boolean }[];
  valueLabelsFrom: string;
}

export function yearBarsView(
  layout: YearSeriesLayout<SeriesRow>,
  { lang, unit, hrefFor }: { lang: Lang; unit: string; hrefFor?: (year: number) => string },
): YearBarsView {
  const known = new Set(layout.bars.map((b) => b.year));
  return {
    yTicks: layout.yTicks.map(({ value, y }) => ({
      value,
      y: percent(y),
      text: value >= 10_000 ? formatCompact(value, lang) : formatNumber(value, lang),
    })),
    gaps: layout.gaps.map((g) => ({
      year: g.year,
      x: percent(g.x),
      width: percent(g.width),
      end: percent(g.x + g.width),
      centre: percent(g.x + g.width / 2),
    })),
    marks: layout.bars.map((b) => ({
      bar: b,
      year: b.year,
      label: `${b.year}${colon(lang)} ${formatFigureWithUnit(b.point, unit, lang)}`,
      ...(hrefFor ? { href: hrefFor(b.year) } : {}),
      qualifier: b.point.qualifier,
      hit: { x: percent(b.x - 0.5), width: percent(b.width + 1) },
      rect: { x: percent(b.x), y: percent(b.y), width: percent(b.width), height: percent(b.height) },
      ...(b.yUpper !== undefined ? { range: { y: percent(b.yUpper), height: percent(b.y - b.yUpper) } } : {}),
      value: {
        left: percent(b.x + b.width / 2),
        top: percent(b.yUpper ?? b.y),
        glyph: GLYPH[b.point.qualifier],
        text: valueText(b.point, lang),
        from: String(b.valueFrom),
        align: edgeAlign(b.x + b.width / 2),
      },
    })),
    xLabels: layout.xLabels.map((l) => ({
      year: l.year,
      x: percent(l.x),
      from: String(l.from),
      gap: !known.has(l.year),
    })),
    valueLabelsFrom: String(layout.valueLabelsFrom),
  };
}
