import { afterEach, describe, expect, it } from 'vitest';
import { catalogueReader } from './catalogue-reader';
import type { CatalogueHead } from './catalogue-repository';
import { applyCatalogue, countryByIso, countries, seedCatalogue } from './reference';

const withBenin = {
  ...seedCatalogue,
  countries: [
    ...seedCatalogue.countries,
    { iso2: 'BJ', isoNumeric: '204', name: { fr: 'Bénin', en: 'Benin' }, partners: [] },
  ],
};
const head = (version: number, catalogue = withBenin): CatalogueHead => ({
  version,
  catalogue,
  at: '2026-12-03T10:00:00Z',
  by: 'b@x',
});

/** A store under the test's control: each read waits for `answer` to be called, or answers at once. */
function store() {
  const s = {
    reads: 0,
    mode: 'answer' as 'answer' | 'hang' | 'fail',
    value: head(2) as CatalogueHead | undefined,
    getPublishedCatalogue: () => {
      s.reads++;
      if (s.mode === 'hang') return new Promise<CatalogueHead | undefined>(() => {});
      if (s.mode === 'fail') return Promise.reject(new Error('connection refused'));
      return Promise.resolve(s.value);
    },
  };
  return s;
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

// Unit specs share modules (isolate: false): put data/'s catalogue back in force after each.
afterEach(() => applyCatalogue(seedCatalogue));

describe('catalogueReader', () => {
  it('puts the published catalogue in force for every reader of the reference data', async () => {
    const reader = catalogueReader(store());
    expect(countryByIso.has('BJ')).toBe(false);
    const read = await reader.current();
    expect(read).toMatchObject({ version: 2, stale: false });
    expect(countryByIso.get('BJ')?.name.fr).toBe('Bénin');
    expect(countries.map((c) => c.iso2)).toContain('BJ');
  });

  it('asks the store again only once its time to live has passed', async () => {
    const s = store();
    const c = clock();
    const reader = catalogueReader(s, { ttlMs: 5000, now: c.now });
    await reader.current();
    s.value = head(3, seedCatalogue);
    c.advance(4999);
    expect((await reader.current()).version).toBe(2);
    c.advance(1);
    expect((await reader.current()).version).toBe(3);
    expect(s.reads).toBe(2);
    expect(countryByIso.has('BJ')).toBe(false);
  });

  it('answers within its deadline from the last catalogue read when the store hangs, then leaves it alone for the cooldown', async () => {
    const s = store();
    const c = clock();
    const errors: unknown[] = [];
    const reader = catalogueReader(s, {
      ttlMs: 0,
      timeoutMs: 20,
      cooldownMs: 5000,
      now: c.now,
      onStoreError: (e) => errors.push(e),
    });
    await reader.current();
    s.mode = 'hang';
    c.advance(1);
    expect(await reader.current()).toMatchObject({ version: 2, stale: true });
    expect(errors).toHaveLength(1);
    const reads = s.reads;
    // Within the cooldown the store is not asked at all.
    expect(await reader.current()).toMatchObject({ version: 2, stale: true });
    expect(s.reads).toBe(reads);
    expect(countryByIso.has('BJ')).toBe(true);
  });

  it("falls back on data/'s catalogue when the store fails before any read, then recovers after the cooldown", async () => {
    const s = store();
    s.mode = 'fail';
    const c = clock();
    const reader = catalogueReader(s, { ttlMs: 0, cooldownMs: 1000, now: c.now });
    expect(await reader.current()).toMatchObject({ version: 0, stale: true, catalogue: seedCatalogue });
    s.mode = 'answer';
    c.advance(999);
    expect((await reader.current()).stale).toBe(true);
    c.advance(1);
    expect(await reader.current()).toMatchObject({ version: 2, stale: false });
  });

  it('checks the published version on every read, and reads the whole catalogue only when it moved', async () => {
    const s = { ...store(), stamp: 2, heads: 0 };
    const source = {
      publishedCatalogueVersion: () => Promise.resolve(s.stamp),
      getPublishedCatalogue: () => (s.heads++, Promise.resolve(head(s.stamp))),
    };
    const reader = catalogueReader(source);
    await reader.current();
    await reader.current();
    expect(s.heads).toBe(1);
    s.stamp = 3;
    expect((await reader.current()).version).toBe(3);
    expect(s.heads).toBe(2);
  });

  it("reads data/'s catalogue, not stale, from a table that has none yet", async () => {
    const s = store();
    s.value = undefined;
    expect(await catalogueReader(s).current()).toMatchObject({
      version: 0,
      stale: false,
      catalogue: seedCatalogue,
    });
  });
});
