import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRings } from './map-path';

type Point = [number, number];

/** The absolute vertices of each ring of a path written with M m l h v z, as SVG reads it. */
function decode(d: string): Point[][] {
  const rings: Point[][] = [];
  const tokens = d.match(/[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  let command = '';
  let [x, y] = [0, 0];
  let start: Point = [0, 0];
  for (let i = 0; i < tokens.length;) {
    if (/[a-z]/i.test(tokens[i]!)) command = tokens[i++]!;
    const read = () => Number(tokens[i++]);
    if (command === 'z' || command === 'Z') {
      [x, y] = start;
      continue;
    }
    if (command === 'M' || command === 'm') {
      [x, y] = command === 'M' ? [read(), read()] : [x + read(), y + read()];
      start = [x, y];
      rings.push([start]);
      command = command === 'M' ? 'L' : 'l';
      continue;
    }
    if (command === 'l') [x, y] = [x + read(), y + read()];
    else if (command === 'h') x += read();
    else if (command === 'v') y += read();
    else throw new Error(`unexpected command ${command}`);
    rings.at(-1)!.push([x, y]);
  }
  return rings;
}

const key = ([x, y]: Point) => `${x},${y}`;

describe('encodeRings', () => {
  it.each([
    [
      'a square, in relative commands',
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
        ],
      ],
      1,
      'M0 0h10v10h-10z',
    ],
    [
      'a second ring, moved to from the first one’s start',
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
        ],
        [
          [20, 20],
          [25, 20],
          [25, 25],
          [20, 25],
        ],
      ],
      1,
      'M0 0h10v10h-10zm20 20h5v5h-5z',
    ],
    [
      'vertices snapped to the nearest unit, repeats and straight runs dropped',
      [
        [
          [0.2, 0.4],
          [4.6, 0.1],
          [5.2, -0.3],
          [9.8, 0],
          [10.1, 9.7],
          [0, 10.4],
          [0, 5],
        ],
      ],
      1,
      'M0 0h10v10h-10z',
    ],
    [
      'a diagonal, minus signs as separators',
      [
        [
          [5, 5],
          [8, 1],
          [2, 2],
        ],
      ],
      1,
      'M5 5l3-4-6 1z',
    ],
    [
      'half units, with no leading zero and no space before a second point',
      [
        [
          [0, 0],
          [1.5, 0.5],
          [0, 1],
        ],
      ],
      0.5,
      'M0 0l1.5.5-1.5.5z',
    ],
    [
      'a speck that snaps to a point, dropped',
      [
        [
          [3.1, 3.1],
          [3.3, 3.2],
          [3.2, 2.9],
        ],
      ],
      1,
      '',
    ],
    [
      'a sliver that snaps to a line, dropped',
      [
        [
          [0, 0],
          [5, 0.2],
          [10, 0.1],
          [5, -0.2],
        ],
      ],
      1,
      '',
    ],
  ] satisfies [string, Point[][], number, string][])('writes %s', (_, rings, step, d) => {
    expect(encodeRings(rings, step)).toBe(d);
  });

  it('keeps every vertex within half a unit of where it was, however long the ring (no drift from rounded deltas)', () => {
    // 300 steps of 0.4 east, then back along a parallel line: rounding each delta would write zeros.
    const east = Array.from({ length: 300 }, (_, i): Point => [i * 0.4, (i % 2) * 0.3]);
    const ring: Point[] = [...east, ...east.map(([x, y]): Point => [x, y + 20]).reverse()];
    const [decoded] = decode(encodeRings([ring]));
    const xs = decoded!.map(([x]) => x);
    expect(Math.max(...xs)).toBe(Math.round(299 * 0.4));
    for (const p of decoded!)
      expect(ring.some(([x, y]) => Math.abs(x - p[0]) <= 0.5 && Math.abs(y - p[1]) <= 0.5)).toBe(true);
  });

  it('gives two shapes that share a border the same vertices along it, whichever way they run', () => {
    const coordinate = fc.double({ min: 0, max: 600, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 40 }), (points) => {
        // A border from west to east, with one shape above it and one below.
        const border: Point[] = points.map(([x, y], i) => [i * 15 + (x % 10), 300 + (y % 40) - 20]);
        const [west, east] = [border[0]!, border.at(-1)!];
        const north: Point[] = [...border, [east[0], 0], [west[0], 0]];
        const south: Point[] = [...border].reverse().concat([
          [west[0], 600],
          [east[0], 600],
        ]);
        const inner = new Set(border.slice(1, -1).map(([x, y]) => key([Math.round(x), Math.round(y)])));
        const onBorder = (d: string) =>
          new Set(
            decode(d)
              .flat()
              .map(key)
              .filter((k) => inner.has(k)),
          );
        expect([...onBorder(encodeRings([north]))].sort()).toEqual(
          [...onBorder(encodeRings([south]))].sort(),
        );
      }),
    );
  });
});
