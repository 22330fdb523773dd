/**
 * The key of a download's picture (PressPicture.svelte), with the colours of app.css: the
 * entries a chart or a map uses, in the words of its page's legend. Pure.
 */
import { breakNotes } from '../charts/break-marks';
import { t } from '../i18n';
import type { SeriesRow } from '../rows';
import type { LegendItem } from './PressPicture.svelte';
import type { ChartModel } from './server/chart-model';
import type { MapModel } from './server/map-model';

type Colours = Record<string, string>;

/**
 * A bar chart's entries: exact, qualified (« > ≈ »), range, no figure (« pas de chiffre »), pinned
 * year, its swatch in the colours its bar is drawn with (YearBarsPrint: a qualified figure
 * lighter, outlined), as SeriesLegend does on the page; both when the pinned year's bars are of
 * both kinds (small multiples).
 */
export function barLegend(chart: Pick<ChartModel, 'view' | 'legend'>, c: Colours): LegendItem[] {
  const L = t(chart.view.lang).legend;
  const rows = chart.legend.rows;
  const items: LegendItem[] = [{ label: L.exact, fill: c.accent! }];
  if (rows.some((row) => row.qualifier !== 'exact'))
    items.push({
      label: `> ≈  ${L.qualified}`,
      fill: c['accent-soft']!,
      stroke: c.accent!,
      strokeWidth: 1.5,
    });
  if (rows.some((row) => row.upper !== undefined))
    items.push({ label: L.range, stroke: c.accent!, dash: '4 3', strokeWidth: 1.5 });
  if (chart.legend.gaps) items.push({ label: L.gap, stroke: c['gap-stroke']!, dash: '3 2' });
  if (chart.legend.selected) {
    const pinned = rows.filter((row) => row.year === chart.view.year);
    const qualified = pinned.some((row) => row.qualifier !== 'exact');
    if (!qualified || pinned.some((row) => row.qualifier === 'exact'))
      items.push({ label: L.selected, fill: c['accent-strong']! });
    if (qualified)
      items.push({
        label: pinned.every((row) => row.qualifier !== 'exact') ? L.selected : `> ≈  ${L.selected}`,
        fill: c['accent-soft-strong']!,
        stroke: c['accent-strong']!,
        strokeWidth: 1.5,
      });
  }
  return items;
}

/** The notes on a chart's breaks in series (« Rupture de série en 2010 : … »), once each. */
export function breakNoteLines(chart: Pick<ChartModel, 'view' | 'series'>): string[] {
  const L = t(chart.view.lang);
  const rows: SeriesRow[] = chart.series.flatMap((s) => s.rows);
  const seen = new Set<string>();
  return breakNotes(rows)
    .map((n) => (n.reason ? L.breakNote(n.year, n.reason) : L.unitChangeNote(n.year)))
    .filter((n) => !seen.has(n) && Boolean(seen.add(n)));
}

export function mapLegend(m: MapModel, c: Colours): LegendItem[] {
  const lang = m.view.lang;
  const L = t(lang);
  if (m.kind === 'regions') {
    const items: LegendItem[] = [
      {
        shape: 'circle',
        label: L.press.areaProportional,
        fill: c.accent!,
        fillOpacity: 0.85,
        stroke: c['accent-strong']!,
      },
    ];
    if (m.regions.rows.some((row) => row.figure && row.figure.qualifier !== 'exact'))
      items.push({
        shape: 'circle',
        label: L.legend.qualified,
        fill: c['accent-soft']!,
        stroke: c.accent!,
        strokeWidth: 2,
      });
    if (m.regions.rows.some((row) => !row.figure))
      items.push({
        shape: 'circle',
        label: L.press.noPublishedFigure,
        stroke: c.muted!,
        strokeWidth: 1.5,
        dash: '3 2',
      });
    return items;
  }
  const items: LegendItem[] = [{ label: `${L.partnersCountries} ${m.year}`, fill: c.accent! }];
  if (m.partners.countries.some((country) => !country.current))
    items.push({
      label: L.press.partnerOtherYear,
      fill: c['map-land']!,
      stroke: c.accent!,
      strokeWidth: 1.5,
      dash: '4 3',
    });
  return items;
}
