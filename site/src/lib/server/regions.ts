/**
 * The regions page's data, shaped once for the page and its embed: every region figure, the
 * year and metric shown (from the URL, else the latest year and the metric known for the most
 * regions), the map's layout, and what is known of each region. Pure over published years.
 */
import { metrics, regions } from '$core/reference';
import type { PublishedYear } from '$core/schema';
import { parseMetricKey } from '$core/metric-keys';
import { franceMapLayout } from '$lib/charts/france-map-layout';
import { formatFigure, typeset, type Lang } from '$lib/format';
import { franceGeometry } from './geo';
import { correctedOf, metricInfo, pickYear, rowsOf, toRow } from './shape';

export interface MapQuery {
  year: string | null;
  metric?: string | null;
}

export function shapeRegions(years: readonly PublishedYear[], lang: Lang, query: MapQuery) {
  // Every region figure: which metrics each year has, in catalogue order.
  const regionFigures = years.flatMap((y) =>
    y.figures.flatMap((f) => {
      const key = parseMetricKey(f.metric);
      return key?.scope?.kind === 'region'
        ? [
            {
              year: y.year,
              slug: key.scope.slug,
              metric: key.metric,
              figure: f,
              corrected: correctedOf(y, f.metric),
            },
          ]
        : [];
    }),
  );
  const order = metrics.map((m) => m.id);
  const metricsByYear: Record<number, string[]> = {};
  for (const rf of regionFigures) {
    const list = (metricsByYear[rf.year] ??= []);
    if (!list.includes(rf.metric)) list.push(rf.metric);
  }
  for (const list of Object.values(metricsByYear)) list.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const available = Object.keys(metricsByYear)
    .map(Number)
    .sort((a, b) => a - b);
  const coverageIn = (y: number | undefined, m: string) =>
    regionFigures.filter((rf) => rf.year === y && rf.metric === m).length;
  // By default, the year and metric known for the most regions (the latest year on a tie), so
  // that the map opens on what is known rather than on a year with one region.
  const widest = available
    .flatMap((y) => metricsByYear[y]!.map((m) => ({ y, n: coverageIn(y, m) })))
    .reduce<{ y: number; n: number } | undefined>(
      (best, c) => (!best || c.n > best.n || (c.n === best.n && c.y > best.y) ? c : best),
      undefined,
    );
  const year = pickYear(query.year, available, widest?.y);
  const inYear = year === undefined ? [] : metricsByYear[year]!;
  // By default, the metric known for the most regions that year.
  const coverage = (m: string) => coverageIn(year, m);
  const best = [...inYear].sort((a, b) => coverage(b) - coverage(a))[0];
  const asked = query.metric;
  const metric = asked && inYear.includes(asked) ? asked : best;

  const rows = regions.map((r) => {
    const found = regionFigures.find((rf) => rf.year === year && rf.slug === r.slug && rf.metric === metric);
    return {
      slug: r.slug,
      name: typeset(r.name[lang], lang),
      overseas: r.overseas,
      ...(found ? { figure: toRow(found.year, found.figure, found.corrected) } : {}),
    };
  });
  const layout = franceMapLayout(
    franceGeometry,
    regions.map((r, i) => {
      const figure = rows[i]!.figure;
      return {
        slug: r.slug,
        overseas: r.overseas,
        value: figure?.value,
        name: typeset(r.name[lang], lang),
        ...(figure ? { valueText: formatFigure(figure, lang) } : {}),
      };
    }),
  );
  const national = metric ? rowsOf(years, metric, lang) : [];
  const nationalInYear = national.find((r) => r.year === year);
  const regionCount = rowsOf(years, 'regions', lang).at(-1);

  const known = regions.map((r) => ({
    slug: r.slug,
    name: typeset(r.name[lang], lang),
    covers: typeset(r.covers[lang], lang),
    overseas: r.overseas,
    departmentsKnown: r.departments.length > 0,
    facts: regionFigures
      .filter((rf) => rf.slug === r.slug)
      .map((rf) => ({ metric: metricInfo(rf.metric, lang), row: toRow(rf.year, rf.figure, rf.corrected) })),
  }));

  return {
    year,
    years: available,
    metricsByYear,
    metric: metric ? metricInfo(metric, lang) : undefined,
    toggles: inYear.map((id) => ({ id, label: metricInfo(id, lang).label })),
    rows,
    layout,
    national: nationalInYear,
    regionTotal: regionCount?.value,
    known,
  };
}

export type RegionsData = ReturnType<typeof shapeRegions>;
