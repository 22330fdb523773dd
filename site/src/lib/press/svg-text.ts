/**
 * Text in a standalone SVG: escaping, width estimates for Noto Sans (the font the PNG is
 * rendered with), greedy wrapping. Pure.
 */
import { withoutInvisible } from '$core/problems';

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Escaped for XML, without the characters XML forbids or nothing renders (stored text may hold them). */
export const xml = (s: string): string => withoutInvisible(s).replace(/[&<>"]/g, (c) => XML[c]!);

/**
 * Signs Noto Sans has no glyph for. They are drawn as they are (« ≈ » as on the site, « → »
 * never as « > », which reads « plus de »), each in a run of its own in DejaVu Sans: resvg
 * picks one font for a whole run of text, so a sign in the same run as Noto Sans text
 * would turn the run into DejaVu Sans.
 */
export const SYMBOLS = /[≈≃∼→↗≥≤]/;
export const SYMBOL_FONT = "'DejaVu Sans', sans-serif";

/** Average advance of Noto Sans, in em: a little generous, so estimated lines never overflow. */
const EM = { regular: 0.55, bold: 0.6 };
const NARROW = /[\s.,:;'’!|il1()\u202f\u00a0]/;

export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s)
    em += NARROW.test(ch) ? 0.3 : /[A-ZÀ-ÝŒ%@MWmw—–]/.test(ch) ? 0.78 : bold ? EM.bold : EM.regular;
  return em * size;
}

/**
 * Words into lines no wider than `width`; a word longer than a line gets a line of its own.
 * Lines break only at breakable spaces: a no-break space (« 110 000 », « : ») holds its word together.
 */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n\r]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > width) {
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

export interface TextStyle {
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  italic?: boolean;
  /** A class on each `<text>`, for tests and stylesheets (`credit`). */
  className?: string;
  /** A halo of this colour behind the letters, for text over a map. */
  halo?: string;
}

/** Runs of a line: plain text, and the signs Noto Sans lacks, each with its estimated width. */
function runs(line: string, s: TextStyle): { text: string; symbol: boolean; width: number }[] {
  const out: { text: string; symbol: boolean; width: number }[] = [];
  for (const ch of line) {
    const symbol = SYMBOLS.test(ch);
    const last = out.at(-1);
    if (last && last.symbol === symbol && !symbol) last.text += ch;
    else out.push({ text: ch, symbol, width: 0 });
  }
  for (const run of out) run.width = run.symbol ? 0.84 * s.size : textWidth(run.text, s.size, s.bold);
  return out;
}

/** One line as `<text>`: whole when it has no sign Noto Sans lacks, else placed run by run. */
function textLine(line: string, x: number, y: number, attrs: string, s: TextStyle): string {
  const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
  if (!SYMBOLS.test(line)) return `<text x="${r(x)}" y="${r(y)}" ${attrs}${anchor}>${xml(line)}</text>`;
  const parts = runs(line, s);
  const total = parts.reduce((sum, p) => sum + p.width, 0);
  let cx = s.anchor === 'middle' ? x - total / 2 : s.anchor === 'end' ? x - total : x;
  const spans = parts.map((p) => {
    const span = `<tspan x="${r(cx)}"${p.symbol ? ` font-family="${SYMBOL_FONT}"` : ''}>${xml(p.text)}</tspan>`;
    cx += p.width;
    return span;
  });
  return `<text y="${r(y)}" ${attrs} xml:space="preserve">${spans.join('')}</text>`;
}

/** One `<text>` per line, baselines `lineHeight` apart starting at `y`. */
export function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  s: TextStyle,
): string {
  const attrs =
    (s.className ? `class="${s.className}" ` : '') +
    `font-size="${s.size}" fill="${s.fill}"` +
    (s.bold ? ' font-weight="700"' : '') +
    (s.italic ? ' font-style="italic"' : '') +
    (s.halo ? ` stroke="${s.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '');
  return lines.map((l, i) => textLine(l, x, y + i * lineHeight, attrs, s)).join('');
}

/** Coordinates to two decimals: enough for print, short in the file. */
export const r = (n: number): string => String(Math.round(n * 100) / 100);
