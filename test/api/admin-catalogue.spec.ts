/**
 * The staff API's catalogue routes (issue #16) against both real local stores: the auth matrix,
 * four eyes, history and restore, and the public API showing a published change at once.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/src/api/admin-app';
import { createPublicApp } from '../../functions/src/api/public-app';
import { signStaffToken, type SigningKey } from '../../functions/local/issuer';
import type { RunningStore } from '../../functions/local/stores';
import { seed } from '../../functions/local/seed';
import { applyCatalogue, seedCatalogue } from '../../functions/src/core/reference';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../support/stores';
import { authFor, badAuthorizations, editorToken, testKey } from '../support/tokens';
import { BENIN } from '../support/catalogue-fixtures';

const ROUTES: [string, string, unknown?][] = [
  ['GET', '/catalogue'],
  ['GET', '/catalogue/countries'],
  ['PUT', '/catalogue/draft', { baseVersion: 1, catalogue: {} }],
  ['POST', '/catalogue/publish', { baseVersion: 1 }],
  ['POST', '/catalogue/restore', { baseVersion: 1, version: 1 }],
  ['GET', '/catalogue/history'],
  ['GET', '/catalogue/versions/1'],
];

describe.each(STORE_KINDS)('admin API, catalogue, on %s', (kind) => {
  let store: RunningStore;
  let key: SigningKey;
  let t: TestTable;
  let admin: ReturnType<typeof createAdminApp>;
  let pub: Hono;
  const tokens: Record<'editor' | 'publisherA' | 'publisherB', string> = {
    editor: '',
    publisherA: '',
    publisherB: '',
  };
  let invalidations: string[][];

  beforeAll(async () => {
    store = await startStore(kind);
    key = await testKey();
    tokens.editor = await editorToken(key, 'editor@example.org');
    tokens.publisherA = await signStaffToken(key, {
      email: 'pa@example.org',
      groups: ['editors', 'publishers'],
    });
    tokens.publisherB = await signStaffToken(key, {
      email: 'pb@example.org',
      groups: ['editors', 'publishers'],
    });
  });
  afterAll(async () => {
    await store?.stop();
    applyCatalogue(seedCatalogue); // this process's catalogue, for the specs after
  });
  beforeEach(async () => {
    t = await freshTable(store);
    await seed(t.repo);
    invalidations = [];
    admin = createAdminApp({
      repo: t.repo,
      auth: authFor(key),
      cdn: { invalidate: async (p) => void invalidations.push(p) },
      audit: () => {},
    });
    pub = createPublicApp({ repo: t.repo, catalogue: t.repo.catalogueRepository() });
  });

  const call = (
    method: string,
    path: string,
    body?: unknown,
    auth: string | null = `Bearer ${tokens.editor}`,
  ) =>
    admin.request(`/api/v1/admin${path}`, {
      method,
      headers: { ...(auth ? { Authorization: auth } : {}), 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const as = (who: keyof typeof tokens) => `Bearer ${tokens[who]}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field, their shape asserted by the tests
  const json = async (res: Response) => (await res.json()) as Record<string, any>;

  it('refuses every catalogue route to every kind of bad credential', async () => {
    const bad = await badAuthorizations(key);
    for (const [method, path, body] of ROUTES)
      for (const [name, header, status] of bad) {
        const res = await call(method, path, body, header ?? null);
        expect(res.status, `${method} ${path} with ${name}`).toBe(status);
        expect((await json(res)).code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
  });

  it('publishes the catalogue even when the CDN cannot be told, and says so', async () => {
    admin = createAdminApp({
      repo: t.repo,
      auth: authFor(key),
      cdn: {
        invalidate: async () => {
          throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyInvalidationsInProgress' });
        },
      },
      audit: () => {},
      count: () => {},
    });
    const state = await json(await call('GET', '/catalogue'));
    const catalogue = {
      ...state.published.catalogue,
      countries: [...state.published.catalogue.countries, BENIN],
    };
    await call('PUT', '/catalogue/draft', { baseVersion: 1, catalogue }, as('publisherA'));
    const published = await call('POST', '/catalogue/publish', { baseVersion: 2 }, as('publisherB'));
    const answer = await json(published);
    expect(published.status, JSON.stringify(answer)).toBe(200);
    expect(answer.warnings).toEqual([expect.objectContaining({ code: 'CDN_NOT_INVALIDATED' })]);
    expect((await json(await call('GET', '/catalogue'))).published).toMatchObject({ version: 3 });
  });

  it('lists the countries staff may choose, in French and English with their codes', async () => {
    const { countries } = await json(await call('GET', '/catalogue/countries'));
    expect(countries).toContainEqual({ iso2: 'BJ', isoNumeric: '204', name: { fr: 'Bénin', en: 'Benin' } });
  });

  it('lets an editor draft, refuses the same person and a plain editor to publish, lets another publisher publish', async () => {
    const state = await json(await call('GET', '/catalogue'));
    expect(state).toMatchObject({ headVersion: 1, published: { version: 1 }, canPublish: false });
    const catalogue = {
      ...state.published.catalogue,
      countries: [...state.published.catalogue.countries, BENIN],
    };

    const saved = await call('PUT', '/catalogue/draft', { baseVersion: 1, catalogue }, as('publisherA'));
    expect(saved.status).toBe(200);
    expect((await json(saved)).record).toMatchObject({
      version: 2,
      action: 'save',
      savedBy: 'pa@example.org',
    });
    // Not public yet.
    expect(JSON.stringify(await json(await pub.request('/api/v1/metrics')))).not.toContain('"BJ"');

    const byEditor = await call('POST', '/catalogue/publish', { baseVersion: 2 });
    expect(byEditor.status).toBe(403);
    expect((await json(byEditor)).code).toBe('FORBIDDEN');
    const bySelf = await call('POST', '/catalogue/publish', { baseVersion: 2 }, as('publisherA'));
    expect(bySelf.status).toBe(403);
    expect((await json(bySelf)).code).toBe('FOUR_EYES');

    const published = await call('POST', '/catalogue/publish', { baseVersion: 2 }, as('publisherB'));
    expect(published.status).toBe(200);
    expect((await json(published)).record).toMatchObject({
      version: 3,
      action: 'publish',
      draftBy: 'pa@example.org',
    });
    expect(invalidations).toEqual([['/*']]);

    // The public API reads the published catalogue (its time to live has not started: first read).
    const metrics = await json(await pub.request('/api/v1/metrics'));
    expect(metrics.countries.find((c: { iso2: string }) => c.iso2 === 'BJ')).toMatchObject({
      name: { fr: 'Bénin' },
      partners: [{ name: 'ABC' }],
    });
    // A year may now list Bénin as a partner country.
    const year = await call('POST', '/validate', {
      year: 2016,
      figures: [
        {
          metric: 'partner_countries',
          value: 1,
          qualifier: 'exact',
          countries: ['BJ'],
          source: { title: 'Une page', url: 'https://example.org/abc', quote: 'ABC, Bénin' },
        },
      ],
    });
    expect(await json(year)).toMatchObject({ problems: [] });

    const history = await json(await call('GET', '/catalogue/history'));
    expect(history.versions.map((v: { action: string }) => v.action)).toEqual(['publish', 'save', 'seed']);
    expect(history.versions[0]).not.toHaveProperty('catalogue');
  });

  it('answers every problem of a draft at once with 400, and a stale one with 409', async () => {
    const state = await json(await call('GET', '/catalogue'));
    const catalogue = structuredClone(state.published.catalogue);
    catalogue.countries.push({ ...BENIN, isoNumeric: '999' }, { ...BENIN, iso2: 'ZZ' });
    catalogue.metrics[0].kind = 'colour';
    const bad = await call('PUT', '/catalogue/draft', { baseVersion: 1, catalogue });
    expect(bad.status).toBe(400);
    expect((await json(bad)).problems.length).toBeGreaterThanOrEqual(1);
    catalogue.metrics[0].kind = 'count';
    const crossed = await json(await call('PUT', '/catalogue/draft', { baseVersion: 1, catalogue }));
    expect(crossed.problems.map((p: { code: string }) => p.code).sort()).toEqual([
      'NOT_A_MAPPED_COUNTRY',
      'WRONG_NUMERIC_CODE',
    ]);
    const stale = await call('PUT', '/catalogue/draft', {
      baseVersion: 0,
      catalogue: state.published.catalogue,
    });
    expect(stale.status).toBe(409);
    expect((await json(stale)).current).toBe(1);
  });

  it('restores an earlier version as a new draft', async () => {
    const state = await json(await call('GET', '/catalogue'));
    const catalogue = {
      ...state.published.catalogue,
      countries: [...state.published.catalogue.countries, BENIN],
    };
    await call('PUT', '/catalogue/draft', { baseVersion: 1, catalogue });
    const restored = await call('POST', '/catalogue/restore', { baseVersion: 2, version: 1 });
    expect((await json(restored)).record).toMatchObject({ version: 3, action: 'restore', restoredFrom: 1 });
    const after = await json(await call('GET', '/catalogue'));
    expect(after.draft.catalogue.countries.map((c: { iso2: string }) => c.iso2)).not.toContain('BJ');
    expect((await json(await call('GET', '/catalogue/versions/2'))).catalogue.countries.at(-1).iso2).toBe(
      'BJ',
    );
  });
});
