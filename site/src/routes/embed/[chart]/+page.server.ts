import { error } from '@sveltejs/kit';
import { viewFromQuery } from '$lib/press/charts';
import { childResizeScript } from '$lib/press/child-resize';
import { loadChart } from '$lib/press/server/load-chart';
import { PRESS_CACHE, themedCss } from '$lib/press/server/context';
import type { PageServerLoad } from './$types';

/** Server-rendered only: no hydration, no framework JavaScript; a few inline lines report the height. */
export const csr = false;

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
  const view = viewFromQuery(params.chart, url.searchParams);
  if ('error' in view) error(400, { message: view.error, code: 'BAD_REQUEST' });
  const result = await loadChart(view);
  if ('status' in result)
    error(result.status, {
      message: result.message,
      code: result.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
    });
  setHeaders({ 'cache-control': PRESS_CACHE });
  return {
    model: result.model,
    origin: url.origin,
    css: themedCss(view.theme),
    script: childResizeScript(view.chart),
  };
};
