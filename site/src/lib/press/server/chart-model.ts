/**
 * One chart as its embed and downloads show it: the same shaped rows, title, summary,
 * sources and table as on its page, for a view (chart id, language, metric, pinned year).
 * Server-only (it reads the catalogue through lib/server/shape.ts); pure over published years.
 *
 * Pinned (`year=2016`): the chart stops at that year and marks it, so an article written then
 * keeps showing what it discussed. Live (no year): every year published, now and later.
 */
import type { Correction } from '$core/corrections';
import type { PublishedYear } from '$core/schema';
import type { Lang } from '$lib/format';
import { t } from '$lib/i18n';
import { sourceLines, type Series, type SeriesRow, type SourceLine } from '$lib/rows';
import { seriesFor, spanOf } from '$lib/server/shape';
import { missingYears, multiplesSummary, multiplesTitle, seriesSummary } from '$lib/summary';
import { multiplesTable, seriesTable, type Table } from '$lib/tables';
import { parseChartId, type ChartRef, type ChartView } from '../charts';

/** The home page's four trends (as on `/`). */
export const HOME_TRENDS = ['people_supported', 'volunteers', 'employees', 'prisons'];
const HOME_TITLE: Record<Lang, string> = {
  fr: 'Quatre tendances, côte à côte',
  en: 'Four trends, side by side',
};

export interface ChartModel {
  ref: ChartRef;
  view: ChartView;
  kind: 'bars' | 'multiples';
  title: string;
  summary: string;
  description?: string;
  series: Series[];
  span: [number, number];
  sources: SourceLine[];
  table: Table;
  legend: { rows: SeriesRow[]; gaps: boolean; selected: boolean };
  /** The metric keys drawn, for corrections and exports. */
  keys: string[];
  /** When the newest figure drawn was published (ISO 8601). */
  publishedAt?: string;
  /** When each year drawn was published, by year. */
  published: Record<number, string>;
  /** Publications that changed a figure drawn, oldest first. */
  corrections: Correction[];
}

export type ChartResult = { model: ChartModel } | { status: 400 | 404; message: string };

function seriesOfChart(
  ref: Exclude<ChartRef, { kind: 'map' }>,
  view: ChartView,
  years: readonly PublishedYear[],
): { shown: Series[]; all: Series[] } | string {
  const lang = view.lang;
  if (ref.kind === 'home') {
    if (view.metric) return 'this chart has no metric to choose';
    const all = HOME_TRENDS.map((id) => seriesFor(years, id, lang));
    return { shown: all, all };
  }
  if (ref.kind === 'multiples') {
    if (view.metric) return 'this chart has no metric to choose';
    const all = ref.spanOf.map((id) => seriesFor(years, id, lang));
    return {
      shown: ref.metrics.map((id) => all.find((s) => s.metric.id === id) ?? seriesFor(years, id, lang)),
      all,
    };
  }
  const all = ref.theme.all.map((id) => seriesFor(years, id, lang));
  const toggles = ref.theme.toggles.filter((id) => all.some((s) => s.metric.id === id && s.rows.length > 0));
  const metric = view.metric ?? toggles[0] ?? ref.theme.toggles[0]!;
  if (!ref.theme.toggles.includes(metric))
    return `"${metric}" is not a figure of this chart (one of: ${ref.theme.toggles.join(', ')})`;
  return { shown: [all.find((s) => s.metric.id === metric)!], all };
}

/** The chart a view asks for, or why there is none. Corrections are added by the caller. */
export function shapeChart(view: ChartView, years: readonly PublishedYear[]): ChartResult {
  const ref = parseChartId(view.chart);
  if (!ref) return { status: 404, message: `no chart "${view.chart}"` };
  if (ref.kind === 'map') return { status: 404, message: `"${view.chart}" is a map (map-model.ts)` };
  const found = seriesOfChart(ref, view, years);
  if (typeof found === 'string') return { status: 404, message: found };
  const fullSpan = spanOf(found.all);
  if (!fullSpan) return { status: 404, message: 'no figure is published for this chart yet' };
  const pinned = view.year;
  if (pinned !== undefined && (pinned < fullSpan[0] || !years.some((y) => y.year === pinned)))
    return { status: 404, message: `no figures published for ${pinned} in this chart` };

  const span: [number, number] = pinned === undefined ? fullSpan : [fullSpan[0], pinned];
  const series = found.shown.map((s) => ({
    metric: s.metric,
    rows: s.rows.filter((r) => r.year <= span[1]),
  }));
  const rows = series.flatMap((s) => s.rows);
  const drawnYears = new Set(rows.map((r) => r.year));
  const drawn = years.filter((y) => drawnYears.has(y.year));
  const published = drawn.map((y) => y.publishedAt).sort();
  const main = series[0]!;
  const isBars = ref.kind === 'main';
  return {
    model: {
      ref,
      view: isBars ? { ...view, metric: main.metric.id } : view,
      kind: isBars ? 'bars' : 'multiples',
      title: isBars
        ? main.metric.label
        : ref.kind === 'home'
          ? HOME_TITLE[view.lang]
          : multiplesTitle(
              series.map((s) => s.metric.label),
              t(view.lang).sideBySide,
              view.lang,
            ),
      summary: isBars
        ? seriesSummary(main.metric, main.rows, view.lang)
        : multiplesSummary(series, view.lang),
      ...(isBars ? { description: main.metric.description } : {}),
      series,
      span,
      sources: sourceLines(rows),
      table: isBars
        ? seriesTable(main.rows, span, main.metric.unit, view.lang)
        : multiplesTable(series, span, view.lang),
      legend: {
        rows,
        gaps: series.some((s) => missingYears(s.rows, span).length > 0),
        selected: pinned !== undefined && drawnYears.has(pinned),
      },
      keys: series.map((s) => s.metric.id),
      ...(published.length ? { publishedAt: published.at(-1) } : {}),
      published: Object.fromEntries(drawn.map((y) => [y.year, y.publishedAt])),
      corrections: [],
    },
  };
}

/** Published years whose history may hold a correction of this chart: the ones it spans. */
export const yearsInSpan = (model: ChartModel, years: readonly PublishedYear[]): PublishedYear[] =>
  years.filter((y) => y.year >= model.span[0] && y.year <= model.span[1]);
