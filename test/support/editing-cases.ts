/**
 * The staff use cases (`functions/src/core/editing.ts`) specified against any
 * `EditingRepository`: run in memory by `editing.spec.ts` and on both local DynamoDBs by
 * `functions/src/adapters/editing-stores.spec.ts`, so the in-memory port and the adapter are
 * held to the same behaviour.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditingRepository, VersionRecord } from '../../functions/src/core/editing-repository';
import {
  discardDraft,
  importCsv,
  loadState,
  publishDraft,
  restoreVersion,
  saveDraft,
} from '../../functions/src/core/editing';
import { DomainError } from '../../functions/src/core/errors';
import { figure } from './fixtures';

const editor = { id: 'editor@example.org' };
const other = { id: 'other@example.org' };
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9));

/** The error a use case threw, for asserting its code and details. */
async function failure(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

export function editingCases(name: string, makeRepo: () => Promise<EditingRepository>): void {
  describe(`the staff use cases, ${name}`, () => {
    let repo: EditingRepository;
    beforeEach(async () => {
      repo = await makeRepo();
      await repo.createPublished(
        { year: 2015, figures: [figure('volunteers', 2000)] },
        'seed',
        at(1).toISOString(),
      );
    });

    it('saves a first draft of a new year as version 1, with who, when and what changed', async () => {
      const { record } = await saveDraft(
        repo,
        { year: 2016, figures: [figure('volunteers', 2100)] },
        0,
        editor,
        { now: at(2) },
      );
      expect(record).toMatchObject({
        year: 2016,
        version: 1,
        action: 'save',
        savedBy: editor.id,
        savedAt: at(2).toISOString(),
      });
      expect(record.changes).toEqual([{ metric: 'volunteers', field: '(added)', after: 2100 }]);
      expect(await loadState(repo, 2016)).toMatchObject({
        head: 1,
        published: undefined,
        draft: { version: 1, updatedBy: editor.id },
      });
    });

    it('refuses a save from a stale version with VERSION_CONFLICT and the current version, writing nothing', async () => {
      await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, editor, { now: at(2) });
      const error = await failure(
        saveDraft(repo, { year: 2015, figures: [figure('volunteers', 9)] }, 1, other, { now: at(3) }),
      );
      expect([error.code, error.details?.current]).toEqual(['VERSION_CONFLICT', 2]);
      expect((await repo.listVersions(2015)).map((v) => v.version)).toEqual([2, 1]);
      expect((await repo.getDraft(2015))?.figures[0]?.value).toBe(2100);
    });

    it('lets exactly one of two saves from the same version through', async () => {
      const saves = [editor, other].map((who, i) =>
        saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100 + i)] }, 1, who, { now: at(2) }),
      );
      const settled = await Promise.allSettled(saves);
      expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
      expect((lost.reason as DomainError).code).toBe('VERSION_CONFLICT');
      const won = (
        settled.find((s) => s.status === 'fulfilled') as PromiseFulfilledResult<{ record: VersionRecord }>
      ).value.record;
      expect(await repo.getDraft(2015)).toMatchObject({ version: 2, figures: won.figures });
    });

    it('refuses invalid figures with every problem, writing nothing', async () => {
      const error = await failure(
        saveDraft(
          repo,
          { year: 2016, figures: [figure('volunteers', -1), figure('no_such_metric', 2)] },
          0,
          editor,
        ),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.problems?.length).toBe(2);
      expect(await repo.listVersions(2016)).toEqual([]);
    });

    it('warns, without blocking, when a figure moves by more than half against the previous year', async () => {
      const { record, warnings } = await saveDraft(
        repo,
        { year: 2016, figures: [figure('volunteers', 5000)] },
        0,
        editor,
      );
      expect(record.version).toBe(1);
      expect(warnings.map((w) => w.code)).toEqual(['LARGE_CHANGE']);
    });

    it('publishes the draft as the next version and ends it', async () => {
      await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, editor, { now: at(2) });
      const published = await publishDraft(repo, 2015, 2, other, at(3), {
        reason: 'Chiffre du rapport définitif',
      });
      expect(published).toMatchObject({ version: 3, action: 'publish', savedBy: other.id });
      expect(published.changes).toEqual([
        { metric: 'volunteers', field: 'value', before: 2000, after: 2100 },
      ]);
      expect(await repo.getPublished(2015)).toMatchObject({
        version: 3,
        publishedBy: other.id,
        publishedAt: at(3).toISOString(),
        figures: [{ value: 2100 }],
      });
      expect(await repo.getDraft(2015)).toBeUndefined();
    });

    it('refuses to correct a published year without a reason, writing nothing', async () => {
      await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, editor);
      for (const reason of [undefined, '', '   ', 42, 'raison\u0000']) {
        const error = await failure(publishDraft(repo, 2015, 2, editor, at(3), { reason }));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details?.problems?.map((p) => [p.path, p.code])).toEqual([
          ['reason', reason === 'raison\u0000' ? 'CONTROL_CHARACTER' : 'REASON_REQUIRED'],
        ]);
      }
      expect((await loadState(repo, 2015)).head).toBe(2);
      expect((await repo.getPublished(2015))?.version).toBe(1);
    });

    it('keeps each correction in the published year: when, why, what changed (never a research note), never who', async () => {
      await saveDraft(repo, { year: 2016, figures: [figure('volunteers', 900)] }, 0, editor);
      // A first publication corrects nothing and needs no reason.
      await publishDraft(repo, 2016, 1, editor, at(2));
      expect((await repo.getPublished(2016))?.corrections).toBeUndefined();
      await saveDraft(
        repo,
        { year: 2016, figures: [{ ...figure('volunteers', 950), note: 'lu dans le rapport' }] },
        2,
        editor,
      );
      await publishDraft(repo, 2016, 3, other, at(4), { reason: '  Rapport définitif  ' });
      await saveDraft(repo, { year: 2016, figures: [figure('volunteers', 960)] }, 4, editor);
      await publishDraft(repo, 2016, 5, other, at(6), { reason: 'Erreur de saisie' });
      const published = await repo.getPublished(2016);
      expect(published?.corrections).toEqual([
        {
          version: 4,
          correctedAt: at(4).toISOString(),
          reason: 'Rapport définitif',
          changes: [{ metric: 'volunteers', field: 'value', before: 900, after: 950 }],
        },
        {
          version: 6,
          correctedAt: at(6).toISOString(),
          reason: 'Erreur de saisie',
          changes: [{ metric: 'volunteers', field: 'value', before: 950, after: 960 }],
        },
      ]);
      expect(JSON.stringify(published?.corrections)).not.toMatch(/@|lu dans/);
    });

    it('answers NOT_FOUND to publishing or discarding a year with no draft, writing nothing', async () => {
      expect((await failure(publishDraft(repo, 2015, 1, editor))).code).toBe('NOT_FOUND');
      expect((await failure(discardDraft(repo, 2015, 1, editor))).code).toBe('NOT_FOUND');
      expect((await repo.listVersions(2015)).length).toBe(1);
    });

    it('discards a draft and leaves the published year as it was', async () => {
      await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, editor);
      expect(await discardDraft(repo, 2015, 2, editor)).toMatchObject({ version: 3, action: 'discard' });
      expect(await loadState(repo, 2015)).toMatchObject({
        head: 3,
        draft: undefined,
        published: { version: 1, figures: [{ value: 2000 }] },
      });
    });

    it('restores an earlier version as a new draft naming where it came from', async () => {
      await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, editor);
      await publishDraft(repo, 2015, 2, editor, at(3), { reason: 'rapport définitif' });
      const { record } = await restoreVersion(repo, 2015, 1, 3, editor);
      expect(record).toMatchObject({
        version: 4,
        action: 'restore',
        restoredFrom: 1,
        figures: [{ value: 2000 }],
      });
      expect(await repo.getDraft(2015)).toMatchObject({ version: 4, figures: [{ value: 2000 }] });
      expect((await failure(restoreVersion(repo, 2015, 9, 4, editor))).code).toBe('NOT_FOUND');
    });

    it('finishes a write that stopped between its history entry and its heads', async () => {
      const stopped: VersionRecord = {
        year: 2015,
        version: 2,
        action: 'save',
        figures: [figure('volunteers', 2100)],
        savedAt: at(2).toISOString(),
        savedBy: editor.id,
        changes: [],
      };
      expect(await repo.appendVersion(stopped)).toBe(true);
      expect(await repo.getDraft(2015)).toBeUndefined();
      expect(await loadState(repo, 2015)).toMatchObject({
        head: 2,
        draft: { version: 2, figures: [{ value: 2100 }] },
      });
    });

    it('never moves a head backwards, and never ends a newer draft', async () => {
      await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, editor);
      const [newest, older] = await repo.listVersions(2015);
      await repo.applyVersion({ ...older!, action: 'publish' });
      await repo.applyVersion({ ...newest!, version: 1, action: 'save', figures: [figure('volunteers', 1)] });
      expect(await repo.getDraft(2015)).toMatchObject({ version: 2, figures: [{ value: 2100 }] });
      expect(await repo.getPublished(2015)).toMatchObject({ version: 1, figures: [{ value: 2000 }] });
    });

    describe('importing a CSV', () => {
      const csv = [
        'year,metric,value,qualifier,source_title,source_url',
        '2015,volunteers,2200,,T,https://e.org',
        '2016,volunteers,2300,about,T,https://e.org',
        '',
      ].join('\n');

      it('previews without writing, then saves every year as a draft from the versions previewed', async () => {
        const { previews, saved } = await importCsv(repo, csv, editor, { dryRun: true });
        expect(saved).toEqual([]);
        expect(previews.map((p) => [p.year, p.head, p.figures])).toEqual([
          [2015, 1, 1],
          [2016, 0, 1],
        ]);
        expect(await repo.listDrafts()).toEqual([]);
        const done = await importCsv(repo, csv, editor, {
          dryRun: false,
          baseVersions: { 2015: 1, 2016: 0 },
        });
        expect(done.saved.map((r) => [r.year, r.version, r.action])).toEqual([
          [2015, 2, 'import'],
          [2016, 1, 'import'],
        ]);
        expect((await repo.listDrafts()).map((d) => d.year)).toEqual([2015, 2016]);
      });

      it('writes nothing when one year moved since the preview', async () => {
        await saveDraft(repo, { year: 2015, figures: [figure('volunteers', 2100)] }, 1, other);
        const error = await failure(
          importCsv(repo, csv, editor, { dryRun: false, baseVersions: { 2015: 1, 2016: 0 } }),
        );
        expect([error.code, error.details?.current]).toEqual(['VERSION_CONFLICT', 2]);
        expect(await repo.listVersions(2016)).toEqual([]);
      });

      it('names the line and column of every bad cell, writing nothing', async () => {
        const bad = [
          'year,metric,value,qualifier,source_title,source_url',
          '2015,volunteers,-3,,T,https://e.org',
          'x,volunteers,1,,T,https://e.org',
          '',
        ].join('\n');
        const error = await failure(
          importCsv(repo, bad, editor, { dryRun: false, baseVersions: { 2015: 1 } }),
        );
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details?.problems?.map((p) => (p as { row?: number }).row)).toEqual([2, 3]);
        expect(await repo.listDrafts()).toEqual([]);
      });
    });
  });
}
