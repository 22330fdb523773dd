import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../rows';
import { percent, valueText, yearBarsView } from './year-bars-view';
import { yearSeriesLayout } from './year-series-layout';

const row = (year: number, value: number, extra: Partial<SeriesRow> = {}): SeriesRow => ({
  year,
  value,
  qualifier: 'exact',
  source: { title: 'Rapport', url: 'https://example.org' },
  ...extra,
});

describe('yearBarsView', () => {
  const rows = [
    row(2011, 2000),
    row(2016, 110_000, { qualifier: 'more_than' }),
    row(2018, 150, { upper: 200, qualifier: 'approx' }),
  ];
  const layout = yearSeriesLayout(rows);

  it('writes positions as the server renders them: hundredths of a percent, as text', () => {
    expect([percent(33.333333), percent(100), percent(2 / 3)]).toEqual(['33.33', '100', '0.67']);
    // 2011–2018 is eight bands of 12.5 %; a bar fills 80 % of its band, centred; the axis
    // tops at 120 000, so 2 000 stands 1.67 % tall; a mark's hit area is half a point wider each side.
    const [first, , last] = yearBarsView(layout, { lang: 'fr', unit: 'bénévoles' }).marks;
    expect(first!.rect).toEqual({ x: '1.25', y: '98.33', width: '10', height: '1.67' });
    expect(first!.hit).toEqual({ x: '0.75', width: '11' });
    expect(last!.rect.x).toBe('88.75');
  });

  it.each([
    ['fr', ['2011 : 2 000 bénévoles', '2016 : plus de 110 000 bénévoles', '2018 : 150 à 200 bénévoles']],
    ['en', ['2011: 2,000 volunteers', '2016: more than 110,000 volunteers', '2018: 150 to 200 volunteers']],
  ] as const)('names each mark with its year and figure (%s)', (lang, labels) => {
    const view = yearBarsView(layout, { lang, unit: lang === 'fr' ? 'bénévoles' : 'volunteers' });
    expect(view.marks.map((m) => m.label.replace(/\u202f/g, ' '))).toEqual(labels);
  });

  it('signs qualified figures, draws ranges up to their bound, and links marks only when asked', () => {
    const plain = yearBarsView(layout, { lang: 'en', unit: 'people' });
    expect(plain.marks.map((m) => [m.value.glyph, m.value.text])).toEqual([
      ['', '2,000'],
      ['>', '110,000'],
      ['≈', '150–200'],
    ]);
    expect(plain.marks.map((m) => m.range !== undefined)).toEqual([false, false, true]);
    expect(plain.marks.every((m) => m.href === undefined)).toBe(true);
    const linked = yearBarsView(layout, { lang: 'en', unit: 'people', hrefFor: (y) => `/?year=${y}` });
    expect(linked.marks.map((m) => m.href)).toEqual(['/?year=2011', '/?year=2016', '/?year=2018']);
  });

  it('marks the year labels that have no figure, and keeps the gaps', () => {
    const view = yearBarsView(layout, { lang: 'fr', unit: 'personnes' });
    expect(view.xLabels.filter((l) => !l.gap).map((l) => l.year)).toEqual([2011, 2016, 2018]);
    expect(view.gaps.map((g) => g.year)).toEqual([2012, 2013, 2014, 2015, 2017]);
    expect(view.yTicks.at(-1)!.text.replace(/\u00a0/g, ' ')).toBe('120 k');
  });

  it('writes a value label as a number or a range', () => {
    expect(valueText(row(2020, 2678), 'en')).toBe('2,678');
    expect(valueText(row(2020, 150, { upper: 200 }), 'en')).toBe('150–200');
  });
});
