import { error } from '@sveltejs/kit';
import { embargoNotice } from '$lib/embargo/text';
import { viewFromQuery } from '$lib/press/charts';
import { childResizeScript } from '$lib/press/child-resize';
import { shapeChart } from '$lib/press/server/chart-model';
import { themedCss } from '$lib/press/server/context';
import { EMBARGO_HEADERS, embargoView } from '$lib/server/embargo';
import type { PageServerLoad } from './$types';

/** An embed under embargo: as `/embed/<chart>`, with the notice, no downloads, never cached. */
export const csr = false;

export const load: PageServerLoad = async ({ params, url, setHeaders, platform }) => {
  setHeaders(EMBARGO_HEADERS);
  const view = viewFromQuery(params.chart, url.searchParams);
  if ('error' in view) error(400, { message: view.error, code: 'BAD_REQUEST' });
  const shown = await embargoView(params.token, view.lang, platform);
  // Pinned to the embargoed year: that is what the embed is for.
  const result = shapeChart({ ...view, year: shown.year }, shown.years);
  if ('status' in result)
    error(result.status, {
      message: result.message,
      code: result.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
    });
  return {
    model: result.model,
    notice: embargoNotice(shown.embargoUntil, view.lang),
    css: themedCss(view.theme),
    script: childResizeScript(view.chart),
  };
};
