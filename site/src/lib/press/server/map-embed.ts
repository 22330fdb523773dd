/**
 * What the map embeds (`/embed/regions`, `/embed/international`) share: the view from the
 * query (`lang`, `theme`, `year`, and `metric` for the regions), the published years, and
 * the page's own URL to link back to. The maps are shaped by `$lib/server/regions` and
 * `$lib/server/international`, as on their pages.
 */
import { error } from '@sveltejs/kit';
import { listPublished } from '$core/figures';
import type { PublishedYear } from '$core/schema';
import { localPath } from '$lib/i18n';
import { figures } from '$lib/server/store';
import { viewFromQuery, type ChartView } from '../charts';
import { childResizeScript } from '../child-resize';
import { PRESS_CACHE, themedCss } from './context';

export interface MapEmbed {
  view: ChartView;
  years: PublishedYear[];
  origin: string;
  css: string;
  script: string;
  /** The map on its page, with the same year and metric. */
  pageUrl: (anchor: string) => string;
}

export async function loadMapEmbed(
  chart: 'regions' | 'international',
  url: URL,
  setHeaders: (headers: Record<string, string>) => void,
): Promise<MapEmbed> {
  const view = viewFromQuery(chart, url.searchParams);
  if ('error' in view) error(400, { message: view.error, code: 'BAD_REQUEST' });
  const years = await listPublished(figures());
  setHeaders({ 'cache-control': PRESS_CACHE });
  const query = new URLSearchParams();
  if (view.metric) query.set('metric', view.metric);
  if (view.year !== undefined) query.set('year', String(view.year));
  const q = query.size ? `?${query}` : '';
  return {
    view,
    years,
    origin: url.origin,
    css: themedCss(view.theme),
    script: childResizeScript(chart),
    pageUrl: (anchor) => `${url.origin}${localPath(view.lang, `/${chart}`)}${q}#${anchor}`,
  };
}
