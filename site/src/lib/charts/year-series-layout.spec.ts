import { scaleBand, scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { BREAKPOINTS, bandScale, labelStep, yearSeriesLayout, yearSpan, type YearPoint } from './year-series-layout';

const p = (year: number, value: number, extra: Partial<YearPoint> = {}): YearPoint => ({ year, value, qualifier: 'exact', ...extra });

describe('yearSeriesLayout', () => {
  it('draws a bar only for known years and marks every other year of the span as a gap', () => {
    expect.hasAssertions();
    const layout = yearSeriesLayout([p(2011, 2000), p(2016, 2000), p(2024, 2678)]);
    expect(layout.bars.map((b) => b.year)).toEqual([2011, 2016, 2024]);
    expect(layout.gaps.map((g) => g.year)).toEqual([2012, 2013, 2014, 2015, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(layout.years).toHaveLength(14);
  });

  it('covers a span wider than the data without inventing bars', () => {
    expect.hasAssertions();
    const layout = yearSeriesLayout([p(2016, 10)], [2009, 2024]);
    expect(layout.bars).toHaveLength(1);
    expect(layout.gaps).toHaveLength(15);
  });

  it('places geometry in percent of the plot, taller bars for larger values, baseline at 100', () => {
    expect.hasAssertions();
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
    expect.hasAssertions();
    const [bar] = yearSeriesLayout([p(2008, 150, { upper: 200, qualifier: 'approx' })]).bars;
    expect(bar!.point.qualifier).toBe('approx');
    expect(bar!.yUpper).toBeLessThan(bar!.y);
  });

  it('fits fewer year labels on narrow plots, and a label shown when narrow stays shown when wider', () => {
    expect.hasAssertions();
    const years = Array.from({ length: 18 }, (_, i) => p(2007 + i, 1));
    const layout = yearSeriesLayout(years);
    const shownAt = (k: number) => layout.xLabels.filter((l) => l.from <= k).length;
    expect(shownAt(0)).toBeLessThan(shownAt(BREAKPOINTS.length - 1));
    expect(layout.xLabels[0]!.from).toBe(0);
    for (let k = 0; k < BREAKPOINTS.length; k++) expect(shownAt(k) * 38).toBeLessThanOrEqual(BREAKPOINTS[k]! + 38);
    expect(labelStep(3, 0)).toBe(1);
  });

  it.each([1, 2, 7, 18])('places %i bands as d3’s scaleBand does, and ticks as scaleLinear().nice(4)', (n) => {
    expect.hasAssertions();
    const years = Array.from({ length: n }, (_, i) => 2000 + i);
    const d3band = scaleBand<number>().domain(years).range([0, 100]).paddingInner(0.2).paddingOuter(0.1);
    const ours = bandScale(years);
    expect(ours.bandwidth).toBeCloseTo(d3band.bandwidth());
    for (const y of years) expect(ours(y)).toBeCloseTo(d3band(y)!);
    const max = 137 * n;
    const layout = yearSeriesLayout(years.map((y) => p(y, max)));
    const d3y = scaleLinear().domain([0, max]).nice(4).range([100, 0]);
    expect(layout.yTicks).toEqual(d3y.ticks(4).map((v) => ({ value: v, y: expect.closeTo(d3y(v), 6) })));
  });

  it('handles an empty series', () => {
    expect.hasAssertions();
    const layout = yearSeriesLayout([]);
    expect(layout).toMatchObject({ bars: [], gaps: [], xLabels: [] });
    expect(yearSpan([])).toEqual([]);
  });
});
