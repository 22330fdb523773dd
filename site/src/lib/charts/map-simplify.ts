/**
 * Visvalingam–Whyatt simplification of a TopoJSON topology's arcs (topojson-simplify), measured
 * in the map's own pixels: a vertex goes when the triangle it makes with its neighbours, once
 * projected, is smaller than `minArea` (in the box's units squared). Natural Earth 1:50m draws
 * coasts far finer than a 600-unit box can show. Arcs are simplified once, whichever shapes use
 * them, and keep their ends: two countries that share a border still share every vertex of it.
 * Build-time work; no DOM, tested in Node.
 */
import type { Position } from 'geojson';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';

type Project = (point: [number, number]) => [number, number] | null;

/** The topology with only the vertices that matter at this scale, in plain longitude and latitude. */
export function simplifyTopology<O extends Objects>(
  topology: Topology<O>,
  project: Project,
  minArea: number,
): Topology<O> {
  // A vertex the projection cannot place weighs Infinity: it is kept, and so are its neighbours.
  const weighed = presimplify(topology, ([a, b, c]) =>
    triangle(project([a[0], a[1]]), project([b[0], b[1]]), project([c[0], c[1]])),
  );
  const { transform: _none, ...plain } = simplify(weighed, minArea);
  return plain;
}

function triangle(
  a: Position | null | undefined,
  b: Position | null | undefined,
  c: Position | null | undefined,
): number {
  if (!a || !b || !c) return Infinity;
  const area = Math.abs((b[0]! - a[0]!) * (c[1]! - a[1]!) - (c[0]! - a[0]!) * (b[1]! - a[1]!)) / 2;
  return Number.isFinite(area) ? area : Infinity;
}
