import { previewCharts } from '$lib/admin/preview';
import { embargoNotice } from '$lib/embargo/text';
import { viewFromQuery, SERIES_EMBED_IDS } from '$lib/embargo/embeds';
import { shapeChart } from '$lib/press/server/chart-model';
import { keyFigures } from '$lib/press/server/key-figures';
import { EMBARGO_HEADERS, embargoView } from '$lib/server/embargo';
import { frameHeight, parseChartId } from '$lib/press/charts';
import type { PageServerLoad } from './$types';

/** Server-rendered only: nothing to hydrate, no client-side data request to guard. */
export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals, setHeaders, platform }) => {
  setHeaders(EMBARGO_HEADERS);
  const lang = locals.lang;
  const view = await embargoView(params.token, lang, platform);
  const ofYear = view.years.find((y) => y.year === view.year)!;
  const key = keyFigures(view.years, lang, view.year);
  const embeds = SERIES_EMBED_IDS.flatMap((chart) => {
    const v = viewFromQuery(chart, new URLSearchParams({ year: String(view.year), lang }));
    if ('error' in v) return [];
    const shaped = shapeChart(v, view.years);
    if (!('model' in shaped) || !shaped.model.series.some((s) => s.rows.some((r) => r.year === view.year)))
      return [];
    return [{ chart, title: shaped.model.title, height: frameHeight(parseChartId(chart)!) }];
  });
  return {
    lang,
    year: view.year,
    notice: embargoNotice(view.embargoUntil, lang),
    key: 'items' in key ? key : undefined,
    groups: previewCharts(
      view.years.filter((y) => y.year !== view.year),
      view.year,
      ofYear.figures,
      lang,
    ),
    embeds,
    base: `${url.origin}/embargo/${params.token}`,
  };
};
