/**
 * The audit log's staff routes against both real local stores: staff only (every bad
 * credential refused, editors and publishers let in), filters validated all at once, the
 * changes made through the admin API listed newest first, the CSV and XLSX of a period.
 */
import { readSheet } from 'read-excel-file/universal';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp, reviewDeps } from '../../functions/src/api/admin-app';
import { runSchedule } from '../../functions/src/api/admin-review';
import type { SigningKey } from '../../functions/local/issuer';
import { signStaffToken } from '../../functions/local/issuer';
import type { RunningStore } from '../../functions/local/stores';
import { figure } from '../support/fixtures';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../support/stores';
import { authFor, badAuthorizations, editorToken, testKey } from '../support/tokens';

const ROUTES = ['/audit', '/audit.csv', '/audit.xlsx', '/audit?year=2016'];

describe.each(STORE_KINDS)('the audit log API on %s', (kind) => {
  let store: RunningStore;
  let key: SigningKey;
  let t: TestTable;
  let admin: ReturnType<typeof createAdminApp>;
  let editor: string;
  let publisher: string;
  let now: Date;

  beforeAll(async () => {
    store = await startStore(kind);
    key = await testKey();
    editor = await editorToken(key, 'anne@example.org');
    publisher = await signStaffToken(key, { email: 'paul@example.org', groups: ['publishers'] });
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
    await t.repo.createPublished(
      { year: 2016, figures: [figure('volunteers', 2000)] },
      'seed:data',
      '2026-01-01T00:00:00Z',
    );
    now = new Date('2026-03-31T21:30:00Z'); // 31 March, 23:30 in Paris
    admin = createAdminApp({
      repo: t.repo,
      auth: authFor(key),
      cdn: { invalidate: async () => {} },
      audit: () => {},
      clock: () => now,
    });
  });

  const call = (method: string, path: string, token: string | null, body?: unknown) =>
    admin.request(`/api/v1/admin${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field, their shape asserted by the tests
  const json = async (res: Response) => (await res.json()) as Record<string, any>;

  /** Anne drafts 2016 and 2017 on 31 March (Paris); Paul, a publisher, publishes 2016 on 1 April. */
  async function changes() {
    expect(
      (
        await call('PUT', '/years/2016/draft', editor, {
          baseVersion: 1,
          figures: [figure('volunteers', 2100, { qualifier: 'more_than' })],
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('PUT', '/years/2017/draft', editor, { baseVersion: 0, figures: [figure('volunteers', 5)] }))
        .status,
    ).toBe(200);
    now = new Date('2026-03-31T22:00:00Z'); // 1 April, midnight in Paris
    const published = await call('POST', '/years/2016/publish', publisher, {
      baseVersion: 2,
      reason: 'Rapport d’activité définitif',
    });
    expect(published.status).toBe(200);
  }

  it('refuses every bad credential on every route, and lets editors and publishers in', async () => {
    const bad = await badAuthorizations(key);
    for (const path of ROUTES)
      for (const [name, header, status] of bad) {
        const res = await admin.request(`/api/v1/admin${path}`, {
          headers: header ? { Authorization: header } : {},
        });
        expect(res.status, `${path} with ${name}`).toBe(status);
        expect((await json(res)).code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    for (const path of ROUTES)
      for (const token of [editor, publisher]) {
        const res = await call('GET', path, token);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
  });

  it('lists the changes newest first, with who, and filters them', async () => {
    await changes();
    const all = await json(await call('GET', '/audit', editor));
    expect(
      all.entries.map((e: { kind: string; version: number; by: string }) => [e.kind, e.version, e.by]),
    ).toEqual([
      ['year.publish', 3, 'paul@example.org'],
      // Saved at the same instant: the tie is broken by subject, 2016 before 2017.
      ['year.save', 2, 'anne@example.org'],
      ['year.save', 1, 'anne@example.org'],
      ['year.seed', 1, 'seed:data'],
    ]);
    expect(all.entries[0]).toMatchObject({
      subject: { type: 'year', year: 2016 },
      comment: 'Rapport d’activité définitif',
      changes: [
        { metric: 'volunteers', field: 'value', before: 2000, after: 2100 },
        { metric: 'volunteers', field: 'qualifier', before: 'exact', after: 'more_than' },
      ],
    });
    expect(all.facets).toEqual({
      people: ['anne@example.org', 'paul@example.org', 'seed:data'],
      years: [2017, 2016],
      kinds: ['year.publish', 'year.save', 'year.seed'],
    });
    const kinds = async (query: string) =>
      (await json(await call('GET', `/audit?${query}`, editor))).entries.map(
        (e: { kind: string; subject: { year: number } }) => `${e.kind} ${e.subject.year}`,
      );
    expect(await kinds('person=paul@example.org')).toEqual(['year.publish 2016']);
    expect(await kinds('year=2017')).toEqual(['year.save 2017']);
    expect(await kinds('kind=year.save&year=2016')).toEqual(['year.save 2016']);
    expect(await kinds('from=2026-04-01')).toEqual(['year.publish 2016']);
    expect(await kinds('from=2026-03-31&to=2026-03-31')).toEqual(['year.save 2016', 'year.save 2017']);
    // A GET form's empty fields filter nothing.
    expect(await kinds('person=&year=&kind=&from=&to=')).toHaveLength(4);
    const page = await json(await call('GET', '/audit?limit=1&offset=1', editor));
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(page.entries).toHaveLength(1);
  });

  it('counts an import’s entries only once the import is committed, as loadState does', async () => {
    const entry = {
      year: 2016,
      version: 2,
      action: 'import' as const,
      figures: [figure('volunteers', 2500)],
      savedAt: '2026-03-01T10:00:00.000Z',
      savedBy: 'anne@example.org',
      changes: [{ metric: 'volunteers', field: 'value', before: 2000, after: 2500 }],
      importId: 'import-under-way',
    };
    expect(await t.repo.appendVersion(entry)).toBe(true);
    const imports = async () => (await json(await call('GET', '/audit?kind=year.import', editor))).total;
    expect(await imports()).toBe(0);
    await t.repo.commitImport('import-under-way', '2026-03-01T10:00:01.000Z');
    expect(await imports()).toBe(1);
  });

  it('names every malformed parameter at once', async () => {
    const res = await call(
      'GET',
      '/audit?year=16&from=2026-02-30&to=yesterday&kind=Year!&limit=0&colour=red',
      editor,
    );
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      '(root)',
      'from',
      'kind',
      'limit',
      'to',
      'year',
    ]);
    expect(body.problems.find((p: { path: string }) => p.path === 'from').message).toBe(
      'expected a day as YYYY-MM-DD',
    );
    expect(body.problems.find((p: { path: string }) => p.path === '(root)').message).toContain('colour');
    const order = await json(await call('GET', '/audit?from=2026-04-02&to=2026-04-01', editor));
    expect(order.problems).toEqual([
      expect.objectContaining({
        path: 'to',
        code: 'MALFORMED',
        message: 'expected a day on or after from (2026-04-02)',
      }),
    ]);
    for (const path of ['/audit.csv?year=x', '/audit.xlsx?to=2026-13-01'])
      expect((await call('GET', path, editor)).status, path).toBe(400);
  });

  it('exports a period as French Excel’s CSV and as XLSX, in Paris time', async () => {
    await changes();
    const csvRes = await call('GET', '/audit.csv?from=2026-03-31&to=2026-04-01', editor);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toBe(
      'attachment; filename="cimade-journal-2026-03-31-2026-04-01.csv"',
    );
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'Date (heure de Paris);Personne;Modification;Code;Objet;Année;Version;Indicateur;Champ;Avant;Après;Commentaire;Publication prévue (heure de Paris)',
    );
    expect(lines.slice(1, 3)).toEqual([
      '01/04/2026 00:00:00;paul@example.org;Publication;year.publish;Année 2016;2016;3;Bénévoles;valeur;2000;2100;Rapport d’activité définitif;',
      '01/04/2026 00:00:00;paul@example.org;Publication;year.publish;Année 2016;2016;3;Bénévoles;précision;exact;plus de;Rapport d’activité définitif;',
    ]);
    expect(lines).toHaveLength(1 + 5 + 1); // the header, 2 + 2 + 1 changes, after the last CRLF nothing
    const en = new TextDecoder().decode(
      new Uint8Array(await (await call('GET', '/audit.csv?lang=en', editor)).arrayBuffer()),
    );
    expect(en).toContain('Date (Paris time);Person;Change;');
    expect(en).toContain(';initial import (data/);Initial figures;year.seed;Year 2016;2016;1;');

    const xlsxRes = await call('GET', '/audit.xlsx?person=paul@example.org', editor);
    expect(xlsxRes.status).toBe(200);
    expect(xlsxRes.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const [header, ...rows] = (await readSheet(await xlsxRes.arrayBuffer())) as unknown[][];
    expect(header).toEqual([
      'Date (heure de Paris)',
      'Personne',
      'Modification',
      'Code',
      'Objet',
      'Année',
      'Version',
      'Indicateur',
      'Champ',
      'Avant',
      'Après',
      'Commentaire',
      'Publication prévue (heure de Paris)',
    ]);
    expect(rows).toEqual([
      [
        new Date('2026-04-01T00:00:00Z'),
        'paul@example.org',
        'Publication',
        'year.publish',
        'Année 2016',
        2016,
        3,
        'Bénévoles',
        'valeur',
        2000,
        2100,
        'Rapport d’activité définitif',
        null,
      ],
      [
        new Date('2026-04-01T00:00:00Z'),
        'paul@example.org',
        'Publication',
        'year.publish',
        'Année 2016',
        2016,
        3,
        'Bénévoles',
        'précision',
        'exact',
        'plus de',
        'Rapport d’activité définitif',
        null,
      ],
    ]);
  });

  it('says when an approval, a move and a scheduled publication are for, in the page and both exports', async () => {
    await call('PUT', '/years/2017/draft', editor, { baseVersion: 0, figures: [figure('volunteers', 5)] });
    // Approved on 31 March at 23:30 (Paris) for 2 April 09:30, moved to 10:00, published then.
    const approved = await call('POST', '/years/2017/approve', publisher, {
      baseVersion: 1,
      publishAt: '2026-04-02T09:30',
    });
    expect(approved.status).toBe(200);
    now = new Date('2026-03-31T21:40:00Z');
    expect(
      (
        await call('PUT', '/years/2017/schedule', publisher, {
          baseVersion: 2,
          publishAt: '2026-04-02T10:00',
        })
      ).status,
    ).toBe(200);
    now = new Date('2026-04-02T08:00:00Z');
    expect(
      (
        await runSchedule(
          reviewDeps({
            repo: t.repo,
            cdn: { invalidate: async () => {} },
            clock: () => now,
            count: () => {},
          }),
          { year: 2017, version: 3 },
          () => {},
        )
      ).outcome,
    ).toBe('published');
    const log = await json(await call('GET', '/audit?year=2017', editor));
    expect(log.entries.map((e: { kind: string; scheduledFor?: string }) => [e.kind, e.scheduledFor])).toEqual(
      [
        ['year.publish', '2026-04-02T08:00:00.000Z'],
        ['year.reschedule', '2026-04-02T08:00:00.000Z'],
        ['year.approve', '2026-04-02T07:30:00.000Z'],
        ['year.save', undefined],
      ],
    );
    const csv = new TextDecoder().decode(
      new Uint8Array(
        await (await call('GET', '/audit.csv?year=2017&kind=year.approve', editor)).arrayBuffer(),
      ),
    );
    expect(csv.split('\r\n')[1]).toBe(
      '31/03/2026 23:30:00;paul@example.org;Approuvé;year.approve;Année 2017;2017;2;;;;;;02/04/2026 09:30:00',
    );
    const [, row] = (await readSheet(
      await (await call('GET', '/audit.xlsx?year=2017&kind=year.approve', editor)).arrayBuffer(),
    )) as unknown[][];
    // Paris's wall clock, as a date cell (a day's fraction in a float: read back within a millisecond).
    expect(row!.at(-1)).toBeInstanceOf(Date);
    expect((row!.at(-1) as Date).getTime() - Date.parse('2026-04-02T09:30:00Z')).toBeGreaterThan(-2);
    expect((row!.at(-1) as Date).getTime() - Date.parse('2026-04-02T09:30:00Z')).toBeLessThan(2);
    const en = new TextDecoder().decode(
      new Uint8Array(await (await call('GET', '/audit.csv?year=2017&lang=en', editor)).arrayBuffer()),
    );
    expect(en).toContain(';Scheduled publication moved;year.reschedule;');
  });

  it('reads twenty years of fifty versions each in one request (measured, printed)', async () => {
    const figures = [figure('volunteers', 1), figure('people_supported', 2)];
    for (let year = 2000; year < 2020; year++) {
      const records = Array.from({ length: 50 }, (_, i) => ({
        year,
        version: i + 1,
        action: (i === 49 ? 'publish' : 'save') as 'publish' | 'save',
        figures,
        savedAt: new Date(Date.UTC(year, 0, 1, 0, i)).toISOString(),
        savedBy: `p${i % 3}@example.org`,
        changes: [{ metric: 'volunteers', field: 'value', before: i, after: i + 1 }],
      }));
      await Promise.all(records.map((r) => t.repo.appendVersion(r)));
      await t.repo.applyVersion(records.at(-1)!);
    }
    const started = performance.now();
    const res = await call('GET', '/audit?kind=year.publish', editor);
    const ms = performance.now() - started;
    const body = await json(res);
    console.info(`audit log on ${kind}: 1000 entries read, merged and filtered in ${ms.toFixed(0)} ms`);
    expect(body.total).toBe(20);
    expect(body.facets.years).toHaveLength(20);
    expect((await json(await call('GET', '/audit?limit=1', editor))).total).toBe(1000);
  });
});
