/**
 * The staff API, `/api/v1/admin`: only for a verified member of `editors`. Every answer is
 * uncached; every action writes one audit line (who, action, year, versions, result).
 */
import { body, type AdminEnv } from './admin-body';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import { acknowledgeWarning, withAcknowledgements, yearWarnings } from '../core/acknowledgements';
import type { CdnInvalidator } from '../core/cdn';
import {
  discardDraft,
  importFile,
  loadState,
  restoreVersion,
  saveDraft,
  validateYear,
} from '../core/editing';
import type { EditingRepository } from '../core/editing-repository';
import { DomainError } from '../core/errors';
import { AppMetric, observability } from '../adapters/observability';
import { parseYearParam } from '../core/figures';
import { toImportModel } from '../core/import-model';
import type { YearFigures } from '../core/schema';
import { registerAuditRoutes } from './admin-audit';
import { catalogueAuditEntries } from '../core/catalogue-audit';
import { embargoAuditEntries } from '../core/embargo';
import { authenticateEditor, type AuthConfig, type StaffIdentity } from './auth';
import { catalogueOf, registerCatalogueRoutes } from './admin-catalogue';
import type { CatalogueRepository } from '../core/catalogue-repository';
import { errorResponse } from './http-errors';
import type { Notifier, PublicationScheduler } from '../core/review-ports';
import { dropLapsedSchedules, publishNow, registerReviewRoutes, type ReviewDeps } from './admin-review';
import { loggingNotifier } from '../adapters/review-notifiers';
import { storedScheduler } from '../adapters/review-schedulers';
import { registerEmbargoRoutes, type EmbargoDeps } from './admin-embargo';

type Env = AdminEnv;
export { body, type AdminEnv };

const MAX_BODY_BYTES = 1024 * 1024;

const version = (min: number) => z.int().check(z.gte(min));
const Base = z.strictObject({ baseVersion: version(0) });
const SaveBody = z.extend(Base, { figures: z.unknown(), notes: z.optional(z.unknown()) });
const RestoreBody = z.extend(Base, { version: version(1) });
const AcknowledgeBody = z.strictObject({
  code: z.string().check(z.maxLength(40)),
  metric: z.string().check(z.maxLength(200)),
});
/** `reason`: required when the year is already published (the publication corrects it); readers see it. */
const PublishBody = z.extend(Base, { reason: z.optional(z.unknown()) });
const ImportBody = z.strictObject({
  /** CSV text, as pasted. */
  csv: z.optional(z.string().check(z.maxLength(MAX_BODY_BYTES))),
  /** A file's bytes in base64: CSV in any encoding staff's spreadsheets write, or XLSX. */
  file: z.optional(z.base64().check(z.maxLength(MAX_BODY_BYTES))),
  dryRun: z._default(z.boolean(), true),
  baseVersions: z.optional(z.record(z.string(), version(0))),
});

export interface AdminDeps {
  repo: EditingRepository;
  auth: AuthConfig;
  cdn: CdnInvalidator;
  /** One structured log entry per action; the Powertools logger (CloudWatch on AWS) by default. */
  audit?: (line: Record<string, unknown>) => void;
  /** Counts publications and imports; CloudWatch metrics (EMF) by default. */
  count?: (
    metric:
      typeof AppMetric.Publications | typeof AppMetric.Imports | typeof AppMetric.CdnInvalidationFailures,
    n?: number,
  ) => void;
  /** The time every write records; the system clock by default (tests pass their own). */
  clock?: () => Date;
  /** Scheduled publications: EventBridge Scheduler on AWS; locally the stored drafts (the server's timer). */
  scheduler?: PublicationScheduler;
  /** Tells staff of review steps: SNS on AWS; the log by default. */
  notifier?: Notifier;
  /** Embargo links (admin-embargo.ts); their routes are served only when given. */
  embargo?: EmbargoDeps;
  /** The catalogue's store; the years' repository's own when it holds one (DynamoDB does). */
  catalogue?: CatalogueRepository;
}

/** What the review needs, from the admin's deps with their defaults. */
export const reviewDeps = (
  d: Pick<AdminDeps, 'repo' | 'cdn' | 'scheduler' | 'notifier' | 'clock' | 'count'>,
): ReviewDeps => ({
  repo: d.repo,
  cdn: d.cdn,
  scheduler: d.scheduler ?? storedScheduler,
  notifier: d.notifier ?? loggingNotifier(),
  clock: d.clock ?? (() => new Date()),
  published: () => (d.count ?? countMetric)(AppMetric.Publications),
  cdnFailed: () => (d.count ?? countMetric)(AppMetric.CdnInvalidationFailures),
});

const logAudit = (line: Record<string, unknown>) => observability().logger.info('audit', line);
const countMetric: NonNullable<AdminDeps['count']> = (metric, n) => observability().count(metric, n);

export function createAdminApp(deps: AdminDeps): Hono<Env> {
  const {
    repo,
    auth,
    audit = logAudit,
    count = countMetric,
    clock = () => new Date(),
    embargo,
    catalogue = catalogueOf(repo),
  } = deps;
  const review = reviewDeps(deps);
  const app = new Hono<Env>().basePath('/api/v1/admin');

  app.use('*', async (c, next) => {
    c.set('audit', {});
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.method !== 'GET' || c.res.status >= 400)
      audit({
        type: 'audit',
        at: clock().toISOString(),
        who: c.get('editor')?.id ?? null,
        action: `${c.req.method} ${c.req.routePath}`,
        path: c.req.path,
        status: c.res.status,
        result: c.res.status < 400 ? 'ok' : 'refused',
        ...c.get('audit'),
      });
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ code: 'BAD_REQUEST', message: 'the body is over 1 MB' }, 413),
    }),
  );
  app.use('*', async (c, next) => {
    c.set('editor', await authenticateEditor(c.req.header('authorization'), auth));
    await next();
  });

  if (catalogue)
    registerCatalogueRoutes(app, { repo, catalogue, cdn: deps.cdn, cdnFailed: review.cdnFailed, clock });

  const yearOf = (c: Context) => parseYearParam(c.req.param('year') ?? '');

  app.get('/me', (c) => c.json(c.get('editor')));
  // The journal reads every history: the years' (built in), the catalogue's and the embargo links'.
  registerAuditRoutes(app, {
    repo,
    clock,
    sources: [
      ...(catalogue ? [async () => catalogueAuditEntries(await catalogue.listCatalogueVersions())] : []),
      ...(embargo ? [async () => embargoAuditEntries(await embargo.links.listLinks())] : []),
    ],
  });

  app.get('/years', async (c) => {
    const [published, drafts] = await Promise.all([repo.listPublished(), repo.listDrafts()]);
    const years = new Map<number, Record<string, unknown>>();
    for (const p of published)
      years.set(p.year, {
        year: p.year,
        published: { version: p.version, publishedAt: p.publishedAt, publishedBy: p.publishedBy },
      });
    for (const d of drafts)
      years.set(d.year, {
        ...(years.get(d.year) ?? { year: d.year }),
        draft: {
          version: d.version,
          updatedAt: d.updatedAt,
          updatedBy: d.updatedBy,
          review: d.review ?? { status: 'drafting' },
        },
      });
    return c.json({ years: [...years.values()].sort((a, b) => (a.year as number) - (b.year as number)) });
  });

  /** The import's model: every year as it stands now, as French Excel writes a CSV. */
  app.get('/template.csv', async (c) => {
    const [published, drafts] = await Promise.all([repo.listPublished(), repo.listDrafts()]);
    const years = new Map<number, YearFigures>(published.map((p) => [p.year, p]));
    for (const d of drafts) years.set(d.year, d);
    const model = toImportModel([...years.values()].sort((a, b) => a.year - b.year));
    c.header('Content-Disposition', 'attachment; filename="cimade-en-chiffres-modele.csv"');
    return c.body(model, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  app.get('/years/:year', async (c) => {
    const state = await loadState(repo, yearOf(c), clock());
    const warnings = state.draft ? await yearWarnings(repo, state.year, state.draft) : [];
    return c.json({ ...state, warnings });
  });

  app.post('/validate', async (c) => {
    const input = await body(
      c,
      z.strictObject({ year: z.unknown(), figures: z.unknown(), notes: z.optional(z.unknown()) }),
    );
    const year = validateYear(input);
    return c.json({ problems: [], warnings: await yearWarnings(repo, year.year, year) });
  });

  /** Runs one write on a year, recording in the audit line the versions before and after. */
  async function write<T extends { baseVersion: number }, R extends { record: { version: number } }>(
    c: Context<Env>,
    schema: z.ZodMiniType<T>,
    run: (year: number, b: T, editor: StaffIdentity) => Promise<R>,
  ): Promise<R> {
    const year = yearOf(c);
    const b = await body(c, schema);
    const extra = 'version' in b ? { restoredFrom: (b as { version: number }).version } : {};
    c.set('audit', { year, versionBefore: b.baseVersion, ...extra });
    const result = await run(year, b, c.get('editor'));
    c.set('audit', { year, versionBefore: b.baseVersion, versionAfter: result.record.version, ...extra });
    return result;
  }

  app.put('/years/:year/draft', async (c) => {
    const result = await write(c, SaveBody, (year, b, editor) =>
      saveDraft(repo, { year, figures: b.figures, notes: b.notes }, b.baseVersion, editor, {
        now: clock(),
      }),
    );
    await dropLapsedSchedules(review, [result.record]);
    const acks = await repo.listAcknowledgements(result.record.year);
    return c.json({ ...result, warnings: withAcknowledgements(result.warnings, acks) });
  });

  /** Marks one of the year's warnings as checked (who, when); it lapses when the figure changes. */
  app.post('/years/:year/warnings/checked', async (c) => {
    const year = yearOf(c);
    const b = await body(c, AcknowledgeBody);
    c.set('audit', { year, warning: `${b.code} ${b.metric}` });
    return c.json({ warnings: await acknowledgeWarning(repo, year, b, c.get('editor'), clock()) });
  });

  app.delete('/years/:year/draft', async (c) => {
    const result = await write(c, Base, async (year, b, editor) => ({
      record: await discardDraft(repo, year, b.baseVersion, editor, clock()),
    }));
    await dropLapsedSchedules(review, [result.record]);
    return c.json(result);
  });

  /** Approve and publish now: a publisher, never the draft's last author (four eyes). */
  app.post('/years/:year/publish', async (c) =>
    c.json(await write(c, PublishBody, (year, b, editor) => publishNow(review, year, b, editor))),
  );

  app.post('/years/:year/restore', async (c) => {
    const result = await write(c, RestoreBody, (year, b, editor) =>
      restoreVersion(repo, year, b.version, b.baseVersion, editor, clock()),
    );
    await dropLapsedSchedules(review, [result.record]);
    return c.json(result);
  });

  registerReviewRoutes(app, review);

  app.get('/years/:year/history', async (c) => {
    const versions = await repo.listVersions(yearOf(c));
    return c.json({
      versions: versions.map(({ figures, ...meta }) => ({ ...meta, figureCount: figures.length })),
    });
  });

  app.get('/years/:year/versions/:version', async (c) => {
    const version = Number(c.req.param('version'));
    if (!Number.isInteger(version) || version < 1)
      throw new DomainError('BAD_REQUEST', 'a version is a whole number from 1');
    const record = await repo.getVersion(yearOf(c), version);
    if (!record) throw new DomainError('NOT_FOUND', `no version ${version}`);
    return c.json(record);
  });

  app.post('/import', async (c) => {
    const b = await body(c, ImportBody);
    if ((b.csv === undefined) === (b.file === undefined))
      throw new DomainError('BAD_REQUEST', 'give either csv (text) or file (base64)');
    const input =
      b.file !== undefined ? { file: new Uint8Array(Buffer.from(b.file, 'base64')) } : { csv: b.csv! };
    const result = await importFile(repo, input, c.get('editor'), {
      dryRun: b.dryRun,
      baseVersions: b.baseVersions,
      now: clock(),
    });
    c.set('audit', {
      dryRun: b.dryRun,
      years: result.previews.map((p) => p.year),
      versionsAfter: result.saved.map((r) => r.version),
    });
    if (result.saved.length > 0) count(AppMetric.Imports);
    await dropLapsedSchedules(review, result.saved);
    return c.json(result);
  });

  if (embargo) registerEmbargoRoutes(app, { ...embargo, repo, clock });

  app.notFound((c) =>
    c.json({ code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((error, c) => {
    const res = errorResponse(c, error);
    if (error instanceof DomainError && error.code === 'UNAUTHENTICATED')
      res.headers.set('WWW-Authenticate', 'Bearer');
    return res;
  });
  return app;
}
