import { describe, expect, it } from 'vitest';
import { breakMarks, breakNotes } from './break-marks';
import { yearSeriesLayout } from './year-series-layout';

const row = (year: number, extra = {}) => ({ year, value: 10, qualifier: 'exact' as const, ...extra });

describe('breakMarks', () => {
  const rows = [
    row(2007),
    row(2016, { cut: { kind: 'break' as const, year: 2010, reason: 'Lots.' } }),
    row(2019, { cut: { kind: 'unit' as const } }),
  ];
  const layout = yearSeriesLayout(rows);

  it('draws a break between the last year of the old definition and the first of the new', () => {
    const marks = breakMarks(rows, layout.xLabels);
    expect(marks.map((m) => [m.year, m.kind])).toEqual([
      [2010, 'break'],
      [2019, 'unit'],
    ]);
    const x = (y: number) => layout.xLabels.find((l) => l.year === y)!.x;
    for (const m of marks) {
      expect(m.x).toBeGreaterThan(x(m.year - 1));
      expect(m.x).toBeLessThan(x(m.year));
      expect(m.x - x(m.year - 1)).toBeCloseTo(x(m.year) - m.x, 6);
    }
  });

  it('leaves out a cut outside the span, and lists notes: breaks with reasons, unit changes by year', () => {
    expect(breakMarks(rows, yearSeriesLayout(rows, [2016, 2019]).xLabels).map((m) => m.year)).toEqual([2019]);
    expect(breakNotes(rows)).toEqual([{ year: 2010, reason: 'Lots.' }, { year: 2019 }]);
    expect(breakMarks([row(2016)], layout.xLabels)).toEqual([]);
  });
});
