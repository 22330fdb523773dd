/** The OpenAPI description of the public read API, with schemas derived from the zod ones. */
import * as z from 'zod/mini';
import { Figure, YearFigures } from '../core/schema';

import { LICENCE } from '../core/licence';

/** A figure's `note` is research kept for staff: public answers leave it out (figures.ts, `forPublic`), so their schemas do. */
function withoutNote(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutNote);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withoutNote(v)]));
  const props = out.properties as Record<string, unknown> | undefined;
  if (props && 'metric' in props && 'note' in props) {
    const { note: _research, ...rest } = props;
    out.properties = rest;
  }
  return out;
}

const jsonSchema = (schema: z.ZodMiniType) =>
  withoutNote(z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }));

const correctionSchema = {
  type: 'object',
  description:
    'A publication of the year over an earlier one: when, why and what it changed (never who). The pages, embeds and exports say « corrigé le … » with the reason.',
  required: ['version', 'correctedAt', 'changes'],
  properties: {
    version: { type: 'integer', description: 'The version this publication made' },
    correctedAt: { type: 'string', format: 'date-time' },
    reason: { type: 'string', description: 'Why, in the words of La Cimade (absent on early corrections)' },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['metric', 'field'],
        properties: {
          metric: { type: 'string', description: 'The metric key, or `notes` for the year’s notes' },
          field: { type: 'string', example: 'value' },
          before: {},
          after: {},
        },
      },
    },
  },
};
const publishedYearSchema = {
  allOf: [
    { $ref: '#/components/schemas/YearFigures' },
    {
      type: 'object',
      required: ['version', 'publishedAt', 'publishedBy'],
      properties: {
        version: { type: 'integer' },
        publishedAt: { type: 'string', format: 'date-time' },
        publishedBy: { type: 'string', example: 'La Cimade', description: 'Always « La Cimade »' },
        corrections: { type: 'array', items: { $ref: '#/components/schemas/Correction' } },
      },
    },
  ],
};

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string', example: 'NOT_FOUND' }, message: { type: 'string' } },
};
const errors = {
  '400': {
    description: 'Malformed parameter',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '404': {
    description: 'Unknown year or metric',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '503': {
    description: 'The store cannot be reached; see Retry-After',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};
const csv = {
  'text/csv': {
    schema: {
      type: 'string',
      description:
        'UTF-8 with BOM: year,metric,value,qualifier,unit,confidence,countries,break,source_title,source_url,quote,corrected_on,correction_reason. `confidence`: high, or medium (year inferred from an undated page, or a range); `countries`: ISO 3166-1 alpha-2 codes of a partner_countries row; `break`: b on the first figure after a break in the series (not comparable with earlier figures; reasons in /metrics, `breaks`); `corrected_on` (YYYY-MM-DD, Paris) and `correction_reason`: the latest correction of the figure after its year was first published, and why.',
    },
  },
};

/** Built on first request, not at cold start: few requests ask for it. */
let built: object | undefined;
export const openApiDocument = (): object =>
  (built ??= {
    openapi: '3.0.3',
    info: {
      title: 'La Cimade en chiffres — public API',
      version: '1.0.0',
      license: { name: 'CC BY 4.0', url: LICENCE.url },
      description:
        'Published yearly figures of La Cimade, each with its qualifier (exact, approx, about, more_than) and its source. Under CC BY 4.0: every JSON answer has a `licence` field ({ id, url }) and a `Link: <…>; rel="license"` header. Answers carry ETag and Cache-Control; send If-None-Match for a 304. CSV with a `.csv` suffix or `Accept: text/csv`.',
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/years': {
        get: {
          summary: 'The published years',
          responses: {
            '200': {
              description:
                'Years with their version, publication date and corrections (`corrections`: `correctedAt`, `reason`)',
            },
            '503': errors['503'],
          },
        },
      },
      '/years/{year}': {
        get: {
          summary: "One year's figures with qualifiers and sources (append .csv for CSV)",
          parameters: [
            {
              name: 'year',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^\\d{4}(\\.csv)?$' },
            },
          ],
          responses: {
            '200': {
              description: 'The year',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/PublishedYear' } },
                ...csv,
              },
            },
            ...errors,
          },
        },
      },
      '/metrics': {
        get: {
          summary:
            'The metric catalogue and reference data (regions, centres, partner countries with their named associations and sources, breaks in series)',
          responses: { '200': { description: 'Catalogue' } },
        },
      },
      '/series/{metric}': {
        get: {
          summary:
            'One value per known year for a metric (append .csv for CSV). Years without a figure are absent. Each point has a `segment`: points compare only within one; `cut` says why a point does not compare with the one before (a break in the series, with its year and reason, or another unit); `corrected` (`correctedAt`, `reason`): the latest correction of the figure.',
          parameters: [
            {
              name: 'metric',
              in: 'path',
              required: true,
              schema: { type: 'string', example: 'region.ile-de-france.volunteers' },
            },
          ],
          responses: {
            '200': { description: 'The series', content: { 'application/json': {}, ...csv } },
            ...errors,
          },
        },
      },
      '/figures.csv': {
        get: {
          summary: 'Every published figure as tidy CSV',
          parameters: [
            {
              name: 'format',
              in: 'query',
              required: false,
              description:
                'Absent: RFC 4180 (`,`, decimal point, ISO dates, LF). `excel-fr`: what French Excel opens in columns (`;`, decimal comma, dd/mm/yyyy, CRLF). Both with a BOM, no cell a spreadsheet would run as a formula.',
              schema: { type: 'string', enum: ['excel-fr'] },
            },
          ],
          responses: {
            '200': { description: 'CSV', content: csv },
            '400': errors['400'],
            '503': errors['503'],
          },
        },
      },
    },
    components: {
      schemas: {
        Error: errorSchema,
        Figure: jsonSchema(Figure),
        YearFigures: jsonSchema(YearFigures),
        PublishedYear: publishedYearSchema,
        Correction: correctionSchema,
      },
    },
  });
