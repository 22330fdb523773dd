/**
 * Property-based: thousands of malformed saves and imports. Each gets a 400 with a reason;
 * none is stored; none gets a 5xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/src/api/admin-app';
import { MAX_COUNT, QUALIFIERS, metricKeyProblem } from '../../functions/src/core/metric-keys';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { figure } from '../support/fixtures';
import { freshTable, type TestTable } from '../support/stores';
import { authFor, editorToken, testKey } from '../support/tokens';

const valid = () => ({
  baseVersion: 1,
  figures: [
    figure('volunteers', 2000),
    figure('people_supported', 100000, { qualifier: 'more_than' as const }),
  ],
});
type Payload = ReturnType<typeof valid> & Record<string, unknown>;

/** Each arbitrary breaks a valid payload in one way that must be refused. */
const breakOne: fc.Arbitrary<(p: Payload) => unknown>[] = [
  fc.integer({ max: -1 }).map((v) => (p: Payload) => ((p.figures[0]!.value = v), p)),
  fc
    .double({ min: 0.001, max: 1e6, noNaN: true })
    .filter((v) => !Number.isInteger(v))
    .map((v) => (p: Payload) => ((p.figures[0]!.value = v), p)),
  fc.integer({ min: MAX_COUNT + 1 }).map((v) => (p: Payload) => ((p.figures[0]!.value = v), p)),
  fc
    .oneof(fc.string(), fc.constant(null), fc.boolean(), fc.object())
    .map((v) => (p: Payload) => (((p.figures[0] as Record<string, unknown>).value = v), p)),
  fc
    .string({ maxLength: 80 })
    .filter((m) => metricKeyProblem(m) !== undefined)
    .map((m) => (p: Payload) => ((p.figures[0]!.metric = m), p)),
  fc
    .string()
    .filter((q) => !(QUALIFIERS as readonly string[]).includes(q))
    .map((q) => (p: Payload) => (((p.figures[0] as Record<string, unknown>).qualifier = q), p)),
  fc
    .string()
    .filter((u) => !/^https?:\/\/[^\s]+$/i.test(u.trim()))
    .map((u) => (p: Payload) => ((p.figures[0]!.source = { title: 'T', url: u }), p)),
  fc
    .string({ minLength: 301, maxLength: 400 })
    .filter((t) => t.trim().length > 300)
    .map((t) => (p: Payload) => ((p.figures[0]!.source = { title: t, url: 'https://e.org' }), p)),
  fc
    .string({ minLength: 1001, maxLength: 1100 })
    .filter((t) => t.trim().length > 1000)
    .map((n) => (p: Payload) => (((p.figures[0] as Record<string, unknown>).note = n), p)),
  fc
    .string({ minLength: 1 })
    .filter(
      (k) =>
        ![
          'metric',
          'value',
          'upper',
          'qualifier',
          'unit',
          'confidence',
          'countries',
          'source',
          'note',
        ].includes(k) && k !== '__proto__',
    )
    .map((k) => (p: Payload) => (((p.figures[0] as Record<string, unknown>)[k] = 1), p)),
  fc
    .oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.string(), fc.constant(null))
    .map((b) => (p: Payload) => (((p as Record<string, unknown>).baseVersion = b), p)),
  fc
    .oneof(fc.string(), fc.integer(), fc.object(), fc.constant(null))
    .map((f) => (p: Payload) => (((p as Record<string, unknown>).figures = f), p)),
  fc.constant((p: Payload) => (p.figures.push({ ...p.figures[0]! }), p)),
  fc.string({ maxLength: 20 }).map((s) => () => s), // not a JSON object at all
];

const CSV_HEADER = 'year,metric,value,qualifier,unit,source_title,source_url';
const csvCell = fc
  .string({ maxLength: 30 })
  .map((s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s));
const badCsv: fc.Arbitrary<string>[] = [
  fc.string({ maxLength: 200 }).filter((s) => !s.includes('source_url')),
  fc
    .tuple(fc.integer({ max: 1938 }), fc.nat())
    .map(([y, v]) => `${CSV_HEADER}\n${y},volunteers,${v},exact,,T,https://e.org\n`),
  fc.integer({ max: -1 }).map((v) => `${CSV_HEADER}\n2016,volunteers,${v},exact,,T,https://e.org\n`),
  csvCell
    .filter((v) => !/^[\s\d.,\u00a0\u202f-]*$/.test(v) || v.trim() === '')
    .map((v) => `${CSV_HEADER}\n2016,volunteers,${v},exact,,T,https://e.org\n`),
  csvCell
    .filter((m) => metricKeyProblem(m.trim()) !== undefined)
    .map((m) => `${CSV_HEADER}\n2016,${m},1,exact,,T,https://e.org\n`),
  csvCell
    .filter((u) => !/^"?https?:\/\/[^\s]+$/i.test(u.trim()))
    .map((u) => `${CSV_HEADER}\n2016,volunteers,5,exact,,T,${u}\n`),
  csvCell
    .filter((q) => q.trim() !== '' && !(QUALIFIERS as readonly string[]).includes(q.trim()))
    .map((q) => `${CSV_HEADER}\n2016,volunteers,5,${q},,T,https://e.org\n`),
];

describe('malformed staff input, property-based', () => {
  let store: RunningStore;
  let t: TestTable;
  let admin: ReturnType<typeof createAdminApp>;
  let token: string;
  beforeAll(async () => {
    store = await startDynalite();
    t = await freshTable(store);
    await t.repo.createPublished({ year: 2016, figures: valid().figures }, 'seed', '2026-01-01T00:00:00Z');
    const key = await testKey();
    token = await editorToken(key);
    admin = createAdminApp({
      repo: t.repo,
      auth: authFor(key),
      cdn: { invalidate: async () => {} },
      audit: () => {},
    });
  });
  afterAll(() => store?.stop());

  /** What beforeAll stored, and nothing more: each test checks it after its own runs. */
  async function expectNothingStored(): Promise<void> {
    expect(await t.repo.listDrafts()).toEqual([]);
    expect((await t.repo.listVersions(2016)).map((v) => v.version)).toEqual([1]);
    expect((await t.repo.getPublished(2016))?.figures).toEqual(valid().figures);
  }

  const send = (method: string, path: string, body: string) =>
    admin.request(`/api/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });

  it('answers every malformed save with a 400 and a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...breakOne), async (mutate) => {
        const res = await send('PUT', '/years/2016/draft', JSON.stringify(mutate(valid())));
        expect(res.status).toBe(400);
        const body = (await res.json()) as { code: string; message: string };
        expect(body.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
    await expectNothingStored();
  });

  it('answers every malformed import with a 400 and a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...badCsv), fc.boolean(), async (csv, dryRun) => {
        const res = await send(
          'POST',
          '/import',
          JSON.stringify({ csv, dryRun, baseVersions: { '2016': 1 } }),
        );
        expect(res.status).toBe(400);
        expect(((await res.json()) as { message: string }).message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
    await expectNothingStored();
  });
});
