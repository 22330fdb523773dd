/**
 * The zod schemas of the reference data in `data/` (metrics, regions, countries). The files
 * are kept in the exact form these schemas give them (defaults written out), and
 * `reference.spec.ts` fails on any file that parsing would change or reject: the code that
 * reads them at run time (`reference.ts`) then needs no validation library.
 */
import * as z from 'zod/mini';
import { METRIC_KINDS, THEMES } from './reference-kinds';

const Text = z.strictObject({ fr: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

export const MetricDefinition = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)),
  kind: z.enum(METRIC_KINDS),
  theme: z.enum(THEMES),
  /** Shown on the home page as a headline figure. */
  headline: z._default(z.boolean(), false),
  /** What is counted, e.g. « personnes », "people". */
  unit: Text,
  label: Text,
  description: Text,
  /** Where the metric can appear: national figures, or broken down by region, centre, local group. */
  scopes: z.array(z.enum(['national', 'region', 'centre', 'local_group'])).check(z.minLength(1)),
  /** Counts of people: a value under 10 could identify someone (an admin warning). */
  countsPeople: z._default(z.boolean(), false),
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const Region = z.strictObject({
  slug: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  name: Text,
  /** Administrative areas the region covers, as a reader would name them. */
  covers: Text,
  /** A point to place the region on a map of France: [longitude, latitude]. */
  anchor: z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]),
  overseas: z._default(z.boolean(), false),
  /** INSEE codes of the departments the region covers, for the map; empty when unknown. */
  departments: z._default(z.array(z.string().check(z.regex(/^(\d{2,3}|2A|2B)$/))), []),
});
export type Region = z.infer<typeof Region>;

export const Centre = z.strictObject({
  slug: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  name: Text,
  region: z.string(),
});
export type Centre = z.infer<typeof Centre>;

/** Where a partner association (and its country) is named: the page and the phrase. */
const PartnerSource = z.strictObject({
  title: z.string().check(z.minLength(1)),
  url: z.string().check(z.regex(/^https?:\/\//)),
  /** The phrase that names the association and its country. */
  quote: z.string().check(z.minLength(1)),
});

export const Partner = z.strictObject({
  /** As the source abbreviates it: « AMDH ». */
  name: z.string().check(z.minLength(1)),
  /** As the source writes it out: « Association mauritanienne des droits de l'homme ». */
  fullName: z.string().check(z.minLength(1)),
  /** The year the source describes (the association is known to be a partner that year). */
  year: z.int(),
  source: PartnerSource,
});
export type Partner = z.infer<typeof Partner>;

export const Country = z.strictObject({
  iso2: z.string().check(z.regex(/^[A-Z]{2}$/)),
  /** ISO 3166-1 numeric code, the id world-atlas uses for the country's shape. */
  isoNumeric: z.string().check(z.regex(/^\d{3}$/)),
  name: Text,
  /** Partner associations in that country, each as a source names it, with that source. */
  partners: z._default(z.array(Partner), []),
});
export type Country = z.infer<typeof Country>;

export const MetricCatalogue = z.array(MetricDefinition).check(
  z.superRefine((metrics, ctx) => {
    const seen = new Set<string>();
    metrics.forEach((m, i) => {
      if (seen.has(m.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate metric id ${m.id}` });
      seen.add(m.id);
    });
  }),
);

export const RegionsFile = z.strictObject({
  regions: z.array(Region),
  centres: z.array(Centre),
  localGroups: z.array(Centre),
});
export type RegionsFile = z.infer<typeof RegionsFile>;

/**
 * A break in a series, as statistical offices flag them (Eurostat's « b »): from `year` on,
 * the metric counts something else (its definition or scope changed), so no figure before
 * `year` is compared with one from `year` on.
 */
export const SeriesBreak = z.strictObject({
  /** A metric key as figures.csv writes it: `detention_centres`, `region.sud-ouest.volunteers`. */
  metric: z.string().check(z.minLength(1)),
  /** The first year of the new definition. */
  year: z.int(),
  /** Why, for the public, in a sentence. */
  reason: Text,
});
export type SeriesBreak = z.infer<typeof SeriesBreak>;

/** Unit wordings of one metric that the sources use for the same count (compared as one). */
export const SameMeasure = z.strictObject({
  metric: z.string().check(z.minLength(1)),
  units: z.array(z.string()).check(z.minLength(2)),
});
export type SameMeasure = z.infer<typeof SameMeasure>;

export const BreaksFile = z.strictObject({ breaks: z.array(SeriesBreak), sameMeasure: z.array(SameMeasure) });
export type BreaksFile = z.infer<typeof BreaksFile>;

/**
 * What staff edit and publish as one (issue #16): the indicators, regions, centres, local groups
 * and partner countries with their associations. Cross-checks (duplicates, a centre's region, a
 * country's codes) are in `catalogue.ts`.
 */
export const Catalogue = z.strictObject({
  metrics: MetricCatalogue,
  regions: z.array(Region),
  centres: z.array(Centre),
  localGroups: z.array(Centre),
  countries: z.array(Country),
});
export type Catalogue = z.infer<typeof Catalogue>;
