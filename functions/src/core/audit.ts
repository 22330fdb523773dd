/**
 * The audit log (issue #16): every change, across all years and the catalogue, newest first,
 * filtered by person, year, kind of change and period. Each source is an async function that
 * answers its own records as `AuditEntry` values (a year's history here; the catalogue's
 * history and the embargo links add theirs); the log merges them, filters and pages them in
 * memory — an association's twenty years of tens of versions is a few thousand entries
 * (see `audit.spec.ts` for what that costs).
 */
import { byNewest, type AuditEntry } from './audit-entry';
import type { EditingRepository, VersionRecord } from './editing-repository';
import { FIRST_YEAR, lastAllowedYear } from './metric-keys';
import { fromParisWallClock, toParisWallClock } from './paris-time';

export type { AuditEntry };

/** One source of entries: it answers all of its own, the log filters them. */
export type AuditSource = () => Promise<AuditEntry[]>;

export interface AuditFilter {
  /** Who: the identity as the token said it (an e-mail address), whatever its case. */
  by?: string;
  /** A year's entries (its figures, its embargo links); catalogue entries have no year. */
  year?: number;
  /** A kind (`year.publish`) or a family of kinds (`year`). */
  kind?: string;
  /** The first day of the period, `YYYY-MM-DD`, a day in Paris (inclusive). */
  from?: string;
  /** The last day of the period, `YYYY-MM-DD`, a day in Paris (inclusive). */
  to?: string;
}

export interface AuditPageRequest {
  offset?: number;
  /** @default DEFAULT_PAGE_SIZE */
  limit?: number;
}

/** What the filters can be set to: every person, year and kind in the log, whatever the filter. */
export interface AuditFacets {
  people: string[];
  /** Newest first. */
  years: number[];
  kinds: string[];
}

export interface AuditLog {
  entries: AuditEntry[];
  /** How many entries the filter matches, across pages. */
  total: number;
  offset: number;
  facets: AuditFacets;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** An instant's wall clock in Paris: `{ day: '2026-12-03', time: '12:34:56' }`. */
export function parisTime(iso: string): { day: string; time: string } {
  const [day, time] = toParisWallClock(new Date(iso)).split('T') as [string, string];
  return { day, time };
}

/** The year an entry is about, if any. */
export const yearOf = (e: AuditEntry): number | undefined =>
  e.subject.type === 'catalogue' ? undefined : e.subject.year;

const kindMatches = (kind: string, wanted: string) => kind === wanted || kind.startsWith(`${wanted}.`);

/**
 * The instant a day begins in Paris, in milliseconds: Paris is UTC+1 or UTC+2, and never
 * changes its clocks at midnight.
 */
export function parisMidnight(day: string): number {
  // Paris's clocks change at 02:00 and 03:00: midnight is always there, once.
  return fromParisWallClock(`${day}T00:00`)?.getTime() ?? NaN;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A filter's test of one entry; the period's bounds are worked out once. */
export function matcher(f: AuditFilter): (e: AuditEntry) => boolean {
  const by = f.by?.toLowerCase();
  const start = f.from !== undefined ? parisMidnight(f.from) : -Infinity;
  const end = f.to !== undefined ? parisMidnight(nextDay(f.to)) : Infinity;
  return (e) => {
    if (by !== undefined && e.by.toLowerCase() !== by) return false;
    if (f.year !== undefined && yearOf(e) !== f.year) return false;
    if (f.kind !== undefined && !kindMatches(e.kind, f.kind)) return false;
    const at = Date.parse(e.at);
    return at >= start && at < end;
  };
}

export const matches = (e: AuditEntry, f: AuditFilter): boolean => matcher(f)(e);

export function facetsOf(entries: readonly AuditEntry[]): AuditFacets {
  const sorted = <T>(s: Set<T>, cmp: (a: T, b: T) => number) => [...s].sort(cmp);
  return {
    people: sorted(new Set(entries.map((e) => e.by)), (a, b) => a.localeCompare(b)),
    years: sorted(new Set(entries.map(yearOf).filter((y): y is number => y !== undefined)), (a, b) => b - a),
    kinds: sorted(new Set(entries.map((e) => e.kind)), (a, b) => a.localeCompare(b)),
  };
}

/** Every source's entries, merged newest first. Sources are read at once. */
export async function allEntries(sources: readonly AuditSource[]): Promise<AuditEntry[]> {
  return (await Promise.all(sources.map((s) => s()))).flat().sort(byNewest);
}

/** What the filter matches, newest first, one page of it, with the facets of the whole log. */
export async function readAuditLog(
  sources: readonly AuditSource[],
  filter: AuditFilter = {},
  page: AuditPageRequest = {},
): Promise<AuditLog> {
  return pageOf(await allEntries(sources), filter, page);
}

/** The same over entries already merged (`allEntries`). */
export function pageOf(
  all: readonly AuditEntry[],
  filter: AuditFilter,
  page: AuditPageRequest = {},
): AuditLog {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, page.limit ?? DEFAULT_PAGE_SIZE));
  const matched = all.filter(matcher(filter));
  return {
    entries: matched.slice(offset, offset + limit),
    total: matched.length,
    offset,
    facets: facetsOf(all),
  };
}

/**
 * One version of a year's history as an audit entry: `year.save`, `year.submit`, `year.publish`,
 * … Its comment is staff's words: a correction's reason, else a review step's comment (a
 * submission's note, why a draft was sent back).
 */
export const versionEntry = (r: VersionRecord): AuditEntry => {
  const comment =
    r.reason ?? (r.action === 'submit' || r.action === 'send-back' ? r.review?.comment : undefined);
  const failed = r.action === 'unschedule' && r.review?.dropped?.cause === 'scheduler';
  const scheduledFor =
    r.action === 'approve' || r.action === 'reschedule'
      ? r.review?.publishAt
      : failed
        ? r.review?.dropped?.publishAt
        : r.scheduledFor;
  return {
    at: r.savedAt,
    by: r.savedBy,
    kind: failed ? 'year.schedule-failed' : `year.${r.action}`,
    subject: { type: 'year', year: r.year },
    version: r.version,
    changes: r.changes,
    ...(comment !== undefined ? { comment } : {}),
    ...(scheduledFor ? { scheduledFor } : {}),
  };
};

type HistoryReader = Pick<
  EditingRepository,
  'listPublished' | 'listDrafts' | 'latestVersion' | 'listVersions' | 'importCommitted'
>;

/** How many years are asked at once whether they have a history. */
const PROBES_AT_ONCE = 16;

export interface YearHistoryOptions {
  /** The time staff writes record: which years they may have written. @default the system clock */
  clock?: () => Date;
  /** How long the years found without a draft or a publication are trusted before asking again. @default 60 s */
  probeEveryMs?: number;
  /** A monotonic clock in milliseconds (not the pinned staff clock). @default performance.now */
  elapsedMs?: () => number;
}

/**
 * Every year's history, as `loadState` counts it: an import's entries only once the import is
 * committed. The years are those published or with a draft (two queries, every read), and those
 * whose draft was discarded without ever being published, which only their history remembers:
 * every other year of the allowed range is asked for its latest entry (one-item queries), at
 * most once per `probeEveryMs`. A year once seen keeps its place (histories only grow), so a
 * discard seen as a draft before is listed at once; one made elsewhere, within `probeEveryMs`.
 */
export function yearHistorySource(repo: HistoryReader, options: YearHistoryOptions = {}): AuditSource {
  const { clock = () => new Date(), probeEveryMs = 60_000, elapsedMs = () => performance.now() } = options;
  const seen = new Set<number>();
  let probedAt = -Infinity;

  async function probe(now: Date): Promise<void> {
    const others: number[] = [];
    for (let y = FIRST_YEAR; y <= lastAllowedYear(now); y++) if (!seen.has(y)) others.push(y);
    for (let i = 0; i < others.length; i += PROBES_AT_ONCE) {
      const batch = others.slice(i, i + PROBES_AT_ONCE);
      const latest = await Promise.all(batch.map((y) => repo.latestVersion(y)));
      batch.forEach((y, j) => latest[j] && seen.add(y));
    }
  }

  return async () => {
    const [published, drafts] = await Promise.all([repo.listPublished(), repo.listDrafts()]);
    for (const y of [...published, ...drafts]) seen.add(y.year);
    if (elapsedMs() - probedAt >= probeEveryMs) {
      await probe(clock());
      probedAt = elapsedMs();
    }
    const years = [...seen];
    const histories = (await Promise.all(years.map((y) => repo.listVersions(y)))).flat();
    const imports = [...new Set(histories.flatMap((r) => (r.importId ? [r.importId] : [])))];
    const committed = new Set(
      (
        await Promise.all(imports.map(async (id) => ((await repo.importCommitted(id)) ? id : undefined)))
      ).filter((id): id is string => id !== undefined),
    );
    return histories.filter((r) => !r.importId || committed.has(r.importId)).map(versionEntry);
  };
}
