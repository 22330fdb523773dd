import { describe, expect, it } from 'vitest';
import { barLegend } from './picture-legend';
import { chartPicture } from './server/picture';
import { chart, colours, rows } from './test-fixture';

/** The fill and stroke of the bar drawn for a year in the picture. */
function barColours(svg: string, year: number) {
  const tag = new RegExp(`<rect class="bar" data-year="${year}"[^>]*>`).exec(svg)![0];
  return { fill: /fill="([^"]+)"/.exec(tag)?.[1], stroke: /stroke="([^"]+)"/.exec(tag)?.[1] };
}

describe('the key of a bar chart’s picture', () => {
  const pinned = (year: number, c = chart) => ({
    ...c,
    view: { ...c.view, year },
    legend: { ...c.legend, selected: true },
  });
  const selectedEntries = (c: Parameters<typeof barLegend>[0]) =>
    barLegend(c, colours).filter((i) => i.label.endsWith('Année choisie'));

  it.each([
    [2016, 'exact'],
    [2018, 'more than'],
    [2020, 'about'],
  ])('shows the pinned year %i (%s) in the colours its bar is drawn with', (year) => {
    const c = pinned(year);
    const [entry, ...more] = selectedEntries(c);
    expect(more).toEqual([]);
    const { svg } = chartPicture(c, { colours, url: 'https://chiffres.example/benevoles' });
    expect({ fill: entry!.fill, stroke: entry!.stroke }).toEqual(barColours(svg, year));
    const qualified = rows.find((r) => r.year === year)!.qualifier !== 'exact';
    expect(entry!.fill).toBe(colours[qualified ? 'accent-soft-strong' : 'accent-strong']);
  });

  it('shows both selected swatches when the pinned year is exact in one panel and qualified in another', () => {
    const other = rows.map((r) => (r.year === 2016 ? { ...r, qualifier: 'more_than' as const } : r));
    const c = pinned(2016, { ...chart, legend: { ...chart.legend, rows: [...rows, ...other] } });
    expect(selectedEntries(c).map((i) => [i.label, i.fill])).toEqual([
      ['Année choisie', colours['accent-strong']],
      ['> ≈  Année choisie', colours['accent-soft-strong']],
    ]);
  });

  it('has no selected entry when no year is pinned', () => {
    expect(selectedEntries(chart)).toEqual([]);
  });
});
