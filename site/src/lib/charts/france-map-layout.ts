/**
 * Pure layout of the map of La Cimade's regions: metropolitan France's outline in a conic
 * conformal projection, each region as a proportional symbol at its anchor point (Cimade
 * regions are not administrative regions, so nothing is shaded), overseas regions in inset
 * boxes. A region without a figure gets an empty marker, never a zero. No DOM: tested in Node.
 * The outline is projected at build time (`franceGeometry`, site/map-geometry.ts); pages only
 * place the symbols (`franceMapLayout`).
 */
import { geoCentroid, geoConicConformal, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { compactPath } from './map-path';

/** A region's place on the map: its anchor point, in longitude and latitude. */
export interface MapPlace {
  slug: string;
  anchor: readonly [number, number];
}

export interface MapRegion {
  slug: string;
  overseas: boolean;
  /** The region's figure for the metric and year shown; absent when unknown. */
  value?: number;
  /** Its name and figure as the map writes them, to place labels where they fit. */
  name?: string;
  valueText?: string;
}

/** A region's label beside its symbol, shown from a container width on where it collides with nothing. */
export interface MapLabel {
  slug: string;
  /** Anchor point, in percent of the box. */
  xPct: number;
  yPct: number;
  /** Which side of the symbol the label sits on. */
  side: 'below' | 'above' | 'right' | 'left';
  /** Index in MAP_BREAKPOINTS from which the label shows; MAP_BREAKPOINTS.length when never. */
  from: number;
}

export interface MapSymbol {
  slug: string;
  /** Centre, in the map's viewBox units. */
  cx: number;
  cy: number;
  r: number;
  known: boolean;
  overseas: boolean;
  /** Centre in percent of the box, to place HTML labels and tooltips. */
  xPct: number;
  yPct: number;
}

export interface Inset {
  slug: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What the map needs from the country's shape, computed once at build time (the projection
 * is fixed): the outline's path and each region's anchor, projected into the box.
 */
export interface FranceGeometry {
  width: number;
  height: number;
  outline: string;
  points: Record<string, [number, number]>;
}

export interface FranceMapLayout {
  width: number;
  height: number;
  outline: string;
  symbols: MapSymbol[];
  insets: Inset[];
  labels: MapLabel[];
}

/** Map widths (px) at which labels are re-fitted, for CSS container queries; the first is a 320 px phone's. */
export const MAP_BREAKPOINTS = [240, 300, 380, 480, 600] as const;
/** Unknown regions are named on the map only from this width (the list beside it names them all). */
const UNKNOWN_LABELS_FROM_PX = 460;
/** The labels' text, as FranceMap draws it: 0.75rem names (at most 8.5em wide), 0.85rem bold figures. */
const NAME_CHAR_PX = 7.2;
const NAME_MAX_PX = 102;
const NAME_LINE_PX = 14;
const VALUE_CHAR_PX = 8.6;
const VALUE_LINE_PX = 16;

export const FRANCE_BOX = { width: 600, height: 600 } as const;
const MAX_R = 46;
const MIN_R = 5;
const UNKNOWN_R = 6;
/** Overseas regions sit in a row of boxes under the mainland, clear of its coast. */
const INSET = { width: 190, height: 60, gap: 8, margin: 14 };

/** Metropolitan France, mainland and Corsica: the polygons whose centre lies in Europe. */
export function metropolitan(shape: Feature<Geometry>): Feature<MultiPolygon> {
  const g = shape.geometry;
  const polygons: Position[][][] =
    g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
  const kept = polygons.filter((p) => {
    const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: p } satisfies Polygon);
    return lon > -6 && lon < 11 && lat > 41 && lat < 52;
  });
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/** Metropolitan France (`metropolitan`) fitted into the box, in a conic conformal projection. */
export function franceProjection(land: Feature<MultiPolygon>, { width, height } = FRANCE_BOX): GeoProjection {
  return geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [12, 12],
        [width - 12, height - 12],
      ],
      land,
    );
}

/** The outline of metropolitan France and the regions' anchors, projected into the box: build-time work. */
export function franceGeometry(
  shape: Feature<Geometry>,
  places: readonly MapPlace[],
  box = FRANCE_BOX,
): FranceGeometry {
  const { width, height } = box;
  const land = metropolitan(shape);
  const projection = franceProjection(land, box);
  const round = (n: number) => Math.round(n * 10) / 10;
  const points: FranceGeometry['points'] = Object.fromEntries(
    places.map((p) => {
      const [x, y] = projection([p.anchor[0], p.anchor[1]])!;
      return [p.slug, [round(x), round(y)] as [number, number]];
    }),
  );
  return { width, height, outline: compactPath(projection)(land), points };
}

/**
 * A symbol's radius, its area proportional to the value: d3's `scaleSqrt().domain([0, max])
 * .range([0, maxRadius])`, written out (values are never negative): `scaleSqrt` itself brings
 * d3-interpolate and d3-color, 25 KB more in the server-render bundle (measured, README).
 */
export const symbolRadius =
  (max: number, maxRadius = MAX_R) =>
  (value: number): number =>
    maxRadius * Math.sqrt(value / (max || 1));

/**
 * Symbols come out in reading order for the keyboard: regions with a figure, largest first,
 * then the others in the order given.
 */
export function franceMapLayout(geometry: FranceGeometry, regions: readonly MapRegion[]): FranceMapLayout {
  const { width } = geometry;
  const max = Math.max(0, ...regions.map((r) => r.value ?? 0));
  const radius = symbolRadius(max);

  const overseas = regions.filter((r) => r.overseas);
  const insetHeight = overseas.length ? INSET.height + INSET.margin : 0;
  const boxHeight = geometry.height + insetHeight;
  const insets: Inset[] = overseas.map((r, i) => ({
    slug: r.slug,
    x: 7 + i * (INSET.width + INSET.gap),
    y: geometry.height + INSET.margin / 2,
    width: INSET.width,
    height: INSET.height,
  }));

  const symbols = regions.map((r): MapSymbol => {
    const inset = insets.find((i) => i.slug === r.slug);
    const point = geometry.points[r.slug];
    if (!inset && !point) throw new Error(`no place on the map for region ${r.slug}`);
    const [cx, cy] = inset ? [inset.x + inset.width - 30, inset.y + inset.height / 2] : point!;
    const known = r.value !== undefined;
    const r0 = known ? Math.max(MIN_R, radius(Math.max(0, r.value!))) : UNKNOWN_R;
    const rr = inset ? Math.min(r0, inset.height / 2 - 4) : r0;
    return {
      slug: r.slug,
      cx,
      cy,
      r: rr,
      known,
      overseas: r.overseas,
      xPct: (cx / width) * 100,
      yPct: (cy / boxHeight) * 100,
    };
  });
  const order = [...symbols].sort(
    (a, b) =>
      Number(b.known) - Number(a.known) ||
      (b.known ? valueOf(regions, b.slug) - valueOf(regions, a.slug) : 0),
  );
  return {
    width,
    height: boxHeight,
    outline: geometry.outline,
    symbols: order,
    insets,
    labels: placeLabels(order, insets, regions, width, boxHeight),
  };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The label's box in px when the map is `px` wide, on one side of its symbol. */
function labelBox(s: MapSymbol, region: MapRegion, side: MapLabel['side'], scale: number): Box {
  const nameW = (region.name ?? '').length * NAME_CHAR_PX;
  const lines = Math.max(1, Math.ceil(nameW / NAME_MAX_PX));
  const valueW = (region.valueText ?? '').length * VALUE_CHAR_PX;
  const w = Math.max(Math.min(nameW, NAME_MAX_PX), valueW);
  const h = lines * NAME_LINE_PX + (region.valueText ? VALUE_LINE_PX : 0);
  const cx = s.cx * scale;
  const cy = s.cy * scale;
  const r = s.r * scale + 2;
  if (side === 'below') return { x0: cx - w / 2, x1: cx + w / 2, y0: cy + r, y1: cy + r + h };
  if (side === 'above') return { x0: cx - w / 2, x1: cx + w / 2, y0: cy - r - h, y1: cy - r };
  if (side === 'right') return { x0: cx + r, x1: cx + r + w, y0: cy - h / 2, y1: cy + h / 2 };
  return { x0: cx - r - w, x1: cx - r, y0: cy - h / 2, y1: cy + h / 2 };
}

const SIDES = ['below', 'above', 'right', 'left'] as const;

/**
 * Labels of the mainland regions, placed greedily in reading order (the largest figures
 * first, then the regions without one): each on the first side of its symbol where, at the
 * narrowest width, it meets no other label, symbol, inset or the box's edge; shown from the
 * first width where it fits for good. The insets carry their own names.
 */
export function placeLabels(
  symbols: readonly MapSymbol[],
  insets: readonly Inset[],
  regions: readonly MapRegion[],
  width: number,
  height: number,
): MapLabel[] {
  const mainland = symbols.filter((s) => !s.overseas);
  const regionOf = (slug: string) => regions.find((r) => r.slug === slug)!;
  const fitsAt = (px: number, placed: Box[], s: MapSymbol, side: MapLabel['side']) => {
    const scale = px / width;
    const box = labelBox(s, regionOf(s.slug), side, scale);
    if (box.x0 < 0 || box.x1 > px || box.y0 < 0 || box.y1 > height * scale) return undefined;
    const obstacles = [
      ...placed,
      ...symbols
        .filter((o) => o.slug !== s.slug)
        .map((o) => ({
          x0: (o.cx - o.r) * scale,
          x1: (o.cx + o.r) * scale,
          y0: (o.cy - o.r) * scale,
          y1: (o.cy + o.r) * scale,
        })),
      ...insets.map((i) => ({
        x0: i.x * scale,
        x1: (i.x + i.width) * scale,
        y0: i.y * scale,
        y1: (i.y + i.height) * scale,
      })),
    ];
    return obstacles.some((o) => overlaps(box, o)) ? undefined : box;
  };
  const candidatesAt = (px: number) => mainland.filter((s) => s.known || px >= UNKNOWN_LABELS_FROM_PX);
  // The side: the first that fits at the narrowest width where the label is a candidate.
  const sides = new Map<string, MapLabel['side']>();
  for (const px of MAP_BREAKPOINTS) {
    const placed: Box[] = [];
    for (const s of candidatesAt(px)) {
      const side = sides.get(s.slug) ?? SIDES.find((d) => fitsAt(px, placed, s, d)) ?? 'below';
      const box = fitsAt(px, placed, s, side);
      if (box) {
        sides.set(s.slug, side);
        placed.push(box);
      }
    }
  }
  // Then from which width each label fits, on its side, at every wider one.
  const shownAt = MAP_BREAKPOINTS.map((px) => {
    const placed: Box[] = [];
    const shown = new Set<string>();
    for (const s of candidatesAt(px)) {
      const box = fitsAt(px, placed, s, sides.get(s.slug) ?? 'below');
      if (box) {
        placed.push(box);
        shown.add(s.slug);
      }
    }
    return shown;
  });
  return mainland.map((s) => {
    let from: number = MAP_BREAKPOINTS.length;
    for (let k = MAP_BREAKPOINTS.length - 1; k >= 0 && shownAt[k]!.has(s.slug); k--) from = k;
    const side = sides.get(s.slug) ?? 'below';
    const dx = side === 'right' ? s.r + 3 : side === 'left' ? -s.r - 3 : 0;
    const dy = side === 'below' ? s.r + 2 : side === 'above' ? -s.r - 2 : 0;
    return {
      slug: s.slug,
      xPct: ((s.cx + dx) / width) * 100,
      yPct: ((s.cy + dy) / height) * 100,
      side,
      from,
    };
  });
}

const valueOf = (regions: readonly MapRegion[], slug: string) =>
  regions.find((r) => r.slug === slug)?.value ?? 0;
