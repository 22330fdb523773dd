/**
 * The reference data in `data/` (metric catalogue, regions, centres, local groups, partner
 * countries) parses with the schemas in reference-schema.ts, is already in the form parsing
 * gives it (the code reads it without parsing), and holds together: ids unique, every
 * cross-reference resolves, map data is usable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Country, MetricCatalogue, RegionsFile } from './reference-schema';
import {
  THEMES,
  centres,
  countries,
  localGroups,
  metrics,
  regionBySlug,
  regions,
} from './reference';

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8'));

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('metric catalogue (data/metrics.json)', () => {
  it('parses strictly with MetricCatalogue', () => {
    const result = MetricCatalogue.safeParse(readJson('metrics.json'));
    expect(result.error?.issues ?? []).toEqual([]);
    // Defaults written out: what the code reads as it is equals what the schema would give.
    expect(result.data).toStrictEqual(readJson('metrics.json'));
    expect(metrics).toStrictEqual(result.data);
    expect(result.data).toHaveLength(metrics.length);
  });

  it('has unique ids', () => {
    expect(metrics.length).toBeGreaterThan(0);
    expect(duplicates(metrics.map((m) => m.id))).toEqual([]);
  });

  it('has a handful of headline metrics, all national', () => {
    const headline = metrics.filter((m) => m.headline);
    expect(headline.length).toBeGreaterThanOrEqual(6);
    expect(headline.length).toBeLessThanOrEqual(9);
    for (const m of headline) expect(m.scopes, m.id).toContain('national');
  });

  it('names amounts, percentages and full-time equivalents by their suffix', () => {
    for (const m of metrics) {
      if (m.id.endsWith('_eur')) expect(m.kind, m.id).toBe('amount');
      else if (m.id.endsWith('_pct')) expect(m.kind, m.id).toBe('percent');
      else if (m.id.endsWith('_fte')) expect(m.kind, m.id).toBe('quantity');
      else expect(m.kind, m.id).toBe('count');
    }
  });

  it('uses each theme the site has an explorer for', () => {
    const used = new Set(metrics.map((m) => m.theme));
    for (const theme of THEMES) expect(used, theme).toContain(theme);
  });

  it('lists each scope once and writes every text in both languages', () => {
    for (const m of metrics) {
      expect(duplicates(m.scopes), m.id).toEqual([]);
      for (const text of [m.label, m.unit, m.description]) {
        expect(text.fr.trim(), m.id).toBe(text.fr);
        expect(text.en.trim(), m.id).toBe(text.en);
      }
      expect(m.label.fr, m.id).not.toBe(m.id);
    }
  });

  it('flags only counts as counting people', () => {
    for (const m of metrics.filter((m) => m.countsPeople)) expect(m.kind, m.id).toBe('count');
  });
});

describe('regions, centres and local groups (data/regions.json)', () => {
  it('parses strictly', () => {
    const result = RegionsFile.safeParse(readJson('regions.json'));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toStrictEqual(readJson('regions.json'));
    expect({ regions, centres, localGroups }).toStrictEqual(result.data);
  });

  it('has unique slugs', () => {
    expect(regions.length).toBeGreaterThan(0);
    expect(duplicates(regions.map((r) => r.slug))).toEqual([]);
    expect(duplicates([...centres, ...localGroups].map((c) => c.slug))).toEqual([]);
  });

  it('attaches every centre and local group to a known region', () => {
    expect(centres.length + localGroups.length).toBeGreaterThan(0);
    for (const c of [...centres, ...localGroups]) expect(regionBySlug.has(c.region), `${c.slug} → ${c.region}`).toBe(true);
  });

  it('does not give one department to two regions', () => {
    const all = regions.flatMap((r) => r.departments);
    expect(duplicates(all)).toEqual([]);
  });

  it('gives overseas regions overseas department codes only, and mainland ones none', () => {
    for (const r of regions) {
      for (const d of r.departments) expect(d.startsWith('97'), `${r.slug} ${d}`).toBe(r.overseas);
    }
  });

  it('anchors mainland regions inside mainland France', () => {
    for (const r of regions.filter((r) => !r.overseas)) {
      const [lon, lat] = r.anchor;
      expect(lon, r.slug).toBeGreaterThan(-5.2);
      expect(lon, r.slug).toBeLessThan(8.3);
      expect(lat, r.slug).toBeGreaterThan(42.3);
      expect(lat, r.slug).toBeLessThan(51.1);
    }
  });

  it('says where a region with no known departments is', () => {
    for (const r of regions.filter((r) => r.departments.length === 0)) {
      expect(r.covers.fr.length, r.slug).toBeGreaterThan(20);
      expect(r.covers.en.length, r.slug).toBeGreaterThan(20);
    }
  });
});

describe('partner countries (data/countries.json)', () => {
  it('parses strictly', () => {
    const result = z.array(Country).safeParse(readJson('countries.json'));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toStrictEqual(readJson('countries.json'));
    expect(countries).toStrictEqual(result.data);
  });

  it('has unique ISO codes', () => {
    expect(countries.length).toBeGreaterThan(0);
    expect(duplicates(countries.map((c) => c.iso2))).toEqual([]);
    expect(duplicates(countries.map((c) => c.isoNumeric))).toEqual([]);
  });

  it('matches a country shape in world-atlas for every numeric code', () => {
    const atlas = JSON.parse(readFileSync(new URL('../../../node_modules/world-atlas/countries-110m.json', import.meta.url), 'utf8')) as {
      objects: { countries: { geometries: { id?: string }[] } };
    };
    const ids = new Set(atlas.objects.countries.geometries.map((g) => g.id));
    for (const c of countries) expect(ids.has(c.isoNumeric), `${c.iso2} ${c.isoNumeric}`).toBe(true);
  });

  it('names each partner association in one country only', () => {
    expect(duplicates(countries.flatMap((c) => c.partners))).toEqual([]);
  });
});
