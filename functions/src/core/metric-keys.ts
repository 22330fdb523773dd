/**
 * Names and limits of a year's figures that need no validation library: qualifiers, the
 * accepted years, metric keys (`volunteers`, `region.ile-de-france.volunteers`). Pages import
 * these; `schema.ts` builds the zod schema of a year's figures on them.
 */
import { say, type ProblemCode } from './problems';
import { centreBySlug, localGroupBySlug, metricById, regionBySlug } from './reference';

export const QUALIFIERS = ['exact', 'approx', 'about', 'more_than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const FIRST_YEAR = 1939; // La Cimade was founded in 1939.
export const lastAllowedYear = (now: Date = new Date()): number => now.getUTCFullYear() + 1;

/** Largest count accepted: well above any real figure, small enough to catch a typo. */
export const MAX_COUNT = 10_000_000;
export const MAX_AMOUNT = 1_000_000_000;

export const SCOPES = ['region', 'centre', 'local_group'] as const;
export type Scope = (typeof SCOPES)[number];

/** `volunteers`, or a breakdown such as `region.ile-de-france.volunteers`. */
export interface MetricKey {
  metric: string;
  scope?: { kind: Scope; slug: string };
}

const KEY_PATTERN = /^(?:(region|centre|local_group)\.([a-z0-9-]+)\.)?([a-z][a-z0-9_]*)$/;

export function parseMetricKey(key: string): MetricKey | undefined {
  const m = KEY_PATTERN.exec(key);
  if (!m) return undefined;
  const [, kind, slug, metric] = m;
  return kind && slug ? { metric: metric!, scope: { kind: kind as Scope, slug } } : { metric: metric! };
}

export function formatMetricKey(key: MetricKey): string {
  return key.scope ? `${key.scope.kind}.${key.scope.slug}.${key.metric}` : key.metric;
}

const scopeTables = { region: regionBySlug, centre: centreBySlug, local_group: localGroupBySlug } as const;

/** Why a metric key is not one the catalogue knows, as a problem code, or undefined when it is. */
export function metricKeyIssue(
  key: string,
): { code: ProblemCode; params: Record<string, string> } | undefined {
  if (key === '') return { code: 'METRIC_REQUIRED', params: {} };
  const parsed = parseMetricKey(key);
  if (!parsed) return { code: 'NOT_A_METRIC', params: { raw: key } };
  const def = metricById.get(parsed.metric);
  if (!def) return { code: 'UNKNOWN_METRIC', params: { metric: parsed.metric } };
  if (!parsed.scope)
    return def.scopes.includes('national')
      ? undefined
      : { code: 'NO_NATIONAL', params: { metric: parsed.metric } };
  const { kind, slug } = parsed.scope;
  if (!scopeTables[kind].has(slug)) return { code: 'UNKNOWN_PLACE', params: { kind, slug } };
  if (!def.scopes.includes(kind)) return { code: 'NOT_BROKEN_DOWN', params: { metric: parsed.metric, kind } };
  return undefined;
}

/** The same, in English (API error messages). */
export function metricKeyProblem(key: string): string | undefined {
  const found = metricKeyIssue(key);
  return found && say(found.code, found.params as never).message;
}
