import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { BREAKPOINTS, labelStep, yearSeriesLayout, yearSpan, type YearPoint } from './year-series-layout';

const p = (year: number, value: number, extra: Partial<YearPoint> = {}): YearPoint => ({
  year,
  value,
  qualifier: 'exact',
  ...extra,
});

describe('yearSeriesLayout', () => {
  it('draws a bar only for known years and marks every other year of the span as a gap', () => {
    const layout = yearSeriesLayout([p(2011, 2000), p(2016, 2000), p(2024, 2678)]);
    expect(layout.bars.map((b) => b.year)).toEqual([2011, 2016, 2024]);
    expect(layout.gaps.map((g) => g.year)).toEqual([
      2012, 2013, 2014, 2015, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
    ]);
    expect(layout.years).toHaveLength(14);
  });

  it('covers a span wider than the data without inventing bars', () => {
    const layout = yearSeriesLayout([p(2016, 10)], [2009, 2024]);
    expect(layout.bars).toHaveLength(1);
    expect(layout.gaps).toHaveLength(15);
  });

  it('places geometry in percent of the plot, taller bars for larger values, baseline at 100', () => {
    const layout = yearSeriesLayout([p(2016, 50), p(2017, 100)]);
    for (const b of layout.bars) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(100);
      expect(b.y + b.height).toBeCloseTo(100);
    }
    expect(layout.bars[1]!.height).toBeCloseTo(layout.bars[0]!.height * 2);
    expect(layout.yTicks.at(0)).toEqual({ value: 0, y: 100 });
  });

  it('keeps the qualifier and draws a range up to its upper bound', () => {
    const [bar] = yearSeriesLayout([p(2008, 150, { upper: 200, qualifier: 'approx' })]).bars;
    expect(bar!.point.qualifier).toBe('approx');
    expect(bar!.yUpper).toBeLessThan(bar!.y);
  });

  it('fits fewer year labels on narrow plots, and a label shown when narrow stays shown when wider', () => {
    const years = Array.from({ length: 18 }, (_, i) => p(2007 + i, 1));
    const layout = yearSeriesLayout(years);
    const shownAt = (k: number) => layout.xLabels.filter((l) => l.from <= k).length;
    expect(shownAt(0)).toBeLessThan(shownAt(BREAKPOINTS.length - 1));
    expect(layout.xLabels[0]!.from).toBe(0);
    for (let k = 0; k < BREAKPOINTS.length; k++)
      expect(shownAt(k) * 38).toBeLessThanOrEqual(BREAKPOINTS[k]! + 38);
    expect(labelStep(3, 0)).toBe(1);
  });

  it.each([
    [[2000], [10], 80],
    [[2000, 2001], [5, 55], 40],
    [[2000, 2001, 2002, 2003], [2.5, 27.5, 52.5, 77.5], 20],
  ])('places the bands of %j centred, with 20 % between bars and 10 % outside', (years, xs, width) => {
    const layout = yearSeriesLayout(years.map((y) => p(y, 10)));
    expect(layout.bars.map((b) => b.x)).toEqual(xs.map((x) => expect.closeTo(x, 9)));
    for (const b of layout.bars) expect(b.width).toBeCloseTo(width, 9);
  });

  it.each([1, 2, 7, 18])('places the ticks of %i bars as scaleLinear().nice(4)', (n) => {
    const years = Array.from({ length: n }, (_, i) => 2000 + i);
    const max = 137 * n;
    const layout = yearSeriesLayout(years.map((y) => p(y, max)));
    const d3y = scaleLinear().domain([0, max]).nice(4).range([100, 0]);
    expect(layout.yTicks).toEqual(d3y.ticks(4).map((v) => ({ value: v, y: expect.closeTo(d3y(v), 6) })));
  });

  it('handles an empty series', () => {
    const layout = yearSeriesLayout([]);
    expect(layout).toMatchObject({ bars: [], gaps: [], xLabels: [] });
    expect(yearSpan([])).toEqual([]);
  });
});

describe('labels for the data, not the calendar', () => {
  // /personnes: a figure for 2016–2020 and 2024 in a 2009–2024 span, 2024 selected.
  const people = [2016, 2017, 2018, 2019, 2020, 2024].map((y) =>
    p(y, 100_000, { qualifier: y === 2016 ? 'exact' : 'more_than' }),
  );

  it('labels the selected year and the first and last years with a figure on the narrowest plot, none overlapping', () => {
    for (const selected of [2024, 2017, 2020]) {
      const layout = yearSeriesLayout(people, [2009, 2024], 7, selected);
      for (let k = 0; k < BREAKPOINTS.length; k++) {
        const shown = layout.xLabels.filter((l) => l.from <= k);
        expect(
          shown.map((l) => l.year),
          `at ${BREAKPOINTS[k]} px`,
        ).toContain(selected);
        const px = shown.map((l) => (l.x / 100) * BREAKPOINTS[k]!);
        for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThanOrEqual(38);
      }
      expect(layout.xLabels.filter((l) => l.from === 0).map((l) => l.year)).toEqual(
        expect.arrayContaining([selected, 2024]),
      );
    }
    expect(
      yearSeriesLayout(people, [2009, 2024], 7, 2024)
        .xLabels.filter((l) => l.from === 0)
        .map((l) => l.year),
    ).toContain(2016);
  });

  it('writes the value of the selected, latest, highest and lowest bars at every width, the others where all fit', () => {
    const rows = [
      p(2016, 12),
      p(2017, 50),
      p(2018, 20),
      p(2019, 30),
      p(2020, 40),
      p(2021, 25),
      p(2022, 10),
      p(2023, 15),
      p(2024, 22),
    ];
    const layout = yearSeriesLayout(rows, undefined, 3, 2019);
    const from = Object.fromEntries(layout.bars.map((b) => [b.year, b.valueFrom]));
    expect(from[2019]).toBe(0); // selected
    expect(from[2024]).toBe(0); // latest
    expect(from[2017]).toBe(0); // highest
    expect(from[2022]).toBe(0); // lowest
    expect(from[2021]).toBe(layout.valueLabelsFrom);
    expect(layout.valueLabelsFrom).toBeGreaterThan(0);
    // A value wider than its band, next to a taller bar, waits for the width where it clears it.
    const wide = (p: YearPoint) => (p.year === 2018 ? 6 : 3);
    const lowest = rows.map((r) => (r.year === 2018 ? { ...r, value: 5 } : r));
    expect(yearSeriesLayout(lowest, undefined, wide, 2019).bars.find((b) => b.year === 2018)!.valueFrom).toBe(
      2,
    );
    expect(yearSeriesLayout(lowest, undefined, 3, 2019).bars.find((b) => b.year === 2018)!.valueFrom).toBe(0);
  });

  it('marks missing years on the baseline only', () => {
    const layout = yearSeriesLayout(people, [2009, 2024]);
    expect(layout.gaps.map((g) => g.year)).toEqual([
      2009, 2010, 2011, 2012, 2013, 2014, 2015, 2021, 2022, 2023,
    ]);
    // A gap has a band, and no height: the component draws it as a mark on the baseline.
    for (const g of layout.gaps) expect(Object.keys(g).sort()).toEqual(['width', 'x', 'year']);
  });
});
