/**
 * Shapes published years into the serialisable rows pages hand to charts, in the page's
 * language. Server-only: it reads the catalogue from the core, which the client never
 * bundles. Nothing here fills a gap: a year without a figure has no row.
 */
import { lastCorrectionOf } from '$core/corrections';
import { seriesOf } from '$core/figures';
import { centreBySlug, localGroupBySlug, metricById, regionBySlug } from '$core/reference';
import type { Figure, PublishedYear } from '$core/schema';
import { parseMetricKey } from '$core/metric-keys';
import { roundWording, typeset, type Lang } from '$lib/format';
import { rowComparability, type MetricInfo, type Series, type SeriesRow } from '$lib/rows';

export function metricInfo(id: string, lang: Lang): MetricInfo {
  const def = metricById.get(id);
  if (!def) throw new Error(`unknown metric ${id}`);
  return {
    id,
    kind: def.kind,
    label: typeset(def.label[lang], lang),
    unit: typeset(def.unit[lang], lang),
    description: typeset(def.description[lang], lang),
  };
}

export function toRow(
  year: number,
  f: Pick<Figure, 'value' | 'upper' | 'qualifier' | 'unit' | 'source'>,
  corrected?: SeriesRow['corrected'],
): SeriesRow {
  return {
    year,
    ...(corrected ? { corrected } : {}),
    value: f.value,
    ...(f.upper !== undefined ? { upper: f.upper } : {}),
    qualifier: f.qualifier,
    ...(f.unit ? { unit: f.unit } : {}),
    // Sources are French: their titles and passages are set in French typography (’, « », :).
    source: {
      title: typeset(f.source.title, 'fr'),
      url: f.source.url,
      ...(f.source.quote ? { quote: typeset(f.source.quote, 'fr') } : {}),
    },
  };
}

/**
 * The rows of one metric key (`volunteers`, `region.sud-ouest.volunteers`), oldest first, each
 * saying whether it compares with the one before (a break, another unit: `rowComparability`).
 */
export function rowsOf(years: readonly PublishedYear[], key: string, lang: Lang): SeriesRow[] {
  return seriesOf(years, key).map((p) => {
    const wording = roundWording(p, p.source.quote, lang);
    return {
      ...toRow(p.year, p, p.corrected),
      ...(wording ? { wording } : {}),
      ...rowComparability(p, lang),
    };
  });
}

export function seriesFor(years: readonly PublishedYear[], id: string, lang: Lang): Series {
  return { metric: metricInfo(id, lang), rows: rowsOf(years, id, lang) };
}

/** The latest correction of a year's figure, as a row carries it. */
export function correctedOf(y: PublishedYear, metric: string): SeriesRow['corrected'] {
  const c = lastCorrectionOf(y, metric);
  return c ? { correctedAt: c.correctedAt, ...(c.reason ? { reason: c.reason } : {}) } : undefined;
}

/** First and last year over several series, or undefined when none has a row. */
export function spanOf(
  series: readonly { rows: readonly { year: number }[] }[],
): [number, number] | undefined {
  const ys = series.flatMap((s) => s.rows.map((r) => r.year));
  return ys.length ? [Math.min(...ys), Math.max(...ys)] : undefined;
}

/** Years that have at least one figure whose key satisfies `keep`, oldest first. */
export function yearsWith(years: readonly PublishedYear[], keep: (metricKey: string) => boolean): number[] {
  return years
    .filter((y) => y.figures.some((f) => keep(f.metric)))
    .map((y) => y.year)
    .sort((a, b) => a - b);
}

/** A year from the URL if it is one of `allowed`, else `fallback`, else the latest allowed. */
export function pickYear(
  raw: string | null,
  allowed: readonly number[],
  fallback?: number,
): number | undefined {
  const asked = raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  if (asked !== undefined && allowed.includes(asked)) return asked;
  return fallback !== undefined && allowed.includes(fallback) ? fallback : allowed.at(-1);
}

/** A metric from the URL if it is one of `allowed`, else the first allowed. */
export function pickMetric(raw: string | null, allowed: readonly string[]): string | undefined {
  return raw && allowed.includes(raw) ? raw : allowed[0];
}

/** « Bénévoles — Île-de-France »: a metric key's label, naming its region, centre or group. */
export function keyLabel(key: string, lang: Lang): string {
  const parsed = parseMetricKey(key);
  if (!parsed) return key;
  const label = typeset(metricById.get(parsed.metric)?.label[lang] ?? parsed.metric, lang);
  if (!parsed.scope) return label;
  const table = { region: regionBySlug, centre: centreBySlug, local_group: localGroupBySlug }[
    parsed.scope.kind
  ];
  const where = typeset(table.get(parsed.scope.slug)?.name[lang] ?? parsed.scope.slug, lang);
  return `${label} — ${where}`;
}
