/**
 * Reference data shipped in `data/`: the metric catalogue, La Cimade's regions and the
 * partner countries. Static, versioned with the code, validated on import so that a bad
 * edit of a JSON file fails loudly at build and test time.
 */
import { z } from 'zod';
import metricsJson from '../../../data/metrics.json' with { type: 'json' };
import regionsJson from '../../../data/regions.json' with { type: 'json' };
import countriesJson from '../../../data/countries.json' with { type: 'json' };

const Text = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

export const THEMES = ['people', 'volunteers', 'regions', 'international', 'detention', 'housing', 'awareness', 'finances'] as const;
export type Theme = (typeof THEMES)[number];

/** How a metric's values are read: a count of things, an amount in euros, a percentage. */
export const METRIC_KINDS = ['count', 'amount', 'percent'] as const;

export const MetricDefinition = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    kind: z.enum(METRIC_KINDS),
    theme: z.enum(THEMES),
    /** Shown on the home page as a headline figure. */
    headline: z.boolean().default(false),
    /** What is counted, e.g. « personnes », "people". */
    unit: Text,
    label: Text,
    description: Text,
    /** Where the metric can appear: national figures, or broken down by region, centre, local group. */
    scopes: z.array(z.enum(['national', 'region', 'centre', 'local_group'])).min(1),
    /** Counts of people: a value under 10 could identify someone (an admin warning). */
    countsPeople: z.boolean().default(false),
  })
  .strict();
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const Region = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    name: Text,
    /** Administrative areas the region covers, as a reader would name them. */
    covers: Text,
    /** A point to place the region on a map of France: [longitude, latitude]. */
    anchor: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    overseas: z.boolean().default(false),
    /** INSEE codes of the departments the region covers, for the map; empty when unknown. */
    departments: z.array(z.string().regex(/^(\d{2,3}|2A|2B)$/)).default([]),
  })
  .strict();
export type Region = z.infer<typeof Region>;

export const Centre = z.object({ slug: z.string().regex(/^[a-z0-9-]+$/), name: Text, region: z.string() }).strict();
export type Centre = z.infer<typeof Centre>;

export const Country = z
  .object({
    iso2: z.string().regex(/^[A-Z]{2}$/),
    /** ISO 3166-1 numeric code, the id world-atlas uses for the country's shape. */
    isoNumeric: z.string().regex(/^\d{3}$/),
    name: Text,
    /** Partner associations in that country, as named in the sources. */
    partners: z.array(z.string()).default([]),
  })
  .strict();
export type Country = z.infer<typeof Country>;

export const MetricCatalogue = z.array(MetricDefinition).superRefine((metrics, ctx) => {
  const seen = new Set<string>();
  metrics.forEach((m, i) => {
    if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate metric id ${m.id}` });
    seen.add(m.id);
  });
});

const RegionsFile = z.object({ regions: z.array(Region), centres: z.array(Centre), localGroups: z.array(Centre) }).strict();

export const metrics: readonly MetricDefinition[] = MetricCatalogue.parse(metricsJson);
const regionsFile = RegionsFile.parse(regionsJson);
export const regions: readonly Region[] = regionsFile.regions;
export const centres: readonly Centre[] = regionsFile.centres;
export const localGroups: readonly Centre[] = regionsFile.localGroups;
export const countries: readonly Country[] = z.array(Country).parse(countriesJson);

export const metricById = new Map(metrics.map((m) => [m.id, m]));
export const regionBySlug = new Map(regions.map((r) => [r.slug, r]));
export const centreBySlug = new Map(centres.map((c) => [c.slug, c]));
export const localGroupBySlug = new Map(localGroups.map((c) => [c.slug, c]));
export const countryByIso = new Map(countries.map((c) => [c.iso2, c]));
