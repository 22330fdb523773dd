/**
 * The state of one year's edit page: the form's rows, what was loaded and saved, the
 * problems (from the shared schema, as the editor types) and warnings (from `/validate`,
 * debounced), and the writes — each sent with the version the editor started from.
 */
import { SvelteSet } from 'svelte/reactivity';
import { diffYears, type Change } from '$core/diff';
import type { Problem } from '$core/schema';
import { api, ApiError, type ApiProblem, type Warning, type YearState } from './api';
import { rebase, type FormSnapshot, type Overlap } from './rebase';
import {
  byField,
  emptyRow,
  fingerprint,
  placeOf,
  rowFromFigure,
  validateForm,
  withFreshId,
  type Field,
  type FormRow,
} from './form';

export type Outcome =
  | { kind: 'saved'; version: number }
  /** `cdnStale`: the CDN could not be told; readers may see the previous figures for a day. */
  | { kind: 'published'; version: number; cdnStale: boolean }
  | { kind: 'discarded' }
  | {
      kind: 'conflict';
      current: number;
      /** Who wrote the newer version, and when (from the history), when it could be read. */
      who?: string;
      at?: string;
      /** What the newer version changed against the one the editor started from. */
      theirChanges: Change[];
      /** Fields both changed: re-applying keeps the editor's value for these. */
      overlaps: Overlap[];
    }
  | { kind: 'reapplied'; overlaps: number }
  | { kind: 'refused' }
  | { kind: 'network' }
  | { kind: 'failed'; error: unknown };

const WARNINGS_DELAY_MS = 400;

/**
 * Unsaved edits are kept in this tab's sessionStorage, so that signing in again after the
 * token expired (a full-page round trip to the sign-in page) loses nothing. Kept with the
 * version they started from: they come back only onto that same version.
 */
export const UNSAVED_PREFIX = 'cimade-admin:unsaved:';
interface Unsaved {
  head: number;
  rows: FormRow[];
  notes: string;
}

export class YearEditor {
  readonly year: number;
  state: YearState | undefined = $state();
  rows: FormRow[] = $state([]);
  notes = $state('');
  /** Fingerprint of the form as last loaded or saved. */
  private baseline = $state('');
  /** `rowId:field` the editor has typed in or left: their problems show as they type. */
  readonly touched = new SvelteSet<string>();
  /** After a save attempt every problem shows, touched or not. */
  showAll = $state(false);
  warnings: Warning[] = $state([]);
  checkingWarnings = $state(false);
  /** Problems the server found that the browser did not (it knows the store). */
  serverProblems: ApiProblem[] = $state([]);
  busy: 'load' | 'save' | 'publish' | 'discard' | undefined = $state();
  /** What became of edits left unsaved in this tab: brought back, or dropped because the year moved on. */
  recovered: 'kept' | 'dropped' | undefined = $state();
  private validation = 0;
  /** The form as loaded or last saved: what a re-applied edit is measured against. */
  private base: FormSnapshot = { rows: [], notes: '' };
  /** After a 409: the newer version, read to re-apply the editor's changes on it. */
  private newer: { state: YearState; form: FormSnapshot } | undefined;

  constructor(year: number) {
    this.year = year;
  }

  readonly checked = $derived.by(() => validateForm(this.rows, this.year, this.notes));
  readonly problems: Problem[] = $derived([
    ...this.checked.problems,
    ...this.serverProblems.filter((p) => !this.checked.problems.some((q) => q.path === p.path)),
  ]);
  readonly dirty = $derived(fingerprint(this.rows, this.notes) !== this.baseline);
  private readonly problemsAt = $derived(byField(this.problems));
  private readonly warningsAt = $derived(byField(this.warnings));

  /** Whether a problem at `path` is due to show now. */
  due(path: string): boolean {
    if (this.showAll) return true;
    const place = placeOf(path);
    if (!('row' in place)) return place.field !== 'notes' || this.touched.has('notes');
    const id = this.rows[place.row]?.id;
    return id !== undefined && this.touched.has(`${id}:${place.field}`);
  }

  /** The problems and warnings of one field of one row (by position). */
  issuesAt(index: number, field: Field): { problems: Problem[]; warnings: Warning[] } {
    const key = `${index}:${field}`;
    return {
      problems: (this.problemsAt.get(key) ?? []).filter((p) => this.due(p.path)),
      warnings: this.warningsAt.get(key) ?? [],
    };
  }

  touch(index: number, field: Field): void {
    const id = this.rows[index]?.id;
    if (id !== undefined) this.touched.add(`${id}:${field}`);
  }

  /** Loads the year; unsaved edits kept in this tab come back when they start from the current version. */
  async load(options: { recover?: boolean } = {}): Promise<void> {
    this.busy = 'load';
    try {
      this.state = await api.year(this.year);
      const from = this.state.draft ?? this.state.published;
      this.rows = from ? from.figures.map(rowFromFigure) : [emptyRow()];
      this.notes = from?.notes ?? '';
      this.baseline = fingerprint(this.rows, this.notes);
      this.base = { rows: $state.snapshot(this.rows), notes: this.notes };
      this.newer = undefined;
      this.warnings = this.state.warnings;
      this.touched.clear();
      this.showAll = false;
      this.serverProblems = [];
      this.recovered = options.recover === false ? undefined : this.recover();
    } finally {
      this.busy = undefined;
    }
  }

  private recover(): 'kept' | 'dropped' | undefined {
    const raw = sessionStorage.getItem(UNSAVED_PREFIX + this.year);
    if (!raw) return undefined;
    sessionStorage.removeItem(UNSAVED_PREFIX + this.year);
    const unsaved = JSON.parse(raw) as Unsaved;
    if (unsaved.head !== this.state?.head) return 'dropped';
    this.rows = unsaved.rows.map(withFreshId);
    this.notes = unsaved.notes;
    return 'kept';
  }

  /** Keeps the form in this tab while it holds unsaved edits; forgets it once saved. */
  keepUnsaved(): void {
    if (!this.state || this.busy === 'load') return;
    const key = UNSAVED_PREFIX + this.year;
    if (this.dirty)
      sessionStorage.setItem(
        key,
        JSON.stringify({ head: this.state.head, rows: this.rows, notes: this.notes } satisfies Unsaved),
      );
    else sessionStorage.removeItem(key);
  }

  /** Asks the API for warnings (they need the published years) once the form is valid; the caller debounces. */
  async checkWarnings(): Promise<void> {
    const { figures, notes } = this.checked;
    const ticket = ++this.validation;
    if (!figures) {
      this.checkingWarnings = false;
      return;
    }
    this.checkingWarnings = true;
    try {
      const result = await api.validate(this.year, figures, notes);
      if (ticket !== this.validation) return;
      this.warnings = result.warnings;
      this.serverProblems = [];
    } catch (e) {
      if (ticket === this.validation && e instanceof ApiError && e.code === 'VALIDATION_FAILED')
        this.serverProblems = e.problems;
    } finally {
      if (ticket === this.validation) this.checkingWarnings = false;
    }
  }

  /** Starts a debounced warnings check; returns its cancel. */
  scheduleWarnings(): () => void {
    const timer = setTimeout(() => void this.checkWarnings(), WARNINGS_DELAY_MS);
    return () => clearTimeout(timer);
  }

  /** Marks a warning as checked (who, when); only for the saved figures, whose warnings the server knows. */
  async acknowledge(w: Warning): Promise<boolean> {
    if (this.dirty) return false;
    try {
      this.warnings = (await api.acknowledge(this.year, w.code, w.params.metric)).warnings;
      return true;
    } catch {
      return false;
    }
  }

  addRow(): FormRow {
    const row = emptyRow();
    this.rows.push(row);
    return row;
  }

  removeRow(index: number): void {
    this.rows.splice(index, 1);
    this.warnings = []; // their paths point at positions that moved; the next check brings them back
  }

  async save(): Promise<Outcome | undefined> {
    this.showAll = true;
    const { figures, notes } = this.checked;
    if (!figures || !this.state || this.problems.length) return undefined;
    return this.write('save', async () => {
      const result = await api.saveDraft(this.year, this.state!.head, figures, notes);
      this.warnings = result.warnings;
      this.baseline = fingerprint(this.rows, this.notes);
      this.base = { rows: $state.snapshot(this.rows), notes: this.notes };
      this.state = await api.year(this.year);
      return { kind: 'saved', version: result.record.version };
    });
  }

  /** Publishes the saved draft; `reason` is required when the year is already published (a correction). */
  async publish(reason?: string): Promise<Outcome | undefined> {
    if (!this.state?.draft || this.dirty) return undefined;
    return this.write('publish', async () => {
      const { record, warnings = [] } = await api.publish(this.year, this.state!.head, reason);
      this.state = await api.year(this.year);
      return { kind: 'published', version: record.version, cdnStale: warnings.length > 0 };
    });
  }

  async discard(): Promise<Outcome | undefined> {
    if (!this.state?.draft) return undefined;
    return this.write('discard', async () => {
      await api.discardDraft(this.year, this.state!.head);
      await this.load({ recover: false });
      return { kind: 'discarded' };
    });
  }

  /** Reads the newer version and its author from the history: who, when, what they changed. */
  private async describeConflict(current: number): Promise<Outcome> {
    try {
      const [state, { versions }] = await Promise.all([api.year(this.year), api.history(this.year)]);
      const theirs = state.draft ?? state.published;
      const form = { rows: theirs ? theirs.figures.map(rowFromFigure) : [], notes: theirs?.notes ?? '' };
      this.newer = { state, form };
      const mine = { rows: $state.snapshot(this.rows), notes: this.notes };
      const started = this.state?.draft ?? this.state?.published;
      const latest = versions[0];
      return {
        kind: 'conflict',
        current: state.head,
        ...(latest ? { who: latest.savedBy, at: latest.savedAt } : {}),
        theirChanges: theirs ? diffYears(started, theirs) : [],
        overlaps: rebase(this.base, mine, form).overlaps,
      };
    } catch {
      return { kind: 'conflict', current, theirChanges: [], overlaps: [] };
    }
  }

  /** Whether a 409's newer version was read, so the editor's changes can be re-applied on it. */
  get canReapply(): boolean {
    return this.newer !== undefined;
  }

  /** Puts the editor's own changes on top of the newer version; the form is then unsaved, to review and save. */
  reapply(): Overlap[] {
    if (!this.newer) return [];
    const { state, form } = this.newer;
    const merged = rebase(this.base, { rows: $state.snapshot(this.rows), notes: this.notes }, form);
    this.state = state;
    this.rows = merged.rows;
    this.notes = merged.notes;
    this.baseline = fingerprint(form.rows, form.notes);
    this.base = form;
    this.warnings = state.warnings;
    this.serverProblems = [];
    this.newer = undefined;
    return merged.overlaps;
  }

  private async write(kind: 'save' | 'publish' | 'discard', run: () => Promise<Outcome>): Promise<Outcome> {
    this.busy = kind;
    try {
      const outcome = await run();
      this.recovered = undefined;
      return outcome;
    } catch (e) {
      if (!(e instanceof ApiError)) return { kind: 'failed', error: e };
      if (e.code === 'VERSION_CONFLICT')
        return this.describeConflict(e.current ?? (this.state?.head ?? 0) + 1);
      if (e.code === 'VALIDATION_FAILED') {
        this.serverProblems = e.problems;
        return { kind: 'refused' };
      }
      if (e.status === 0) return { kind: 'network' };
      return { kind: 'failed', error: e };
    } finally {
      this.busy = undefined;
    }
  }
}
