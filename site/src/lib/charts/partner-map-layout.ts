/**
 * Pure layout of the map of partner countries: North and West Africa in a Mercator
 * projection, every country in view drawn, partner countries marked with a label point.
 * No DOM: tested in Node. The shapes are projected at build time (`partnerGeometry`,
 * site/map-geometry.ts); pages only mark the partners (`partnerMapLayout`).
 */
import { geoBounds, geoCentroid, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { compactPath } from './map-path';

export interface Highlight {
  /** ISO 3166-1 numeric id, as in world-atlas. */
  id: string;
  iso2: string;
  /** A partner in the year shown (else a partner in another year). */
  current: boolean;
}

export interface CountryShape {
  id: string;
  d: string;
  /** `disputed`: a territory drawn over a highlighted country's shape (Western Sahara over Morocco). */
  kind: 'current' | 'other-year' | 'none' | 'disputed';
  iso2?: string;
  /** Label point, in percent of the box; only for highlighted countries. */
  xPct?: number;
  yPct?: number;
}

/** A country in view, projected: its path and its label point, in the box's units. */
export interface ProjectedCountry {
  id: string;
  d: string;
  label: [number, number];
}

/** Every country in view, computed once at build time (the projection is fixed). */
export interface PartnerGeometry {
  width: number;
  height: number;
  countries: ProjectedCountry[];
}

export interface PartnerMapLayout {
  width: number;
  height: number;
  /** Background countries first, highlighted ones last (drawn on top, in keyboard order). */
  shapes: CountryShape[];
}

export const PARTNER_BOX = { width: 600, height: 640 } as const;
/** West and North Africa: from Dakar to Tunis, from the Gulf of Guinea to the Mediterranean. */
export const PARTNER_EXTENT: [[number, number], [number, number]] = [
  [-18.5, 3.5],
  [17, 38.5],
];

/** Territories world-atlas draws both on their own and inside a neighbour's shape. */
const DISPUTED = new Set(['732']);
/**
 * world-atlas's Morocco (504) reaches down over Western Sahara: cut it at 27°40' N, the
 * parallel that separates them, so the map takes no side. Mercator keeps parallels straight.
 */
const SOUTH_LIMIT: Record<string, number> = { '504': 27.667 };

/**
 * Label points that are not the shape's centroid (a country's mass sits away from its name),
 * by ISO numeric id: Morocco, Senegal, Côte d'Ivoire, Tunisia.
 */
const LABEL_AT: Record<string, [number, number]> = {
  '504': [-6.5, 32],
  '686': [-14.8, 14.6],
  '384': [-5.5, 7.8],
  '788': [9.3, 34.3],
};

function intersects(f: Feature, [[w, s], [e, n]]: [[number, number], [number, number]]): boolean {
  const [[fw, fs], [fe, fn]] = geoBounds(f);
  if (fw > fe) return fs < n && fn > s; // crosses the antimeridian: keep if latitudes overlap
  return fw < e && fe > w && fs < n && fn > s;
}

/** West and North Africa (`PARTNER_EXTENT`) fitted into the box, in Mercator, clipped to the box. */
export function partnerProjection({ width, height } = PARTNER_BOX): GeoProjection {
  const frame = { type: 'MultiPoint' as const, coordinates: PARTNER_EXTENT };
  return geoMercator()
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** The countries of North and West Africa, projected and clipped to the box: build-time work. */
export function partnerGeometry(world: FeatureCollection<Geometry>, box = PARTNER_BOX): PartnerGeometry {
  const { width, height } = box;
  const projection = partnerProjection(box);
  const path = compactPath(projection);
  const pathFor = (id: string) => {
    const south = SOUTH_LIMIT[id];
    if (south === undefined) return path;
    const cut = geoMercator()
      .scale(projection.scale())
      .translate(projection.translate())
      .clipExtent([
        [0, 0],
        [width, Math.min(height, projection([0, south])![1])],
      ]);
    return compactPath(cut);
  };
  const margin: [[number, number], [number, number]] = [
    [PARTNER_EXTENT[0][0] - 2, PARTNER_EXTENT[0][1] - 2],
    [PARTNER_EXTENT[1][0] + 2, PARTNER_EXTENT[1][1] + 2],
  ];
  const countries = world.features
    .filter((f) => f.id !== undefined && intersects(f, margin))
    .map((f): ProjectedCountry => {
      const id = String(f.id);
      const [x, y] = projection(LABEL_AT[id] ?? geoCentroid(f))!;
      return { id, d: pathFor(id)(f), label: [Math.round(x * 10) / 10, Math.round(y * 10) / 10] };
    })
    .filter((c) => c.d !== '');
  return { width, height, countries };
}

export function partnerMapLayout(
  geometry: PartnerGeometry,
  highlights: readonly Highlight[],
): PartnerMapLayout {
  const { width, height } = geometry;
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const shapes = geometry.countries.map(({ id, d, label: [x, y] }): CountryShape => {
    const h = byId.get(id);
    if (DISPUTED.has(id)) return { id, d, kind: 'disputed' };
    if (!h) return { id, d, kind: 'none' };
    return {
      id,
      d,
      kind: h.current ? 'current' : 'other-year',
      iso2: h.iso2,
      xPct: (x / width) * 100,
      yPct: (y / height) * 100,
    };
  });
  const rank = (s: CountryShape) => ({ none: 0, current: 1, 'other-year': 1, disputed: 2 })[s.kind];
  return { width, height, shapes: shapes.sort((a, b) => rank(a) - rank(b) || (a.xPct ?? 0) - (b.xPct ?? 0)) };
}
