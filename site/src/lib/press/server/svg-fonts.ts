/**
 * The SVG download carries its fonts: a subset of Noto Sans (regular and bold) holding the
 * characters the picture writes, and of DejaVu Sans for the signs Noto Sans lacks (« ≈ »,
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

/** The characters of every `<text>` (runs and entities resolved): Noto's, and the signs DejaVu draws. */
export function charactersOf(svg: string): { text: string; symbols: string } {
  const words = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, '').replace(/&\w+;|&#\d+;/g, (e) => ENTITIES[e] ?? e),
  );
  const chars = new Set([...words.join('')]);
  const symbols = [...chars].filter((c) => SYMBOLS.test(c)).join('');
  return { text: [...chars].filter((c) => !SYMBOLS.test(c)).join(''), symbols };
}

let files: Buffer[] | undefined;
const fontFiles = (): Buffer[] => (files ??= pressFonts().map((f) => readFileSync(f)));

const face = (family: string, weight: number, ttf: Buffer): string =>
  `@font-face{font-family:'${family}';font-weight:${weight};src:url(data:font/ttf;base64,${ttf.toString('base64')}) format('truetype')}`;

/** The SVG with its fonts, embedded right after its opening tag. */
export async function withFonts(svg: string): Promise<string> {
  const { text, symbols } = charactersOf(svg);
  const [regular, bold, dejavu, dejavuBold] = fontFiles();
  const subset = (font: Buffer, chars: string) => subsetFont(font, chars, { targetFormat: 'truetype' });
  const [r, b, ...signs] = await Promise.all([
    subset(regular!, text),
    subset(bold!, text),
    ...(symbols ? [subset(dejavu!, symbols), subset(dejavuBold!, symbols)] : []),
  ]);
  const faces = [face('Noto Sans', 400, r!), face('Noto Sans', 700, b!)];
  if (signs.length) faces.push(face('DejaVu Sans', 400, signs[0]!), face('DejaVu Sans', 700, signs[1]!));
  const at = svg.indexOf('>') + 1;
  return `${svg.slice(0, at)}<defs><style>${faces.join('')}</style></defs>${svg.slice(at)}`;
}
