/**
 * The SVG download carries its fonts: a subset of Noto Sans (regular and bold) holding the
 * characters the picture writes (and its italic for the years without a figure), and of DejaVu Sans for the signs Noto Sans lacks (« ≈ »,
 * « → »), as `@font-face` rules with `data:` URLs. So an SVG opened in a browser or an editor
 * on a machine without Noto Sans lays out as the PNG does, inside its box.
 *
 * Subsetting by `subset-font` (harfbuzz's hb-subset compiled to WebAssembly, maintained, no
 * native code). The PNG does not need this: resvg is handed the font files (png.ts).
 */
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { pressFonts } from './png';
import { SYMBOLS } from '../../charts/print';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The characters of every `<text>` (runs and entities resolved): Noto's, the signs DejaVu draws, and those in italics. */
export function charactersOf(svg: string): { text: string; symbols: string; italic: string } {
  const texts = [...svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)].map((m) => ({
    italic: /font-style="italic"/.test(m[1]!),
    words: m[2]!.replace(/<[^>]+>/g, '').replace(/&\w+;|&#\d+;/g, (e) => ENTITIES[e] ?? e),
  }));
  const chars = new Set([...texts.map((t) => t.words).join('')]);
  const symbols = [...chars].filter((c) => SYMBOLS.test(c)).join('');
  const italic = new Set([
    ...texts
      .filter((t) => t.italic)
      .map((t) => t.words)
      .join(''),
  ]);
  return {
    text: [...chars].filter((c) => !SYMBOLS.test(c)).join(''),
    symbols,
    italic: [...italic].filter((c) => !SYMBOLS.test(c)).join(''),
  };
}

let files: Buffer[] | undefined;
const fontFiles = (): Buffer[] => (files ??= pressFonts().map((f) => readFileSync(f)));

const face = (family: string, weight: number, ttf: Buffer, style = 'normal'): string =>
  `@font-face{font-family:'${family}';font-style:${style};font-weight:${weight};src:url(data:font/ttf;base64,${ttf.toString('base64')}) format('truetype')}`;

/** The SVG with its fonts, embedded right after its opening tag. */
export async function withFonts(svg: string): Promise<string> {
  const { text, symbols, italic } = charactersOf(svg);
  const [regular, bold, dejavu, dejavuBold, regularItalic] = fontFiles();
  const subset = (font: Buffer, chars: string) => subsetFont(font, chars, { targetFormat: 'truetype' });
  const [r, b, i, ...signs] = await Promise.all([
    subset(regular!, text),
    subset(bold!, text),
    italic ? subset(regularItalic!, italic) : undefined,
    ...(symbols ? [subset(dejavu!, symbols), subset(dejavuBold!, symbols)] : []),
  ]);
  const faces = [face('Noto Sans', 400, r!), face('Noto Sans', 700, b!)];
  if (i) faces.push(face('Noto Sans', 400, i, 'italic'));
  if (signs.length) faces.push(face('DejaVu Sans', 400, signs[0]!), face('DejaVu Sans', 700, signs[1]!));
  const at = svg.indexOf('>') + 1;
  return `${svg.slice(0, at)}<defs><style>${faces.join('')}</style></defs>${svg.slice(at)}`;
}
