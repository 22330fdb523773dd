/**
 * oEmbed 1.0 for our charts: which chart a pasted URL names, and the `rich` answer a CMS
 * turns into an embed. Pure; the route reads the figures and answers HTTP.
 */
import { t } from '../i18n';
import {
  CARD,
  chartOfPage,
  estimatedHeight,
  parseChartId,
  takesMetric,
  viewFromQuery,
  downloadPath,
  type ChartRef,
  type ChartView,
} from './charts';
import { embedCode } from './embed-code';

export interface OEmbedRequest {
  url: string;
  maxwidth?: number;
  maxheight?: number;
}

export type OEmbedTarget = { ref: ChartRef; view: ChartView } | { status: 400 | 404 | 501; message: string };

const positive = (raw: string | null): number | undefined | 'bad' => {
  if (raw === null || raw === '') return undefined;
  return /^\d{1,5}$/.test(raw) && Number(raw) > 0 ? Number(raw) : 'bad';
};

/** Reads `/oembed?url=…&format=json&maxwidth=…&maxheight=…`. */
export function parseOEmbedQuery(
  params: URLSearchParams,
): OEmbedRequest | { status: 400 | 501; message: string } {
  const format = params.get('format') ?? 'json';
  if (format !== 'json') return { status: 501, message: `only format=json is implemented (got "${format}")` };
  const url = params.get('url');
  if (!url) return { status: 400, message: 'url is required' };
  const maxwidth = positive(params.get('maxwidth'));
  const maxheight = positive(params.get('maxheight'));
  if (maxwidth === 'bad' || maxheight === 'bad')
    return { status: 400, message: 'maxwidth and maxheight must be positive whole numbers' };
  return { url, ...(maxwidth ? { maxwidth } : {}), ...(maxheight ? { maxheight } : {}) };
}

/** The chart a URL of ours names (a page, with its anchor, or an embed); 404 for anything else. */
export function targetOf(raw: string, ownHost: string): OEmbedTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { status: 404, message: 'not a URL' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.host !== ownHost)
    return { status: 404, message: 'not a chart of this site' };
  const embed = /^\/embed\/([a-z0-9-]+)\/?$/.exec(url.pathname);
  const ref = embed ? parseChartId(embed[1]!) : chartOfPage(url.pathname, url.hash);
  if (!ref) return { status: 404, message: 'not a chart of this site' };
  const params = new URLSearchParams(url.search);
  if (!embed && /^\/en(\/|$)/.test(url.pathname)) params.set('lang', 'en');
  if (!embed) params.delete('theme');
  const view = viewFromQuery(ref.id, params);
  if ('error' in view) return { status: 404, message: view.error };
  // A page shows its default metric without saying so; only a main chart and the regions map have one to choose.
  if (!takesMetric(ref)) delete view.metric;
  return { ref, view };
}

export { CARD };
export const DEFAULT_WIDTH = 640;

export interface OEmbedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  html: string;
  width: number;
  height: number;
  provider_name: string;
  provider_url: string;
  author_name: string;
  author_url: string;
  cache_age: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

export function oembedRich(o: {
  origin: string;
  ref: ChartRef;
  view: ChartView;
  title: string;
  request: OEmbedRequest;
}): OEmbedRich {
  const width = Math.min(o.request.maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const height = Math.min(estimatedHeight(o.ref, width), o.request.maxheight ?? Infinity);
  return {
    type: 'rich',
    version: '1.0',
    title: o.title,
    html: embedCode({
      origin: o.origin,
      view: o.view,
      title: o.title,
      height,
      ...(o.request.maxwidth ? { maxWidth: width } : {}),
    }),
    width,
    height,
    provider_name: t(o.view.lang).siteTitle,
    provider_url: `${o.origin}/`,
    author_name: 'La Cimade',
    author_url: 'https://www.lacimade.org/',
    cache_age: 86400,
    thumbnail_url: `${o.origin}${downloadPath(o.view, 'png', { format: 'card' })}`,
    thumbnail_width: CARD.width,
    thumbnail_height: CARD.height,
  };
}
