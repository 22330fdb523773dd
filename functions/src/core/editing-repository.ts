import type { Change } from './diff';
import type { FiguresRepository } from './repository';
import type { PublishedYear, StoredCorrection, YearFigures } from './schema';
import type { Warning } from './warnings';

/** A warning marked as checked (acknowledgements.ts): by whom, when, and for which parameters. */
export interface StoredAcknowledgement {
  year: number;
  code: Warning['code'];
  metric: string;
  /** The warning's parameters when it was checked (JSON): a change to any of them ends it. */
  params: string;
  by: string;
  at: string;
}

/** The review's steps (review.ts): they move the draft's review state, never its figures. */
export type ReviewAction = 'submit' | 'send-back' | 'approve' | 'reschedule' | 'unschedule';
export const REVIEW_ACTIONS: readonly ReviewAction[] = [
  'submit',
  'send-back',
  'approve',
  'reschedule',
  'unschedule',
];

export type Action = 'seed' | 'save' | 'import' | 'restore' | 'publish' | 'discard' | ReviewAction;

/**
 * Where a draft is in its review: being drafted (no review, or `drafting`), submitted for
 * review, sent back with a comment, or approved and scheduled for publication.
 */
export type ReviewStatus = 'drafting' | 'submitted' | 'sent-back' | 'scheduled';

/**
 * A schedule that was dropped: by a change to the draft (or its discard), staff are told; or,
 * with `cause: 'scheduler'`, because EventBridge Scheduler did not take it when it was approved
 * or moved (the publisher is told at once, by the answer).
 */
export interface DroppedSchedule {
  publishAt: string;
  approvedBy: string;
  cause?: 'scheduler';
}

export interface Review {
  status: ReviewStatus;
  /** Who moved the draft into this state, and when. */
  by?: string;
  at?: string;
  /** The submitter's note, or the publisher's comment when sending back. */
  comment?: string;
  /** Scheduled: the instant (UTC, ISO 8601) the approved version is published. */
  publishAt?: string;
  /** Scheduled over a published year: the correction's reason, given at approval. */
  reason?: string;
  /** The schedule this draft had before its last change dropped it. */
  dropped?: DroppedSchedule;
}

/** One immutable entry of a year's history: what the year looked like after one change. */
export interface VersionRecord {
  year: number;
  version: number;
  action: Action;
  figures: YearFigures['figures'];
  notes?: string;
  savedAt: string;
  savedBy: string;
  /** Field-level changes against what the change started from (the draft, else the published year). */
  changes: Change[];
  restoredFrom?: number;
  /** Set on an import's entries: they count once `commitImport` has run for this id. */
  importId?: string;
  /** A publication over a published year: why (staff's words, public). */
  reason?: string;
  /** A publication over a published year: every correction of the year so far, this one last; the published head keeps them. */
  corrections?: StoredCorrection[];
  /** The draft's review after this entry (review steps; a save that dropped a schedule). */
  review?: Review;
  /** A scheduled publication: the instant it was approved for. */
  scheduledFor?: string;
}

export interface Draft extends YearFigures {
  version: number;
  updatedAt: string;
  /** The last change to the figures (save, import, restore): review steps leave it. */
  updatedBy: string;
  review?: Review;
}

/** What staff writes need from storage, on top of the public reads. */
export interface EditingRepository extends FiguresRepository {
  getDraft(year: number): Promise<Draft | undefined>;
  /** Every draft, of any year, oldest year first. One Query. */
  listDrafts(): Promise<Draft[]>;
  latestVersion(year: number): Promise<VersionRecord | undefined>;
  /** The history, newest first. */
  listVersions(year: number): Promise<VersionRecord[]>;
  getVersion(year: number, version: number): Promise<VersionRecord | undefined>;
  /**
   * Writes a history entry that must not exist yet. False, writing nothing, when another
   * write took that version number first.
   */
  appendVersion(record: VersionRecord): Promise<boolean>;
  /** Moves the DRAFT / PUBLISHED heads to what `record` says; idempotent, never moves a head backwards. */
  applyVersion(record: VersionRecord): Promise<void>;
  /** Removes an uncommitted import's history entry (only if it carries that import's id). */
  removeVersion(year: number, version: number, importId: string): Promise<void>;
  /** The one write that makes an import's entries count, all at once. */
  commitImport(importId: string, at: string): Promise<void>;
  importCommitted(importId: string): Promise<boolean>;
  /** The warnings of a year marked as checked (one per warning code and metric, the latest). */
  listAcknowledgements(year: number): Promise<StoredAcknowledgement[]>;
  /** Keeps a check of a warning, replacing an earlier one of the same code and metric. */
  putAcknowledgement(ack: StoredAcknowledgement): Promise<void>;
}

export type { PublishedYear };
