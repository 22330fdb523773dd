/**
 * Reference data: the catalogue (metrics, La Cimade's regions, centres and local groups, the
 * partner countries), seeded from `data/` and then published by staff from the table, and the
 * breaks in series (static, in `data/`). The files are validated by the tests against
 * `reference-schema.ts` (a bad edit of a JSON file fails `npm test`), so read here as it is:
 * no validation library in the functions' bundles, no parsing at cold start.
 */
import metricsJson from '../../../data/metrics.json' with { type: 'json' };
import regionsJson from '../../../data/regions.json' with { type: 'json' };
import countriesJson from '../../../data/countries.json' with { type: 'json' };
import breaksJson from '../../../data/breaks.json' with { type: 'json' };
import type {
  BreaksFile,
  Catalogue,
  Centre,
  Country,
  MetricDefinition,
  Region,
  RegionsFile,
  SameMeasure,
  SeriesBreak,
} from './reference-schema';

export type {
  Catalogue,
  Centre,
  Country,
  MetricDefinition,
  Partner,
  Region,
  SameMeasure,
  SeriesBreak,
} from './reference-schema';

export { METRIC_KINDS, THEMES, type Theme } from './reference-kinds';

/**
 * The catalogue as `data/` ships it: what a fresh table is seeded with, and what readers fall
 * back on when the store has never answered.
 */
export const seedCatalogue: Catalogue = {
  metrics: metricsJson as MetricDefinition[],
  regions: (regionsJson as RegionsFile).regions,
  centres: (regionsJson as RegionsFile).centres,
  localGroups: (regionsJson as RegionsFile).localGroups,
  countries: countriesJson as Country[],
};

/*
 * The exports below are live views of the catalogue in force: `data/` until a reader applies
 * the published catalogue from the table (`applyCatalogue`, called by `catalogue-reader.ts`),
 * then that one. They are replaced in place, so every module that imported them sees the
 * published catalogue without a restart.
 */
export const metrics: readonly MetricDefinition[] = [];
export const regions: readonly Region[] = [];
export const centres: readonly Centre[] = [];
export const localGroups: readonly Centre[] = [];
export const countries: readonly Country[] = [];
const breaksFile = breaksJson as BreaksFile;
/** Breaks in series (data/breaks.json), by year within each metric. */
export const seriesBreaks: readonly SeriesBreak[] = breaksFile.breaks;
export const sameMeasures: readonly SameMeasure[] = breaksFile.sameMeasure;

export const metricById = new Map<string, MetricDefinition>();
export const regionBySlug = new Map<string, Region>();
export const centreBySlug = new Map<string, Centre>();
export const localGroupBySlug = new Map<string, Centre>();
export const countryByIso = new Map<string, Country>();

const refill = <T>(list: readonly T[], items: readonly T[]) => (list as T[]).splice(0, list.length, ...items);
function reindex<T>(map: Map<string, T>, items: readonly T[], key: (item: T) => string) {
  map.clear();
  for (const item of items) map.set(key(item), item);
}

let applied: Catalogue | undefined;

/** Puts a (validated) catalogue in force in this process; a no-op when it already is. */
export function applyCatalogue(catalogue: Catalogue): void {
  if (applied === catalogue) return;
  applied = catalogue;
  refill(metrics, catalogue.metrics);
  refill(regions, catalogue.regions);
  refill(centres, catalogue.centres);
  refill(localGroups, catalogue.localGroups);
  refill(countries, catalogue.countries);
  reindex(metricById, catalogue.metrics, (m) => m.id);
  reindex(regionBySlug, catalogue.regions, (r) => r.slug);
  reindex(centreBySlug, catalogue.centres, (c) => c.slug);
  reindex(localGroupBySlug, catalogue.localGroups, (c) => c.slug);
  reindex(countryByIso, catalogue.countries, (c) => c.iso2);
}

/** The catalogue in force in this process. */
export const catalogueInForce = (): Catalogue => applied ?? seedCatalogue;

applyCatalogue(seedCatalogue);
