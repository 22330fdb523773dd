/**
 * The public read API's contract: one `createRoute` per route, from which `@hono/zod-openapi`
 * both validates the request (path parameters) and writes the OpenAPI document. The shapes of
 * a year and a figure are not declared here: they derive from the one schema (core/schema.ts,
 * `PublicYear`, `PublicFigure`), through zod's JSON Schema.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import * as zm from 'zod/mini';
import { csvFormatOf } from '../core/csv';
import { notAYear, type Series } from '../core/figures';
import { LICENCE } from '../core/licence';
import { Centre, Country, MetricDefinition, Region, SeriesBreak } from '../core/reference-schema';
import { PublicFigure, PublicYear, StoredCorrection, type PublishedYear } from '../core/schema';

const stripCsv = (s: string) => s.replace(/\.csv$/, '');

/** The document's own components, derived from the core's zod/mini schemas (which zod-to-openapi cannot read). */
const jsonSchema = (schema: zm.ZodMiniType) =>
  zm.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const ErrorBody = z
  .object({ code: z.string().openapi({ example: 'NOT_FOUND' }), message: z.string() })
  .openapi('Error');
const Licence = z
  .object({ id: z.literal(LICENCE.id), url: z.literal(LICENCE.url) })
  .openapi('Licence', { description: 'CC BY 4.0, on every JSON answer' });
type Licensed<T> = T & { licence: typeof LICENCE };

/**
 * A JSON answer typed by the core's TypeScript type `T` (the handler's answer is checked
 * against it) and documented by a JSON Schema derived from the core's schema, plus `licence`.
 * Never used to validate: answers are built by the app, not read.
 */
const answer = <T>(component: string) =>
  z.custom<Licensed<T>>().openapi({
    type: 'object',
    allOf: [
      ref(component),
      { type: 'object', required: ['licence'], properties: { licence: ref('Licence') } },
    ],
  });

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});
const errors = {
  400: error('Malformed parameter'),
  404: error('Unknown year or metric'),
  503: error('The store cannot be reached; see Retry-After'),
} as const;

const csv = {
  'text/csv': {
    schema: {
      type: 'string' as const,
      description:
        'UTF-8 with BOM: year,metric,value,qualifier,unit,confidence,countries,break,source_title,source_url,quote,corrected_on,correction_reason. `confidence`: high, or medium (year inferred from an undated page, or a range); `countries`: ISO 3166-1 alpha-2 codes of a partner_countries row; `break`: b on the first figure after a break in the series (not comparable with earlier figures; reasons in /metrics, `breaks`); `corrected_on` (YYYY-MM-DD, Paris) and `correction_reason`: the latest correction of the figure after its year was first published, and why.',
    },
  },
};

/** A year in a URL: four digits, `.csv` appended for CSV; anything else is the core's 400. */
const YearParam = z.object({
  year: z
    .string()
    .regex(/^\d{4}(\.csv)?$/, { error: (issue) => notAYear(stripCsv(String(issue.input))) })
    .openapi({ param: { name: 'year', in: 'path' }, example: '2016' }),
});
/** `?format=` of the full dataset CSV: absent for RFC 4180, or `excel-fr` (`csvFormatOf`, the charts' downloads' too). */
const FormatQuery = z.object({
  format: z
    .enum(['excel-fr'], { error: (issue) => (csvFormatOf(String(issue.input)) as { error: string }).error })
    .optional()
    .openapi({
      param: { name: 'format', in: 'query' },
      description:
        'Absent: RFC 4180 (`,`, decimal point, ISO dates, LF). `excel-fr`: what French Excel opens in columns (`;`, decimal comma, dd/mm/yyyy, CRLF). Both with a BOM, no cell a spreadsheet would run as a formula.',
    }),
});
/** A metric key; malformed (400) and unknown (404) are told apart by the core (figures.ts, `checkMetricParam`). */
const MetricParam = z.object({
  metric: z
    .string()
    .openapi({ param: { name: 'metric', in: 'path' }, example: 'region.ile-de-france.volunteers' }),
});

const YearSummary = z.strictObject({
  year: z.int(),
  version: z.int(),
  publishedAt: z.string(),
  figures: z.int().openapi({ description: 'How many figures the year has' }),
  /** When and why each publication after the first was made (the year's `corrections`, without their changes). */
  corrections: z.array(z.strictObject({ correctedAt: z.string(), reason: z.string().optional() })),
});

/** What /metrics answers: the reference data, each list from its schema in reference-schema.ts. */
const Catalogue = zm.strictObject({
  metrics: zm.array(MetricDefinition),
  regions: zm.array(Region),
  centres: zm.array(Centre),
  localGroups: zm.array(Centre),
  countries: zm.array(Country),
  breaks: zm.array(SeriesBreak),
});
type Catalogue = { [K in keyof zm.infer<typeof Catalogue>]: Readonly<zm.infer<typeof Catalogue>[K]> };

export const routes = {
  years: createRoute({
    method: 'get',
    path: '/years',
    summary: 'The published years',
    responses: {
      200: {
        description:
          'Years with their version, publication date and corrections (`corrections`: `correctedAt`, `reason`)',
        content: {
          'application/json': {
            schema: z.strictObject({ years: z.array(YearSummary), licence: Licence }).openapi('YearList'),
          },
        },
      },
      503: errors[503],
    },
  }),
  year: createRoute({
    method: 'get',
    path: '/years/{year}',
    summary: "One year's figures with qualifiers and sources (append .csv for CSV)",
    request: { params: YearParam },
    responses: {
      200: {
        description: 'The year',
        content: { 'application/json': { schema: answer<PublishedYear>('PublishedYear') }, ...csv },
      },
      ...errors,
    },
  }),
  metrics: createRoute({
    method: 'get',
    path: '/metrics',
    summary:
      'The metric catalogue and reference data (regions, centres, partner countries with their named associations and sources, breaks in series)',
    responses: {
      200: {
        description: 'Catalogue',
        content: { 'application/json': { schema: answer<Catalogue>('Catalogue') } },
      },
    },
  }),
  series: createRoute({
    method: 'get',
    path: '/series/{metric}',
    summary:
      'One value per known year for a metric (append .csv for CSV). Years without a figure are absent. Each point has a `segment`: points compare only within one; `cut` says why a point does not compare with the one before (a break in the series, with its year and reason, or another unit); `corrected` (`correctedAt`, `reason`): the latest correction of the figure.',
    request: { params: MetricParam },
    responses: {
      200: {
        description: 'The series',
        content: {
          'application/json': {
            schema: answer<Series>('Series'),
          },
          ...csv,
        },
      },
      ...errors,
    },
  }),
  figuresCsv: createRoute({
    method: 'get',
    path: '/figures.csv',
    summary: 'Every published figure as tidy CSV',
    request: { query: FormatQuery },
    responses: { 200: { description: 'CSV', content: csv }, 400: errors[400], 503: errors[503] },
  }),
  figures: createRoute({
    method: 'get',
    path: '/figures',
    summary: 'Every published year with its figures (CSV with `Accept: text/csv`)',
    responses: {
      200: {
        description: 'The published years',
        content: {
          'application/json': {
            schema: answer<{ years: PublishedYear[] }>('PublishedYears'),
          },
          ...csv,
        },
      },
      503: errors[503],
    },
  }),
  document: createRoute({
    method: 'get',
    path: '/openapi.json',
    summary: 'This description',
    responses: {
      200: { description: 'OpenAPI 3.0 document', content: { 'application/json': { schema: {} } } },
    },
  }),
};

/** Adds the components derived from the core's schemas to the app's registry. */
export function registerSchemas(app: OpenAPIHono): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent('schemas', 'Figure', jsonSchema(PublicFigure));
  registry.registerComponent('schemas', 'PublishedYear', jsonSchema(PublicYear));
  registry.registerComponent('schemas', 'Correction', jsonSchema(StoredCorrection));
  registry.registerComponent('schemas', 'Catalogue', jsonSchema(Catalogue));
  registry.registerComponent('schemas', 'PublishedYears', {
    type: 'object',
    required: ['years'],
    properties: { years: { type: 'array', items: ref('PublishedYear') } },
  });
  // The series' type is TypeScript only (figures.ts, `Series`): described, not yet a schema.
  registry.registerComponent('schemas', 'Series', {
    type: 'object',
    required: ['metric', 'definition', 'points'],
    description:
      'The metric, its definition (as in /metrics) and its points: year, value, upper, qualifier, unit, confidence, countries, source, segment, cut, corrected',
  });
  registry.register('Licence', Licence);
}

const INFO = {
  openapi: '3.0.3',
  info: {
    title: 'La Cimade en chiffres — public API',
    version: '1.0.0',
    license: { name: 'CC BY 4.0', url: LICENCE.url },
    description:
      'Published yearly figures of La Cimade, each with its qualifier (exact, approx, about, more_than) and its source. Under CC BY 4.0: every JSON answer has a `licence` field ({ id, url }) and a `Link: <…>; rel="license"` header. Answers carry ETag and Cache-Control; send If-None-Match for a 304. CSV with a `.csv` suffix or `Accept: text/csv`.',
  },
  servers: [{ url: '/api/v1' }],
};

/** The document, built on first request, not at cold start: few requests ask for it. */
export function documentOf(app: OpenAPIHono): () => object {
  let built: object | undefined;
  return () => (built ??= app.getOpenAPIDocument(INFO));
}
