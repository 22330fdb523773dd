/**
 * A chart's downloads: `/embed/<chart>.png|svg|csv|json|zip`, with the embed's query (`year`,
 * `metric`, `lang`), plus `scale=2` for a PNG twice the size and `format=card` for the
 * 1200×630 picture social networks show. The maps (`regions`, `international`) too.
 */
import { error } from '@sveltejs/kit';
import {
  DOWNLOAD_FORMATS,
  fileStem,
  parseChartId,
  viewFromQuery,
  type ChartView,
  type DownloadFormat,
} from '$lib/press/charts';
import { chartCsv, chartJson } from '$lib/press/exports';
import { mapCsv, mapJson } from '$lib/press/map-exports';
import type { MapModel } from '$lib/press/server/map-model';
import type { ChartModel } from '$lib/press/server/chart-model';
import { PRESS_CACHE, pressContext } from '$lib/press/server/context';
import { loadChart, loadMap } from '$lib/press/server/load-chart';
import { mapPressKit, mapSvgOf, pressKit, svgOf, type PressContext } from '$lib/press/server/press-kit';
import { renderPng } from '$lib/press/server/png';
import { withFonts } from '$lib/press/server/svg-fonts';
import type { RequestHandler } from './$types';

const TYPES: Record<DownloadFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
};

const failed = (r: { status: 400 | 404; message: string }): never =>
  error(r.status, { message: r.message, code: r.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' });

async function model(view: ChartView): Promise<ChartModel> {
  const result = await loadChart(view);
  return 'status' in result ? failed(result) : result.model;
}

async function mapModel(view: ChartView): Promise<MapModel> {
  const result = await loadMap(view);
  return 'status' in result ? failed(result) : result.model;
}

const otherLang = (view: ChartView): ChartView => ({ ...view, lang: view.lang === 'fr' ? 'en' : 'fr' });

/** A chart's or a map's file: its body, and what its headers say. */
async function render(
  view: ChartView,
  format: DownloadFormat,
  scale: number,
  card: boolean,
  ctx: PressContext,
): Promise<{ body: string | Uint8Array; model: ChartModel | MapModel }> {
  const picture = card ? 'card' : 'figure';
  if (parseChartId(view.chart)?.kind === 'map') {
    const m = await mapModel(view);
    if (format === 'svg') return { body: await withFonts(mapSvgOf(m, ctx, picture).svg), model: m };
    if (format === 'png') return { body: await renderPng(mapSvgOf(m, ctx, picture).svg, scale), model: m };
    if (format === 'csv') return { body: mapCsv(m), model: m };
    if (format === 'json') return { body: mapJson(m, ctx.urls(m.view)), model: m };
    const other = await mapModel(otherLang(view));
    return {
      body: await mapPressKit(
        view.lang === 'fr' ? { fr: m, en: other } : { fr: other, en: m },
        view.lang,
        ctx,
      ),
      model: m,
    };
  }
  const m = await model(view);
  if (format === 'svg') return { body: await withFonts(svgOf(m, ctx, picture).svg), model: m };
  if (format === 'png') return { body: await renderPng(svgOf(m, ctx, picture).svg, scale), model: m };
  if (format === 'csv') return { body: chartCsv(m), model: m };
  if (format === 'json') return { body: chartJson(m, ctx.urls(m.view)), model: m };
  const other = await model(otherLang(view));
  return {
    body: await pressKit(view.lang === 'fr' ? { fr: m, en: other } : { fr: other, en: m }, view.lang, ctx),
    model: m,
  };
}

export const GET: RequestHandler = async ({ params, url }) => {
  const format = params.ext as DownloadFormat;
  if (!DOWNLOAD_FORMATS.includes(format))
    error(404, { message: `no download as .${params.ext}`, code: 'NOT_FOUND' });
  const asked = viewFromQuery(params.chart, url.searchParams);
  if ('error' in asked) error(400, { message: asked.error, code: 'BAD_REQUEST' });
  const view = { ...asked, theme: undefined };
  const scale = url.searchParams.get('scale') ?? '1';
  const card = url.searchParams.get('format') === 'card';
  if (scale !== '1' && scale !== '2')
    error(400, { message: `scale must be 1 or 2 (got "${scale}")`, code: 'BAD_REQUEST' });

  const { body, model: m } = await render(view, format, Number(scale), card, pressContext(url.origin));
  const stem = `${fileStem(m.view)}${card ? '-card' : scale === '2' ? '@2x' : ''}`;
  const inline = format === 'png' || format === 'svg';
  return new Response(body as BodyInit, {
    headers: {
      'content-type': TYPES[format],
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${stem}.${format}"`,
      'cache-control': PRESS_CACHE,
      ...(m.publishedAt ? { 'last-modified': new Date(m.publishedAt).toUTCString() } : {}),
      'access-control-allow-origin': '*',
    },
  });
};
