/**
 * The public read API, `/api/v1`. One Hono app: served by `@hono/node-server` locally and by
 * `hono/aws-lambda` on Lambda, so both run the same code.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { toTidyCsv } from '../core/csv';
import { getSeries, getYear, listPublished } from '../core/figures';
import { LICENCE } from '../core/licence';
import { metrics, regions, countries, centres, localGroups, seriesBreaks } from '../core/reference';
import type { FiguresRepository } from '../core/repository';
import { DomainError } from '../core/errors';
import { catalogueReader, type PublishedCatalogueSource } from '../core/catalogue-reader';
import { errorResponse } from './http-errors';
import { documentOf, registerSchemas, routes } from './openapi';

/** Browsers revalidate after 5 minutes; the CDN keeps a day, and publishing invalidates it. */
export const PUBLIC_CACHE = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400';

const wantsCsv = (c: Context, path: string) =>
  path.endsWith('.csv') || (c.req.header('accept') ?? '').includes('text/csv');
const stripCsv = (s: string) => s.replace(/\.csv$/, '');

/** Every JSON answer names its licence (CC BY 4.0), as the `Link` header does. */
const licensed = <T extends object>(body: T) => ({ ...body, licence: LICENCE });

function csv(c: Context, body: string, filename: string): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(body);
}

export function createPublicApp(deps: {
  repo: FiguresRepository;
  /** Where the published catalogue is read (issue #16); `data/`'s own without one. */
  catalogue?: PublishedCatalogueSource;
}): Hono {
  const { repo } = deps;
  const app = new Hono().basePath('/api/v1');
  // The published catalogue, read at most every few seconds and never waited on for long.
  const reader = deps.catalogue && catalogueReader(deps.catalogue);

  // The staff API is same-origin only: a request for it that reaches this app (a HEAD or a
  // preflight the HTTP API routed here) gets no CORS grant.
  app.use('/admin/*', async (c) =>
    c.json({ code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` }, 404, {
      'Cache-Control': 'no-store',
    }),
  );
  // Open data, readable from any origin; the preflight a conditional request (If-None-Match)
  // makes is answered here, on AWS and locally alike.
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      allowHeaders: ['Accept', 'If-None-Match'],
      exposeHeaders: ['ETag'],
      maxAge: 86_400,
    }),
  );
  app.use('*', async (_c, next) => {
    await reader?.current();
    await next();
  });
  app.use('*', etag());
  app.use('*', async (c, next) => {
    await next();
    c.header('Vary', 'Accept');
    if (c.res.status < 400 && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', PUBLIC_CACHE);
    c.header('X-Content-Type-Options', 'nosniff');
    // The licence of the compilation (RFC 8288 `license` relation), on every answer.
    c.header('Link', `<${LICENCE.url}>; rel="license"`);
  });

  // The routes, each from its declaration in openapi.ts: a request that does not match it is
  // refused with the message of the first problem (the core's own for a year).
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw new DomainError('BAD_REQUEST', result.error.issues[0]!.message);
    },
  });
  registerSchemas(api);

  api.openapi(routes.years, async (c) => {
    const years = await listPublished(repo);
    return c.json(
      licensed({
        years: years.map((y) => ({
          year: y.year,
          version: y.version,
          publishedAt: y.publishedAt,
          figures: y.figures.length,
          corrections: (y.corrections ?? []).map((k) => ({
            correctedAt: k.correctedAt,
            ...(k.reason ? { reason: k.reason } : {}),
          })),
        })),
      }),
      200,
    );
  });

  api.openapi(routes.year, async (c) => {
    const raw = c.req.valid('param').year;
    const year = await getYear(repo, stripCsv(raw));
    // A year's CSV flags breaks against the years before it, so it reads the other years too.
    return wantsCsv(c, raw)
      ? csv(c, toTidyCsv([year], await listPublished(repo)), `cimade-${year.year}.csv`)
      : c.json(licensed(year), 200);
  });

  api.openapi(routes.metrics, (c) =>
    c.json(licensed({ metrics, regions, centres, localGroups, countries, breaks: seriesBreaks }), 200),
  );

  api.openapi(routes.series, async (c) => {
    const raw = c.req.valid('param').metric;
    const series = await getSeries(repo, stripCsv(raw));
    if (!wantsCsv(c, raw)) return c.json(licensed(series), 200);
    const years = series.points.map((p) => ({
      year: p.year,
      version: 0,
      publishedAt: '',
      publishedBy: '',
      figures: [
        {
          metric: series.metric,
          value: p.value,
          upper: p.upper,
          qualifier: p.qualifier,
          unit: p.unit,
          confidence: p.confidence,
          countries: p.countries,
          source: p.source,
        },
      ],
      ...(p.corrected
        ? {
            corrections: [
              { version: 0, ...p.corrected, changes: [{ metric: series.metric, field: 'value' }] },
            ],
          }
        : {}),
    }));
    return csv(c, toTidyCsv(years), `cimade-${series.metric}.csv`);
  });

  // `?format=excel-fr`: the CSV French Excel opens in columns, as the charts' downloads offer.
  api.openapi(routes.figuresCsv, async (c) => {
    const format = c.req.valid('query').format ?? 'rfc4180';
    const name = `cimade-en-chiffres${format === 'excel-fr' ? '-excel-fr' : ''}.csv`;
    return csv(c, toTidyCsv(await listPublished(repo), undefined, format), name);
  });
  api.openapi(routes.figures, async (c) => {
    const years = await listPublished(repo);
    return wantsCsv(c, '')
      ? csv(c, toTidyCsv(years), 'cimade-en-chiffres.csv')
      : c.json(licensed({ years }), 200);
  });

  const document = documentOf(api);
  api.openapi(routes.document, (c) => c.json(document(), 200));
  app.route('/', api);

  app.notFound((c) =>
    c.json({ code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
