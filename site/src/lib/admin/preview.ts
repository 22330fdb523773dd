/**
 * The rows the preview hands to the public chart components: every published year, with
 * the draft in place of its year's published figures. Shaped like the public pages' rows
 * (lib/server/shape.ts, which the browser cannot import), so the charts are the same ones.
 */
import { seriesOf } from '$core/figures';
import type { Figure, PublishedYear } from '$core/schema';
import { parseMetricKey } from '$core/metric-keys';
import type { Lang } from '$lib/format';
import { rowComparability, type MetricInfo, type SeriesRow } from '$lib/rows';
import { keyLabel, metricById } from './catalogue';

export interface PreviewChart {
  key: string;
  metric: MetricInfo;
  rows: SeriesRow[];
  span: [number, number];
}

export interface PreviewGroup {
  theme: string;
  charts: PreviewChart[];
}

function toRow(p: ReturnType<typeof seriesOf>[number], lang: Lang): SeriesRow {
  return {
    year: p.year,
    value: p.value,
    ...(p.upper !== undefined ? { upper: p.upper } : {}),
    qualifier: p.qualifier,
    ...(p.unit ? { unit: p.unit } : {}),
    source: {
      title: p.source.title,
      url: p.source.url,
      ...(p.source.quote ? { quote: p.source.quote } : {}),
    },
    ...rowComparability(p, lang),
  };
}

/** One chart per figure of the draft, grouped by theme in the catalogue's order. */
export function previewCharts(
  published: readonly PublishedYear[],
  year: number,
  figures: readonly Figure[],
  lang: Lang,
): PreviewGroup[] {
  const draftYear: PublishedYear = {
    year,
    figures: [...figures],
    version: 0,
    publishedAt: '',
    publishedBy: '',
  };
  const years = [...published.filter((y) => y.year !== year), draftYear];
  const groups = new Map<string, PreviewChart[]>();
  for (const f of figures) {
    const def = metricById.get(parseMetricKey(f.metric)?.metric ?? '');
    if (!def) continue;
    const rows = seriesOf(years, f.metric).map((p) => toRow(p, lang));
    const span: [number, number] = [rows[0]?.year ?? year, rows.at(-1)?.year ?? year];
    const metric: MetricInfo = {
      id: f.metric,
      kind: def.kind,
      label: keyLabel(f.metric, lang),
      unit: def.unit[lang],
      description: def.description[lang],
    };
    groups.set(def.theme, [...(groups.get(def.theme) ?? []), { key: f.metric, metric, rows, span }]);
  }
  const order = [...new Set([...metricById.values()].map((m) => m.theme))];
  return order.filter((t) => groups.has(t)).map((theme) => ({ theme, charts: groups.get(theme)! }));
}
