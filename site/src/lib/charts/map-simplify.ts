/**
 * Visvalingam–Whyatt simplification of a TopoJSON topology's arcs, measured in the map's own
 * pixels: a vertex goes when the triangle it makes with its neighbours, once projected, is
 * smaller than `minArea` (in the box's units squared). Natural Earth 1:50m draws coasts far
 * finer than a 600-unit box can show. Arcs are simplified once, whichever shapes use them,
 * and keep their ends: two countries that share a border still share every vertex of it.
 * Build-time work; no DOM, tested in Node.
 */
import type { Position } from 'geojson';
import { transform } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';

type Project = (point: [number, number]) => [number, number] | null;

/** The topology with only the vertices that matter at this scale, in plain longitude and latitude. */
export function simplifyTopology<O extends Objects>(
  topology: Topology<O>,
  project: Project,
  minArea: number,
): Topology<O> {
  const decode = transform(topology.transform ?? null);
  const arcs = topology.arcs.map((arc) => {
    const points = arc.map((p, i) => decode(p, i > 0) as [number, number]);
    const weights = effectiveAreas(points.map(project));
    return points.filter((_, i) => weights[i]! >= minArea);
  });
  const { transform: _quantized, ...plain } = topology;
  return { ...plain, arcs };
}

/**
 * Each vertex's effective area: the area of the triangle it forms when it is removed, removing
 * the smallest first (never less than an area removed before it, so that a threshold keeps a
 * vertex's neighbours whenever it keeps the vertex). The ends of the line are never removed;
 * a vertex the projection cannot place is kept.
 */
export function effectiveAreas(points: readonly (Position | null)[]): number[] {
  const n = points.length;
  const weights = Array.from({ length: n }, () => Infinity);
  if (n < 3) return weights;
  const prev = Array.from({ length: n }, (_, i) => i - 1);
  const next = Array.from({ length: n }, (_, i) => i + 1);
  const version = new Array<number>(n).fill(0);
  const heap = new MinHeap();
  const push = (i: number) =>
    heap.push(triangle(points[prev[i]!], points[i], points[next[i]!]), i, ++version[i]!);
  for (let i = 1; i < n - 1; i++) push(i);

  let floor = 0;
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [area, i, v] = top;
    if (v !== version[i] || area === Infinity) continue;
    floor = Math.max(floor, area);
    weights[i] = floor;
    const [p, q] = [prev[i]!, next[i]!];
    next[p] = q;
    prev[q] = p;
    if (p > 0) push(p);
    if (q < n - 1) push(q);
  }
  return weights;
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

/** Entries `[area, index, version]`, smallest area first; stale versions are skipped by the caller. */
class MinHeap {
  private items: [number, number, number][] = [];

  push(area: number, index: number, version: number): void {
    const items = this.items;
    items.push([area, index, version]);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (items[parent]![0] <= items[i]![0]) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): [number, number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!items.length || !last) return top;
    items[0] = last;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let min = i;
      if (l < items.length && items[l]![0] < items[min]![0]) min = l;
      if (r < items.length && items[r]![0] < items[min]![0]) min = r;
      if (min === i) break;
      [items[min], items[i]] = [items[i]!, items[min]!];
      i = min;
    }
    return top;
  }
}
