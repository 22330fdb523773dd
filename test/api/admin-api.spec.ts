/**
 * The staff API against both real local stores: authentication, drafts, publishing,
 * history, restore, CSV import, conflicts.
 */
import { csvParse } from 'd3-dsv';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/src/api/admin-app';
import { createPublicApp } from '../../functions/src/api/public-app';
import type { SigningKey } from '../../functions/local/issuer';
import type { RunningStore } from '../../functions/local/stores';
import { figure } from '../support/fixtures';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../support/stores';
import { authFor, badAuthorizations, editorToken, publisherToken, testKey } from '../support/tokens';

const ROUTES: [string, string, unknown?][] = [
  ['GET', '/years'],
  ['GET', '/years/2016'],
  ['GET', '/me'],
  ['PUT', '/years/2016/draft', { baseVersion: 1, figures: [] }],
  ['DELETE', '/years/2016/draft', { baseVersion: 1 }],
  ['POST', '/years/2016/publish', { baseVersion: 1 }],
  ['POST', '/years/2016/restore', { baseVersion: 1, version: 1 }],
  ['GET', '/years/2016/history'],
  ['GET', '/years/2016/versions/1'],
  ['POST', '/import', { csv: 'year\n' }],
  ['GET', '/template.csv'],
  ['POST', '/validate', { year: 2016, figures: [] }],
  ['POST', '/years/2016/warnings/checked', { code: 'LARGE_CHANGE', metric: 'volunteers' }],
  // The review (admin-review.ts).
  ['POST', '/years/2016/submit', { baseVersion: 1 }],
  ['POST', '/years/2016/send-back', { baseVersion: 1, comment: 'Non' }],
  ['POST', '/years/2016/approve', { baseVersion: 1, publishAt: '2026-12-24T10:00' }],
  ['PUT', '/years/2016/schedule', { baseVersion: 1, publishAt: '2026-12-24T10:00' }],
  ['DELETE', '/years/2016/schedule', { baseVersion: 1 }],
];

describe.each(STORE_KINDS)('admin API on %s', (kind) => {
  let store: RunningStore;
  let key: SigningKey;
  let t: TestTable;
  let admin: ReturnType<typeof createAdminApp>;
  let pub: Hono;
  let token: string;
  /** Four eyes: a second person, a publisher, publishes what the editor drafted. */
  let publisher: string;
  let audit: Record<string, unknown>[];
  let invalidations: string[][];

  beforeAll(async () => {
    store = await startStore(kind);
    key = await testKey();
    token = await editorToken(key);
    publisher = `Bearer ${await publisherToken(key)}`;
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
    await t.repo.createPublished(
      { year: 2016, figures: [figure('volunteers', 2000), figure('people_supported', 100000)] },
      'seed',
      '2026-01-01T00:00:00Z',
    );
    audit = [];
    invalidations = [];
    admin = createAdminApp({
      repo: t.repo,
      auth: authFor(key),
      cdn: { invalidate: async (p) => void invalidations.push(p) },
      audit: (l) => void audit.push(l),
    });
    pub = createPublicApp({ repo: t.repo });
  });

  const call = (method: string, path: string, body?: unknown, auth: string | null = `Bearer ${token}`) =>
    admin.request(`/api/v1/admin${path}`, {
      method,
      headers: { ...(auth ? { Authorization: auth } : {}), 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field, their shape asserted by the tests
  const json = async (res: Response) => (await res.json()) as Record<string, any>;

  it('refuses every route to every kind of bad credential, and accepts an editor', async () => {
    const bad = await badAuthorizations(key);
    for (const [method, path, body] of ROUTES) {
      for (const [name, header, status] of bad) {
        const res = await call(method, path, body, header ?? null);
        expect(res.status, `${method} ${path} with ${name}`).toBe(status);
        expect((await json(res)).code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
    expect((await call('GET', '/me')).status).toBe(200);
    expect(await json(await call('GET', '/me'))).toMatchObject({
      id: 'editor@example.org',
      groups: ['editors'],
    });
    expect(audit.some((l) => l.status === 401 && !JSON.stringify(l).includes(token))).toBe(true);
  });

  it('creates a new year as a draft, publishes it, and the public API shows it', async () => {
    const year = 2024; // a year the table does not hold (not today's: the test must not depend on the date)
    const before = await json(await call('GET', `/years/${year}`));
    expect(before.head).toBe(0);
    const saved = await call('PUT', `/years/${year}/draft`, {
      baseVersion: 0,
      figures: [figure('volunteers', 2900)],
    });
    expect(saved.status).toBe(200);
    expect((await json(saved)).record).toMatchObject({
      version: 1,
      action: 'save',
      savedBy: 'editor@example.org',
    });
    expect((await pub.request(`/api/v1/years/${year}`)).status).toBe(404);
    const published = await call('POST', `/years/${year}/publish`, { baseVersion: 1 }, publisher);
    expect(published.status).toBe(200);
    expect(invalidations).toEqual([['/*']]);
    const live = await json(await pub.request(`/api/v1/years/${year}`));
    expect(live.figures[0]).toMatchObject({ metric: 'volunteers', value: 2900 });
    expect(live.publishedBy).toBe('La Cimade'); // the public never sees who on the staff published
    expect((await json(await call('GET', `/years/${year}`))).draft).toBeUndefined();
    expect(
      audit.filter((l) => l.result === 'ok').map((l) => [l.who, l.year, l.versionBefore, l.versionAfter]),
    ).toEqual([
      ['editor@example.org', year, 0, 1],
      ['publisher@example.org', year, 1, 2],
    ]);
  });

  it('takes the identity from the token, never from the body', async () => {
    const res = await call('PUT', '/years/2016/draft', {
      baseVersion: 1,
      figures: [figure('volunteers', 2100)],
      savedBy: 'someone@else.org',
    });
    expect(res.status).toBe(400); // unknown fields are refused outright
    const ok = await json(
      await call('PUT', '/years/2016/draft', { baseVersion: 1, figures: [figure('volunteers', 2100)] }),
    );
    expect(ok.record.savedBy).toBe('editor@example.org');
  });

  it('refuses a stale save with 409 and the current version, overwriting nothing', async () => {
    expect(
      (await call('PUT', '/years/2016/draft', { baseVersion: 1, figures: [figure('volunteers', 2100)] }))
        .status,
    ).toBe(200);
    const stale = await call('PUT', '/years/2016/draft', {
      baseVersion: 1,
      figures: [figure('volunteers', 9999)],
    });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ code: 'VERSION_CONFLICT', current: 2 });
    expect((await json(await call('GET', '/years/2016'))).draft.figures[0].value).toBe(2100);
  });

  it('lists every validation problem with its path, and stores nothing', async () => {
    const res = await call('PUT', '/years/2016/draft', {
      baseVersion: 1,
      figures: [
        figure('volunteers', -3),
        figure('region.atlantis.volunteers', 5),
        figure('partner_countries', 2, { countries: ['XX'] }),
      ],
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.problems.map((p: { path: string }) => p.path)).toEqual([
      'figures.0.value',
      'figures.1.metric',
      'figures.2.countries.0',
    ]);
    expect((await json(await call('GET', '/years/2016'))).head).toBe(1);
  });

  it('warns, without blocking, on a large move and on a small count of people', async () => {
    const res = await call('PUT', '/years/2017/draft', {
      baseVersion: 0,
      figures: [figure('volunteers', 5000), figure('region.ile-de-france.volunteers', 3)],
    });
    expect(res.status).toBe(200);
    const codes = (await json(res)).warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(['LARGE_CHANGE', 'SMALL_COUNT']);
  });

  it('asks a correction for its reason, and the public API, series and CSV say « corrected » with it', async () => {
    await call('PUT', '/years/2016/draft', {
      baseVersion: 1,
      figures: [
        { ...figure('volunteers', 2100), note: 'note interne de recherche' },
        figure('people_supported', 100000),
      ],
    });
    const refused = await call('POST', '/years/2016/publish', { baseVersion: 2 }, publisher);
    expect(refused.status).toBe(400);
    expect((await json(refused)).problems).toMatchObject([{ path: 'reason', code: 'REASON_REQUIRED' }]);
    expect(invalidations).toEqual([]);
    const done = await call(
      'POST',
      '/years/2016/publish',
      { baseVersion: 2, reason: 'Rapport définitif' },
      publisher,
    );
    expect(done.status).toBe(200);
    const year = await json(await pub.request('/api/v1/years/2016'));
    expect(year.corrections).toEqual([
      {
        version: 3,
        correctedAt: expect.any(String),
        reason: 'Rapport définitif',
        changes: [{ metric: 'volunteers', field: 'value', before: 2000, after: 2100 }],
      },
    ]);
    expect(JSON.stringify(year)).not.toMatch(/note interne|@/);
    const listed = await json(await pub.request('/api/v1/years'));
    expect(listed.years[0].corrections).toEqual([
      { correctedAt: year.corrections[0].correctedAt, reason: 'Rapport définitif' },
    ]);
    const series = await json(await pub.request('/api/v1/series/volunteers'));
    expect(series.points[0].corrected).toEqual({
      correctedAt: year.corrections[0].correctedAt,
      reason: 'Rapport définitif',
    });
    const csv = csvParse((await (await pub.request('/api/v1/years/2016.csv')).text()).slice(1));
    expect(csv.columns.slice(-2)).toEqual(['corrected_on', 'correction_reason']);
    const byMetric = new Map(csv.map((r) => [r.metric, r]));
    expect(byMetric.get('volunteers')).toMatchObject({
      corrected_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      correction_reason: 'Rapport définitif',
    });
    expect(byMetric.get('people_supported')).toMatchObject({ corrected_on: '', correction_reason: '' });
  });

  it('marks a warning as checked (who, when), and the check lapses when the figure changes', async () => {
    const warn = async () =>
      (await json(await call('GET', '/years/2017'))).warnings as {
        code: string;
        acknowledged?: { by: string; at: string };
      }[];
    await call('PUT', '/years/2017/draft', { baseVersion: 0, figures: [figure('volunteers', 5000)] });
    expect(await warn()).toMatchObject([{ code: 'LARGE_CHANGE' }]);
    expect((await warn())[0]?.acknowledged).toBeUndefined();
    const missing = await call('POST', '/years/2017/warnings/checked', {
      code: 'SMALL_COUNT',
      metric: 'volunteers',
    });
    expect(missing.status).toBe(404);
    const checked = await call('POST', '/years/2017/warnings/checked', {
      code: 'LARGE_CHANGE',
      metric: 'volunteers',
    });
    expect(checked.status).toBe(200);
    const acknowledged = { by: 'editor@example.org', at: expect.any(String) };
    expect((await json(checked)).warnings).toMatchObject([{ code: 'LARGE_CHANGE', acknowledged }]);
    expect((await warn())[0]?.acknowledged).toEqual(acknowledged);
    // Validating and saving the same figure keep the check; another figure ends it.
    const same = await call('POST', '/validate', { year: 2017, figures: [figure('volunteers', 5000)] });
    expect((await json(same)).warnings[0].acknowledged).toEqual(acknowledged);
    const saved = await call('PUT', '/years/2017/draft', {
      baseVersion: 1,
      figures: [figure('volunteers', 5200)],
    });
    const after = (await json(saved)).warnings;
    expect(after).toMatchObject([{ code: 'LARGE_CHANGE' }]);
    expect(after[0].acknowledged).toBeUndefined();
    expect((await warn())[0]?.acknowledged).toBeUndefined();
  });

  it('keeps a history with field-level diffs and restores an earlier version as a new draft', async () => {
    await call('PUT', '/years/2016/draft', {
      baseVersion: 1,
      figures: [figure('volunteers', 2100, { qualifier: 'about' }), figure('people_supported', 100000)],
    });
    await call('POST', '/years/2016/publish', { baseVersion: 2, reason: 'Rapport définitif' }, publisher);
    const { versions } = await json(await call('GET', '/years/2016/history'));
    expect(versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [3, 'publish'],
      [2, 'save'],
      [1, 'seed'],
    ]);
    expect(versions[1].changes).toEqual([
      { metric: 'volunteers', field: 'value', before: 2000, after: 2100 },
      { metric: 'volunteers', field: 'qualifier', before: 'exact', after: 'about' },
    ]);
    const restored = await call('POST', '/years/2016/restore', { baseVersion: 3, version: 1 });
    expect(restored.status).toBe(200);
    expect((await json(restored)).record).toMatchObject({ version: 4, action: 'restore', restoredFrom: 1 });
    const state = await json(await call('GET', '/years/2016'));
    expect(state.draft.figures.find((f: { metric: string }) => f.metric === 'volunteers').value).toBe(2000);
    expect(state.published.version).toBe(3);
  });

  it('discards a draft, recording it', async () => {
    await call('PUT', '/years/2016/draft', { baseVersion: 1, figures: [figure('volunteers', 1)] });
    expect((await call('DELETE', '/years/2016/draft', { baseVersion: 2 })).status).toBe(200);
    const state = await json(await call('GET', '/years/2016'));
    expect(state.draft).toBeUndefined();
    expect(state.head).toBe(3);
    expect((await call('DELETE', '/years/2016/draft', { baseVersion: 3 })).status).toBe(404);
  });

  it('imports a CSV: a preview first, then the draft; errors name row and column', async () => {
    const csv =
      'year,metric,value,qualifier,unit,source_title,source_url\n2016,volunteers,2050,exact,,Rapport,https://example.org/r\n';
    const preview = await json(await call('POST', '/import', { csv, dryRun: true }));
    expect(preview.previews).toEqual([
      expect.objectContaining({
        year: 2016,
        head: 1,
        changes: expect.arrayContaining([
          { metric: 'volunteers', field: 'value', before: 2000, after: 2050 },
        ]),
      }),
    ]);
    expect((await json(await call('GET', '/years/2016'))).head).toBe(1);
    const done = await call('POST', '/import', { csv, dryRun: false, baseVersions: { '2016': 1 } });
    expect(done.status).toBe(200);
    expect((await json(done)).saved[0]).toMatchObject({ action: 'import', version: 2 });
    const bad = await call('POST', '/import', {
      csv: csv + '2016,volunteers,beaucoup,exact,,R,https://e.org\n2016,nope,1,exact,,R,https://e.org\n',
      dryRun: true,
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual(
      [
        [3, 'metric'],
        [3, 'value'],
        [4, 'metric'],
      ],
    );
  });

  it('finishes a write that stopped between its history entry and its heads', async () => {
    const entry = {
      year: 2016,
      savedAt: '2026-01-02T00:00:00Z',
      savedBy: 'editor@example.org',
      changes: [],
      figures: [figure('volunteers', 2222)],
    };
    expect(await t.repo.appendVersion({ ...entry, version: 2, action: 'save' })).toBe(true);
    const saved = await json(await call('GET', '/years/2016'));
    expect(saved).toMatchObject({ head: 2, draft: { version: 2 } });
    expect(await t.repo.appendVersion({ ...entry, version: 3, action: 'discard' })).toBe(true);
    const discarded = await json(await call('GET', '/years/2016'));
    expect(discarded.head).toBe(3);
    expect(discarded.draft).toBeUndefined();
    expect(discarded.published.version).toBe(1);
  });

  it('lets exactly one of fifty concurrent saves from the same version win', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('PUT', '/years/2016/draft', { baseVersion: 1, figures: [figure('volunteers', 3000 + i)] }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s === 200),
      `statuses ${statuses.join(' ')}`,
    ).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = await json(results[statuses.indexOf(200)]!);
    const { versions } = await json(await call('GET', '/years/2016/history'));
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const state = await json(await call('GET', '/years/2016'));
    expect(state.draft.figures[0].value).toBe(winner.record.figures[0].value);
  });
});
