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
}

export const FRANCE_BOX = { width: 600, height: 600 } as const;
const MAX_R = 46;
const MIN_R = 5;
const UNKNOWN_R = 6;
const INSET = { width: 150, height: 60, gap: 10 };

/** Metropolitan France, mainland and Corsica: the polygons whose centre lies in Europe. */
export function metropolitan(shape: Feature<Geometry>): Feature<MultiPolygon> {
  const g = shape.geometry;
  const polygons: Position[][][] = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
  const kept = polygons.filter((p) => {
    const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: p } satisfies Polygon);
    return lon > -6 && lon < 11 && lat > 41 && lat < 52;
  });
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/** Metropolitan France (`metropolitan`) fitted into the box, in a conic conformal projection. */
export function franceProjection(land: Feature<MultiPolygon>, { width, height } = FRANCE_BOX): GeoProjection {
  return geoConicConformal().parallels([44, 49]).rotate([-3, 0]).fitExtent([[12, 12], [width - 12, height - 12]], land);
}

/** The outline of metropolitan France and the regions' anchors, projected into the box: build-time work. */
export function franceGeometry(shape: Feature<Geometry>, places: readonly MapPlace[], box = FRANCE_BOX): FranceGeometry {
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
 * .range([0, maxRadius])`, written out (values are never negative), so that the map does not
 * bring d3-scale's interpolators and colour parsing to the page and the server bundle.
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
  const { width, height } = geometry;
  const max = Math.max(0, ...regions.map((r) => r.value ?? 0));
  const radius = symbolRadius(max);

  const overseas = regions.filter((r) => r.overseas);
  const insets: Inset[] = overseas.map((r, i) => ({
    slug: r.slug,
    x: 12,
    y: height - 12 - (overseas.length - i) * (INSET.height + INSET.gap) + INSET.gap,
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
    return { slug: r.slug, cx, cy, r: rr, known, overseas: r.overseas, xPct: (cx / width) * 100, yPct: (cy / height) * 100 };
  });
  const order = [...symbols].sort((a, b) => Number(b.known) - Number(a.known) || (b.known ? valueOf(regions, b.slug) - valueOf(regions, a.slug) : 0));
  return { width, height, outline: geometry.outline, symbols: order, insets };
}

const valueOf = (regions: readonly MapRegion[], slug: string) => regions.find((r) => r.slug === slug)?.value ?? 0;
