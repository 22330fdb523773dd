import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../../../test/support/stores';
import type { RunningStore } from '../../local/stores';
import { seed } from '../../local/seed';
import {
  loadCatalogueState,
  publishCatalogue,
  restoreCatalogue,
  saveCatalogueDraft,
} from '../core/catalogue-editing';
import type { CatalogueRepository } from '../core/catalogue-repository';
import { countryChoices } from '../core/country-choices';
import { DomainError } from '../core/errors';
import { seedCatalogue } from '../core/reference';
import { BENIN } from '../../../test/support/catalogue-fixtures';

const checks = { choices: countryChoices() };
const at = new Date('2026-12-03T10:00:00Z');
const editor = { id: 'editor@cimade.test', publisher: false };
const publisher = { id: 'publisher@cimade.test', publisher: true };
const withBenin = () => {
  const c = structuredClone(seedCatalogue);
  c.countries.push(structuredClone(BENIN));
  return c;
};

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe.each(STORE_KINDS)('the catalogue on %s', (kind) => {
  let store: RunningStore;
  let t: TestTable;
  let repo: CatalogueRepository;
  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
    repo = t.repo.catalogueRepository();
  });

  it('is seeded from data/ on a fresh table as published version 1, and a second seed changes nothing', async () => {
    expect((await seed(t.repo)).catalogue).toBe('created');
    const published = await repo.getPublishedCatalogue();
    expect(published).toMatchObject({ version: 1, by: 'seed:data/' });
    expect(published?.catalogue).toStrictEqual(seedCatalogue);
    await saveCatalogueDraft(repo, withBenin(), 1, editor, checks, at);
    expect((await seed(t.repo)).catalogue).toBe('unchanged');
    expect((await repo.listCatalogueVersions()).map((v) => v.action)).toEqual(['save', 'seed']);
  });

  it('drafts, refuses the last author and a non-publisher, publishes with another publisher, keeps every version', async () => {
    await seed(t.repo);
    const draft = await saveCatalogueDraft(repo, withBenin(), 1, editor, checks, at);
    expect(draft).toMatchObject({ version: 2, action: 'save', savedBy: editor.id });
    expect(draft.changes).toEqual([expect.objectContaining({ metric: 'countries.BJ', field: '(added)' })]);
    // The public catalogue has not moved.
    expect((await repo.getPublishedCatalogue())?.version).toBe(1);

    expect(await codeOf(publishCatalogue(repo, 2, editor, checks, at))).toBe('FORBIDDEN');
    const selfPublisher = { id: editor.id, publisher: true };
    expect(await codeOf(publishCatalogue(repo, 2, selfPublisher, checks, at))).toBe('FOUR_EYES');

    const published = await publishCatalogue(repo, 2, publisher, checks, at);
    expect(published).toMatchObject({
      version: 3,
      action: 'publish',
      savedBy: publisher.id,
      draftBy: editor.id,
    });
    const state = await loadCatalogueState(repo);
    expect(state.draft).toBeUndefined();
    expect(state.published?.catalogue.countries.map((c) => c.iso2)).toContain('BJ');
    expect((await repo.listCatalogueVersions()).map((v) => [v.version, v.action])).toEqual([
      [3, 'publish'],
      [2, 'save'],
      [1, 'seed'],
    ]);
  });

  it('refuses a stale save with VERSION_CONFLICT and overwrites nothing', async () => {
    await seed(t.repo);
    await saveCatalogueDraft(repo, withBenin(), 1, editor, checks, at);
    expect(await codeOf(saveCatalogueDraft(repo, seedCatalogue, 1, publisher, checks, at))).toBe(
      'VERSION_CONFLICT',
    );
    expect((await repo.getCatalogueDraft())?.catalogue.countries.map((c) => c.iso2)).toContain('BJ');
  });

  it('restores an earlier version as a new draft, which four eyes then publishes', async () => {
    await seed(t.repo);
    await saveCatalogueDraft(repo, withBenin(), 1, editor, checks, at);
    await publishCatalogue(repo, 2, publisher, checks, at);
    const restored = await restoreCatalogue(repo, 1, 3, publisher, checks, at);
    expect(restored).toMatchObject({ version: 4, action: 'restore', restoredFrom: 1 });
    expect((await repo.getCatalogueDraft())?.catalogue).toStrictEqual(seedCatalogue);
    expect(await codeOf(publishCatalogue(repo, 4, publisher, checks, at))).toBe('FOUR_EYES');
    await publishCatalogue(repo, 4, { id: 'other@cimade.test', publisher: true }, checks, at);
    expect((await repo.getPublishedCatalogue())?.catalogue.countries.map((c) => c.iso2)).not.toContain('BJ');
    // The version that had Bénin is still there, unchanged.
    expect((await repo.getCatalogueVersion(3))?.catalogue.countries.map((c) => c.iso2)).toContain('BJ');
  });

  it('refuses a draft with problems, writing nothing', async () => {
    await seed(t.repo);
    const bad = withBenin();
    bad.countries.at(-1)!.isoNumeric = '999';
    expect(await codeOf(saveCatalogueDraft(repo, bad, 1, editor, checks, at))).toBe('VALIDATION_FAILED');
    expect(await repo.getCatalogueDraft()).toBeUndefined();
    expect((await repo.latestCatalogueVersion())?.version).toBe(1);
  });
});
