/**
 * The core's `EditingRepository` in memory, for specifying the use cases (`editing.ts`)
 * without a store. It honours the same conditional semantics as the DynamoDB adapter: a
 * history entry is written only if its version is free, a head only moves forwards, and
 * publishing or discarding ends only the draft it was made from. Values are copied in and
 * out, as a store would, so a caller cannot change what is stored by holding a reference.
 */
import type { StoredAcknowledgement } from '../../functions/src/core/acknowledgements';
import {
  REVIEW_ACTIONS,
  type Draft,
  type EditingRepository,
  type VersionRecord,
} from '../../functions/src/core/editing-repository';
import type { PublishedYear, YearFigures } from '../../functions/src/core/schema';

const copy = <T>(v: T): T => structuredClone(v);

/** A year's content as a head holds it, without the fields a head leaves out when empty. */
const content = (r: VersionRecord) => ({
  year: r.year,
  figures: r.figures,
  ...(r.notes ? { notes: r.notes } : {}),
  version: r.version,
});

export class MemoryEditingRepository implements EditingRepository {
  private readonly versions = new Map<number, Map<number, VersionRecord>>();
  private readonly published = new Map<number, PublishedYear>();
  private readonly drafts = new Map<number, Draft>();
  private readonly committedImports = new Set<string>();

  async listPublished(): Promise<PublishedYear[]> {
    return copy([...this.published.values()].sort((a, b) => a.year - b.year));
  }

  async getPublished(year: number): Promise<PublishedYear | undefined> {
    return copy(this.published.get(year));
  }

  async createPublished(year: YearFigures, by: string, at: string): Promise<boolean> {
    const record: VersionRecord = {
      year: year.year,
      version: 1,
      action: 'seed',
      figures: year.figures,
      notes: year.notes,
      savedAt: at,
      savedBy: by,
      changes: [],
    };
    if (!(await this.appendVersion(record))) {
      const existing = await this.getVersion(year.year, 1);
      if (existing?.action !== 'seed' || this.published.has(year.year)) return false;
    }
    await this.applyVersion(record);
    return true;
  }

  async getDraft(year: number): Promise<Draft | undefined> {
    return copy(this.drafts.get(year));
  }

  async listDrafts(): Promise<Draft[]> {
    return copy([...this.drafts.values()].sort((a, b) => a.year - b.year));
  }

  async latestVersion(year: number): Promise<VersionRecord | undefined> {
    return (await this.listVersions(year))[0];
  }

  async listVersions(year: number): Promise<VersionRecord[]> {
    return copy([...(this.versions.get(year)?.values() ?? [])].sort((a, b) => b.version - a.version));
  }

  async getVersion(year: number, version: number): Promise<VersionRecord | undefined> {
    return copy(this.versions.get(year)?.get(version));
  }

  async appendVersion(record: VersionRecord): Promise<boolean> {
    const history = this.versions.get(record.year) ?? new Map<number, VersionRecord>();
    if (history.has(record.version)) return false; // attribute_not_exists(pk)
    history.set(record.version, copy(record));
    this.versions.set(record.year, history);
    return true;
  }

  async applyVersion(r: VersionRecord): Promise<void> {
    const newer = (head: { version: number } | undefined) => head === undefined || head.version < r.version; // attribute_not_exists(pk) OR version < :v
    if (r.action === 'save' || r.action === 'import' || r.action === 'restore') {
      if (newer(this.drafts.get(r.year)))
        this.drafts.set(
          r.year,
          copy({
            ...content(r),
            updatedAt: r.savedAt,
            updatedBy: r.savedBy,
            ...(r.review ? { review: r.review } : {}),
          }),
        );
      return;
    }
    if (REVIEW_ACTIONS.includes(r.action as never)) {
      const draft = this.drafts.get(r.year);
      if (draft && newer(draft))
        this.drafts.set(
          r.year,
          copy({ ...draft, version: r.version, review: r.review ?? { status: 'drafting' } }),
        );
      return;
    }
    if ((r.action === 'publish' || r.action === 'seed') && newer(this.published.get(r.year)))
      this.published.set(
        r.year,
        copy({
          ...content(r),
          publishedAt: r.savedAt,
          publishedBy: r.savedBy,
          ...(r.corrections ? { corrections: r.corrections } : {}),
        }),
      );
    const draft = this.drafts.get(r.year);
    if (draft && draft.version < r.version) this.drafts.delete(r.year); // version < :v
  }

  private readonly acks = new Map<string, StoredAcknowledgement>();

  async listAcknowledgements(year: number): Promise<StoredAcknowledgement[]> {
    return [...this.acks.values()].filter((a) => a.year === year).map(copy);
  }

  async putAcknowledgement(ack: StoredAcknowledgement): Promise<void> {
    this.acks.set(`${ack.year}#${ack.code}#${ack.metric}`, copy(ack));
  }

  async removeVersion(year: number, version: number, importId: string): Promise<void> {
    if (this.versions.get(year)?.get(version)?.importId === importId)
      this.versions.get(year)!.delete(version); // importId = :id
  }

  async commitImport(importId: string): Promise<void> {
    this.committedImports.add(importId);
  }

  async importCommitted(importId: string): Promise<boolean> {
    return this.committedImports.has(importId);
  }
}
