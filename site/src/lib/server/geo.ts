/**
 * Country shapes from world-atlas (Natural Earth, 1:50m), read once per process on the
 * server. The client never receives TopoJSON: pages get projected SVG paths.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };

/** ISO 3166-1 numeric id of France in world-atlas. */
export const FRANCE_ID = '250';

let countries: FeatureCollection<Geometry, { name: string }> | undefined;

export function worldCountries(): FeatureCollection<Geometry, { name: string }> {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  countries ??= feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return countries;
}

export function franceShape(): Feature<Geometry, { name: string }> {
  const france = worldCountries().features.find((f) => String(f.id) === FRANCE_ID);
  if (!france) throw new Error('world-atlas has no shape for France');
  return france;
}
