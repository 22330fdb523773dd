/**
 * A chart as one standalone SVG, for the SVG download and for the PNG rendered from it:
 * the same rows and the same layout module (year-series-layout.ts) as the chart on the page,
 * at a fixed size, with its text in the SVG (the page draws text in HTML over the bars), and
 * stamped with title, summary, sources, years, publication date and the chart's address.
 * Colours come from app.css (see theme-css.ts). Pure.
 */
import { yearSeriesLayout } from '../charts/year-series-layout';
import { formatCompact, formatNumber, type Lang } from '../format';
import { t } from '../i18n';
import type { SeriesRow } from '$lib/rows';
import { creditLines, type CreditInput } from './credit';
import { pressText } from './press-text';
import type { ChartModel } from './server/chart-model';
import { clampLines, r, textLines, textWidth, wrap, xml } from './svg-text';

export type SvgChart = Pick<
  ChartModel,
  'title' | 'summary' | 'series' | 'span' | 'sources' | 'view' | 'legend' | 'publishedAt' | 'corrections'
>;

export interface SvgOptions {
  /** The palette of app.css (`palette(css, 'light')`). */
  colours: Record<string, string>;
  /** The chart's page, printed as its address. */
  url: string;
  /** `card`: 1200×630, for social networks. @default 'figure' */
  format?: 'figure' | 'card';
}

export interface Svg {
  svg: string;
  width: number;
  height: number;
}

export const FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const GLYPH = { exact: '', approx: '≈ ', about: '≈ ', more_than: '> ' } as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One bar chart in a box: grid, gaps, bars, value labels, year labels. */
function bars(
  rows: readonly SeriesRow[],
  span: [number, number],
  box: Box,
  c: Record<string, string>,
  lang: Lang,
  selected?: number,
): string {
  const layout = yearSeriesLayout(rows, span);
  const left = box.x + 52;
  const top = box.y + 22;
  const w = box.x + box.w - left;
  const h = box.h - 22 - 26;
  const X = (p: number) => left + (p / 100) * w;
  const Y = (p: number) => top + (p / 100) * h;
  const out: string[] = [];
  for (const tick of layout.yTicks) {
    out.push(
      `<line x1="${r(left)}" x2="${r(left + w)}" y1="${r(Y(tick.y))}" y2="${r(Y(tick.y))}" stroke="${c.grid}"/>`,
    );
    const label = tick.value >= 10_000 ? formatCompact(tick.value, lang) : formatNumber(tick.value, lang);
    out.push(textLines([label], left - 8, Y(tick.y) + 4, 0, { size: 12, fill: c.muted!, anchor: 'end' }));
  }
  // A year without a figure is a mark on the baseline, as on the page: never a column that reads as a value.
  for (const g of layout.gaps)
    out.push(
      `<line x1="${r(X(g.x))}" x2="${r(X(g.x + g.width))}" y1="${r(top + h - 1.5)}" y2="${r(top + h - 1.5)}" stroke="${c['gap-stroke']}" stroke-width="3" stroke-dasharray="3 2"/>`,
    );
  const band = layout.bars[0] ? (layout.bars[0].width / 100) * w : 0;
  // Every bar gets its value written out, at one size for the whole chart, or none does:
  // a rounded « 2,7 k » would misquote 2 678.
  const value = (p: SeriesRow) =>
    `${GLYPH[p.qualifier]}${formatNumber(p.value, lang)}${p.upper !== undefined ? `–${formatNumber(p.upper, lang)}` : ''}`;
  const valueSize = [12, 10.5].find((size) =>
    layout.bars.every((b) => textWidth(value(b.point), size, true) <= band + 4),
  );
  for (const b of layout.bars) {
    const qualified = b.point.qualifier !== 'exact';
    const strong = b.year === selected;
    const fill = qualified
      ? c[strong ? 'accent-soft-strong' : 'accent-soft']
      : c[strong ? 'accent-strong' : 'accent'];
    const stroke = qualified ? ` stroke="${c[strong ? 'accent-strong' : 'accent']}" stroke-width="1.5"` : '';
    out.push(
      `<rect x="${r(X(b.x))}" y="${r(Y(b.y))}" width="${r(band)}" height="${r((b.height / 100) * h)}" fill="${fill}"${stroke}/>`,
    );
    if (b.yUpper !== undefined)
      out.push(
        `<rect x="${r(X(b.x))}" y="${r(Y(b.yUpper))}" width="${r(band)}" height="${r(((b.y - b.yUpper) / 100) * h)}" fill="none" stroke="${c.accent}" stroke-dasharray="4 3" stroke-width="1.5"/>`,
      );
    if (valueSize)
      out.push(
        textLines([value(b.point)], X(b.x) + band / 2, Y(b.yUpper ?? b.y) - 6, 0, {
          size: valueSize,
          fill: c.fg!,
          bold: true,
          anchor: 'middle',
        }),
      );
    // Too narrow for values (small multiples): the qualifier alone, as the page marks it.
    else if (qualified)
      out.push(
        textLines([GLYPH[b.point.qualifier].trim()], X(b.x) + band / 2, Y(b.yUpper ?? b.y) - 4, 0, {
          size: 11,
          fill: c.fg!,
          bold: true,
          anchor: 'middle',
          className: 'qualifier',
        }),
      );
  }
  const step = [1, 2, 4, 8, 16].find((s) => Math.ceil(layout.xLabels.length / s) * 40 <= w) ?? 32;
  layout.xLabels.forEach((l, i) => {
    if (i % step !== 0 && l.year !== selected) return;
    const gap = !layout.bars.some((b) => b.year === l.year);
    out.push(
      textLines([String(l.year)], X(l.x), top + h + 18, 0, {
        size: 12,
        fill: l.year === selected ? c.fg! : c.muted!,
        bold: l.year === selected,
        italic: gap,
        anchor: 'middle',
      }),
    );
  });
  out.push(
    `<line x1="${r(left)}" x2="${r(left + w)}" y1="${r(top + h)}" y2="${r(top + h)}" stroke="${c['border-strong']}"/>`,
  );
  return out.join('');
}

/** A key entry: the swatch's attributes (on a 13 px square, or a circle when `round`) and its words. */
export type LegendItem = [swatch: string, label: string, round?: boolean];

/** The entries a bar chart uses. */
function barLegend(chart: SvgChart, c: Record<string, string>): LegendItem[] {
  const L = t(chart.view.lang).legend;
  const rows = chart.legend.rows;
  const items: LegendItem[] = [[`fill="${c.accent}"`, L.exact]];
  if (rows.some((row) => row.qualifier !== 'exact'))
    items.push([`fill="${c['accent-soft']}" stroke="${c.accent}" stroke-width="1.5"`, `> ≈  ${L.qualified}`]);
  if (rows.some((row) => row.upper !== undefined))
    items.push([`fill="none" stroke="${c.accent}" stroke-dasharray="4 3" stroke-width="1.5"`, L.range]);
  if (chart.legend.gaps)
    items.push([`fill="none" stroke="${c['gap-stroke']}" stroke-dasharray="3 2"`, L.gap]);
  if (chart.legend.selected) items.push([`fill="${c['accent-strong']}"`, L.selected]);
  return items;
}

/** The key, wrapped across `width`. Returns its markup and height. */
function legend(
  items: readonly LegendItem[],
  x: number,
  y: number,
  width: number,
  c: Record<string, string>,
): { svg: string; height: number } {
  const out: string[] = [];
  let cx = x;
  let cy = y;
  for (const [swatch, label, round] of items) {
    const itemWidth = 20 + textWidth(label, 12) + 18;
    if (cx > x && cx + itemWidth > x + width) {
      cx = x;
      cy += 20;
    }
    out.push(
      round
        ? `<circle cx="${r(cx + 6.5)}" cy="${r(cy + 6.5)}" r="6" ${swatch}/>`
        : `<rect x="${r(cx)}" y="${r(cy)}" width="13" height="13" rx="2" ${swatch}/>`,
    );
    out.push(textLines([label], cx + 19, cy + 11, 0, { size: 12, fill: c.muted! }));
    cx += itemWidth;
  }
  return { svg: out.join(''), height: cy - y + 20 };
}

/** A box to draw in. */
export type Body = (box: Box) => string;

/** What every picture has around its drawing: title, summary, key and credit. */
export interface Framed {
  title: string;
  summary: string;
  credit: CreditInput;
  legend: readonly LegendItem[];
  /** The drawing's height in a figure (a card gives it what room is left). */
  height: number;
  body: Body;
}

/** A picture: 800 px wide (its height follows), or a 1200×630 card. */
export function framedSvg(f: Framed, o: SvgOptions): Svg {
  const c = o.colours;
  const card = o.format === 'card';
  const W = card ? 1200 : 800;
  const pad = card ? 48 : 32;
  const inner = W - 2 * pad;
  const lang = f.credit.view.lang;
  const parts: string[] = [];
  let y = pad;

  const titleSize = card ? 40 : 24;
  const title = clampLines(wrap(f.title, inner, titleSize, true), card ? 2 : 4);
  parts.push(
    textLines(title, pad, y + titleSize, titleSize * 1.25, { size: titleSize, fill: c.fg!, bold: true }),
  );
  y += title.length * titleSize * 1.25 + 6;
  const summarySize = card ? 24 : 16;
  const summary = clampLines(wrap(f.summary, inner, summarySize), card ? 2 : 6);
  parts.push(
    textLines(summary, pad, y + summarySize, summarySize * 1.45, { size: summarySize, fill: c.fg! }),
  );
  y += summary.length * summarySize * 1.45 + 18;

  const footSize = card ? 16 : 12;
  const footLead = footSize * 1.5;
  const foot = creditLines(f.credit, o.url, (line) => textWidth(line, footSize) <= inner);
  const footHeight = foot.length * footLead;
  const key = legend(f.legend, pad, 0, inner, c);
  const bodyHeight = card ? 630 - y - pad - footHeight - key.height - 22 : f.height;
  parts.push(f.body({ x: pad, y, w: inner, h: bodyHeight }));
  y += bodyHeight + 12;
  parts.push(legend(f.legend, pad, y, inner, c).svg);
  y += key.height + 10;
  parts.push(
    textLines(foot, pad, y + footSize, footLead, { size: footSize, fill: c.muted!, className: 'credit' }),
  );
  y += footHeight;
  const H = card ? 630 : Math.ceil(y + pad - 6);

  const label = `${pressText(lang).chartLabel(f.title)}. ${f.summary}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xml(label)}" font-family="${FONT_FAMILY}" lang="${lang}">` +
    `<title>${xml(f.title)}</title><desc>${xml(`${f.summary} ${foot.join(' ')}`)}</desc>` +
    `<rect width="${W}" height="${H}" fill="${c.card}"/>` +
    (card ? `<rect width="${W}" height="8" fill="${c.accent}"/>` : '') +
    parts.join('') +
    '</svg>';
  return { svg, width: W, height: H };
}

export function chartSvg(chart: SvgChart, o: SvgOptions): Svg {
  const c = o.colours;
  const lang = chart.view.lang;
  const multiples = chart.series.length > 1;
  const body: Body = (box) => {
    const columns = multiples ? 2 : 1;
    const gutter = 28;
    const panelW = (box.w - gutter * (columns - 1)) / columns;
    const panelRows = Math.ceil(chart.series.length / columns);
    const panelH = (box.h - (panelRows - 1) * 16) / panelRows;
    return chart.series
      .map((s, i) => {
        const px = box.x + (i % columns) * (panelW + gutter);
        const py = box.y + Math.floor(i / columns) * (panelH + 16);
        const head = multiples
          ? textLines([s.metric.label], px, py + 14, 0, { size: 14, fill: c.fg!, bold: true })
          : '';
        const top = multiples ? py + 18 : py;
        return (
          head +
          bars(
            s.rows,
            chart.span,
            { x: px, y: top, w: panelW, h: panelH - (top - py) },
            c,
            lang,
            chart.view.year,
          )
        );
      })
      .join('');
  };
  return framedSvg(
    {
      title: chart.title,
      summary: chart.summary,
      credit: chart,
      legend: barLegend(chart, c),
      height: chart.series.length > 2 ? 520 : 320,
      body,
    },
    o,
  );
}
