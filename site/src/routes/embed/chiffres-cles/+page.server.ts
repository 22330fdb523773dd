import { error } from '@sveltejs/kit';
import { listPublished } from '$core/figures';
import { viewFromQuery } from '$lib/press/charts';
import { childResizeScript } from '$lib/press/child-resize';
import { PRESS_CACHE, themedCss } from '$lib/press/server/context';
import { keyFigures } from '$lib/press/server/key-figures';
import { figures } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like every embed: no framework JavaScript. */
export const csr = false;

export const load: PageServerLoad = async ({ url, setHeaders }) => {
  const view = viewFromQuery('chiffres-cles', url.searchParams);
  if ('error' in view) error(400, { message: view.error, code: 'BAD_REQUEST' });
  if (view.metric) error(404, { message: 'the key figures have no metric to choose', code: 'NOT_FOUND' });
  const found = keyFigures(await listPublished(figures()), view.lang, view.year);
  if ('status' in found) error(404, { message: found.message, code: 'NOT_FOUND' });
  setHeaders({ 'cache-control': PRESS_CACHE });
  return {
    view,
    key: found,
    origin: url.origin,
    css: themedCss(view.theme),
    script: childResizeScript('chiffres-cles'),
  };
};
