/**
 * Reference data shipped in `data/`: the metric catalogue, La Cimade's regions, the
 * partner countries and the breaks in series. Static and versioned with the code; validated by the tests against
 * `reference-schema.ts` (a bad edit of a JSON file fails `npm test`), so read here as it is:
 * no validation library in the functions' bundles, no parsing at cold start.
 */
import metricsJson from '../../../data/metrics.json' with { type: 'json' };
import regionsJson from '../../../data/regions.json' with { type: 'json' };
import countriesJson from '../../../data/countries.json' with { type: 'json' };
import breaksJson from '../../../data/breaks.json' with { type: 'json' };
import type {
  BreaksFile,
  Centre,
  Country,
  MetricDefinition,
  Region,
  RegionsFile,
  SameMeasure,
  SeriesBreak,
} from './reference-schema';

export type {
  Centre,
  Country,
  MetricDefinition,
  Partner,
  Region,
  SameMeasure,
  SeriesBreak,
} from './reference-schema';

export { METRIC_KINDS, THEMES, type Theme } from './reference-kinds';

export const metrics = metricsJson as readonly MetricDefinition[];
const regionsFile = regionsJson as RegionsFile;
export const regions: readonly Region[] = regionsFile.regions;
export const centres: readonly Centre[] = regionsFile.centres;
export const localGroups: readonly Centre[] = regionsFile.localGroups;
export const countries = countriesJson as readonly Country[];
const breaksFile = breaksJson as BreaksFile;
/** Breaks in series (data/breaks.json), by year within each metric. */
export const seriesBreaks: readonly SeriesBreak[] = breaksFile.breaks;
export const sameMeasures: readonly SameMeasure[] = breaksFile.sameMeasure;

export const metricById = new Map(metrics.map((m) => [m.id, m]));
export const regionBySlug = new Map(regions.map((r) => [r.slug, r]));
export const centreBySlug = new Map(centres.map((c) => [c.slug, c]));
export const localGroupBySlug = new Map(localGroups.map((c) => [c.slug, c]));
export const countryByIso = new Map(countries.map((c) => [c.iso2, c]));
