/**
 * SVG → PNG for the site (press-work.ts draws): @resvg/resvg-js is imported lazily, on the first
 * PNG asked for, so that pages and embeds never load it.
 *
 * Fonts come from `PRESS_FONTS_DIR` when set (a folder holding the files of `PRESS_FONTS`,
 * e.g. copied beside the Lambda bundle), else from the installed `@expo-google-fonts/noto-sans`
 * and `dejavu-fonts-ttf` packages.
 */
import { env } from '$env/dynamic/private';
import { pngOf, pressFontFiles } from './press-work';

export { PRESS_FONTS } from './press-work';

let fontFiles: string[] | undefined;

export const pressFonts = (): string[] => (fontFiles ??= pressFontFiles(env.PRESS_FONTS_DIR));

/** Renders at `scale` (1 or 2) times the SVG's own size, on this thread. */
export const renderPng = (svg: string, scale: number): Promise<Uint8Array> => pngOf(svg, scale, pressFonts());
