/**
 * The heavy part of a download, in plain Node (no SvelteKit import), so that the site (png.ts,
 * renderer.ts) and the local server's worker pool (functions/local/press-worker.ts) run the one
 * same code: SVG → PNG with @resvg/resvg-js, a native module, and the fonts it is handed; the
 * press kit's zip with fflate. resvg silently drops text it
 * has no font for, so Noto Sans (OFL) is passed explicitly and system fonts are never read:
 * the picture is the same on a laptop and in Lambda.
 *
 * DejaVu Sans draws the signs Noto Sans lacks (« ≈ », « → »).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Each font as a path inside its npm package. */
export const PRESS_FONTS = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  // Years without a figure are in italics, on the page as in the pictures.
  '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
];

/** The font files: from `dir` (a folder holding the files of PRESS_FONTS) when given, else from the installed packages. */
export function pressFontFiles(dir: string | undefined): string[] {
  const files = dir
    ? PRESS_FONTS.map((f) => join(dir, f.split('/').at(-1)!))
    : PRESS_FONTS.map((f) => createRequire(import.meta.url).resolve(f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length)
    throw new Error(
      `press fonts missing: ${missing.join(', ')} (set PRESS_FONTS_DIR or install @expo-google-fonts/noto-sans and dejavu-fonts-ttf)`,
    );
  return files;
}

type Resvg = typeof import('@resvg/resvg-js').Resvg;
let resvg: Promise<Resvg> | undefined;

/** Renders at `scale` (1 or 2) times the SVG's own size, with only these fonts. */
export async function pngOf(svg: string, scale: number, fontFiles: string[]): Promise<Uint8Array> {
  const Resvg = await (resvg ??= import('@resvg/resvg-js').then((m) => m.Resvg));
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
  }).render();
  return new Uint8Array(image.asPng());
}

/** The files as a zip (deflate level 6, or each file's own), every entry dated `mtime`: the same figures give the same bytes. */
export const zipOf = (files: Zippable, mtime: Date): Uint8Array => zipSync(files, { level: 6, mtime });

/** Where a download's PNGs are drawn and its zip packed (renderer.ts): this thread, or a worker pool. */
export interface PressRenderer {
  /** The SVG as a PNG at `scale` (1 or 2) times its own size. */
  png(svg: string, scale: number): Promise<Uint8Array>;
  /** The files as a zip (zipOf). */
  zip(files: Zippable, mtime: Date): Promise<Uint8Array>;
}
