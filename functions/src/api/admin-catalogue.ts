/**
 * The staff API's catalogue routes (issue #16), `/api/v1/admin/catalogue`: read the published
 * catalogue and its draft, the countries staff may choose, save a draft (anyone on staff),
 * publish it (a publisher who is not its last author), the history and a restore. Registered on
 * the admin app after its authentication; also puts the published catalogue in force for the
 * year routes registered after it, so that years are validated against it.
 */
import { body } from './admin-body';
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { CdnInvalidator } from '../core/cdn';
import { invalidatePublished } from './publication-cdn';
import type { CatalogueChecks } from '../core/catalogue';
import {
  loadCatalogueState,
  publishCatalogue,
  restoreCatalogue,
  saveCatalogueDraft,
  type CatalogueEditor,
} from '../core/catalogue-editing';
import { catalogueReader } from '../core/catalogue-reader';
import type { CatalogueRepository, CatalogueVersion } from '../core/catalogue-repository';
import { countryChoices } from '../core/country-choices';
import type { EditingRepository } from '../core/editing-repository';
import { DomainError } from '../core/errors';
import { isPublisher, type StaffIdentity } from './auth';

type Env = { Variables: { editor: StaffIdentity; audit: Record<string, unknown> } };

const version = (min: number) => z.int().check(z.gte(min));
const SaveBody = z.strictObject({ baseVersion: version(0), catalogue: z.unknown() });
const PublishBody = z.strictObject({ baseVersion: version(0) });
const RestoreBody = z.strictObject({ baseVersion: version(0), version: version(1) });

/** The catalogue store beside the years, when the years' repository holds one (DynamoDB does). */
export function catalogueOf(repo: object): CatalogueRepository | undefined {
  const holder = repo as { catalogueRepository?: () => CatalogueRepository };
  return typeof holder.catalogueRepository === 'function' ? holder.catalogueRepository() : undefined;
}

export interface CatalogueRouteDeps {
  repo: EditingRepository;
  catalogue: CatalogueRepository;
  cdn: CdnInvalidator;
  /** Counts a publication the CDN could not be told of (alarmed on AWS). */
  cdnFailed: () => void;
  clock: () => Date;
}

export function registerCatalogueRoutes(app: Hono<Env>, deps: CatalogueRouteDeps): void {
  const { repo, catalogue, cdn, cdnFailed, clock } = deps;
  // Staff see a publication within a second (at once in the process that published it).
  const reader = catalogueReader(catalogue, { ttlMs: 1000, timeoutMs: 3000, cooldownMs: 1000 });
  app.use('*', async (c, next) => {
    await reader.current();
    await next();
  });

  const editorOf = (c: Context<Env>): CatalogueEditor => ({
    id: c.get('editor').id,
    publisher: isPublisher(c.get('editor')),
  });
  const checks = async (): Promise<CatalogueChecks> => {
    const [published, drafts] = await Promise.all([repo.listPublished(), repo.listDrafts()]);
    return { choices: countryChoices(), years: [...published, ...drafts] };
  };
  const meta = ({ catalogue: _c, ...rest }: CatalogueVersion) => rest;

  app.get('/catalogue', async (c) => {
    const state = await loadCatalogueState(catalogue);
    return c.json({ ...state, canPublish: isPublisher(c.get('editor')) });
  });

  app.get('/catalogue/countries', (c) => c.json({ countries: [...countryChoices().values()] }));

  app.put('/catalogue/draft', async (c) => {
    const b = await body(c, SaveBody);
    c.set('audit', { catalogue: true, versionBefore: b.baseVersion });
    const record = await saveCatalogueDraft(
      catalogue,
      b.catalogue,
      b.baseVersion,
      editorOf(c),
      await checks(),
      clock(),
    );
    c.set('audit', { catalogue: true, versionBefore: b.baseVersion, versionAfter: record.version });
    return c.json({ record: meta(record) });
  });

  app.post('/catalogue/publish', async (c) => {
    const b = await body(c, PublishBody);
    c.set('audit', { catalogue: true, versionBefore: b.baseVersion });
    const record = await publishCatalogue(catalogue, b.baseVersion, editorOf(c), await checks(), clock());
    c.set('audit', { catalogue: true, versionBefore: b.baseVersion, versionAfter: record.version });
    reader.prime({
      version: record.version,
      catalogue: record.catalogue,
      at: record.savedAt,
      by: record.savedBy,
    });
    const warnings = await invalidatePublished(cdn, cdnFailed, { catalogue: true, version: record.version });
    return c.json({ record: meta(record), ...(warnings.length ? { warnings } : {}) });
  });

  app.post('/catalogue/restore', async (c) => {
    const b = await body(c, RestoreBody);
    c.set('audit', { catalogue: true, versionBefore: b.baseVersion, restoredFrom: b.version });
    const record = await restoreCatalogue(
      catalogue,
      b.version,
      b.baseVersion,
      editorOf(c),
      await checks(),
      clock(),
    );
    c.set('audit', {
      catalogue: true,
      versionBefore: b.baseVersion,
      versionAfter: record.version,
      restoredFrom: b.version,
    });
    return c.json({ record: meta(record) });
  });

  app.get('/catalogue/history', async (c) => {
    const versions = await catalogue.listCatalogueVersions();
    return c.json({ versions: versions.map(meta) });
  });

  app.get('/catalogue/versions/:version', async (c) => {
    const n = Number(c.req.param('version'));
    if (!Number.isInteger(n) || n < 1)
      throw new DomainError('BAD_REQUEST', 'a version is a whole number from 1');
    const record = await catalogue.getCatalogueVersion(n);
    if (!record) throw new DomainError('NOT_FOUND', `the catalogue has no version ${n}`);
    return c.json(record);
  });
}
