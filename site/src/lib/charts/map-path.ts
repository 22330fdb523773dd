/**
 * Compact SVG paths for the maps' shapes, written at build time. d3's `geoPath` writes every
 * vertex in absolute coordinates with decimals (`M581.7,491.8L581.4,500.3…`); here each vertex
 * is snapped to a grid in absolute coordinates and written as the difference from the previous
 * snapped vertex (`M582 492l-1 8 1 3…`). Snapping the absolute position, not the delta, keeps
 * the error under half a step however long the ring, and gives two countries that share a
 * border the very same vertices: no gap, no sliver. No DOM: tested in Node.
 */
import { geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

type Ring = [number, number][];

/**
 * Writes the shape drawn by `projection` as a compact path; `''` when nothing is in view.
 * @param step grid of the snapped vertices, in the box's units. @default 1
 */
export function compactPath(projection: GeoProjection, step = 1): (object: GeoPermissibleObjects) => string {
  return (object) => encodeRings(projectedRings(projection, object), step);
}

/** The rings `projection` draws for `object`, unrounded. */
export function projectedRings(projection: GeoProjection, object: GeoPermissibleObjects): Ring[] {
  const rings: Ring[] = [];
  const context = {
    beginPath: () => {},
    moveTo: (x: number, y: number) => void rings.push([[x, y]]),
    lineTo: (x: number, y: number) => void rings.at(-1)!.push([x, y]),
    closePath: () => {},
    arc: () => {},
  };
  geoPath(projection, context)(object);
  return rings;
}

/**
 * Rings as path commands: vertices snapped to multiples of `step`, repeated and straight-through
 * vertices dropped, rings that snap to nothing (a speck of an island) dropped.
 */
export function encodeRings(rings: readonly Ring[], step = 1): string {
  const tokens: string[] = [];
  let at: [number, number] = [0, 0];
  for (const ring of rings) {
    const grid = snap(ring, step);
    if (grid.length < 3) continue;
    const [x0, y0] = grid[0]!;
    tokens.push(tokens.length ? 'm' : 'M', num(x0 - at[0], step), num(y0 - at[1], step));
    let command = '';
    for (let i = 1; i < grid.length; i++) {
      const [dx, dy] = [grid[i]![0] - grid[i - 1]![0], grid[i]![1] - grid[i - 1]![1]];
      const [next, args] = dy === 0 ? ['h', [dx]] : dx === 0 ? ['v', [dy]] : ['l', [dx, dy]];
      if (next !== command) tokens.push(next);
      for (const n of args) tokens.push(num(n, step));
      command = next;
    }
    tokens.push('z');
    at = [x0, y0]; // after `z` the pen is back at the ring's start
  }
  return tokens.map((t, i) => (needsSpace(tokens[i - 1], t) ? ` ${t}` : t)).join('');
}

/** The ring on the grid, in whole steps: no repeated vertex, no vertex on a straight run, not closed. */
function snap(ring: Ring, step: number): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [Math.round(x / step), Math.round(y / step)];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && same(out[0]!, out.at(-1)!)) out.pop();
  // Straight-through vertices, in one pass round the ring (the result does not depend on
  // where the ring starts nor on its direction, so both sides of a border stay the same).
  const kept = out.filter(
    (p, i) => !straight(out[(i + out.length - 1) % out.length]!, p, out[(i + 1) % out.length]!),
  );
  return kept.length >= 3 && area(kept) !== 0 ? kept : [];
}

const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];

/** `b` lies on the segment from `a` to `c`, neither turning nor going back. */
function straight(a: [number, number], b: [number, number], c: [number, number]): boolean {
  const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]];
  return ux * vy - uy * vx === 0 && ux * vx + uy * vy > 0;
}

function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = [ring[i]!, ring[(i + 1) % ring.length]!];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** A number of whole steps, as short as SVG reads it: `0.5` → `.5`, `-0.5` → `-.5`. */
function num(n: number, step: number): string {
  return String(Math.round(n * step * 1e6) / 1e6).replace(/^(-?)0\./, '$1.');
}

/** Between two numbers only: a minus sign, or a second point as in `1.5.5`, ends the first. */
function needsSpace(before: string | undefined, token: string): boolean {
  const isNumber = (t: string | undefined) => t !== undefined && /^[-.\d]/.test(t);
  if (!isNumber(before) || !isNumber(token) || token.startsWith('-')) return false;
  return !(token.startsWith('.') && before!.includes('.'));
}
