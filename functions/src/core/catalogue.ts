/**
 * The catalogue staff edit (issue #16): its validation, all problems at once, against the zod
 * schema of `reference-schema.ts` and the checks across lists — no id, slug or ISO code twice,
 * every centre and local group in a region of the catalogue, every partner country an ISO 3166-1
 * country with a shape on the map, nothing removed that a year's figures still use. Plain
 * TypeScript: no AWS, no HTTP, no Svelte. (Duplicate metric ids: `MetricCatalogue` says them.)
 */
import { DomainError } from './errors';
import { parseMetricKey } from './metric-keys';
import { issue, toProblems, type Problem } from './problems';
import { Catalogue } from './reference-schema';
import type { YearFigures } from './schema';

export type { Catalogue } from './reference-schema';

/** A country staff may choose: its ISO codes and names, and whether the partner map can draw it. */
export interface CountryChoice {
  iso2: string;
  isoNumeric: string;
  name: { fr: string; en: string };
}

export interface CatalogueChecks {
  /** Countries that may be partners, by ISO alpha-2: those with a shape (`country-choices.ts`). */
  choices: ReadonlyMap<string, CountryChoice>;
  /** The years whose figures the catalogue must keep describing (published ones and drafts). */
  years?: readonly Pick<YearFigures, 'year' | 'figures'>[];
}

/** What the years' figures use, each with the first year that uses it. */
function usage(years: readonly Pick<YearFigures, 'year' | 'figures'>[]) {
  const used = {
    metrics: new Map<string, number>(),
    region: new Map<string, number>(),
    centre: new Map<string, number>(),
    local_group: new Map<string, number>(),
    countries: new Map<string, number>(),
  };
  const mark = (map: Map<string, number>, key: string, year: number) => {
    if (!map.has(key) || map.get(key)! > year) map.set(key, year);
  };
  for (const y of years)
    for (const f of y.figures) {
      const key = parseMetricKey(f.metric);
      if (key) mark(used.metrics, key.metric, y.year);
      if (key?.scope) mark(used[key.scope.kind], key.scope.slug, y.year);
      for (const iso of f.countries ?? []) mark(used.countries, iso, y.year);
    }
  return used;
}

type Issue = ReturnType<typeof issue>;

function duplicates<T>(list: readonly T[], key: (item: T) => string, field: string, name: string): Issue[] {
  const seen = new Set<string>();
  return list.flatMap((item, i) => {
    const k = key(item);
    if (seen.has(k)) return [issue('DUPLICATE_KEY', { key: k }, [name, i, field])];
    seen.add(k);
    return [];
  });
}

function crossChecks(c: Catalogue, checks: CatalogueChecks): Issue[] {
  const found: Issue[] = [
    ...duplicates(c.regions, (r) => r.slug, 'slug', 'regions'),
    ...duplicates(c.centres, (r) => r.slug, 'slug', 'centres'),
    ...duplicates(c.localGroups, (r) => r.slug, 'slug', 'localGroups'),
    ...duplicates(c.countries, (r) => r.iso2, 'iso2', 'countries'),
  ];
  const regions = new Set(c.regions.map((r) => r.slug));
  for (const list of ['centres', 'localGroups'] as const)
    c[list].forEach((place, i) => {
      if (!regions.has(place.region))
        found.push(issue('UNKNOWN_REGION', { slug: place.region }, [list, i, 'region']));
    });
  c.countries.forEach((country, i) => {
    const choice = checks.choices.get(country.iso2);
    if (!choice) found.push(issue('NOT_A_MAPPED_COUNTRY', { iso: country.iso2 }, ['countries', i, 'iso2']));
    else if (choice.isoNumeric !== country.isoNumeric)
      found.push(
        issue('WRONG_NUMERIC_CODE', { iso: country.iso2, expected: choice.isoNumeric }, [
          'countries',
          i,
          'isoNumeric',
        ]),
      );
  });
  const used = usage(checks.years ?? []);
  const kept = {
    metrics: new Set(c.metrics.map((m) => m.id)),
    region: regions,
    centre: new Set(c.centres.map((p) => p.slug)),
    local_group: new Set(c.localGroups.map((p) => p.slug)),
    countries: new Set(c.countries.map((p) => p.iso2)),
  };
  const listOf = {
    metrics: 'metrics',
    region: 'regions',
    centre: 'centres',
    local_group: 'localGroups',
    countries: 'countries',
  };
  for (const kind of Object.keys(kept) as (keyof typeof kept)[])
    for (const [key, year] of used[kind])
      if (!kept[kind].has(key)) found.push(issue('STILL_USED', { key, year }, [listOf[kind]]));
  return found;
}

/** The catalogue `input` as staff sent it, checked: every problem at once, or a `VALIDATION_FAILED`. */
export function validateCatalogue(input: unknown, checks: CatalogueChecks): Catalogue {
  const parsed = Catalogue.safeParse(input);
  if (!parsed.success)
    throw new DomainError('VALIDATION_FAILED', 'the catalogue has problems', {
      problems: toProblems(parsed.error),
    });
  const problems: Problem[] = toProblems({ issues: crossChecks(parsed.data, checks) });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', 'the catalogue has problems', { problems });
  return parsed.data;
}
