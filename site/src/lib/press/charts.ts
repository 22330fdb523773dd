/**
 * Every chart that can be embedded or downloaded, named by a stable id, and the URLs of its
 * page, its embed and its downloads. Client-safe and pure.
 *
 * Ids follow the pages' anchors: `tendances` (home), `<theme>` (a theme page's main chart,
 * anchor `#graphique`), `<theme>-cote-a-cote-<n>` (its n-th small multiples), and
 * `international-cote-a-cote` (partner countries and associations over years), and the two
 * maps, `regions` and `international` (anchor `#carte` on their pages).
 */
import type { Lang } from '$lib/format';
import { localPath } from '../i18n';
import { pathIn, SERIES_THEMES, themeBySlug, type SeriesTheme } from '../themes';

export type ColourTheme = 'light' | 'dark' | 'auto';
export const COLOUR_THEMES: readonly ColourTheme[] = ['auto', 'light', 'dark'];

export type ChartRef =
  | { id: 'tendances'; kind: 'home'; path: '/'; anchor: 'tendances' }
  | { id: string; kind: 'main'; path: string; anchor: 'graphique'; theme: SeriesTheme }
  | {
      id: string;
      kind: 'multiples';
      path: string;
      anchor: string;
      /** The metrics drawn side by side. */
      metrics: string[];
      /** The metrics whose years make the span (a theme's every metric, as on its page). */
      spanOf: string[];
    }
  | { id: 'regions' | 'international'; kind: 'map'; path: '/regions' | '/international'; anchor: 'carte' };

/** Whether a chart's view names a metric: a theme's main chart and the regions map do. */
export const takesMetric = (ref: ChartRef): boolean => ref.kind === 'main' || ref.id === 'regions';

/** Partner countries and associations, side by side on the international page. */
const INTERNATIONAL = ['partner_countries', 'partner_associations'];

const MULTIPLES = /^(.+)-cote-a-cote-([1-9]\d?)$/;

export function parseChartId(id: string): ChartRef | undefined {
  if (id === 'tendances') return { id, kind: 'home', path: '/', anchor: 'tendances' };
  if (id === 'regions' || id === 'international') return { id, kind: 'map', path: `/${id}`, anchor: 'carte' };
  if (id === 'international-cote-a-cote')
    return {
      id,
      kind: 'multiples',
      path: '/international',
      anchor: 'cote-a-cote',
      metrics: INTERNATIONAL,
      spanOf: INTERNATIONAL,
    };
  const theme = themeBySlug.get(id);
  if (theme) return { id, kind: 'main', path: `/${id}`, anchor: 'graphique', theme };
  const m = MULTIPLES.exec(id);
  const parent = m && themeBySlug.get(m[1]!);
  const index = Number(m?.[2]) - 1;
  if (!parent || !parent.multiples[index]) return undefined;
  return {
    id,
    kind: 'multiples',
    path: `/${parent.slug}`,
    anchor: `cote-a-cote-${index + 1}`,
    metrics: parent.multiples[index]!,
    spanOf: parent.all,
  };
}

export const CHART_IDS: readonly string[] = [
  'tendances',
  ...SERIES_THEMES.flatMap((t) => [t.slug, ...t.multiples.map((_, i) => `${t.slug}-cote-a-cote-${i + 1}`)]),
  'international-cote-a-cote',
  'regions',
  'international',
];

/** The chart a page URL shows: its anchor when it names one, else the page's first chart. */
export function chartOfPage(pathname: string, hash = ''): ChartRef | undefined {
  // English pages have their own slugs; charts keep the French ones as ids.
  const bare = pathIn('fr', pathname.replace(/^\/en(?=\/|$)/, '').replace(/\/$/, '') || '/');
  const anchor = hash.replace(/^#/, '');
  if (bare === '/') return parseChartId('tendances');
  if (bare === '/regions') return parseChartId('regions');
  if (bare === '/international')
    return parseChartId(anchor === 'cote-a-cote' ? 'international-cote-a-cote' : 'international');
  const slug = bare.slice(1);
  if (!themeBySlug.has(slug)) return undefined;
  if (anchor.startsWith('cote-a-cote-')) return parseChartId(`${slug}-${anchor}`);
  return parseChartId(slug);
}

/** The chart a frame with this id shows on this page, if it is one that can be embedded. */
export function chartOfFrame(pathname: string, frameId: string): ChartRef | undefined {
  const ref = chartOfPage(pathname, `#${frameId}`);
  return ref?.anchor === frameId ? ref : undefined;
}

/** What a view of a chart is: the query a page and its embed share. */
export interface ChartView {
  chart: string;
  lang: Lang;
  /** Pinned to this year; live (following new figures) when absent. */
  year?: number;
  /** The main chart's metric, when not the theme's first. */
  metric?: string;
  /** @default 'auto' */
  theme?: ColourTheme;
}

function query(view: ChartView, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  if (view.metric) q.set('metric', view.metric);
  if (view.year !== undefined) q.set('year', String(view.year));
  if (view.lang === 'en') q.set('lang', 'en');
  if (view.theme && view.theme !== 'auto') q.set('theme', view.theme);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const embedPath = (view: ChartView): string => `/embed/${view.chart}${query(view)}`;

/** The picture social networks and oEmbed consumers show: `?format=card`. */
export const CARD = { width: 1200, height: 630 } as const;

export type DownloadFormat = 'png' | 'svg' | 'csv' | 'xlsx' | 'json' | 'zip';
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['png', 'svg', 'csv', 'xlsx', 'json', 'zip'];

/** `/embed/benevoles.png?year=2016&scale=2`: the embed's URL with the format as extension. */
export const downloadPath = (
  view: ChartView,
  format: DownloadFormat,
  extra: Record<string, string | undefined> = {},
): string => `/embed/${view.chart}.${format}${query({ ...view, theme: undefined }, extra)}`;

/** The chart on its page: `/en/volunteers?metric=employees&year=2016#graphique`. */
export function pagePath(view: ChartView): string {
  const ref = parseChartId(view.chart);
  const path = localPath(view.lang, ref?.path ?? '/');
  return `${path}${query({ ...view, lang: 'fr', theme: undefined })}#${ref?.anchor ?? ''}`;
}

/** File names: `cimade-benevoles-employees-2016`. */
export const fileStem = (view: ChartView): string =>
  ['cimade', view.chart, view.metric, view.year, view.lang === 'en' ? 'en' : undefined]
    .filter((p) => p !== undefined)
    .join('-');

/** Reads `lang`, `theme`, `year` and `metric` from an embed or download URL; invalid values are errors. */
export function viewFromQuery(chart: string, params: URLSearchParams): ChartView | { error: string } {
  const lang = params.get('lang') ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') return { error: `lang must be fr or en (got "${lang}")` };
  const theme = params.get('theme') ?? 'auto';
  if (!COLOUR_THEMES.includes(theme as ColourTheme))
    return { error: `theme must be light, dark or auto (got "${theme}")` };
  const rawYear = params.get('year');
  if (rawYear !== null && !/^\d{4}$/.test(rawYear))
    return { error: `year must have four digits (got "${rawYear}")` };
  const metric = params.get('metric') ?? undefined;
  return {
    chart,
    lang,
    theme: theme as ColourTheme,
    ...(rawYear !== null ? { year: Number(rawYear) } : {}),
    ...(metric ? { metric } : {}),
  };
}

/**
 * A first height (px) for the iframe at a given width, before the embed reports its own.
 * Mirrors the embed's CSS: bars are 4:3 below 34rem and 2:1 above; the embed's small multiples
 * stack below 30rem at 2:1 and go two by two above at 3:2 (embed/[chart]/+page.svelte); the
 * maps keep their box's aspect (regions 1:1, partners 600:640) up to 40rem wide. The rest (title,
 * summary, legend, notes, credit, links: `a + b / width`, text wraps more on a narrow frame) is
 * fitted to the embeds' heights measured in Chromium at 320, 600 and 1000 px, then 4 % more,
 * erring on the tall side so that without any script nothing is cut (press-embed.spec.ts checks).
 */
export function estimatedHeight(ref: ChartRef, width = 640): number {
  const tall = (h: number) => Math.ceil((h * 1.04) / 10) * 10;
  // The plot's width: the embed's padding (24 px) and the year axis (3.25rem).
  const plot = (w: number) => Math.max(120, w - 76);
  if (ref.kind === 'map') {
    const box = Math.min(width - 24, 640) * (ref.id === 'regions' ? 1 : 640 / 600);
    return tall(box + (ref.id === 'regions' ? 265 + 192_000 / width : 165 + 109_000 / width));
  }
  if (ref.kind === 'main') return tall(plot(width) * (width < 544 ? 3 / 4 : 1 / 2) + 250 + 255_000 / width);
  const panels = ref.kind === 'home' ? 4 : ref.metrics.length;
  const stacked = width < 480;
  const panel = stacked ? plot(width) / 2 : ((width - 48) / 2 - 52) * (2 / 3);
  const rows = stacked ? panels : Math.ceil(panels / 2);
  return tall(rows * panel + 250 + (140_000 + 42_000 * panels) / width);
}

/** The common widths of an article's column, from a phone to a wide desktop: what the embed code's height must fit. */
export const EMBED_WIDTHS = [320, 600, 1000] as const;

/**
 * The embed code's height: the tallest of the chart's layouts at the common widths, so that
 * pasted without its script (a CMS strips it) the whole embed shows at each of them; with the
 * script, the frame then fits its content exactly.
 */
export const frameHeight = (ref: ChartRef): number =>
  Math.max(...EMBED_WIDTHS.map((w) => estimatedHeight(ref, w)));
