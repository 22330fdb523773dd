/**
 * The staff API's embargo routes on both local stores: every bad credential refused on every
 * route, editors may list but only publishers create and revoke, times validated on the Paris
 * clock, and the link's address working until revoked.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/src/api/admin-app';
import { DynamoEmbargoRepository } from '../../functions/src/adapters/dynamo-embargo';
import { createDocumentClient } from '../../functions/src/adapters/dynamo-client';
import { resolveEmbargo } from '../../functions/src/core/embargo';
import { signStaffToken, type SigningKey } from '../../functions/local/issuer';
import type { RunningStore } from '../../functions/local/stores';
import { figure } from '../support/fixtures';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../support/stores';
import { authFor, badAuthorizations, editorToken, testKey } from '../support/tokens';

const NOW = new Date('2026-03-01T10:00:00Z');
const secret = new TextEncoder().encode('a test secret of more than thirty-two characters');
const TIMES = { embargoUntil: '2026-03-10T10:00', expiresAt: '2026-03-12T10:00' };
const ROUTES: [string, string, unknown?][] = [
  ['GET', '/years/2026/embargo'],
  ['POST', '/years/2026/embargo', TIMES],
  ['POST', '/embargo/abc/revoke'],
];

describe.each(STORE_KINDS)('admin embargo routes on %s', (kind) => {
  let store: RunningStore;
  let key: SigningKey;
  let t: TestTable;
  let links: DynamoEmbargoRepository;
  let admin: ReturnType<typeof createAdminApp>;
  let editor: string;
  let publisher: string;
  let audit: Record<string, unknown>[];

  beforeAll(async () => {
    store = await startStore(kind);
    key = await testKey();
    editor = `Bearer ${await editorToken(key)}`;
    publisher = `Bearer ${await signStaffToken(key, { email: 'publisher@example.org', groups: ['publishers'] })}`;
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
    links = new DynamoEmbargoRepository(createDocumentClient(t.config), t.config.tableName);
    await t.repo.createPublished(
      { year: 2025, figures: [figure('volunteers', 2000)] },
      'seed',
      NOW.toISOString(),
    );
    await t.repo.appendVersion({
      year: 2026,
      version: 1,
      action: 'save',
      figures: [figure('volunteers', 2100)],
      savedAt: NOW.toISOString(),
      savedBy: 'editor@example.org',
      changes: [],
    });
    await t.repo.applyVersion((await t.repo.getVersion(2026, 1))!);
    audit = [];
    admin = createAdminApp({
      repo: t.repo,
      auth: authFor(key),
      cdn: { invalidate: async () => {} },
      audit: (l) => void audit.push(l),
      clock: () => NOW,
      embargo: { links, secret },
    });
  });

  const call = (method: string, path: string, body?: unknown, auth: string | null = publisher) =>
    admin.request(`/api/v1/admin${path}`, {
      method,
      headers: { ...(auth ? { Authorization: auth } : {}), 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field
  const json = async (res: Response) => (await res.json()) as Record<string, any>;

  it('refuses every embargo route to every kind of bad credential', async () => {
    const bad = await badAuthorizations(key);
    for (const [method, path, body] of ROUTES)
      for (const [name, header, status] of bad) {
        const res = await call(method, path, body, header ?? null);
        expect(res.status, `${method} ${path} with ${name}`).toBe(status);
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    expect(await links.listLinks()).toEqual([]);
  });

  it('lets editors list, and only publishers create and revoke', async () => {
    expect((await call('GET', '/years/2026/embargo', undefined, editor)).status).toBe(200);
    const refused = await call('POST', '/years/2026/embargo', TIMES, editor);
    expect(refused.status).toBe(403);
    expect((await json(refused)).code).toBe('FORBIDDEN');
    const made = await json(await call('POST', '/years/2026/embargo', TIMES));
    expect((await call('POST', `/embargo/${made.id}/revoke`, undefined, editor)).status).toBe(403);
    expect((await links.getLink(made.id))?.revokedAt).toBeUndefined();
  });

  it('makes a link to the draft, lists it with its address and who made it, and revokes it', async () => {
    const res = await call('POST', '/years/2026/embargo', TIMES);
    expect(res.status).toBe(201);
    const made = await json(res);
    expect(made).toMatchObject({
      year: 2026,
      embargoUntil: '2026-03-10T09:00:00.000Z',
      expiresAt: '2026-03-12T09:00:00.000Z',
      createdBy: 'publisher@example.org',
      state: 'active',
    });
    expect(made.path).toMatch(/^\/embargo\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const token = made.path.slice('/embargo/'.length);
    expect(await resolveEmbargo(token, { links, secret, now: NOW })).toMatchObject({ status: 'ok' });

    const listed = await json(await call('GET', '/years/2026/embargo', undefined, editor));
    expect(listed.links).toEqual([made]);
    expect((await json(await call('GET', '/years/2025/embargo'))).links).toEqual([]);

    const revoked = await json(await call('POST', `/embargo/${made.id}/revoke`));
    expect(revoked).toMatchObject({ state: 'revoked', revokedBy: 'publisher@example.org' });
    expect(revoked.path).toBeUndefined();
    expect(await resolveEmbargo(token, { links, secret, now: NOW })).toEqual({ status: 'gone' });
    expect(audit.filter((l) => l.embargo).map((l) => [l.action, l.who, l.embargo, l.link])).toEqual([
      ['POST /api/v1/admin/years/:year/embargo', 'publisher@example.org', 'create', made.id],
      ['POST /api/v1/admin/embargo/:id/revoke', 'publisher@example.org', 'revoke', made.id],
    ]);
  });

  it('says every problem with the times at once, and needs a draft', async () => {
    const bad = await call('POST', '/years/2026/embargo', {
      embargoUntil: 'demain',
      expiresAt: '2026-02-01T10:00',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).problems.map((p: { path: string }) => p.path)).toEqual([
      'embargoUntil',
      'expiresAt',
    ]);
    expect((await call('POST', '/years/2026/embargo', { ...TIMES, extra: 1 })).status).toBe(400);
    const noDraft = await call('POST', '/years/2025/embargo', TIMES);
    expect(noDraft.status).toBe(404);
    expect((await call('POST', '/embargo/unknown/revoke')).status).toBe(404);
    expect((await call('POST', '/embargo/not%20an%20id/revoke')).status).toBe(400);
    expect(await links.listLinks()).toEqual([]);
  });
});
