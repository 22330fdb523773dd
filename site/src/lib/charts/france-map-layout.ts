/**
 * Pure layout of the map of La Cimade's regions: metropolitan France's outline in a conic
 * conformal projection, each region as a proportional symbol at its anchor point (Cimade
 * regions are not administrative regions, so nothing is shaded), overseas regions in inset
 * boxes. A region without a figure gets an empty marker, never a zero. No DOM: tested in Node.
 */
import { geoCentroid, geoConicConformal, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export interface MapRegion {
  slug: string;
  anchor: readonly [number, number];
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

/**
 * Symbols come out in reading order for the keyboard: regions with a figure, largest first,
 * then the others in the order given.
 */
export function franceMapLayout(shape: Feature<Geometry>, regions: readonly MapRegion[], box = FRANCE_BOX): FranceMapLayout {
  const { width, height } = box;
  const land = metropolitan(shape);
  const projection = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).fitExtent([[12, 12], [width - 12, height - 12]], land);
  const path = geoPath(projection).digits(1);
  const max = Math.max(0, ...regions.map((r) => r.value ?? 0));
  const radius = scaleSqrt().domain([0, max || 1]).range([0, MAX_R]);

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
    const [cx, cy] = inset ? [inset.x + inset.width - 30, inset.y + inset.height / 2] : projection([r.anchor[0], r.anchor[1]])!;
    const known = r.value !== undefined;
    const r0 = known ? Math.max(MIN_R, radius(Math.max(0, r.value!))) : UNKNOWN_R;
    const rr = inset ? Math.min(r0, inset.height / 2 - 4) : r0;
    return { slug: r.slug, cx, cy, r: rr, known, overseas: r.overseas, xPct: (cx / width) * 100, yPct: (cy / height) * 100 };
  });
  const order = [...symbols].sort((a, b) => Number(b.known) - Number(a.known) || (b.known ? valueOf(regions, b.slug) - valueOf(regions, a.slug) : 0));
  return { width, height, outline: path(land) ?? '', symbols: order, insets };
}

const valueOf = (regions: readonly MapRegion[], slug: string) => regions.find((r) => r.slug === slug)?.value ?? 0;
