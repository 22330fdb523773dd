/**
 * A chart's downloads: `/embed/<chart>.png|svg|csv|json|zip`, with the embed's query (`year`,
 * `metric`, `lang`), plus `scale=2` for a PNG twice the size and `format=card` for the
 * 1200×630 picture social networks show.
 */
import { error } from '@sveltejs/kit';
import { DOWNLOAD_FORMATS, fileStem, viewFromQuery, type ChartView, type DownloadFormat } from '$lib/press/charts';
import { chartCsv, chartJson } from '$lib/press/exports';
import type { ChartModel } from '$lib/press/server/chart-model';
import { PRESS_CACHE, pressContext } from '$lib/press/server/context';
import { loadChart } from '$lib/press/server/load-chart';
import { pressKit, svgOf } from '$lib/press/server/press-kit';
import { renderPng } from '$lib/press/server/png';
import type { RequestHandler } from './$types';

const TYPES: Record<DownloadFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
};

async function model(view: ChartView): Promise<ChartModel> {
  const result = await loadChart(view);
  if ('status' in result) error(result.status, { message: result.message, code: result.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' });
  return result.model;
}

export const GET: RequestHandler = async ({ params, url }) => {
  const format = params.ext as DownloadFormat;
  if (!DOWNLOAD_FORMATS.includes(format)) error(404, { message: `no download as .${params.ext}`, code: 'NOT_FOUND' });
  const asked = viewFromQuery(params.chart, url.searchParams);
  if ('error' in asked) error(400, { message: asked.error, code: 'BAD_REQUEST' });
  const view = { ...asked, theme: undefined };
  const scale = url.searchParams.get('scale') ?? '1';
  const card = url.searchParams.get('format') === 'card';
  if (scale !== '1' && scale !== '2') error(400, { message: `scale must be 1 or 2 (got "${scale}")`, code: 'BAD_REQUEST' });

  const ctx = pressContext(url.origin);
  const m = await model(view);
  const stem = `${fileStem(m.view)}${card ? '-card' : scale === '2' ? '@2x' : ''}`;
  let body: string | Uint8Array;
  switch (format) {
    case 'svg':
      body = svgOf(m, ctx, card ? 'card' : 'figure').svg;
      break;
    case 'png':
      body = await renderPng(svgOf(m, ctx, card ? 'card' : 'figure').svg, Number(scale));
      break;
    case 'csv':
      body = chartCsv(m);
      break;
    case 'json':
      body = chartJson(m, ctx.urls(m.view));
      break;
    case 'zip': {
      const other = await model({ ...view, lang: view.lang === 'fr' ? 'en' : 'fr' });
      body = await pressKit(view.lang === 'fr' ? { fr: m, en: other } : { fr: other, en: m }, view.lang, ctx);
      break;
    }
  }
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
