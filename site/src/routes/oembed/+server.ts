/**
 * oEmbed 1.0 (`rich`): `/oembed?url=<a chart page or embed of this site>&format=json`, with
 * `maxwidth`/`maxheight`. A URL that is not one of our charts is a 404; `format=xml` a 501.
 */
import { json } from '@sveltejs/kit';
import { oembedRich, parseOEmbedQuery, targetOf } from '$lib/press/oembed';
import { PRESS_CACHE } from '$lib/press/server/context';
import { loadChart, loadMap } from '$lib/press/server/load-chart';
import type { RequestHandler } from './$types';

const CORS = { 'access-control-allow-origin': '*' };
const fail = (status: number, message: string) =>
  json(
    { code: status === 404 ? 'NOT_FOUND' : status === 501 ? 'NOT_IMPLEMENTED' : 'BAD_REQUEST', message },
    { status, headers: CORS },
  );

export const GET: RequestHandler = async ({ url }) => {
  const request = parseOEmbedQuery(url.searchParams);
  if ('status' in request) return fail(request.status, request.message);
  const target = targetOf(request.url, url.host);
  if ('status' in target) return fail(target.status, target.message);
  const chart = target.ref.kind === 'map' ? await loadMap(target.view) : await loadChart(target.view);
  if ('status' in chart) return fail(404, chart.message);
  const body = oembedRich({
    origin: url.origin,
    ref: target.ref,
    view: chart.model.view,
    title: chart.model.title,
    request,
  });
  return json(body, { headers: { ...CORS, 'cache-control': PRESS_CACHE } });
};
