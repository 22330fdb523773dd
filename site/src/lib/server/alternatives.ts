/**
 * Other sources' values for a year and metric that the published figures already have
 * (data/alternatives.csv): kept as notes beside the published figure on /sources, never
 * charted. Read once, from the file the dataset ships; the precedence that put each aside is
 * named from its source (`sourceRank`).
 */
import { csvParse } from 'd3-dsv';
import { parseValue } from '$core/figure-rows';
import type { PublishedYear } from '$core/schema';
import type { Qualifier } from '$core/schema';
import type { Lang } from '$lib/format';
import type { SeriesRow } from '$lib/rows';
import alternativesCsv from '../../../../data/alternatives.csv?raw';
import { keyLabel, metricInfo, toRow } from './shape';
import { parseMetricKey } from '$core/metric-keys';

/** The precedence of data/README.md: the seed (« Missions », 2016), La Cimade's own pages, third parties. */
export type SourceRank = 'seed' | 'cimade' | 'third-party';

export function sourceRank(source: { title: string; url: string }): SourceRank {
  if (/lacimade\.org\/nous-connaitre\/missions/.test(source.url)) return 'seed';
  if (/^https?:\/\/([a-z]+\.)*lacimade\.(org|net)\//.test(source.url) || /^La Cimade\b/.test(source.title))
    return 'cimade';
  return 'third-party';
}

export interface Alternative {
  year: number;
  key: string;
  label: string;
  unit: string;
  published: SeriesRow & { rank: SourceRank };
  other: SeriesRow & { rank: SourceRank };
}

const rows = csvParse(alternativesCsv);

/** Each alternative beside the figure published for its year and metric, oldest first. */
export function alternativesBeside(years: readonly PublishedYear[], lang: Lang): Alternative[] {
  return rows.flatMap((r) => {
    const year = Number(r.year);
    const key = r.metric ?? '';
    const published = years.find((y) => y.year === year)?.figures.find((f) => f.metric === key);
    const value = parseValue(r.value ?? '');
    const metric = parseMetricKey(key)?.metric;
    if (!published || !value || !metric) return [];
    const source = {
      title: r.source_title ?? '',
      url: r.source_url ?? '',
      ...(r.quote ? { quote: r.quote } : {}),
    };
    const other = toRow(year, {
      ...value,
      qualifier: (r.qualifier ?? 'exact') as Qualifier,
      unit: r.unit,
      source,
    });
    return [
      {
        year,
        key,
        label: keyLabel(key, lang),
        unit: metricInfo(metric, lang).unit,
        published: {
          ...toRow(year, published),
          ...(published.confidence ? { confidence: published.confidence } : {}),
          rank: sourceRank(published.source),
        },
        other: {
          ...other,
          ...(r.confidence === 'high' || r.confidence === 'medium' ? { confidence: r.confidence } : {}),
          rank: sourceRank(source),
        },
      },
    ];
  });
}
