/**
 * The one declaration of a year's figures. The admin API, the CSV import, the seed loader
 * and the admin form all validate with `YearFigures`; every TypeScript type is inferred
 * from it.
 */
import { z } from 'zod';
import { centreBySlug, countryByIso, localGroupBySlug, metricById, regionBySlug } from './reference';

export const QUALIFIERS = ['exact', 'approx', 'about', 'more_than'] as const;
export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

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

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const Source = z
  .object({
    title: text(300).min(1, 'a source needs a title'),
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((u) => {
        try {
          const parsed = new URL(u);
          return parsed.protocol === 'https:' || parsed.protocol === 'http:';
        } catch {
          return false;
        }
      }, 'must be an http(s) URL'),
    /** The phrase the figure was read from. */
    quote: text(1000).optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const Figure = z
  .object({
    metric: z.string().max(120),
    value: z.number().finite(),
    /** Upper bound when the source gives a range ("30 à 40"). */
    upper: z.number().finite().optional(),
    qualifier: Qualifier,
    /** What is counted, in the source's own words where it matters. */
    unit: text(200).optional(),
    confidence: z.enum(['high', 'medium']).optional(),
    /** ISO 3166-1 alpha-2 codes, for list-like figures such as partner countries. */
    countries: z.array(z.string()).max(250).optional(),
    source: Source,
    note: text(1000).optional(),
  })
  .strict();
export type Figure = z.infer<typeof Figure>;

function checkFigure(f: Figure, path: (string | number)[], ctx: z.RefinementCtx): void {
  const problem = metricKeyProblem(f.metric);
  if (problem) {
    ctx.addIssue({ code: 'custom', path: [...path, 'metric'], message: problem });
    return;
  }
  const def = metricById.get(parseMetricKey(f.metric)!.metric)!;
  const bound = def.kind === 'count' ? MAX_COUNT : def.kind === 'percent' ? 100 : MAX_AMOUNT;
  for (const field of ['value', 'upper'] as const) {
    const v = f[field];
    if (v === undefined) continue;
    if (def.kind === 'count' && !Number.isInteger(v))
      ctx.addIssue({ code: 'custom', path: [...path, field], message: `a count must be a whole number (got ${v})` });
    if (def.kind !== 'amount' && v < 0)
      ctx.addIssue({ code: 'custom', path: [...path, field], message: `must not be negative (got ${v})` });
    if (Math.abs(v) > bound)
      ctx.addIssue({ code: 'custom', path: [...path, field], message: `must be at most ${bound.toLocaleString('en')} (got ${v})` });
  }
  if (f.upper !== undefined && f.upper <= f.value)
    ctx.addIssue({ code: 'custom', path: [...path, 'upper'], message: 'the upper bound of a range must exceed its value' });
  f.countries?.forEach((iso, j) => {
    if (!countryByIso.has(iso))
      ctx.addIssue({ code: 'custom', path: [...path, 'countries', j], message: `unknown partner country "${iso}"` });
  });
}

export const YearFigures = z
  .object({
    year: z.number().int(),
    figures: z.array(Figure).max(500),
    notes: text(5000).optional(),
  })
  .strict()
  .superRefine((y, ctx) => {
    const last = lastAllowedYear();
    if (y.year < FIRST_YEAR || y.year > last)
      ctx.addIssue({ code: 'custom', path: ['year'], message: `year must be between ${FIRST_YEAR} and ${last} (got ${y.year})` });
    const seen = new Map<string, number>();
    y.figures.forEach((f, i) => {
      checkFigure(f, ['figures', i], ctx);
      const first = seen.get(f.metric);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'metric'], message: `"${f.metric}" appears twice (also figures.${first})` });
      else seen.set(f.metric, i);
    });
  });
export type YearFigures = z.infer<typeof YearFigures>;

/** A year as it is published: the figures plus who published which version, when. */
export interface PublishedYear extends YearFigures {
  version: number;
  publishedAt: string;
  publishedBy: string;
}

export interface Problem {
  path: string;
  message: string;
}

/** Flattens zod issues into `figures.3.value: must not be negative`-style problems. */
export function toProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}
