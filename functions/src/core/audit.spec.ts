import { describe, expect, it } from 'vitest';
import { MemoryEditingRepository } from '../../../test/support/memory-repository';
import { figure } from '../../../test/support/fixtures';
import type { AuditEntry } from './audit-entry';
import {
  allEntries,
  matches,
  pageOf,
  parisMidnight,
  parisTime,
  readAuditLog,
  yearHistorySource,
  type AuditFilter,
  versionEntry,
} from './audit';
import { auditCsv, auditRows } from './audit-export';
import type { VersionRecord } from './editing-repository';
import { sayChange, sayKind } from './audit-words';
import { discardDraft, importCsv, publishDraft, saveDraft } from './editing';

const entry = (
  at: string,
  by: string,
  kind: string,
  year?: number,
  extra: Partial<AuditEntry> = {},
): AuditEntry => ({
  at,
  by,
  kind,
  subject: year === undefined ? { type: 'catalogue', part: 'country', key: 'BJ' } : { type: 'year', year },
  ...extra,
});

const LOG: AuditEntry[] = [
  entry('2025-03-31T21:59:59Z', 'anne@example.org', 'year.save', 2024), // 31 March, 23:59:59 in Paris
  entry('2025-03-31T22:00:00Z', 'Bob@example.org', 'year.publish', 2024), // 1 April, 00:00 in Paris
  entry('2025-06-10T08:00:00Z', 'anne@example.org', 'catalogue.publish'),
  entry('2025-06-10T08:00:00Z', 'anne@example.org', 'embargo.create', undefined, {
    subject: { type: 'embargo', year: 2025 },
  }),
  entry('2024-12-31T23:30:00Z', 'bob@example.org', 'year.import', 2023), // 1 January 2025 in Paris
];

describe('the audit log', () => {
  it('merges its sources newest first, whatever their order', async () => {
    const a = async () => LOG.slice(0, 2);
    const b = async () => LOG.slice(2);
    const forwards = await allEntries([a, b]);
    expect(forwards).toEqual(await allEntries([b, a]));
    expect(forwards.map((e) => e.at)).toEqual([
      '2025-06-10T08:00:00Z',
      '2025-06-10T08:00:00Z',
      '2025-03-31T22:00:00Z',
      '2025-03-31T21:59:59Z',
      '2024-12-31T23:30:00Z',
    ]);
    // The tie is broken by kind: the same order on every read.
    expect(forwards.slice(0, 2).map((e) => e.kind)).toEqual(['catalogue.publish', 'embargo.create']);
  });

  it.each<[string, AuditFilter, string[]]>([
    ['no filter', {}, ['catalogue.publish', 'embargo.create', 'year.publish', 'year.save', 'year.import']],
    ['a person, whatever the case', { by: 'bob@EXAMPLE.org' }, ['year.publish', 'year.import']],
    ['a year (a year’s figures and its embargo links)', { year: 2025 }, ['embargo.create']],
    ['a year', { year: 2024 }, ['year.publish', 'year.save']],
    ['a kind', { kind: 'year.publish' }, ['year.publish']],
    ['a family of kinds', { kind: 'year' }, ['year.publish', 'year.save', 'year.import']],
    ['not a prefix of a word', { kind: 'year.pub' }, []],
    ['from a day in Paris', { from: '2025-04-01' }, ['catalogue.publish', 'embargo.create', 'year.publish']],
    ['to a day in Paris', { to: '2025-03-31' }, ['year.save', 'year.import']],
    ['one day', { from: '2025-01-01', to: '2025-01-01' }, ['year.import']],
    ['all at once', { by: 'anne@example.org', year: 2024, kind: 'year', to: '2025-03-31' }, ['year.save']],
  ])('filters by %s', async (_, filter, kinds) => {
    const log = await readAuditLog([async () => LOG], filter);
    expect(log.entries.map((e) => e.kind)).toEqual(kinds);
    expect(log.total).toBe(kinds.length);
  });

  it('pages the matches, and gives the facets of the whole log', async () => {
    const all = await allEntries([async () => LOG]);
    const page = pageOf(all, { kind: 'year' }, { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(page.entries.map((e) => e.kind)).toEqual(['year.save']);
    expect(page.facets).toEqual({
      people: ['anne@example.org', 'bob@example.org', 'Bob@example.org'],
      years: [2025, 2024, 2023],
      kinds: ['catalogue.publish', 'embargo.create', 'year.import', 'year.publish', 'year.save'],
    });
    expect(pageOf(all, {}, { limit: 100_000 }).entries).toHaveLength(5);
  });

  it('tells days and times in Paris, summer and winter', () => {
    expect(parisTime('2025-03-31T21:59:59Z')).toEqual({ day: '2025-03-31', time: '23:59:59' });
    expect(parisTime('2025-12-31T23:00:00Z')).toEqual({ day: '2026-01-01', time: '00:00:00' });
    expect(matches(LOG[1]!, { from: '2025-04-01', to: '2025-04-01' })).toBe(true);
  });
});

describe('a year’s history as a source', () => {
  it('lists every year’s versions, and an import only once it is committed', async () => {
    const repo = new MemoryEditingRepository();
    await repo.createPublished(
      { year: 2016, figures: [figure('volunteers', 2000)] },
      'seed:data',
      '2026-01-01T00:00:00Z',
    );
    const anne = { id: 'anne@example.org' };
    await saveDraft(repo, { year: 2017, figures: [figure('volunteers', 10)] }, 0, anne, {
      now: new Date('2026-02-01T10:00:00Z'),
    });
    await saveDraft(repo, { year: 2016, figures: [figure('volunteers', 2100)] }, 1, anne, {
      now: new Date('2026-02-02T10:00:00Z'),
    });
    await publishDraft(repo, 2016, 2, { id: 'paul@example.org' }, new Date('2026-02-03T10:00:00Z'), {
      reason: 'Rapport définitif',
    });
    // An import whose commit never came: its entry is written, but does not count.
    await repo.appendVersion({
      year: 2017,
      version: 2,
      action: 'import',
      figures: [],
      savedAt: '2026-02-04T10:00:00Z',
      savedBy: 'anne@example.org',
      changes: [],
      importId: 'never-committed',
    });
    // A year drafted then discarded, never published: only its history remembers it.
    await saveDraft(repo, { year: 1950, figures: [figure('volunteers', 40)] }, 0, anne, {
      now: new Date('2026-02-05T10:00:00Z'),
    });
    await discardDraft(repo, 1950, 1, anne, new Date('2026-02-05T11:00:00Z'));
    expect(await repo.getDraft(1950)).toBeUndefined();
    const source = yearHistorySource(repo, { clock: () => new Date('2026-03-01T00:00:00Z') });
    const log = await readAuditLog([source]);
    expect(log.entries.map((e) => [e.kind, yearSubject(e), e.version, e.by])).toEqual([
      ['year.discard', 1950, 2, 'anne@example.org'],
      ['year.save', 1950, 1, 'anne@example.org'],
      ['year.publish', 2016, 3, 'paul@example.org'],
      ['year.save', 2016, 2, 'anne@example.org'],
      ['year.save', 2017, 1, 'anne@example.org'],
      ['year.seed', 2016, 1, 'seed:data'],
    ]);
    expect(log.entries.find((e) => e.kind === 'year.publish')).toMatchObject({
      comment: 'Rapport définitif',
      changes: [{ metric: 'volunteers', field: 'value', before: 2000, after: 2100 }],
    });
    await repo.commitImport('never-committed');
    expect((await readAuditLog([source], { kind: 'year.import' })).total).toBe(1);
    const imported = await importCsv(
      repo,
      'year,metric,value,qualifier,source_title,source_url\n2018,volunteers,5,exact,T,https://example.org\n',
      anne,
      {
        dryRun: false,
        baseVersions: { '2018': 0 },
      },
    );
    expect(imported.saved).toHaveLength(1);
    expect((await readAuditLog([source], { year: 2018 })).entries[0]).toMatchObject({
      kind: 'year.import',
      version: 1,
    });
  });
});

const yearSubject = (e: AuditEntry) => (e.subject.type === 'year' ? e.subject.year : undefined);

describe('the years a journal asks', () => {
  it('keeps a year once seen, and asks the other years again only once probeEveryMs has passed', async () => {
    const repo = new MemoryEditingRepository();
    const anne = { id: 'anne@example.org' };
    let elapsed = 0;
    const asked: number[] = [];
    const latestVersion = repo.latestVersion.bind(repo);
    repo.latestVersion = async (year) => (asked.push(year), latestVersion(year));
    const source = yearHistorySource(repo, {
      clock: () => new Date('2026-03-01T00:00:00Z'),
      probeEveryMs: 60_000,
      elapsedMs: () => elapsed,
    });
    const years = async () => [...new Set((await source()).map(yearSubject))];
    await saveDraft(repo, { year: 1950, figures: [figure('volunteers', 40)] }, 0, anne);
    asked.length = 0; // the save's own reads
    expect(await years()).toEqual([1950]);
    expect(asked).toHaveLength(2027 - 1939 + 1 - 1); // every year of the range but the drafted one
    // Seen as a draft, then discarded: still listed, and nothing asked again.
    await discardDraft(repo, 1950, 1, anne);
    asked.length = 0; // the discard's own reads
    expect(await years()).toEqual([1950]);
    expect(asked).toEqual([]);
    // Drafted and discarded between two reads (elsewhere): found once the minute has passed.
    await saveDraft(repo, { year: 1960, figures: [figure('volunteers', 60)] }, 0, anne);
    await discardDraft(repo, 1960, 1, anne);
    elapsed = 59_999;
    expect(await years()).toEqual([1950]);
    elapsed = 60_000;
    expect((await years()).sort()).toEqual([1950, 1960]);
  });
});

describe('a review step in the journal', () => {
  it('carries its comment: why a draft was sent back, a submission’s note', () => {
    const step = (action: 'submit' | 'send-back' | 'approve', comment: string) =>
      versionEntry({
        year: 2026,
        version: 3,
        action,
        figures: [],
        savedAt: '2026-11-26T12:00:00.000Z',
        savedBy: 'paul@example.org',
        changes: [],
        review: { status: action === 'send-back' ? 'sent-back' : 'submitted', comment },
      });
    expect(step('send-back', 'Source à préciser').comment).toBe('Source à préciser');
    expect(step('submit', 'Chiffres du rapport').comment).toBe('Chiffres du rapport');
    // An approval's review keeps the submission's note: it is not the approval's comment.
    expect(step('approve', 'Chiffres du rapport').comment).toBeUndefined();
  });

  it('says an approval the scheduler refused as its own kind, with the time it was for', () => {
    const publishAt = '2026-12-24T09:00:00.000Z';
    const record: VersionRecord = {
      year: 2026,
      version: 4,
      action: 'unschedule',
      figures: [],
      savedAt: '2026-11-26T12:00:00.000Z',
      savedBy: 'paul@example.org',
      changes: [],
      review: {
        status: 'submitted',
        dropped: { publishAt, approvedBy: 'paul@example.org', cause: 'scheduler' },
      },
    };
    const undone = versionEntry(record);
    expect(undone).toMatchObject({ kind: 'year.schedule-failed', scheduledFor: publishAt });
    expect(sayKind(undone.kind, 'fr')).toBe('Programmation impossible : approbation annulée');
    expect(sayKind(undone.kind, 'en')).toBe('Could not be scheduled: approval undone');
    // Cancelled by a person: a plain unschedule, for no time.
    const cancelled = versionEntry({ ...record, review: { status: 'submitted' } });
    expect(cancelled.kind).toBe('year.unschedule');
    expect(cancelled).not.toHaveProperty('scheduledFor');
  });
});

describe('the audit log in words', () => {
  it('says each change as staff do, in French and English', () => {
    const c = {
      metric: 'region.ile-de-france.volunteers',
      field: 'qualifier',
      before: 'exact',
      after: 'more_than',
    };
    expect(sayChange(c, 'fr')).toEqual({
      what: 'Bénévoles — Île-de-France',
      field: 'précision',
      before: 'exact',
      after: 'plus de',
    });
    expect(sayChange(c, 'en')).toMatchObject({ field: 'precision', after: 'more than' });
    expect(sayChange({ metric: 'notes', field: 'notes', after: 'Été' }, 'fr')).toEqual({
      what: 'Notes sur l’année',
      field: 'notes sur l’année',
      before: undefined,
      after: 'Été',
    });
    expect(sayKind('year.publish', 'fr')).toBe('Publication');
    expect(sayKind('catalogue.publish', 'en')).toBe('Catalogue published');
    // A kind no words are known for yet is said by its family.
    expect(sayKind('catalogue.merge', 'en')).toBe('Catalogue (catalogue.merge)');
    expect(sayKind('other.thing', 'en')).toBe('other.thing');
  });

  it('writes one row per change, and French Excel’s CSV with Paris dates', () => {
    const e = entry('2025-07-14T10:05:00Z', 'anne@example.org', 'year.publish', 2024, {
      version: 3,
      comment: '=HYPERLINK("x")',
      changes: [
        { metric: 'volunteers', field: 'value', before: 2000, after: 2100.5 },
        { metric: 'volunteers', field: 'source.title', before: 'Rapport', after: 'Rapport d’activité' },
      ],
    });
    expect(auditRows([e, LOG[2]!], 'fr')).toHaveLength(3);
    const csv = auditCsv([e], 'fr');
    expect(
      csv.startsWith('\uFEFFDate (heure de Paris);Personne;Modification;Code;Objet;Année;Version;'),
    ).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(
      `14/07/2025 12:05:00;anne@example.org;Publication;year.publish;Année 2024;2024;3;Bénévoles;valeur;2000;2100,5;"'=HYPERLINK(""x"")";`,
    );
    expect(lines[2]).toContain(';titre de la source;Rapport;Rapport d’activité;');
  });
});

describe('Paris days', () => {
  it.each([
    ['2025-01-15', '2025-01-14T23:00:00.000Z'],
    ['2025-07-14', '2025-07-13T22:00:00.000Z'],
    ['2025-03-30', '2025-03-29T23:00:00.000Z'], // the night the clocks go forward
    ['2025-03-31', '2025-03-30T22:00:00.000Z'],
    ['2025-10-26', '2025-10-25T22:00:00.000Z'], // the night they go back
    ['2025-10-27', '2025-10-26T23:00:00.000Z'],
  ])('%s begins at %s', (day, iso) => {
    expect(new Date(parisMidnight(day)).toISOString()).toBe(iso);
  });
});
