import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { scaleSqrt } from 'd3-scale';
import { franceGeometry, franceMapLayout, metropolitan, symbolRadius } from './france-map-layout';
import { partnerGeometry, partnerMapLayout, PARTNER_BOX } from './partner-map-layout';

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<
  Geometry,
  { name: string }
>;
const france = countries.features.find((f) => f.id === '250')!;
/** A compact path (map-path.ts): whole units, relative commands after the first move. */
const COMPACT = /^M\d+ \d+[lhv][-\d lhvmz]*z$/;

const regions = [
  { slug: 'ile-de-france', anchor: [2.35, 48.86] as const, overseas: false, value: 400 },
  { slug: 'sud-ouest', anchor: [0.5, 44] as const, overseas: false, value: 100 },
  { slug: 'normandie', anchor: [0, 49.1] as const, overseas: false },
  { slug: 'ocean-indien', anchor: [55.53, -21.12] as const, overseas: true, value: 60 },
];

describe('symbolRadius', () => {
  it.each([1, 7, 1234, 100_000])('sizes symbols as d3’s scaleSqrt over [0, %i] does', (max) => {
    const d3 = scaleSqrt().domain([0, max]).range([0, 30]);
    const ours = symbolRadius(max, 30);
    for (const v of [0, 1, max / 3, max / 2, max]) expect(ours(v)).toBeCloseTo(d3(v), 9);
  });

  it('draws nothing for zero when every value is zero', () => {
    expect(symbolRadius(0, 30)(0)).toBe(0);
  });
});

describe('franceMapLayout', () => {
  const layout = franceMapLayout(franceGeometry(france, regions), regions);

  it('keeps only metropolitan France for the outline, not the overseas departments', () => {
    const polygons = metropolitan(france).geometry.coordinates;
    expect(polygons.length).toBeGreaterThanOrEqual(2); // the mainland and Corsica, at least
    for (const p of polygons) expect(geoCentroid({ type: 'Polygon', coordinates: p })[1]).toBeGreaterThan(41);
    expect(layout.outline).toMatch(COMPACT);
  });

  it('places mainland regions inside the box, Paris north of the south-west', () => {
    const idf = layout.symbols.find((s) => s.slug === 'ile-de-france')!;
    const so = layout.symbols.find((s) => s.slug === 'sud-ouest')!;
    for (const s of [idf, so]) {
      expect(s.cx).toBeGreaterThan(0);
      expect(s.cx).toBeLessThan(layout.width);
      expect(s.cy).toBeGreaterThan(0);
      expect(s.cy).toBeLessThan(layout.height);
    }
    expect(idf.cy).toBeLessThan(so.cy);
    expect(idf.cx).toBeGreaterThan(so.cx);
  });

  it('sizes symbols by area (radius ∝ √value) and gives unknown regions an empty marker, not a zero', () => {
    const idf = layout.symbols.find((s) => s.slug === 'ile-de-france')!;
    const so = layout.symbols.find((s) => s.slug === 'sud-ouest')!;
    const no = layout.symbols.find((s) => s.slug === 'normandie')!;
    expect(idf.r / so.r).toBeCloseTo(2);
    expect(no).toMatchObject({ known: false });
    expect(no.r).toBeGreaterThan(0);
  });

  it('puts overseas regions in inset boxes, and lists known regions first, largest first', () => {
    const oi = layout.symbols.find((s) => s.slug === 'ocean-indien')!;
    const inset = layout.insets.find((i) => i.slug === 'ocean-indien')!;
    expect(oi.cx).toBeGreaterThan(inset.x);
    expect(oi.cx).toBeLessThan(inset.x + inset.width);
    expect(layout.symbols.map((s) => s.slug)).toEqual([
      'ile-de-france',
      'sud-ouest',
      'ocean-indien',
      'normandie',
    ]);
  });
});

describe('partnerMapLayout', () => {
  const layout = partnerMapLayout(partnerGeometry(countries), [
    { id: '466', iso2: 'ML', current: true },
    { id: '788', iso2: 'TN', current: false },
  ]);

  it('draws the countries of North and West Africa, not the whole world', () => {
    expect(layout.shapes.length).toBeGreaterThan(15);
    expect(layout.shapes.length).toBeLessThan(60);
    expect(layout.shapes.some((s) => s.id === '076')).toBe(false); // Brazil
    for (const s of layout.shapes) expect(s.d).toMatch(COMPACT);
  });

  it('marks the year’s partners and the partners of other years, with label points inside the box', () => {
    const ml = layout.shapes.find((s) => s.iso2 === 'ML')!;
    const tn = layout.shapes.find((s) => s.iso2 === 'TN')!;
    expect(ml.kind).toBe('current');
    expect(tn.kind).toBe('other-year');
    for (const s of [ml, tn]) {
      expect(s.xPct).toBeGreaterThan(0);
      expect(s.xPct).toBeLessThan(100);
      expect(s.yPct).toBeGreaterThan(0);
      expect(s.yPct).toBeLessThan(100);
    }
    expect(tn.yPct!).toBeLessThan(ml.yPct!);
    expect(layout).toMatchObject(PARTNER_BOX);
  });

  it('draws Western Sahara over the shape world-atlas gives Morocco', () => {
    expect(layout.shapes.at(-1)).toMatchObject({ id: '732', kind: 'disputed' });
  });
});
