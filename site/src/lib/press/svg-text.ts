/**
 * Text in a standalone SVG: escaping, width estimates for Noto Sans (the font the PNG is
 * rendered with), greedy wrapping. Pure.
 */
const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Signs Noto Sans has no glyph for (resvg would draw nothing), as the nearest it has. */
const MISSING: Record<string, string> = { '≈': '~', '≃': '~', '∼': '~', '→': '>', '↗': '', '≥': '>=', '≤': '<=' };
export const printable = (s: string): string => s.replace(/[≈≃∼→↗≥≤]/g, (c) => MISSING[c]!);
export const xml = (s: string): string => printable(s).replace(/[&<>"]/g, (c) => XML[c]!);

/** Average advance of Noto Sans, in em: a little generous, so estimated lines never overflow. */
const EM = { regular: 0.55, bold: 0.6 };
const NARROW = /[\s.,:;'’!|il1()\u202f\u00a0]/;

export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) em += NARROW.test(ch) ? 0.3 : /[A-ZÀ-ÝŒ%@MWmw—–]/.test(ch) ? 0.78 : bold ? EM.bold : EM.regular;
  return em * size;
}

/** Words into lines no wider than `width`; a word longer than a line gets a line of its own. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
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
}

/** One `<text>` per line, baselines `lineHeight` apart starting at `y`. */
export function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, s: TextStyle): string {
  const attrs =
    `font-size="${s.size}" fill="${s.fill}"` +
    (s.bold ? ' font-weight="700"' : '') +
    (s.italic ? ' font-style="italic"' : '') +
    (s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '');
  return lines.map((l, i) => `<text x="${r(x)}" y="${r(y + i * lineHeight)}" ${attrs}>${xml(l)}</text>`).join('');
}

/** Coordinates to two decimals: enough for print, short in the file. */
export const r = (n: number): string => String(Math.round(n * 100) / 100);
