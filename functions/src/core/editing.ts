/**
 * Staff use cases: save a draft, publish, discard, restore, import. Every write appends an
 * immutable history entry first — conditional on its version number being free, which is
 * what makes a stale save fail with VERSION_CONFLICT — then moves the heads.
 */
import { diffYears } from './diff';
import type { Draft, EditingRepository, VersionRecord } from './editing-repository';
import { DomainError, notFound } from './errors';
import { parseFigureRows, type RowProblem } from './figure-rows';
import { toProblems, YearFigures, type PublishedYear } from './schema';
import { warningsFor, type Warning } from './warnings';

export interface YearState {
  year: number;
  published?: PublishedYear;
  draft?: Draft;
  /** The latest version number in the year's history; 0 for a year never written. */
  head: number;
}

export interface Editor {
  /** Who, as the verified token says: never taken from the request body. */
  id: string;
}

export interface WriteResult {
  record: VersionRecord;
  warnings: Warning[];
}

const conflict = (year: number, expected: number, current: number) =>
  new DomainError('VERSION_CONFLICT', `${year} has changed since version ${expected}: it is at version ${current}. Reload, then apply your change again.`, {
    current,
  });

/** Reads a year's heads, finishing any write that stopped between its history entry and its heads. */
export async function loadState(repo: EditingRepository, year: number): Promise<YearState> {
  const [published, draft, latest] = await Promise.all([repo.getPublished(year), repo.getDraft(year), repo.latestVersion(year)]);
  // A discard leaves no head carrying its version: it is unapplied while a draft older than it stands.
  const unapplied =
    latest &&
    (latest.action === 'discard'
      ? draft !== undefined && draft.version < latest.version
      : latest.version > Math.max(published?.version ?? 0, draft?.version ?? 0));
  if (unapplied) {
    await repo.applyVersion(latest);
    return loadState(repo, year);
  }
  return { year, published, draft, head: latest?.version ?? 0 };
}

export function validateYear(input: unknown): YearFigures {
  const parsed = YearFigures.safeParse(input);
  if (!parsed.success) {
    const problems = toProblems(parsed.error);
    throw new DomainError('VALIDATION_FAILED', `${problems.length} problem(s) in the figures`, { problems });
  }
  return parsed.data;
}

async function write(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  make: (state: YearState) => Omit<VersionRecord, 'year' | 'version'>,
): Promise<VersionRecord> {
  const state = await loadState(repo, year);
  if (state.head !== baseVersion) throw conflict(year, baseVersion, state.head);
  const record: VersionRecord = { year, version: state.head + 1, ...make(state) };
  if (!(await repo.appendVersion(record))) {
    const latest = await repo.latestVersion(year);
    throw conflict(year, baseVersion, latest?.version ?? state.head + 1);
  }
  await repo.applyVersion(record);
  return record;
}

const current = (s: YearState) => s.draft ?? s.published;

export async function saveDraft(
  repo: EditingRepository,
  input: { year: number; figures: unknown; notes?: unknown },
  baseVersion: number,
  editor: Editor,
  options: { action?: 'save' | 'import' | 'restore'; restoredFrom?: number; now?: Date } = {},
): Promise<WriteResult> {
  const year = validateYear({ year: input.year, figures: input.figures, ...(input.notes !== undefined ? { notes: input.notes } : {}) });
  const record = await write(repo, year.year, baseVersion, (state) => ({
    action: options.action ?? 'save',
    figures: year.figures,
    notes: year.notes,
    savedAt: (options.now ?? new Date()).toISOString(),
    savedBy: editor.id,
    changes: diffYears(current(state), year),
    ...(options.restoredFrom !== undefined ? { restoredFrom: options.restoredFrom } : {}),
  }));
  return { record, warnings: warningsFor(year, await repo.listPublished()) };
}

export async function publishDraft(repo: EditingRepository, year: number, baseVersion: number, editor: Editor, now = new Date()): Promise<VersionRecord> {
  return write(repo, year, baseVersion, (state) => {
    if (!state.draft) throw notFound(`${year} has no draft to publish`);
    const valid = validateYear({ year, figures: state.draft.figures, ...(state.draft.notes ? { notes: state.draft.notes } : {}) });
    return {
      action: 'publish',
      figures: valid.figures,
      notes: valid.notes,
      savedAt: now.toISOString(),
      savedBy: editor.id,
      changes: diffYears(state.published, valid),
    };
  });
}

export async function discardDraft(repo: EditingRepository, year: number, baseVersion: number, editor: Editor, now = new Date()): Promise<VersionRecord> {
  return write(repo, year, baseVersion, (state) => {
    if (!state.draft) throw notFound(`${year} has no draft to discard`);
    return {
      action: 'discard',
      figures: state.draft.figures,
      notes: state.draft.notes,
      savedAt: now.toISOString(),
      savedBy: editor.id,
      changes: state.published ? diffYears(state.draft, state.published) : [],
    };
  });
}

export async function restoreVersion(repo: EditingRepository, year: number, version: number, baseVersion: number, editor: Editor, now = new Date()): Promise<WriteResult> {
  const old = await repo.getVersion(year, version);
  if (!old) throw notFound(`${year} has no version ${version}`);
  return saveDraft(repo, { year, figures: old.figures, notes: old.notes }, baseVersion, editor, { action: 'restore', restoredFrom: version, now });
}

export interface ImportPreview {
  year: number;
  head: number;
  changes: ReturnType<typeof diffYears>;
  warnings: Warning[];
  figures: number;
}

/** Reads a CSV (the public CSV's columns) into drafts: a preview, or the drafts themselves. */
export async function importCsv(
  repo: EditingRepository,
  csv: string,
  editor: Editor,
  options: { dryRun: boolean; baseVersions?: Record<string, number>; now?: Date },
): Promise<{ previews: ImportPreview[]; saved: VersionRecord[] }> {
  const { years, problems } = parseFigureRows(csv);
  if (problems.length) throw importProblems(problems);
  if (!years.length) throw new DomainError('VALIDATION_FAILED', 'the file holds no figures', { problems: [] });
  const published = await repo.listPublished();
  const previews: ImportPreview[] = [];
  for (const y of years) {
    const state = await loadState(repo, y.year);
    previews.push({ year: y.year, head: state.head, changes: diffYears(current(state), y), warnings: warningsFor(y, published), figures: y.figures.length });
  }
  if (options.dryRun) return { previews, saved: [] };
  // Every year is checked before any is written, so that a stale import writes nothing.
  for (const p of previews) {
    const base = options.baseVersions?.[String(p.year)];
    if (base === undefined)
      throw new DomainError('BAD_REQUEST', `baseVersions must give the version ${p.year} was at when you previewed the import`);
    if (base !== p.head) throw conflict(p.year, base, p.head);
  }
  const saved: VersionRecord[] = [];
  for (const y of years) {
    const base = options.baseVersions![String(y.year)]!;
    saved.push((await saveDraft(repo, y, base, editor, { action: 'import', now: options.now })).record);
  }
  return { previews, saved };
}

function importProblems(problems: RowProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', `${problems.length} problem(s) in the CSV`, {
    problems: problems.map((p) => ({ path: `row ${p.row}, column ${p.column}`, message: p.message, row: p.row, column: p.column })),
  });
}
