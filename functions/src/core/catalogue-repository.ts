/**
 * What the catalogue's use cases ask of a store (issue #16): like a year's figures, a published
 * head, at most one draft, and an immutable entry per version. Plain TypeScript.
 */
import type { Catalogue } from './reference-schema';
import type { Change } from './diff';

export type CatalogueAction = 'seed' | 'save' | 'publish' | 'restore';

/** One immutable entry of the catalogue's history. */
export interface CatalogueVersion {
  version: number;
  action: CatalogueAction;
  catalogue: Catalogue;
  savedAt: string;
  /** Who, as their verified token said. */
  savedBy: string;
  /** For a restore: the version brought back. */
  restoredFrom?: number;
  /** For a publication: who made the draft's last change (four eyes). */
  draftBy?: string;
  /** What changed against the version before (added, removed, changed entries). */
  changes: Change[];
}

export interface CatalogueHead {
  version: number;
  catalogue: Catalogue;
  at: string;
  by: string;
}

export interface CatalogueRepository {
  /** The published catalogue, read strongly consistent; undefined on a table never seeded. */
  getPublishedCatalogue(): Promise<CatalogueHead | undefined>;
  /** The published version alone, from a small item: what readers check on every request. */
  publishedCatalogueVersion(): Promise<number | undefined>;
  getCatalogueDraft(): Promise<CatalogueHead | undefined>;
  latestCatalogueVersion(): Promise<CatalogueVersion | undefined>;
  getCatalogueVersion(version: number): Promise<CatalogueVersion | undefined>;
  /** Newest first. */
  listCatalogueVersions(): Promise<CatalogueVersion[]>;
  /** Writes the entry if its version is free; false when another writer took it. */
  appendCatalogueVersion(record: CatalogueVersion): Promise<boolean>;
  /** Moves the heads the entry names (draft for save/restore, published for publish/seed), never backwards. */
  applyCatalogueVersion(record: CatalogueVersion): Promise<void>;
}
