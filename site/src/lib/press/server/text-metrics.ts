/**
 * Text widths on the fonts the pictures are drawn with, for the print mode of the charts
 * (charts/print.ts): each run shaped by HarfBuzz (harfbuzzjs, the WebAssembly build of the
 * shaper Chromium uses, and that resvg's rustybuzz ports) on Noto Sans regular or bold, and
 * the signs Noto Sans lacks (« ≈ », « → ») on DejaVu Sans, as they are drawn. Kerning and
 * every OpenType feature the browsers apply by default are counted, so a line that fits here
 * fits in the PNG (resvg) and in the SVG opened anywhere (its fonts are embedded, svg-fonts.ts).
 *
 * harfbuzzjs loads its WebAssembly when imported (a top-level await, ~450 KB, a few ms); this
 * module is imported only by the picture renderer, never by pages or embeds. Server-only.
 */
import { readFileSync } from 'node:fs';
import { Blob, Buffer, Face, Font, shape } from 'harfbuzzjs';
import { SYMBOLS, type Measure } from '../../charts/print';
import { pressFonts } from './png';

interface Shaper {
  font: Font;
  upem: number;
}

let shapers: Shaper[] | undefined;

/** Noto Sans regular, bold; DejaVu Sans regular, bold: the order of PRESS_FONTS. */
function fonts(): Shaper[] {
  return (shapers ??= pressFonts().map((file) => {
    const face = new Face(new Blob(readFileSync(file)));
    return { font: new Font(face), upem: face.upem };
  }));
}

const cache = new Map<string, number>();

/** Advance of `text` in font units per em (shaped, kerned). */
function advance(text: string, s: Shaper): number {
  const buffer = new Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(s.font, buffer);
  return buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0) / s.upem;
}

/** Width in px of `text` at `size` px, each sign Noto Sans lacks on DejaVu Sans, as drawn. */
export const measure: Measure = (text, size, bold = false) => {
  const key = `${bold ? 'b' : 'r'}${text}`;
  let em = cache.get(key);
  if (em === undefined) {
    const [regular, boldFace, dejavu, dejavuBold] = fonts();
    em = 0;
    for (const run of text.split(new RegExp(`(${SYMBOLS.source}+)`, 'u')))
      if (run)
        em += advance(run, SYMBOLS.test(run) ? (bold ? dejavuBold! : dejavu!) : bold ? boldFace! : regular!);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, em);
  }
  return em * size;
};
