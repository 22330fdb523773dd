/**
 * The reference data in `data/` (metric catalogue, regions, centres, local groups, partner
 * countries) parses with the schemas in reference-schema.ts, is already in the form parsing
 * gives it (the code reads it without parsing), and holds together: ids unique, every
 * cross-reference resolves, map data is usable.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BreaksFile, Country, MetricCatalogue, RegionsFile } from './reference-schema';
import { metricKeyProblem } from './metric-keys';
import {
  THEMES,
  centres,
  countries,
  localGroups,
  metrics,
  regionBySlug,
  regions,
  sameMeasures,
  seriesBreaks,
} from './reference';

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8'));

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
    for (const c of [...centres, ...localGroups])
      expect(regionBySlug.has(c.region), `${c.slug} → ${c.region}`).toBe(true);
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

  it('matches a country shape in world-atlas for every numeric code (the 50m file the map is drawn from)', () => {
    const atlas = JSON.parse(
      readFileSync(new URL('../../../node_modules/world-atlas/countries-50m.json', import.meta.url), 'utf8'),
    ) as {
      objects: { countries: { geometries: { id?: string }[] } };
    };
    const ids = new Set(atlas.objects.countries.geometries.map((g) => g.id));
    for (const c of countries) expect(ids.has(c.isoNumeric), `${c.iso2} ${c.isoNumeric}`).toBe(true);
  });

  it('names each partner association in one country only', () => {
    expect(countries.some((c) => c.partners.length > 0)).toBe(true);
    expect(duplicates(countries.flatMap((c) => c.partners.map((p) => p.name)))).toEqual([]);
  });

  it('takes each partner association’s country from its source: the quote names the association and that country', () => {
    for (const c of countries)
      for (const p of c.partners) {
        const quote = p.source.quote.normalize('NFC');
        expect(quote, `${p.name} in ${c.iso2}`).toContain(p.name);
        expect(quote, `${p.name} in ${c.iso2}`).toContain(c.name.fr);
        expect(quote, `${p.name} in ${c.iso2}`).toContain(p.fullName);
        for (const other of countries.filter((o) => o !== c))
          expect(quote, `${p.name} also names ${other.name.fr}`).not.toContain(other.name.fr);
      }
  });

  it('dates each partner association by a year whose partner figures come from the same source', () => {
    const rows = csvParse(readFileSync(new URL('../../../data/figures.csv', import.meta.url), 'utf8'));
    for (const c of countries)
      for (const p of c.partners) {
        const row = rows.find((r) => r.metric === 'partner_associations' && Number(r.year) === p.year);
        expect(row?.source_url, `${p.name} ${p.year}`).toBe(p.source.url);
        expect(row?.quote ?? '', `${p.name} ${p.year}`).toContain(p.name);
        const listed =
          rows
            .find((r) => r.metric === 'partner_countries' && Number(r.year) === p.year)
            ?.countries?.split(' ') ?? [];
        expect(listed, `${p.name} ${p.year}`).toContain(c.iso2);
      }
  });
});

describe('breaks in series (data/breaks.json)', () => {
  const figures = csvParse(readFileSync(new URL('../../../data/figures.csv', import.meta.url), 'utf8'));

  it('parses strictly', () => {
    const result = BreaksFile.safeParse(readJson('breaks.json'));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toStrictEqual(readJson('breaks.json'));
    expect({ breaks: seriesBreaks, sameMeasure: sameMeasures }).toStrictEqual(result.data);
  });

  it('breaks a known metric key once a year, between figures that figures.csv has', () => {
    expect(seriesBreaks.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const b of seriesBreaks) {
      const problem = metricKeyProblem(b.metric);
      if (problem) problems.push(`${b.metric}: ${problem}`);
      const years = figures.filter((r) => r.metric === b.metric).map((r) => Number(r.year));
      if (!years.some((y) => y >= b.year))
        problems.push(`${b.metric} ${b.year}: no figure from that year on`);
      if (!years.some((y) => y < b.year))
        problems.push(`${b.metric} ${b.year}: nothing before it to break from`);
      for (const text of [b.reason.fr, b.reason.en])
        if (text.trim() !== text || !/[.!]$/.test(text))
          problems.push(`${b.metric} ${b.year}: "${text}" is not one trimmed sentence`);
    }
    expect(duplicates(seriesBreaks.map((b) => `${b.metric} ${b.year}`))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('groups as one measure only unit wordings figures.csv uses for that metric', () => {
    for (const g of sameMeasures) {
      const used = new Set(figures.filter((r) => r.metric === g.metric).map((r) => r.unit));
      for (const unit of g.units) expect(used.has(unit), `${g.metric}: "${unit}"`).toBe(true);
    }
    expect(duplicates(sameMeasures.map((g) => g.metric))).toEqual([]);
  });
});
