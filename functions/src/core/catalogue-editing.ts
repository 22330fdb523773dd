/**
 * The catalogue's use cases (issue #16), like a year's: save a draft (anyone on staff), publish
 * it (a publisher who is not the draft's last author: four eyes), restore an earlier version as a
 * new draft. Each write appends its immutable history entry first, conditional on its version
 * being free (a stale write fails with VERSION_CONFLICT), then moves the heads. Plain TypeScript.
 */
import { validateCatalogue, type CatalogueChecks } from './catalogue';
import type { CatalogueHead, CatalogueRepository, CatalogueVersion } from './catalogue-repository';
import type { Change } from './diff';
import { DomainError, notFound } from './errors';
import type { Catalogue } from './reference-schema';

export interface CatalogueEditor {
  /** As the verified token says. */
  id: string;
  /** Whether the token puts them in the publishers group. */
  publisher: boolean;
}

export interface CatalogueState {
  published?: CatalogueHead;
  draft?: CatalogueHead;
  /** The version a write starts from: the draft's, else the published one's, else 0. */
  headVersion: number;
}

/** The parts of the catalogue, each with the key that names an entry. */
const PARTS = {
  metrics: (e: { id: string }) => e.id,
  regions: (e: { slug: string }) => e.slug,
  centres: (e: { slug: string }) => e.slug,
  localGroups: (e: { slug: string }) => e.slug,
  countries: (e: { iso2: string }) => e.iso2,
} as const;

/** JSON with its keys sorted: the store hands maps back in its own key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** Entries added, removed or changed, as `countries.BJ`. */
export function diffCatalogues(before: Catalogue | undefined, after: Catalogue): Change[] {
  const changes: Change[] = [];
  for (const part of Object.keys(PARTS) as (keyof typeof PARTS)[]) {
    const key = PARTS[part] as (e: unknown) => string;
    const old = new Map((before?.[part] ?? []).map((e) => [key(e), e]));
    const now = new Map((after[part] as unknown[]).map((e) => [key(e), e]));
    for (const k of [...new Set([...old.keys(), ...now.keys()])].sort()) {
      const [a, b] = [old.get(k), now.get(k)];
      const metric = `${part}.${k}`;
      if (a === undefined) changes.push({ metric, field: '(added)', after: b });
      else if (b === undefined) changes.push({ metric, field: '(removed)', before: a });
      else if (canonical(a) !== canonical(b))
        changes.push({ metric, field: '(changed)', before: a, after: b });
    }
  }
  return changes;
}

export async function loadCatalogueState(repo: CatalogueRepository): Promise<CatalogueState> {
  const [published, draft] = await Promise.all([repo.getPublishedCatalogue(), repo.getCatalogueDraft()]);
  const headVersion = Math.max(draft?.version ?? 0, published?.version ?? 0);
  return {
    ...(published ? { published } : {}),
    ...(draft && draft.version > (published?.version ?? 0) ? { draft } : {}),
    headVersion,
  };
}

const conflict = (expected: number, current: number) =>
  new DomainError(
    'VERSION_CONFLICT',
    `the catalogue has changed since version ${expected}: it is at version ${current}. Reload, then apply your change again.`,
    { current },
  );

/** Appends the entry after the latest one, or fails with a conflict when `baseVersion` is not the latest. */
async function append(
  repo: CatalogueRepository,
  baseVersion: number,
  entry: Omit<CatalogueVersion, 'version'>,
): Promise<CatalogueVersion> {
  const latest = (await repo.latestCatalogueVersion())?.version ?? 0;
  if (latest !== baseVersion) throw conflict(baseVersion, latest);
  const record: CatalogueVersion = { version: latest + 1, ...entry };
  if (!(await repo.appendCatalogueVersion(record))) {
    const now = (await repo.latestCatalogueVersion())?.version ?? latest + 1;
    throw conflict(baseVersion, now);
  }
  await repo.applyCatalogueVersion(record);
  return record;
}

async function current(repo: CatalogueRepository): Promise<Catalogue | undefined> {
  const state = await loadCatalogueState(repo);
  return (state.draft ?? state.published)?.catalogue;
}

export async function saveCatalogueDraft(
  repo: CatalogueRepository,
  input: unknown,
  baseVersion: number,
  editor: CatalogueEditor,
  checks: CatalogueChecks,
  now: Date,
): Promise<CatalogueVersion> {
  const catalogue = validateCatalogue(input, checks);
  const before = await current(repo);
  return append(repo, baseVersion, {
    action: 'save',
    catalogue,
    savedAt: now.toISOString(),
    savedBy: editor.id,
    changes: diffCatalogues(before, catalogue),
  });
}

export async function publishCatalogue(
  repo: CatalogueRepository,
  baseVersion: number,
  editor: CatalogueEditor,
  checks: CatalogueChecks,
  now: Date,
): Promise<CatalogueVersion> {
  if (!editor.publisher)
    throw new DomainError(
      'FORBIDDEN',
      `${editor.id} may not publish the catalogue: only the publishers group may`,
    );
  const state = await loadCatalogueState(repo);
  if (!state.draft) throw notFound('the catalogue has no draft to publish');
  if (state.draft.version !== baseVersion) throw conflict(baseVersion, state.headVersion);
  if (state.draft.by === editor.id)
    throw new DomainError(
      'FOUR_EYES',
      `${editor.id} made the draft's last change: another publisher must check and publish it`,
    );
  // The years may have moved since the draft was saved: it must still describe them.
  const catalogue = validateCatalogue(state.draft.catalogue, checks);
  return append(repo, baseVersion, {
    action: 'publish',
    catalogue,
    savedAt: now.toISOString(),
    savedBy: editor.id,
    draftBy: state.draft.by,
    changes: diffCatalogues(state.published?.catalogue, catalogue),
  });
}

export async function restoreCatalogue(
  repo: CatalogueRepository,
  version: number,
  baseVersion: number,
  editor: CatalogueEditor,
  checks: CatalogueChecks,
  now: Date,
): Promise<CatalogueVersion> {
  const earlier = await repo.getCatalogueVersion(version);
  if (!earlier) throw notFound(`the catalogue has no version ${version}`);
  const catalogue = validateCatalogue(earlier.catalogue, checks);
  const before = await current(repo);
  return append(repo, baseVersion, {
    action: 'restore',
    catalogue,
    savedAt: now.toISOString(),
    savedBy: editor.id,
    restoredFrom: version,
    changes: diffCatalogues(before, catalogue),
  });
}

/** Seeds a table that has no catalogue yet: version 1, published. False (and nothing written) when one is there. */
export async function seedCatalogueIfAbsent(
  repo: CatalogueRepository,
  catalogue: Catalogue,
  by: string,
  now: Date,
): Promise<boolean> {
  const latest = await repo.latestCatalogueVersion();
  if (latest) {
    // Finish an interrupted seed (its entry written, the head not); never touch staff's versions.
    if (latest.version === 1 && latest.action === 'seed' && !(await repo.getPublishedCatalogue())) {
      await repo.applyCatalogueVersion(latest);
      return true;
    }
    return false;
  }
  const record: CatalogueVersion = {
    version: 1,
    action: 'seed',
    catalogue,
    savedAt: now.toISOString(),
    savedBy: by,
    changes: [],
  };
  if (!(await repo.appendCatalogueVersion(record))) return false;
  await repo.applyCatalogueVersion(record);
  return true;
}
