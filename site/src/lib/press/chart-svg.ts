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
import { formatDate, pressText } from './press-text';
import type { ChartModel } from './server/chart-model';
import { clampLines, r, textLines, textWidth, wrap, xml } from './svg-text';

export type SvgChart = Pick<ChartModel, 'title' | 'summary' | 'series' | 'span' | 'sources' | 'view' | 'legend' | 'publishedAt' | 'corrections'>;

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

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One bar chart in a box: grid, gaps, bars, value labels, year labels. */
function bars(rows: readonly SeriesRow[], span: [number, number], box: Box, c: Record<string, string>, lang: Lang, selected?: number): string {
  const layout = yearSeriesLayout(rows, span);
  const left = box.x + 52;
  const top = box.y + 22;
  const w = box.x + box.w - left;
  const h = box.h - 22 - 26;
  const X = (p: number) => left + (p / 100) * w;
  const Y = (p: number) => top + (p / 100) * h;
  const out: string[] = [];
  for (const tick of layout.yTicks) {
    out.push(`<line x1="${r(left)}" x2="${r(left + w)}" y1="${r(Y(tick.y))}" y2="${r(Y(tick.y))}" stroke="${c.grid}"/>`);
    const label = tick.value >= 10_000 ? formatCompact(tick.value, lang) : formatNumber(tick.value, lang);
    out.push(textLines([label], left - 8, Y(tick.y) + 4, 0, { size: 12, fill: c.muted!, anchor: 'end' }));
  }
  // A year without a figure is a mark on the baseline, as on the page: never a column that reads as a value.
  for (const g of layout.gaps)
    out.push(`<line x1="${r(X(g.x))}" x2="${r(X(g.x + g.width))}" y1="${r(top + h - 1.5)}" y2="${r(top + h - 1.5)}" stroke="${c['gap-stroke']}" stroke-width="3" stroke-dasharray="3 2"/>`);
  const band = layout.bars[0] ? (layout.bars[0].width / 100) * w : 0;
  // Every bar gets its value written out, at one size for the whole chart, or none does:
  // a rounded « 2,7 k » would misquote 2 678.
  const value = (p: SeriesRow) => `${GLYPH[p.qualifier]}${formatNumber(p.value, lang)}${p.upper !== undefined ? `–${formatNumber(p.upper, lang)}` : ''}`;
  const valueSize = [12, 10.5].find((size) => layout.bars.every((b) => textWidth(value(b.point), size, true) <= band + 4));
  for (const b of layout.bars) {
    const qualified = b.point.qualifier !== 'exact';
    const strong = b.year === selected;
    const fill = qualified ? c[strong ? 'accent-soft-strong' : 'accent-soft'] : c[strong ? 'accent-strong' : 'accent'];
    const stroke = qualified ? ` stroke="${c[strong ? 'accent-strong' : 'accent']}" stroke-width="1.5"` : '';
    out.push(`<rect x="${r(X(b.x))}" y="${r(Y(b.y))}" width="${r(band)}" height="${r((b.height / 100) * h)}" fill="${fill}"${stroke}/>`);
    if (b.yUpper !== undefined)
      out.push(`<rect x="${r(X(b.x))}" y="${r(Y(b.yUpper))}" width="${r(band)}" height="${r(((b.y - b.yUpper) / 100) * h)}" fill="none" stroke="${c.accent}" stroke-dasharray="4 3" stroke-width="1.5"/>`);
    if (valueSize) out.push(textLines([value(b.point)], X(b.x) + band / 2, Y(b.yUpper ?? b.y) - 6, 0, { size: valueSize, fill: c.fg!, bold: true, anchor: 'middle' }));
  }
  const step = [1, 2, 4, 8, 16].find((s) => Math.ceil(layout.xLabels.length / s) * 40 <= w) ?? 32;
  layout.xLabels.forEach((l, i) => {
    if (i % step !== 0 && l.year !== selected) return;
    const gap = !layout.bars.some((b) => b.year === l.year);
    out.push(textLines([String(l.year)], X(l.x), top + h + 18, 0, { size: 12, fill: l.year === selected ? c.fg! : c.muted!, bold: l.year === selected, italic: gap, anchor: 'middle' }));
  });
  out.push(`<line x1="${r(left)}" x2="${r(left + w)}" y1="${r(top + h)}" y2="${r(top + h)}" stroke="${c['border-strong']}"/>`);
  return out.join('');
}

/** The key: only the entries the chart uses. Returns its markup and height. */
function legend(chart: SvgChart, x: number, y: number, width: number, c: Record<string, string>): { svg: string; height: number } {
  const L = t(chart.view.lang).legend;
  const rows = chart.legend.rows;
  const items: [string, string][] = [[`fill="${c.accent}"`, L.exact]];
  if (rows.some((row) => row.qualifier !== 'exact')) items.push([`fill="${c['accent-soft']}" stroke="${c.accent}" stroke-width="1.5"`, `> ≈  ${L.qualified}`]);
  if (rows.some((row) => row.upper !== undefined)) items.push([`fill="none" stroke="${c.accent}" stroke-dasharray="4 3" stroke-width="1.5"`, L.range]);
  if (chart.legend.gaps) items.push([`fill="none" stroke="${c['gap-stroke']}" stroke-dasharray="3 2"`, L.gap]);
  if (chart.legend.selected) items.push([`fill="${c['accent-strong']}"`, L.selected]);
  const out: string[] = [];
  let cx = x;
  let cy = y;
  for (const [swatch, label] of items) {
    const itemWidth = 20 + textWidth(label, 12) + 18;
    if (cx > x && cx + itemWidth > x + width) {
      cx = x;
      cy += 20;
    }
    out.push(`<rect x="${r(cx)}" y="${r(cy)}" width="13" height="13" rx="2" ${swatch}/>`);
    out.push(textLines([label], cx + 19, cy + 11, 0, { size: 12, fill: c.muted! }));
    cx += itemWidth;
  }
  return { svg: out.join(''), height: cy - y + 20 };
}

/** The lines under the chart: sources, pinned year, correction, address and publication date. */
function footer(chart: SvgChart, url: string, width: number): string[] {
  const lang = chart.view.lang;
  const P = pressText(lang);
  const sources = chart.sources.map((s) => `${s.title} (${s.years.join(', ')})`);
  const lines = wrap(P.sourceLine(sources), width, 12);
  const notes = [P.years(chart.span)];
  if (chart.view.year !== undefined) notes.push(P.pinnedNote(chart.view.year).replace(/\.$/, ''));
  if (chart.publishedAt) notes.push(P.publishedOn(formatDate(chart.publishedAt, lang)));
  const lastCorrection = chart.corrections.at(-1);
  if (lastCorrection) notes.push(P.corrected(formatDate(lastCorrection.correctedAt, lang)));
  lines.push(...wrap(notes.join(' · '), width, 12));
  lines.push(...wrap(`${t(lang).siteTitle} · ${url}`, width, 12));
  return lines;
}

export function chartSvg(chart: SvgChart, o: SvgOptions): Svg {
  const c = o.colours;
  const card = o.format === 'card';
  const W = card ? 1200 : 800;
  const pad = card ? 48 : 32;
  const inner = W - 2 * pad;
  const lang = chart.view.lang;
  const parts: string[] = [];
  let y = pad;

  const titleSize = card ? 40 : 24;
  const title = clampLines(wrap(chart.title, inner, titleSize, true), card ? 2 : 4);
  parts.push(textLines(title, pad, y + titleSize, titleSize * 1.25, { size: titleSize, fill: c.fg!, bold: true }));
  y += title.length * titleSize * 1.25 + 6;
  const summarySize = card ? 24 : 16;
  const summary = clampLines(wrap(chart.summary, inner, summarySize), card ? 2 : 6);
  parts.push(textLines(summary, pad, y + summarySize, summarySize * 1.45, { size: summarySize, fill: c.fg! }));
  y += summary.length * summarySize * 1.45 + 18;

  const foot = card ? [`${t(lang).siteTitle} · ${o.url}`] : footer(chart, o.url, inner);
  const footHeight = foot.length * 18;
  const key = card ? { svg: '', height: 0 } : legend(chart, pad, 0, inner, c);
  const chartHeight = card ? 630 - y - pad - footHeight - 12 : chart.series.length > 2 ? 520 : 320;
  const multiples = chart.series.length > 1;
  const columns = multiples ? 2 : 1;
  const gutter = 28;
  const panelW = (inner - gutter * (columns - 1)) / columns;
  const panelRows = Math.ceil(chart.series.length / columns);
  const panelH = (chartHeight - (panelRows - 1) * 16) / panelRows;
  chart.series.forEach((s, i) => {
    const px = pad + (i % columns) * (panelW + gutter);
    const py = y + Math.floor(i / columns) * (panelH + 16);
    if (multiples) parts.push(textLines([s.metric.label], px, py + 14, 0, { size: 14, fill: c.fg!, bold: true }));
    const top = multiples ? py + 18 : py;
    parts.push(bars(s.rows, chart.span, { x: px, y: top, w: panelW, h: panelH - (top - py) }, c, lang, chart.view.year));
  });
  y += chartHeight + 12;
  if (!card) {
    parts.push(legend(chart, pad, y, inner, c).svg);
    y += key.height + 10;
  }
  parts.push(textLines(foot, pad, y + 12, 18, { size: 12, fill: c.muted! }));
  y += footHeight;
  const H = card ? 630 : Math.ceil(y + pad - 6);

  const label = `${pressText(lang).chartLabel(chart.title)}. ${chart.summary}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xml(label)}" font-family="${FONT_FAMILY}" lang="${lang}">` +
    `<title>${xml(chart.title)}</title><desc>${xml(`${chart.summary} ${foot.join(' ')}`)}</desc>` +
    `<rect width="${W}" height="${H}" fill="${c.card}"/>` +
    (card ? `<rect width="${W}" height="8" fill="${c.accent}"/>` : '') +
    parts.join('') +
    '</svg>';
  return { svg, width: W, height: H };
}
