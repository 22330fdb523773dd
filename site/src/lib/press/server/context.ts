/**
 * What every press route shares: the site's stylesheet (for themed embeds and the colours of
 * exported images), absolute URLs for a view, and the cache policy of embeds and downloads.
 */
import appCss from '../../../app.css?raw';
import { embedPath, pagePath, type ChartView, type ColourTheme } from '../charts';
import { forceColourTheme, palette } from '../theme-css';
import type { PressContext } from './press-kit';
import type { PressRenderer } from './press-work';

/** Browsers revalidate after 5 minutes; the CDN keeps a day, and publishing invalidates it. */
export const PRESS_CACHE = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400';

/** Exported pictures are printed: always the light palette. */
const colours = palette(appCss, 'light');

export const themedCss = (theme: ColourTheme = 'auto'): string => forceColourTheme(appCss, theme);

/**
 * `render`: the local server's worker pool (`event.platform.press`) or this thread (`inThread`,
 * renderer.ts), chosen by the download route: renderer.ts is not imported here, so that the
 * pages' function, which uses this module too, never bundles the PNG renderer.
 */
export const pressContext = (origin: string, render: PressRenderer): PressContext => ({
  colours,
  render,
  urls: (view: ChartView) => ({
    page: `${origin}${pagePath(view)}`,
    embed: `${origin}${embedPath({ ...view, theme: undefined })}`,
  }),
});
