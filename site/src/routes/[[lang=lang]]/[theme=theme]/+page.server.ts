import { listPublished } from '$core/figures';
import { centres } from '$core/reference';
import { parseMetricKey } from '$core/metric-keys';
import { typeset } from '$lib/format';
import { toLang } from '$lib/i18n';
import { figures } from '$lib/server/store';
import {
  correctedOf,
  keyLabel,
  metricInfo,
  pickMetric,
  pickYear,
  seriesFor,
  spanOf,
  toRow,
  yearsWith,
} from '$lib/server/shape';
import { themeByAnySlug } from '$lib/themes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  const lang = toLang(params.lang);
  const theme = themeByAnySlug.get(params.theme)!.theme;
  const years = await listPublished(figures());

  const all = theme.all.map((id) => seriesFor(years, id, lang));
  const centreKeys = new Set(
    theme.centres?.slugs.flatMap((slug) => theme.centres!.metrics.map((m) => `centre.${slug}.${m}`)),
  );
  // Year chips only for the years the page has a figure for: a centre’s facts keep their own years.
  const available = yearsWith(years, (key) => theme.all.includes(key));
  const toggles = theme.toggles.filter((id) => all.some((s) => s.metric.id === id && s.rows.length > 0));
  const metric = pickMetric(url.searchParams.get('metric'), toggles) ?? theme.toggles[0]!;
  const main = all.find((s) => s.metric.id === metric)!;
  // By default, the latest year the main chart has a figure for.
  const year = pickYear(url.searchParams.get('year'), available, main.rows.at(-1)?.year);
  const span = spanOf(all) ?? ([year ?? 0, year ?? 0] as [number, number]);

  const figuresOfYear = years.find((y) => y.year === year)?.figures ?? [];
  const inYear = all.flatMap((s) => {
    const row = s.rows.find((r) => r.year === year);
    return row ? [{ metric: s.metric, row }] : [];
  });
  const missing = all
    .filter((s) => s.rows.length > 0 && !s.rows.some((r) => r.year === year))
    .map((s) => s.metric.label);

  // Figures of centres (Massy, Béziers…): each a fact with its own year, never summed.
  const centreFacts = centres
    .map((c) => ({
      slug: c.slug,
      name: typeset(c.name[lang], lang),
      facts: years.flatMap((y) =>
        y.figures
          .filter((f) => centreKeys.has(f.metric) && parseMetricKey(f.metric)?.scope?.slug === c.slug)
          .map((f) => ({
            label: keyLabel(parseMetricKey(f.metric)!.metric, lang),
            unit: metricInfo(parseMetricKey(f.metric)!.metric, lang).unit,
            row: toRow(y.year, f, correctedOf(y, f.metric)),
          })),
      ),
    }))
    .filter((c) => c.facts.length > 0);

  return {
    theme: theme.key,
    year,
    years: available,
    metric,
    toggles: toggles.map((id) => ({ id, label: metricInfo(id, lang).label })),
    main,
    multiples: theme.multiples.map((group) => group.map((id) => all.find((s) => s.metric.id === id)!)),
    span,
    inYear,
    missing,
    centreFacts,
    hasFiguresInYear: figuresOfYear.length > 0,
    /** « Notes sur l'année », as staff wrote them for readers. */
    yearNotes: years.find((y) => y.year === year)?.notes,
  };
};
