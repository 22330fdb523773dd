/**
 * One line of the audit log (issue #16): a change to a year's figures, to the catalogue, or to
 * an embargo link, said the same way whatever its source. Each source (a year's history, the
 * catalogue's history, the embargo links) maps its own records to these; the audit log merges
 * them, newest first, and filters by person, year, kind and date.
 */
import type { Change } from './diff';

export type AuditSubject =
  | { type: 'year'; year: number }
  | { type: 'catalogue'; /** e.g. 'country', 'indicator', 'region' */ part?: string; key?: string }
  | { type: 'embargo'; year: number };

export interface AuditEntry {
  /** ISO 8601 instant, UTC. */
  at: string;
  /** Who, as their verified token said (an e-mail address on AWS). */
  by: string;
  /** A stable machine word: 'year.save', 'year.publish', 'catalogue.publish', 'embargo.create', … */
  kind: string;
  subject: AuditSubject;
  /** The history version this entry is, when its source has versions. */
  version?: number;
  /** Field-level changes, when the source records them. */
  changes?: Change[];
  /** Staff's words: a correction's reason, a review's comment. */
  comment?: string;
  /**
   * A scheduled publication's instant (ISO 8601, UTC): what an approval or a move set, what a
   * scheduled publication ran for, what a schedule the scheduler refused was for.
   */
  scheduledFor?: string;
}

/** Newest first; ties broken by kind then subject so the order never depends on the sources' order. */
export function byNewest(a: AuditEntry, b: AuditEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  const ka = `${a.kind}|${JSON.stringify(a.subject)}|${a.version ?? ''}`;
  const kb = `${b.kind}|${JSON.stringify(b.subject)}|${b.version ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
