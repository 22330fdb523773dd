/**
 * `virtual:map-geometry`: the maps' shapes, projected once at build time. The projections are
 * fixed and the geometry static, so the server never bundles world-atlas (≈ 740 KB) nor runs
 * d3-geo over it on a request: it gets only the path strings of the shapes actually drawn.
 * The arcs are simplified to what each map's pixels can show before projecting, and the paths
 * written in whole units of the box, relative to the previous vertex (site/src/lib/charts/
 * map-simplify.ts, map-path.ts). Generated on every build and dev start, never committed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import {
  franceGeometry,
  franceProjection,
  metropolitan,
  type MapPlace,
} from './src/lib/charts/france-map-layout';
import { simplifyTopology } from './src/lib/charts/map-simplify';
import { partnerGeometry, partnerProjection } from './src/lib/charts/partner-map-layout';

const ID = 'virtual:map-geometry';
/** ISO 3166-1 numeric id of France in world-atlas. */
const FRANCE_ID = '250';
/**
 * A vertex whose triangle with its neighbours covers less than this, in the box's units squared,
 * is dropped: at most about one CSS pixel squared on the widest map.
 */
const MIN_AREA = 1;

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const countriesOf = (topology: Countries) =>
  feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;

function franceOf(world: FeatureCollection<Geometry, { name: string }>) {
  const france = world.features.find((f) => String(f.id) === FRANCE_ID);
  if (!france) throw new Error('world-atlas has no shape for France');
  return france;
}

/**
 * The module's source: `france` (FranceGeometry) and `partners` (PartnerGeometry), as JSON.
 * Reads world-atlas and data/regions.json: a change to a region's anchor needs a rebuild.
 */
export function mapGeometrySource(): string {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Countries;
  // Each map is simplified in its own projection: a coast is drawn some four times smaller on the partners' map.
  const inFrance = franceProjection(metropolitan(franceOf(countriesOf(topology))));
  const france = franceOf(countriesOf(simplifyTopology(topology, inFrance, MIN_AREA)));
  const world = countriesOf(simplifyTopology(topology, partnerProjection(), MIN_AREA));
  // The regions' anchors (validated by functions/src/core/reference.ts when the site loads it).
  const { regions } = JSON.parse(readFileSync(new URL('../data/regions.json', import.meta.url), 'utf8')) as {
    regions: MapPlace[];
  };
  return [
    `export const france = ${JSON.stringify(franceGeometry(france, regions))};`,
    `export const partners = ${JSON.stringify(partnerGeometry(world))};`,
  ].join('\n');
}

export function mapGeometry(): Plugin {
  let source: string | undefined;
  return {
    name: 'map-geometry',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      return (source ??= mapGeometrySource());
    },
  };
}
