import { describe, expect, it } from 'vitest';
import { rankedBarsLayout } from './ranked-bars-layout';

describe('rankedBarsLayout', () => {
  it('ranks items with a figure, largest first, and leaves the others out', () => {
    const bars = rankedBarsLayout([
      { key: 'a', label: 'A', figure: { value: 10, qualifier: 'exact' } },
      { key: 'b', label: 'B' },
      { key: 'c', label: 'C', figure: { value: 40, qualifier: 'more_than' } },
    ]);
    expect(bars.map((b) => [b.key, b.rank, b.width])).toEqual([
      ['c', 1, 100],
      ['a', 2, 25],
    ]);
    expect(bars[0]!.figure.qualifier).toBe('more_than');
  });

  it('scales to a range’s upper bound when it is the largest', () => {
    const [bar] = rankedBarsLayout([
      { key: 'r', label: 'R', figure: { value: 30, upper: 40, qualifier: 'approx' } },
    ]);
    expect(bar).toMatchObject({ width: 75, upperWidth: 100 });
  });
});
