/**
 * Staff use cases: save a draft, publish, discard, restore, import. Every write appends an
 * immutable history entry first — conditional on its version number being free, which is
 * what makes a stale save fail with VERSION_CONFLICT — then moves the heads.
 */
import { diffYears } from './diff';
import type { Draft, EditingRepository, VersionRecord } from './editing-repository';
import { DomainError, notFound } from './errors';
import { figuresFromTable, readCsv, type RowProblem } from './figure-rows';
import type { ImportColumn } from './labels';
import { say } from './problems';
import { correctionsIn, publicChanges, storedFrom } from './corrections';
import { CorrectionReason, toProblems, YearFigures, type Figure, type PublishedYear } from './schema';
import { NotASpreadsheet, readSpreadsheet, type ReadFile } from './spreadsheet';
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
  new DomainError(
    'VERSION_CONFLICT',
    `${year} has changed since version ${expected}: it is at version ${current}. Reload, then apply your change again.`,
    {
      current,
    },
  );

/**
 * Reads a year's heads, finishing any write that stopped between its history entry and its
 * heads. An import's entry counts only once the import is committed: before that the year
 * is read without it (a save then collides with it, and waits for the import to end).
 */
export async function loadState(repo: EditingRepository, year: number, now = new Date()): Promise<YearState> {
  const [published, draft, found] = await Promise.all([
    repo.getPublished(year),
    repo.getDraft(year),
    repo.latestVersion(year),
  ]);
  let latest = found;
  if (latest?.importId && !(await repo.importCommitted(latest.importId))) {
    if (now.getTime() - Date.parse(latest.savedAt) > IMPORT_TIMEOUT_MS) {
      // Abandoned between its first entry and its commit: the import never happened.
      await repo.removeVersion(year, latest.version, latest.importId);
      return loadState(repo, year, now);
    }
    latest = latest.version > 1 ? await repo.getVersion(year, latest.version - 1) : undefined;
  }
  // A discard leaves no head carrying its version: it is unapplied while a draft older than it stands.
  const unapplied =
    latest &&
    (latest.action === 'discard'
      ? draft !== undefined && draft.version < latest.version
      : latest.version > Math.max(published?.version ?? 0, draft?.version ?? 0));
  if (unapplied && latest) {
    await repo.applyVersion(latest);
    return loadState(repo, year, now);
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

export async function write(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  make: (state: YearState) => Omit<VersionRecord, 'year' | 'version'>,
  now: Date,
): Promise<VersionRecord> {
  const state = await loadState(repo, year, now);
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

/** A change to a scheduled draft drops its schedule: the entry says which, for staff to be told. */
const dropsSchedule = (s: YearState): Pick<VersionRecord, 'review'> => {
  const r = s.draft?.review;
  return r?.status === 'scheduled' && r.publishAt && r.by
    ? { review: { status: 'drafting', dropped: { publishAt: r.publishAt, approvedBy: r.by } } }
    : {};
};

export async function saveDraft(
  repo: EditingRepository,
  input: { year: number; figures: unknown; notes?: unknown },
  baseVersion: number,
  editor: Editor,
  options: { action?: 'save' | 'import' | 'restore'; restoredFrom?: number; now?: Date } = {},
): Promise<WriteResult> {
  const year = validateYear({
    year: input.year,
    figures: input.figures,
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
  });
  const now = options.now ?? new Date();
  const record = await write(
    repo,
    year.year,
    baseVersion,
    (state) => ({
      action: options.action ?? 'save',
      figures: year.figures,
      notes: year.notes,
      savedAt: now.toISOString(),
      savedBy: editor.id,
      changes: diffYears(current(state), year),
      ...(options.restoredFrom !== undefined ? { restoredFrom: options.restoredFrom } : {}),
      ...dropsSchedule(state),
    }),
    now,
  );
  return { record, warnings: warningsFor(year, await repo.listPublished()) };
}

/**
 * Publishes the draft. Over a year already published it is a correction: it needs a reason,
 * which the published year keeps, with its date and what changed, for readers to see.
 */
export async function publishDraft(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  editor: Editor,
  now = new Date(),
  options: { reason?: unknown; scheduledFor?: string } = {},
): Promise<VersionRecord> {
  const history =
    (await repo.getPublished(year))?.corrections === undefined ? await repo.listVersions(year) : [];
  return write(
    repo,
    year,
    baseVersion,
    (state) => {
      if (!state.draft) throw notFound(`${year} has no draft to publish`);
      const valid = validateYear({
        year,
        figures: state.draft.figures,
        ...(state.draft.notes ? { notes: state.draft.notes } : {}),
      });
      const changes = diffYears(state.published, valid);
      const record = {
        action: 'publish' as const,
        figures: valid.figures,
        notes: valid.notes,
        savedAt: now.toISOString(),
        savedBy: editor.id,
        changes,
        ...(options.scheduledFor ? { scheduledFor: options.scheduledFor } : {}),
      };
      if (!state.published) return record;
      const reason = validateReason(options.reason);
      const before = state.published.corrections ?? storedFrom(correctionsIn(history));
      const correction = {
        version: state.head + 1,
        correctedAt: record.savedAt,
        reason,
        changes: publicChanges(changes),
      };
      return { ...record, reason, corrections: [...before, correction] };
    },
    now,
  );
}

export function validateReason(input: unknown): string {
  const parsed = CorrectionReason.safeParse(input ?? '');
  if (parsed.success) return parsed.data;
  const problems = toProblems(parsed.error, ['reason']).map((p) =>
    p.code === 'REQUIRED' || p.code === 'MALFORMED' ? { ...p, ...say('REASON_REQUIRED', {}) } : p,
  );
  throw new DomainError('VALIDATION_FAILED', 'a correction needs its reason', { problems });
}

export async function discardDraft(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  editor: Editor,
  now = new Date(),
): Promise<VersionRecord> {
  return write(
    repo,
    year,
    baseVersion,
    (state) => {
      if (!state.draft) throw notFound(`${year} has no draft to discard`);
      return {
        action: 'discard',
        figures: state.draft.figures,
        notes: state.draft.notes,
        savedAt: now.toISOString(),
        savedBy: editor.id,
        changes: state.published ? diffYears(state.draft, state.published) : [],
        ...dropsSchedule(state),
      };
    },
    now,
  );
}

export async function restoreVersion(
  repo: EditingRepository,
  year: number,
  version: number,
  baseVersion: number,
  editor: Editor,
  now = new Date(),
): Promise<WriteResult> {
  const old = await repo.getVersion(year, version);
  if (!old) throw notFound(`${year} has no version ${version}`);
  return saveDraft(repo, { year, figures: old.figures, notes: old.notes }, baseVersion, editor, {
    action: 'restore',
    restoredFrom: version,
    now,
  });
}

export interface ImportPreview {
  year: number;
  head: number;
  changes: ReturnType<typeof diffYears>;
  warnings: Warning[];
  figures: number;
}

export interface ImportResult {
  previews: ImportPreview[];
  saved: VersionRecord[];
  /** How the file was read: `csv` (with its encoding) or `xlsx`. */
  format: ReadFile['format'];
  encoding?: ReadFile['encoding'];
  /** The file's columns: what it lacks is kept as it was for figures the year already has. */
  columns: ImportColumn[];
}

/** How long an import may take between its first history entry and its commit before it counts as abandoned. */
export const IMPORT_TIMEOUT_MS = 5 * 60 * 1000;

/** The fields each optional column carries: a file without the column keeps them as they were. */
const KEPT_WHEN_ABSENT: [ImportColumn, (f: Figure) => Partial<Figure>][] = [
  ['qualifier', (f) => ({ qualifier: f.qualifier })],
  ['unit', (f) => (f.unit !== undefined ? { unit: f.unit } : {})],
  ['confidence', (f) => (f.confidence !== undefined ? { confidence: f.confidence } : {})],
  ['countries', (f) => (f.countries !== undefined ? { countries: f.countries } : {})],
  ['note', (f) => (f.note !== undefined ? { note: f.note } : {})],
];

/** A year from the file over what the year holds now, for the columns the file does not have. */
function overCurrent(
  y: YearFigures,
  now: YearFigures | undefined,
  columns: readonly ImportColumn[],
): YearFigures {
  const has = new Set(columns);
  const old = new Map((now?.figures ?? []).map((f) => [f.metric, f]));
  const figures = y.figures.map((f) => {
    const before = old.get(f.metric);
    if (!before) return f;
    const kept = Object.assign(
      {},
      ...KEPT_WHEN_ABSENT.filter(([c]) => !has.has(c)).map(([, pick]) => pick(before)),
    ) as Partial<Figure>;
    const quote =
      !has.has('quote') && before.source.quote !== undefined ? { quote: before.source.quote } : {};
    return { ...f, ...kept, source: { ...f.source, ...quote } };
  });
  const notes = has.has('year_notes') ? y.notes : now?.notes;
  return { year: y.year, figures, ...(notes !== undefined ? { notes } : {}) };
}

export type ImportInput = { csv: string } | { file: Uint8Array };

/**
 * Reads a file (CSV or XLSX) into drafts: a preview, or the drafts themselves. All or
 * nothing: every year's history entry is written first, marked with the import's id; only
 * when all are in does one item commit the import, and the heads move. A year that moved
 * meanwhile makes it 409 and removes the entries already written: nothing is applied.
 */
export async function importFile(
  repo: EditingRepository,
  input: ImportInput,
  editor: Editor,
  options: { dryRun: boolean; baseVersions?: Record<string, number>; now?: Date },
): Promise<ImportResult> {
  const read = await readInput(input);
  const { years: fromFile, problems, columns } = figuresFromTable(read.table);
  if (problems.length) throw importProblems(problems);
  if (!fromFile.length)
    throw new DomainError('VALIDATION_FAILED', 'the file holds no figures', {
      problems: [{ path: '(file)', ...say('NO_FIGURES', {}) }],
    });
  const published = await repo.listPublished();
  const previews: ImportPreview[] = [];
  const years: YearFigures[] = [];
  const states: YearState[] = [];
  for (const y of fromFile) {
    const state = await loadState(repo, y.year, options.now);
    states.push(state);
    const merged = overCurrent(y, current(state), columns);
    years.push(merged);
    previews.push({
      year: y.year,
      head: state.head,
      changes: diffYears(current(state), merged),
      warnings: warningsFor(merged, published),
      figures: y.figures.length,
    });
  }
  const result = {
    previews,
    saved: [] as VersionRecord[],
    format: read.format,
    columns,
    ...(read.encoding ? { encoding: read.encoding } : {}),
  };
  if (options.dryRun) return result;
  for (const p of previews) {
    const base = options.baseVersions?.[String(p.year)];
    if (base === undefined)
      throw new DomainError(
        'BAD_REQUEST',
        `baseVersions must give the version ${p.year} was at when you previewed the import`,
      );
    if (base !== p.head) throw conflict(p.year, base, p.head);
  }
  const now = (options.now ?? new Date()).toISOString();
  const importId = globalThis.crypto.randomUUID();
  const records: VersionRecord[] = years.map((y, i) => ({
    year: y.year,
    version: previews[i]!.head + 1,
    action: 'import',
    figures: y.figures,
    notes: y.notes,
    savedAt: now,
    savedBy: editor.id,
    changes: previews[i]!.changes,
    importId,
    ...dropsSchedule(states[i]!),
  }));
  const written: VersionRecord[] = [];
  for (const r of records) {
    if (!(await repo.appendVersion(r))) {
      await Promise.all(written.map((w) => repo.removeVersion(w.year, w.version, importId)));
      const latest = await repo.latestVersion(r.year);
      throw conflict(r.year, r.version - 1, latest?.version ?? r.version);
    }
    written.push(r);
  }
  await repo.commitImport(importId, now);
  for (const r of records) await repo.applyVersion(r);
  return { ...result, saved: records };
}

/** The former name: a CSV's text into drafts. */
export const importCsv = (
  repo: EditingRepository,
  csv: string,
  editor: Editor,
  options: Parameters<typeof importFile>[3],
) => importFile(repo, { csv }, editor, options);

async function readInput(input: ImportInput): Promise<ReadFile> {
  if ('csv' in input) return { format: 'csv', table: readCsv(input.csv) };
  try {
    return await readSpreadsheet(input.file);
  } catch (error) {
    if (!(error instanceof NotASpreadsheet)) throw error;
    throw new DomainError('VALIDATION_FAILED', 'the file is neither CSV text nor an XLSX workbook', {
      problems: [{ path: '(file)', ...say('NOT_A_SPREADSHEET', {}) }],
    });
  }
}

function importProblems(problems: RowProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', `${problems.length} problem(s) in the file`, { problems });
}
