/**
 * A chart's or a map's picture as one standalone SVG: the page's own chart components in
 * print mode (charts/print.ts), rendered by `svelte/server`, framed by PressPicture.svelte,
 * with every text measured on the fonts the PNG is drawn with (text-metrics.ts). The SVG
 * download embeds those fonts (svg-fonts.ts), the PNG is drawn from it by resvg (png.ts).
 * Server-only.
 */
import { render } from 'svelte/server';
import { withoutInvisible } from '$core/problems';
import ChartPicture from '../ChartPicture.svelte';
import MapPicture from '../MapPicture.svelte';
import type { ChartModel } from './chart-model';
import type { MapModel } from './map-model';
import { measure } from './text-metrics';

export interface Svg {
  svg: string;
  width: number;
  height: number;
}

export interface PictureOptions {
  /** The palette of app.css (`palette(css, 'light')`). */
  colours: Record<string, string>;
  /** The chart's page, printed as its address. */
  url: string;
  /** `card`: 1200×630, for social networks. @default 'figure' */
  format?: 'figure' | 'card';
}

export type PictureChart = Pick<
  ChartModel,
  'title' | 'summary' | 'series' | 'span' | 'sources' | 'view' | 'legend' | 'publishedAt' | 'corrections'
>;

/**
 * Svelte's server output as a standalone SVG: without its hydration comments, sized from its
 * root, and without the characters XML forbids (stored text may hold them: resvg would refuse
 * the SVG, and the PNG and press kit answer 500).
 */
function standalone(body: string): Svg {
  const svg = withoutInvisible(body.replace(/<!--[\s\S]*?-->/g, '')).trim();
  const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/ width="(\d+)"/.exec(root)?.[1]);
  const height = Number(/ height="(\d+)"/.exec(root)?.[1]);
  if (!width || !height)
    throw new Error(`picture: no <svg> with a width and height (got ${svg.slice(0, 80)})`);
  return { svg, width, height };
}

export function chartPicture(chart: PictureChart, o: PictureOptions): Svg {
  const props = { chart, url: o.url, format: o.format ?? 'figure', colours: o.colours, measure };
  return standalone(render(ChartPicture, { props }).body);
}

export function mapPicture(map: MapModel, o: PictureOptions): Svg {
  const props = { map, url: o.url, format: o.format ?? 'figure', colours: o.colours, measure };
  return standalone(render(MapPicture, { props }).body);
}
