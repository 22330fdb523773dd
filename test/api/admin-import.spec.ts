/**
 * The staff import against both local stores: the files staff's spreadsheets write (French
 * Excel's Windows-1252 CSV, LibreOffice's XLSX), the model's round trip, every problem at
 * once, and an import that is all or nothing when a colleague saves at the same time.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/src/api/admin-app';
import { importFile, IMPORT_TIMEOUT_MS, loadState, saveDraft } from '../../functions/src/core/editing';
import type { EditingRepository, VersionRecord } from '../../functions/src/core/editing-repository';
import { toImportModel } from '../../functions/src/core/import-model';
import { readSeedYears, seed } from '../../functions/local/seed';
import type { RunningStore } from '../../functions/local/stores';
import { figure } from '../support/fixtures';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../support/stores';
import { authFor, editorToken, testKey } from '../support/tokens';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const seeded = (year: number) => readSeedYears().find((y) => y.year === year)!;
const editor = { id: 'importer@example.org' };
const colleague = { id: 'colleague@example.org' };
const NOW = new Date('2026-11-26T12:00:00Z');

/** Five years as one import file, each with a value of its own. */
const YEARS = [2000, 2001, 2002, 2003, 2004];
const importOf = (value: number) =>
  toImportModel(
    YEARS.map((year) => ({
      year,
      figures: [
        figure('volunteers', value + year, {
          source: { title: 'Rapport d’activité', url: 'https://www.lacimade.org/' },
        }),
      ],
    })),
  );

describe.each(STORE_KINDS)('the staff import on %s', (kind) => {
  let store: RunningStore;
  let t: TestTable;
  const key = testKey();

  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
    await seed(t.repo, undefined, new Date('2026-01-01T00:00:00Z'));
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const k = await key;
    const app = createAdminApp({
      repo: t.repo,
      auth: authFor(k),
      cdn: { invalidate: async () => {} },
      audit: () => {},
      clock: () => NOW,
    });
    return app.request(`/api/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${await editorToken(k)}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field, their shape asserted by the tests
  const json = async (res: Response) => (await res.json()) as Record<string, any>;
  const importBytes = (bytes: Uint8Array, dryRun: boolean, baseVersions?: Record<string, number>) =>
    call('POST', '/import', {
      file: Buffer.from(bytes).toString('base64'),
      dryRun,
      ...(baseVersions ? { baseVersions } : {}),
    });

  it('takes back the downloaded model unchanged: no change proposed for any year', async () => {
    const model = await call('GET', '/template.csv');
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toMatch(/^text\/csv/);
    const preview = await json(await importBytes(new Uint8Array(await model.arrayBuffer()), true));
    expect(preview.previews.length).toBe(readSeedYears().length);
    expect(preview.previews.filter((p: { changes: unknown[] }) => p.changes.length)).toEqual([]);
  });

  it.each([
    [
      'French Excel’s CSV (Windows-1252, `;`)',
      'excel-fr-2019.csv',
      2019,
      { format: 'csv', encoding: 'windows-1252' },
    ],
    ['LibreOffice’s XLSX', 'libreoffice-2022.xlsx', 2022, { format: 'xlsx' }],
  ])('imports %s: the draft holds exactly its figures, accents intact', async (_name, file, year, read) => {
    const preview = await json(await importBytes(fixture(file), true));
    expect(preview).toMatchObject({ ...read, previews: [{ year, head: 1, changes: [] }] });
    const done = await importBytes(fixture(file), false, { [year]: 1 });
    expect(done.status).toBe(200);
    const state = await json(await call('GET', `/years/${year}`));
    expect(state.draft.figures).toEqual(seeded(year).figures);
    expect(state.draft).toMatchObject({ version: 2, updatedBy: 'editor@example.org' });
  });

  it('answers a broken file with every problem at once, coded, with the file’s lines and columns', async () => {
    const res = await importBytes(fixture('excel-fr-broken.csv'), true);
    expect(res.status).toBe(400);
    const { problems } = await json(res);
    expect(
      problems.map((p: { row: number; column: string; code: string }) => `${p.row} ${p.column} ${p.code}`),
    ).toEqual([
      '2 Valeur NOT_A_NUMBER',
      '3 Indicateur NOT_A_METRIC',
      '4 Lien de la source NOT_HTTP_URL',
      '5 Précision UNKNOWN_QUALIFIER',
      '6 Année NOT_A_YEAR',
      '7 Indicateur DUPLICATE_ROW',
      '8 Valeur NEGATIVE',
      '8 Titre de la source SOURCE_TITLE_REQUIRED',
    ]);
    expect(problems[0]).toMatchObject({ params: { raw: 'beaucoup' } });
  });

  it('keeps what the file has no column for (quotes, year notes) as it was', async () => {
    await saveDraft(
      t.repo,
      { year: 2019, figures: seeded(2019).figures, notes: 'Notes à garder' },
      1,
      colleague,
      { now: NOW },
    );
    const csv =
      'Année;Indicateur;Valeur;Titre de la source;Lien de la source\n' +
      seeded(2019)
        .figures.map(
          (f) =>
            `2019;${f.metric};${f.value};${f.source.title.includes(';') ? `"${f.source.title}"` : f.source.title};${f.source.url}`,
        )
        .join('\n');
    const preview = await json(await call('POST', '/import', { csv, dryRun: true }));
    expect(preview.previews[0].changes).toEqual([]);
  });

  /** The import's years and what each holds, read back through the core. */
  async function heads(repo: EditingRepository) {
    return Promise.all(YEARS.map((y) => loadState(repo, y, NOW)));
  }
  const importEntries = async () =>
    (await Promise.all(YEARS.map((y) => t.repo.listVersions(y)))).flat().filter((r) => r.action === 'import');

  it('writes nothing when a colleague saves one of its years between its check and its writes (409)', async () => {
    for (const y of YEARS)
      await saveDraft(t.repo, { year: y, figures: [figure('volunteers', 1)] }, 0, colleague, { now: NOW });
    const before = await heads(t.repo);
    const preview = await importFile(t.repo, { csv: importOf(100) }, editor, { dryRun: true, now: NOW });
    const baseVersions = Object.fromEntries(preview.previews.map((p) => [p.year, p.head]));
    // The colleague's save lands right after the import's first history entry.
    let raced = false;
    const racing: EditingRepository = Object.create(t.repo, {
      appendVersion: {
        value: async (r: VersionRecord) => {
          const ok = await t.repo.appendVersion(r);
          if (r.importId && !raced) {
            raced = true;
            await saveDraft(
              t.repo,
              { year: YEARS.at(-1)!, figures: [figure('volunteers', 7)] },
              1,
              colleague,
              { now: NOW },
            );
          }
          return ok;
        },
      },
    });
    await expect(
      importFile(racing, { csv: importOf(100) }, editor, { dryRun: false, baseVersions, now: NOW }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await importEntries()).toEqual([]);
    const after = await heads(t.repo);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)?.draft).toMatchObject({
      version: 2,
      updatedBy: colleague.id,
      figures: [figure('volunteers', 7)],
    });
  });

  it('is all or nothing against concurrent saves, round after round', async () => {
    for (const y of YEARS)
      await saveDraft(t.repo, { year: y, figures: [figure('volunteers', 1)] }, 0, colleague, { now: NOW });
    let imported = 0;
    let refused = 0;
    for (let round = 0; round < 8; round++) {
      const before = await heads(t.repo);
      const baseVersions = Object.fromEntries(before.map((s) => [s.year, s.head]));
      const target = YEARS[round % YEARS.length]!;
      const targetHead = before.find((s) => s.year === target)!.head;
      const [imp] = await Promise.allSettled([
        importFile(t.repo, { csv: importOf(1000 * (round + 1)) }, editor, {
          dryRun: false,
          baseVersions,
          now: NOW,
        }),
        saveDraft(t.repo, { year: target, figures: [figure('volunteers', round)] }, targetHead, colleague, {
          now: NOW,
        }),
      ]);
      const after = await heads(t.repo);
      const importedYears = after.filter(
        (s) => s.draft?.updatedBy === editor.id && s.draft.figures[0]?.value === 1000 * (round + 1) + s.year,
      );
      if (imp.status === 'fulfilled') {
        imported++;
        expect(importedYears.length).toBe(
          YEARS.length - (after.find((s) => s.year === target)!.draft!.updatedBy === colleague.id ? 1 : 0),
        );
      } else {
        refused++;
        expect(imp.reason).toMatchObject({ code: 'VERSION_CONFLICT' });
        expect(importedYears).toEqual([]);
        // Every year but the colleague's is as it was.
        expect(after.filter((s) => s.year !== target)).toEqual(before.filter((s) => s.year !== target));
      }
      // No entry of an import is left uncommitted.
      for (const r of await importEntries()) expect(await t.repo.importCommitted(r.importId!)).toBe(true);
    }
    expect(imported + refused).toBe(8);
  });

  it('reads a year without an import still under way, and forgets an import abandoned before its commit', async () => {
    await saveDraft(t.repo, { year: 2000, figures: [figure('volunteers', 1)] }, 0, colleague, { now: NOW });
    const pending: VersionRecord = {
      year: 2000,
      version: 2,
      action: 'import',
      figures: [figure('volunteers', 999)],
      savedAt: NOW.toISOString(),
      savedBy: editor.id,
      changes: [],
      importId: 'never-committed',
    };
    expect(await t.repo.appendVersion(pending)).toBe(true);
    const during = await loadState(t.repo, 2000, NOW);
    expect(during).toMatchObject({ head: 1, draft: { version: 1 } });
    // A save meanwhile collides with the entry: nothing is overwritten.
    await expect(
      saveDraft(t.repo, { year: 2000, figures: [figure('volunteers', 2)] }, 1, colleague, { now: NOW }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const later = new Date(NOW.getTime() + IMPORT_TIMEOUT_MS + 1000);
    expect(await loadState(t.repo, 2000, later)).toMatchObject({
      head: 1,
      draft: { version: 1, figures: [figure('volunteers', 1)] },
    });
    expect((await t.repo.listVersions(2000)).map((r) => r.version)).toEqual([1]);
    await saveDraft(t.repo, { year: 2000, figures: [figure('volunteers', 2)] }, 1, colleague, { now: later });
  });
});
