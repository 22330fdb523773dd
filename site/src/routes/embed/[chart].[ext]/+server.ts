/**
 * A chart's downloads: `/embed/<chart>.png|svg|csv|xlsx|json|zip`, with the embed's query
 * (`year`, `metric`, `lang`), plus `scale=2` for a PNG twice the size, `format=card` for the
 * 1200×630 picture social networks show, and `format=excel-fr` for the CSV French Excel opens
 * in columns. The maps (`regions`, `international`) too: one dispatch for both (press-kit.ts).
 */
import { error } from '@sveltejs/kit';
import { DOWNLOAD_FORMATS, fileStem, viewFromQuery, type DownloadFormat } from '$lib/press/charts';
import { PRESS_CACHE, pressContext } from '$lib/press/server/context';
import { pressFile } from '$lib/press/server/press-kit';
import { inThread } from '$lib/press/server/renderer';
import { csvFormatOf } from '$lib/press/table';
import type { RequestHandler } from './$types';

const TYPES: Record<DownloadFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
};

const badRequest = (message: string): never => error(400, { message, code: 'BAD_REQUEST' });

/** `?format=`: `card` for a picture, `excel-fr` for a CSV; nothing else is a format of any download. */
function formatsOf(
  format: DownloadFormat,
  raw: string | null,
): { card: boolean; csv: 'rfc4180' | 'excel-fr' } {
  if (format === 'csv') {
    const csv = csvFormatOf(raw);
    return typeof csv === 'string' ? { card: false, csv } : badRequest(csv.error);
  }
  if (raw === null) return { card: false, csv: 'rfc4180' };
  if (raw === 'card' && (format === 'png' || format === 'svg')) return { card: true, csv: 'rfc4180' };
  return badRequest(
    format === 'png' || format === 'svg'
      ? `format must be card for a .${format} download, or absent (got "${raw}")`
      : `a .${format} download takes no format (got "${raw}"; format=excel-fr is for .csv, format=card for .png and .svg)`,
  );
}

export const GET: RequestHandler = async ({ params, url, platform }) => {
  const format = params.ext as DownloadFormat;
  if (!DOWNLOAD_FORMATS.includes(format))
    error(404, { message: `no download as .${params.ext}`, code: 'NOT_FOUND' });
  const asked = viewFromQuery(params.chart, url.searchParams);
  if ('error' in asked) badRequest(asked.error);
  const view = { ...(asked as Exclude<typeof asked, { error: string }>), theme: undefined };
  const scale = url.searchParams.get('scale') ?? '1';
  if (scale !== '1' && scale !== '2') badRequest(`scale must be 1 or 2 (got "${scale}")`);
  const { card, csv } = formatsOf(format, url.searchParams.get('format'));

  const { body, model: m } = await pressFile(
    { view, format, scale: Number(scale), picture: card ? 'card' : 'figure', csv },
    pressContext(url.origin, platform?.press ?? inThread),
  );
  const stem = `${fileStem(m.view)}${card ? '-card' : scale === '2' ? '@2x' : ''}${csv === 'excel-fr' ? '-excel-fr' : ''}`;
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
