/**
 * The print mode of the charts: YearBarsPrint, SmallMultiplesPrint, FranceMapPrint and
 * PartnerMapPrint draw what YearBars, SmallMultiples, FranceMap and PartnerMap draw on the
 * pages, from the same layout and view modules (year-series-layout, year-bars-view,
 * break-marks, france-map-layout, partner-map-layout), as one standalone SVG in a fixed box,
 * for the PNG and SVG downloads (rendered on the server with `svelte/server`, see
 * press/server/picture.ts). On a page the charts write their text in HTML over the SVG; in
 * print every text is an SVG `<text>`, laid out with widths measured on the font the picture
 * is drawn with (`measure`: harfbuzz on Noto Sans, press/server/text-metrics.ts). They are
 * siblings of the page components rather than a branch inside them so that no page, on the
 * phone or on the server, carries print code (measured: +4.5 KB brotli of the site's JavaScript,
 * +11.5 KB of the pages function, 2.8 KB under its budget). Pure: no font here.
 */

/** The width in px of `text` at `size` px, on the picture's font. */
export type Measure = (text: string, size: number, bold?: boolean) => number;

/** Where a component draws in print, and with what. */
export interface Print {
  x: number;
  y: number;
  width: number;
  height: number;
  measure: Measure;
  /** The palette of app.css (`palette(css, 'light')`): print writes colours as attributes. */
  colours: Record<string, string>;
}

/**
 * Signs Noto Sans has no glyph for. They are drawn as they are (« ≈ » as on the site, « → »
 * never as « > », which reads « plus de »), each in a run of its own in DejaVu Sans: resvg
 * picks one font for a whole run of text, so a sign in the same run as Noto Sans text would
 * turn the run into DejaVu Sans.
 */
export const SYMBOLS = /[≈≃∼→↗≥≤]/;
export const SYMBOL_FONT = "'DejaVu Sans', sans-serif";
export const FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** Coordinates to two decimals: enough for print, short in the file. */
export const r = (n: number): string => String(Math.round(n * 100) / 100);

/** A line's runs: plain text, and the signs Noto Sans lacks, each run with its measured width. */
export function textRuns(
  line: string,
  size: number,
  measure: Measure,
  bold = false,
): { text: string; symbol: boolean; width: number }[] {
  const out: { text: string; symbol: boolean; width: number }[] = [];
  for (const ch of line) {
    const symbol = SYMBOLS.test(ch);
    const last = out.at(-1);
    if (last && last.symbol === symbol) last.text += ch;
    else out.push({ text: ch, symbol, width: 0 });
  }
  for (const run of out) run.width = measure(run.text, size, bold);
  return out;
}

/**
 * Words into lines no wider than `width`; a word longer than a line gets a line of its own.
 * Lines break only at breakable spaces: a no-break space (« 110 000 », « : ») holds its word together.
 */
export function wrap(text: string, width: number, size: number, measure: Measure, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n\r]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** At most `max` lines, the last one ending in an ellipsis when text was cut. */
export function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.replace(/[\s,;:.]*\S*$/, '')}…`;
  return kept;
}

/** The breakpoint (index in year-series-layout's BREAKPOINTS) a plot `width` px wide is at. */
export function breakpointAt(width: number, breakpoints: readonly number[]): number {
  let k = 0;
  breakpoints.forEach((px, i) => {
    if (width >= px) k = i;
  });
  return k;
}
