/**
 * The one declaration of a year's figures. The admin API, the CSV import, the seed loader
 * and the admin form all validate with `YearFigures`; every TypeScript type is inferred
 * from it.
 */
import * as z from 'zod/mini';
import { countryByIso, metricById } from './reference';
import { FIRST_YEAR, lastAllowedYear, MAX_AMOUNT, MAX_COUNT, metricKeyProblem, parseMetricKey, QUALIFIERS } from './metric-keys';

export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

const text = (max: number, min = 0, tooShort = 'must not be empty') =>
  z.string().check(z.trim(), z.maxLength(max, `at most ${max} characters`), ...(min ? [z.minLength(min, tooShort)] : []));

const isHttpUrl = (u: string): boolean => {
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
};

export const Source = z.strictObject({
  title: text(300, 1, 'a source needs a title'),
  url: z.string().check(z.trim(), z.maxLength(2000), z.refine(isHttpUrl, 'must be an http(s) URL')),
  /** The phrase the figure was read from. */
  quote: z.optional(text(1000)),
});
export type Source = z.infer<typeof Source>;

export const Figure = z.strictObject({
  metric: z.string().check(z.maxLength(120)),
  value: z.number(),
  /** Upper bound when the source gives a range ("30 à 40"). */
  upper: z.optional(z.number()),
  qualifier: Qualifier,
  /** What is counted, in the source's own words where it matters. */
  unit: z.optional(text(200)),
  confidence: z.optional(z.enum(['high', 'medium'])),
  /** ISO 3166-1 alpha-2 codes, for list-like figures such as partner countries. */
  countries: z.optional(z.array(z.string()).check(z.maxLength(250))),
  source: Source,
  note: z.optional(text(1000)),
});
export type Figure = z.infer<typeof Figure>;

type Ctx = Parameters<Parameters<typeof z.superRefine<YearShape>>[0]>[1];

function checkFigure(f: Figure, path: (string | number)[], ctx: Ctx): void {
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

const YearShape = z.strictObject({
  year: z.int(),
  figures: z.array(Figure).check(z.maxLength(500)),
  notes: z.optional(text(5000)),
});
type YearShape = z.infer<typeof YearShape>;

export const YearFigures = YearShape.check(
  z.superRefine((y: YearShape, ctx) => {
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
  }),
);
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
export function toProblems(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Problem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}
