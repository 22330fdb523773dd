/**
 * SVG → PNG with @resvg/resvg-js, a native module: imported lazily, on the first PNG asked
 * for, so that pages and embeds never load it. resvg silently drops text it has no font for,
 * so Noto Sans (OFL) is passed explicitly and system fonts are never read: the picture is the
 * same on a laptop and in Lambda.
 *
 * DejaVu Sans draws the signs Noto Sans lacks (« ≈ », « → »; see svg-text.ts).
 *
 * Fonts come from `PRESS_FONTS_DIR` when set (a folder holding the files of `PRESS_FONTS`,
 * e.g. copied beside the Lambda bundle), else from the installed `@expo-google-fonts/noto-sans`
 * and `dejavu-fonts-ttf` packages.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { env } from '$env/dynamic/private';
import { withoutInvisible } from '$core/problems';

/** Each font as a path inside its npm package. */
export const PRESS_FONTS = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
];

let fontFiles: string[] | undefined;

export function pressFonts(): string[] {
  if (fontFiles) return fontFiles;
  const dir = env.PRESS_FONTS_DIR;
  const files = dir
    ? PRESS_FONTS.map((f) => join(dir, f.split('/').at(-1)!))
    : PRESS_FONTS.map((f) => createRequire(import.meta.url).resolve(f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length)
    throw new Error(
      `press fonts missing: ${missing.join(', ')} (set PRESS_FONTS_DIR or install @expo-google-fonts/noto-sans and dejavu-fonts-ttf)`,
    );
  return (fontFiles = files);
}

type Resvg = typeof import('@resvg/resvg-js').Resvg;
let resvg: Promise<Resvg> | undefined;

/** Renders at `scale` (1 or 2) times the SVG's own size. */
export async function renderPng(svg: string, scale: number): Promise<Uint8Array> {
  const Resvg = await (resvg ??= import('@resvg/resvg-js').then((m) => m.Resvg));
  // resvg refuses an SVG holding a character XML forbids: a picture never fails on stored text.
  const image = new Resvg(withoutInvisible(svg), {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: pressFonts(),
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
  }).render();
  return new Uint8Array(image.asPng());
}
