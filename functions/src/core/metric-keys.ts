/**
 * Names and limits of a year's figures that need no validation library: qualifiers, the
 * accepted years, metric keys (`volunteers`, `region.ile-de-france.volunteers`). Pages import
 * these; `schema.ts` builds the zod schema of a year's figures on them.
 */
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

/** Why a metric key is not one the catalogue knows, or undefined when it is. */
export function metricKeyProblem(key: string): string | undefined {
  const parsed = parseMetricKey(key);
  if (!parsed) return `"${key}" is not a metric key (expected "metric" or "region.<slug>.metric")`;
  const def = metricById.get(parsed.metric);
  if (!def) return `unknown metric "${parsed.metric}"`;
  if (!parsed.scope) return def.scopes.includes('national') ? undefined : `metric "${parsed.metric}" has no national figure`;
  const { kind, slug } = parsed.scope;
  if (!scopeTables[kind].has(slug)) return `unknown ${kind.replace('_', ' ')} "${slug}"`;
  if (!def.scopes.includes(kind)) return `metric "${parsed.metric}" is not broken down by ${kind.replace('_', ' ')}`;
  return undefined;
}
