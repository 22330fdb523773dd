import { listPublished } from '$core/figures';
import { metrics } from '$core/reference';
import { toLang } from '$lib/i18n';
import { figures } from '$lib/server/store';
import type { Lang } from '$lib/format';
import type { MetricInfo, SeriesRow } from '$lib/rows';
import { metricInfo, pickYear, rowsOf as allRowsOf, spanOf, yearsWith } from '$lib/server/shape';
import { comparablePrevious } from '$lib/summary';
import type { PageServerLoad } from './$types';

/** Headline metric → the theme page that explores it. */
const THEME_PATH: Record<string, string> = {
  people: '/personnes',
  volunteers: '/benevoles',
  regions: '/regions',
  international: '/international',
  detention: '/retention-prison',
  housing: '/hebergement',
};

const TRENDS = ['people_supported', 'volunteers', 'employees', 'prisons'];

/** The home page links its sources but never quotes them: no quote in its data. */
const unquoted = ({ source: { title, url }, ...row }: SeriesRow): SeriesRow => ({
  ...row,
  source: { title, url },
});
const rowsOf: typeof allRowsOf = (years, key, lang) => allRowsOf(years, key, lang).map(unquoted);
/** Nor does it show what each metric counts (the theme pages do). */
const briefInfo = (id: string, lang: Lang): MetricInfo => {
  const { description: _, ...info } = metricInfo(id, lang);
  return info;
};

export const load: PageServerLoad = async ({ params, url }) => {
  const lang = toLang(params.lang);
  const years = await listPublished(figures());
  const headline = metrics.filter((m) => m.headline);
  const ids = new Set(headline.map((m) => m.id));
  const available = yearsWith(years, (k) => ids.has(k));
  const asked = url.searchParams.get('year');
  const year = asked === null ? undefined : pickYear(asked, available);

  const cards = headline.map((m) => {
    const rows = rowsOf(years, m.id, lang);
    const current = year === undefined ? rows.at(-1) : rows.find((r) => r.year === year);
    // A headline compares only with a figure that counts the same thing (no break, same unit).
    const before = comparablePrevious(rows, current);
    return { metric: briefInfo(m.id, lang), current, previous: before, path: THEME_PATH[m.theme] ?? '/' };
  });
  const trends = TRENDS.map((id) => ({ metric: briefInfo(id, lang), rows: rowsOf(years, id, lang) }));
  return { year, years: available, cards, trends, span: spanOf(trends) };
};
