import { listPublished } from '$core/figures';
import { QUALIFIERS, parseMetricKey } from '$core/metric-keys';
import { typeset } from '$lib/format';
import { toLang } from '$lib/i18n';
import { keyLabel, metricInfo, toRow } from '$lib/server/shape';
import { alternativesBeside } from '$lib/server/alternatives';
import { figures } from '$lib/server/store';
import { missingYears } from '$lib/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const lang = toLang(params.lang);
  const years = await listPublished(figures());

  const bySource = new Map<
    string,
    {
      title: string;
      url: string;
      items: { key: string; label: string; unit: string; row: ReturnType<typeof toRow> }[];
    }
  >();
  for (const y of years) {
    for (const f of y.figures) {
      const id = `${f.source.url}\u0000${f.source.title}`;
      const entry = bySource.get(id) ?? {
        title: typeset(f.source.title, 'fr'),
        url: f.source.url,
        items: [],
      };
      entry.items.push({
        key: f.metric,
        label: keyLabel(f.metric, lang),
        unit: metricInfo(parseMetricKey(f.metric)!.metric, lang).unit,
        row: toRow(y.year, f),
      });
      bySource.set(id, entry);
    }
  }
  const sources = [...bySource.values()].sort(
    (a, b) => (a.items[0]?.row.year ?? 0) - (b.items[0]?.row.year ?? 0) || a.title.localeCompare(b.title),
  );
  const all = years.flatMap((y) => y.figures);
  const qualifierCounts = Object.fromEntries(
    QUALIFIERS.map((q) => [q, all.filter((f) => f.qualifier === q).length]),
  ) as Record<(typeof QUALIFIERS)[number], number>;
  const perYear = years.map((y) => ({ year: y.year, count: y.figures.length }));
  const first = perYear[0]?.year;
  const last = perYear.at(-1)?.year;
  return {
    alternatives: alternativesBeside(years, lang),
    sources,
    qualifierCounts,
    total: all.length,
    perYear,
    gaps: first !== undefined && last !== undefined ? missingYears(perYear, [first, last]) : [],
  };
};
