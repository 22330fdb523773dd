/**
 * The one declaration of a year's figures. The admin API, the CSV import, the seed loader
 * and the admin form all validate with `YearFigures`; every TypeScript type is inferred
 * from it.
 */
import * as z from 'zod/mini';
import { countryByIso, metricById } from './reference';
import {
  FIRST_YEAR,
  lastAllowedYear,
  MAX_AMOUNT,
  MAX_COUNT,
  metricKeyIssue,
  parseMetricKey,
  QUALIFIERS,
} from './metric-keys';
import { invisibleCharacter, issue } from './problems';

/** One field's difference between two versions of a year (diff.ts computes them). */
export const Change = z.object({
  /** The metric key, or `notes` for the year's notes. */
  metric: z.string(),
  field: z.string(),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
export type Change = z.infer<typeof Change>;

export { toProblems, type Problem } from './problems';

export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

/** Text that renders anywhere: trimmed, bounded, no invisible control or non-character. */
const text = (max: number, min = 0, empty: 'REQUIRED' | 'SOURCE_TITLE_REQUIRED' = 'REQUIRED') =>
  z.string().check(
    z.trim(),
    z.superRefine((s: string, ctx) => {
      if (s.length > max) ctx.addIssue(issue('TOO_LONG', { max }));
      if (min && s.length < min) ctx.addIssue(issue(empty, {}));
      const bad = invisibleCharacter(s);
      if (bad) ctx.addIssue(issue('CONTROL_CHARACTER', bad));
    }),
  );

const isHttpUrl = (u: string): boolean => {
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
};

export const Source = z.strictObject({
  title: text(300, 1, 'SOURCE_TITLE_REQUIRED'),
  url: z.string().check(
    z.trim(),
    z.superRefine((u: string, ctx) => {
      if (u.length > 2000) ctx.addIssue(issue('TOO_LONG', { max: 2000 }));
      else if (!isHttpUrl(u)) ctx.addIssue(issue('NOT_HTTP_URL', {}));
    }),
  ),
  /** The phrase the figure was read from. */
  quote: z.optional(text(1000)),
});
export type Source = z.infer<typeof Source>;

const metricKey = z.string().check(
  z.superRefine((key: string, ctx) => {
    const found = metricKeyIssue(key);
    if (found) ctx.addIssue(issue(found.code, found.params as never));
  }),
);

const FigureShape = z.strictObject({
  metric: metricKey,
  value: z.number(),
  /** Upper bound when the source gives a range ("30 à 40"). */
  upper: z.optional(z.number()),
  qualifier: Qualifier,
  /** What is counted, in the source's own words where it matters. */
  unit: z.optional(text(200)),
  confidence: z.optional(z.enum(['high', 'medium'])),
  /** ISO 3166-1 alpha-2 codes, for list-like figures such as partner countries. */
  countries: z.optional(
    z.array(z.string()).check(
      z.maxLength(250),
      z.superRefine((codes: string[], ctx) =>
        codes.forEach((iso, j) => {
          if (!countryByIso.has(iso)) ctx.addIssue(issue('UNKNOWN_COUNTRY', { iso }, [j]));
        }),
      ),
    ),
  ),
  source: Source,
  /** A research note for staff: how the figure's year or source was worked out. Never published. */
  note: z.optional(text(1000)),
});
type FigureShape = z.infer<typeof FigureShape>;

/** The checks that need the metric's kind: whole counts, signs, bounds, ranges. */
function checkValues(f: FigureShape, ctx: { addIssue: (i: ReturnType<typeof issue>) => void }): void {
  const def = metricKeyIssue(f.metric) ? undefined : metricById.get(parseMetricKey(f.metric)!.metric);
  if (!def) return;
  const bound = def.kind === 'percent' ? 100 : def.kind === 'amount' ? MAX_AMOUNT : MAX_COUNT;
  for (const field of ['value', 'upper'] as const) {
    const v = f[field];
    if (v === undefined || !Number.isFinite(v)) continue;
    if (def.kind === 'count' && !Number.isInteger(v))
      ctx.addIssue(issue('WHOLE_NUMBER', { value: v }, [field]));
    if (def.kind !== 'amount' && v < 0) ctx.addIssue(issue('NEGATIVE', { value: v }, [field]));
    if (Math.abs(v) > bound) ctx.addIssue(issue('TOO_LARGE', { max: bound, value: v }, [field]));
  }
  if (f.upper !== undefined && f.upper <= f.value)
    ctx.addIssue(issue('UPPER_NOT_ABOVE', { value: f.value, upper: f.upper }, ['upper']));
}

/**
 * One figure. Its value checks run even when another of its fields is wrong (and a wrong
 * figure never hides another's problems): every problem is reported at once.
 */
export const Figure = FigureShape.check(
  z.superRefine((f: FigureShape, ctx) => checkValues(f, ctx), {
    when: (payload) =>
      typeof (payload.value as { value?: unknown })?.value === 'number' &&
      typeof (payload.value as { metric?: unknown })?.metric === 'string',
  }),
);
export type Figure = z.infer<typeof Figure>;

const YearShape = z.strictObject({
  year: z.int(),
  figures: z.array(Figure).check(z.maxLength(500)),
  /** Shown to readers on the public pages of the year. */
  notes: z.optional(text(5000)),
});
type YearShape = z.infer<typeof YearShape>;

/** The checks across a year: the year's range, a metric given twice. */
function checkYear(
  y: { year?: unknown; figures?: unknown },
  ctx: { addIssue: (i: ReturnType<typeof issue>) => void },
): void {
  const last = lastAllowedYear();
  if (typeof y.year === 'number' && Number.isInteger(y.year) && (y.year < FIRST_YEAR || y.year > last))
    ctx.addIssue(issue('YEAR_RANGE', { first: FIRST_YEAR, last, value: y.year }, ['year']));
  const seen = new Map<string, number>();
  (Array.isArray(y.figures) ? y.figures : []).forEach((f: { metric?: unknown }, i) => {
    if (typeof f?.metric !== 'string' || f.metric === '') return;
    const first = seen.get(f.metric);
    if (first !== undefined)
      ctx.addIssue(issue('DUPLICATE_METRIC', { metric: f.metric, first }, ['figures', i, 'metric']));
    else seen.set(f.metric, i);
  });
}

export const YearFigures = YearShape.check(
  z.superRefine((y: YearShape, ctx) => checkYear(y, ctx), {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  }),
);
export type YearFigures = z.infer<typeof YearFigures>;

/** Why a published year was published again: readers see it beside « corrigé le … ». */
export const CorrectionReason = text(1000, 1);

/** One publication of a year over an earlier one: when, why, what changed; never who. */
export const StoredCorrection = z.object({
  /** The version this publication made. */
  version: z.int(),
  /** When it was published (ISO 8601). */
  correctedAt: z.string(),
  /** Why, in staff's words; absent only on corrections made before reasons were asked. */
  reason: z.optional(z.string()),
  changes: z.array(Change),
});
export type StoredCorrection = z.infer<typeof StoredCorrection>;

/**
 * What publishing adds to a year: which version, when, by whom, its corrections. The one
 * declaration of it: the `PublishedYear` type and the public API's document (`PublicYear`)
 * both derive from it, so a field added here is typed and documented at once.
 */
export const PublishedMeta = z.object({
  version: z.int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  /** Every publication after the first, oldest first. */
  corrections: z.optional(z.array(StoredCorrection)),
});
type PublishedMeta = z.infer<typeof PublishedMeta>;

/** A year as it is published: the figures plus who published which version, when, and its corrections. */
export interface PublishedYear extends YearFigures, PublishedMeta {}

/**
 * A figure and a year as public answers give them (figures.ts, `forPublic`): without a
 * figure's `note`, research kept for staff. The public API's document derives from these.
 */
export const PublicFigure = z.omit(FigureShape, { note: true });
export const PublicYear = z.extend(z.omit(YearShape, { figures: true }), {
  figures: z.array(PublicFigure),
  ...PublishedMeta.shape,
});

/** The wire shape of a problem or a warning: a code, its parameters, an English message. */
export const ProblemShape = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  row: z.optional(z.int()),
  column: z.optional(z.string()),
});
