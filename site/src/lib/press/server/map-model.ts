/**
 * A map as its embed and downloads show it: the regions map (`regions`, for a metric and a
 * year) or the partner-country map (`international`, for a year), shaped by the same
 * `$lib/server/regions` and `$lib/server/international` as the pages, with the title,
 * summary and sources of their frames and the rows their downloads carry.
 * Server-only; pure over published years.
 */
import type { PublishedYear } from '$core/schema';
import { t } from '$lib/i18n';
import { sourceLines, type SeriesRow, type SourceLine } from '$lib/rows';
import { shapeInternational } from '$lib/server/international';
import { shapeRegions } from '$lib/server/regions';
import { partnersSummary, regionsSummary } from '$lib/summary';
import { parseChartId, type ChartRef, type ChartView } from '../charts';

type Regions = ReturnType<typeof shapeRegions>;
type International = ReturnType<typeof shapeInternational>;

/** One place of a map, as its downloads list it. */
export interface MapRow {
  year: number;
  /** Region slug or ISO 3166-1 alpha-2 code. */
  place: string;
  name: string;
  /** The region's figure; absent where none is published. */
  figure?: SeriesRow;
  /** Partner countries: listed that year, and the associations named there. */
  partner?: boolean;
  partners?: string[];
}

interface MapBase {
  ref: Extract<ChartRef, { kind: 'map' }>;
  view: ChartView;
  title: string;
  summary: string;
  description?: string;
  year: number;
  sources: SourceLine[];
  rows: MapRow[];
  publishedAt?: string;
  published: Record<number, string>;
  corrections: [];
}

export type MapModel =
  | (MapBase & {
      kind: 'regions';
      metric: NonNullable<Regions['metric']>;
      regions: Pick<Regions, 'rows' | 'layout'>;
    })
  | (MapBase & {
      kind: 'international';
      partners: Pick<International, 'layout' | 'countries' | 'countriesRow' | 'associations'>;
    });

export type MapResult = { model: MapModel } | { status: 404; message: string };

const publication = (years: readonly PublishedYear[], year: number) => {
  const at = years.find((y) => y.year === year)?.publishedAt;
  return at ? { publishedAt: at, published: { [year]: at } } : { published: {} };
};

export function shapeMap(view: ChartView, years: readonly PublishedYear[]): MapResult {
  const ref = parseChartId(view.chart);
  if (ref?.kind !== 'map') return { status: 404, message: `no map "${view.chart}"` };
  const lang = view.lang;
  const L = t(lang);
  const askedYear = view.year === undefined ? null : String(view.year);
  if (ref.id === 'regions') {
    const map = shapeRegions(years, lang, { year: askedYear, metric: view.metric ?? null });
    if (!map.metric || map.year === undefined)
      return { status: 404, message: 'no regional figure is published yet' };
    const asked = view.metric;
    if (asked && !map.toggles.some((m) => m.id === asked))
      return { status: 404, message: `"${asked}" is not a regional figure of ${map.year}` };
    if (askedYear !== null && map.year !== view.year)
      return { status: 404, message: `no regional figures published for ${askedYear}` };
    const known = map.rows.filter((r) => r.figure);
    return {
      model: {
        ref,
        kind: 'regions',
        view: { ...view, metric: map.metric.id },
        title: t(lang).press.byRegion(map.metric.label, map.year),
        summary: regionsSummary(map.metric, map.year, map.rows, lang),
        ...(map.metric.description ? { description: map.metric.description } : {}),
        year: map.year,
        metric: map.metric,
        sources: sourceLines(known.map((r) => r.figure!)),
        rows: map.rows.map((r) => ({
          year: map.year!,
          place: r.slug,
          name: r.name,
          ...(r.figure ? { figure: r.figure } : {}),
        })),
        regions: { rows: map.rows, layout: map.layout },
        ...publication(years, map.year),
        corrections: [],
      },
    };
  }
  if (view.metric) return { status: 404, message: 'this chart has no metric to choose' };
  const map = shapeInternational(years, lang, { year: askedYear });
  if (map.year === undefined) return { status: 404, message: 'no partner country is published yet' };
  if (askedYear !== null && map.year !== view.year)
    return { status: 404, message: `no partner countries published for ${askedYear}` };
  const current = map.countries.filter((c) => c.current).map((c) => c.name);
  return {
    model: {
      ref,
      kind: 'international',
      view,
      title: `${L.partnersMap}, ${map.year}`,
      summary: partnersSummary(map.year, current, map.associations, lang),
      year: map.year,
      sources: sourceLines([map.countriesRow, map.associations].filter((r) => r !== undefined)),
      rows: map.countries.map((c) => ({
        year: map.year!,
        place: c.iso2,
        name: c.name,
        partner: c.current,
        partners: c.partners,
      })),
      partners: {
        layout: map.layout,
        countries: map.countries,
        countriesRow: map.countriesRow,
        associations: map.associations,
      },
      ...publication(years, map.year),
      corrections: [],
    },
  };
}
