import type { Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { simplifyTopology } from './map-simplify';

const identity = (p: [number, number]): [number, number] => p;

describe('simplifyTopology on one line', () => {
  /** One arc, in plain coordinates (no quantization): what survives the threshold. */
  const line = (
    points: [number, number][],
    minArea: number,
    project: (p: [number, number]) => [number, number] | null = identity,
  ) => simplifyTopology({ type: 'Topology', arcs: [points], objects: {} }, project, minArea).arcs[0];
  // Effective areas: (1, 0.2) 0.2, (4, 0) 2.5, (2, 0) 5, (3, 5) 12.5; the ends are never removed.
  const wobbleAndSpike: [number, number][] = [
    [0, 0],
    [1, 0.2],
    [2, 0],
    [3, 5],
    [4, 0],
    [5, 0],
  ];

  it('never removes the ends; weighs a vertex by the triangle it makes, a spike heavier than a wobble', () => {
    expect(line(wobbleAndSpike, 0.3)).toEqual([
      [0, 0],
      [2, 0],
      [3, 5],
      [4, 0],
      [5, 0],
    ]);
    expect(line(wobbleAndSpike, 3)).toEqual([
      [0, 0],
      [2, 0],
      [3, 5],
      [5, 0],
    ]);
    expect(line(wobbleAndSpike, 100)).toEqual([
      [0, 0],
      [5, 0],
    ]);
  });

  it('gives a vertex no less than the vertices removed before it', () => {
    // Once the wobble at (0.5, 1) goes, (0, 2) lies on a straight line; a threshold that keeps the wobble keeps it too.
    const points: [number, number][] = [
      [0, 0],
      [0.5, 1],
      [0, 2],
      [0, 10],
    ];
    expect(line(points, 0.5)).toEqual(points);
    expect(line(points, 0.6)).toEqual([
      [0, 0],
      [0, 10],
    ]);
  });

  it('measures in the projection, and keeps a vertex it cannot place, and its neighbours', () => {
    const straight: [number, number][] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ];
    expect(line(straight, 1)).toEqual([
      [0, 0],
      [4, 0],
    ]);
    // Stretched 100 times upwards by the projection, every area is 100 times larger: the wobble stays.
    expect(line(wobbleAndSpike, 3, ([x, y]) => [x, 100 * y])).toEqual(wobbleAndSpike);
    expect(line(straight, 1, ([x, y]) => (x === 2 ? null : [x, y]))).toEqual(straight);
  });
});

describe('simplifyTopology', () => {
  // Two squares side by side, their shared edge a wobbly arc; quantized and delta-encoded as
  // world-atlas is (a unit of 0.5 from an origin at (10, 10)).
  const topology: Topology<{ shapes: GeometryCollection }> = {
    type: 'Topology',
    transform: { scale: [0.5, 0.5], translate: [10, 10] },
    arcs: [
      [
        [20, 0],
        [1, 2],
        [-1, 2],
        [0, 16],
      ], // shared edge, x = 20 from y = 10 to y = 20, with a wobble at y ≈ 11
      [
        [20, 20],
        [-20, 0],
        [0, -20],
        [20, 0],
      ], // west square's other sides
      [
        [20, 0],
        [20, 0],
        [0, 20],
        [-20, 0],
      ], // east square's other sides
    ],
    objects: {
      shapes: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], id: 'west' },
          { type: 'Polygon', arcs: [[2, ~0]], id: 'east' },
        ],
      },
    },
  };

  it('drops what is smaller than the threshold, keeps the ends of every arc, and decodes the coordinates', () => {
    const simplified = simplifyTopology(topology, identity, 1);
    expect(simplified.transform).toBeUndefined();
    expect(simplified.arcs[0]).toEqual([
      [20, 10],
      [20, 20],
    ]);
    expect(simplified.arcs[1]).toEqual([
      [20, 20],
      [10, 20],
      [10, 10],
      [20, 10],
    ]);
    expect(simplifyTopology(topology, identity, 0.1).arcs[0]).toHaveLength(4);
  });

  it('simplifies a border once, so both shapes along it keep the same vertices', () => {
    const simplified = simplifyTopology(topology, identity, 0.1);
    const shapes = feature(simplified, simplified.objects.shapes).features;
    const ring = (id: string) => (shapes.find((s) => s.id === id)!.geometry as Polygon).coordinates.flat();
    const onBorder = (id: string) =>
      ring(id)
        .filter(([x]) => x! > 19.9 && x! < 21.1)
        .map((p) => p.join(','))
        .sort();
    expect(onBorder('west')).toEqual(expect.arrayContaining(['20.5,11', '20,12']));
    expect(new Set(onBorder('west'))).toEqual(new Set(onBorder('east')));
  });
});
