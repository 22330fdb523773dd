import { describe, expect, it } from 'vitest';
import { figure } from '../../../test/support/fixtures';
import {
  publishedCache,
  snapshotVersion,
  type PublicationStamp,
  type StampedRepository,
} from './published-cache';
import type { PublishedYear } from './schema';

const year = (y: number, version = 1): PublishedYear => ({
  year: y,
  version,
  figures: [figure('volunteers', y)],
  publishedAt: '',
  publishedBy: '',
});

interface FakeStore {
  years: PublishedYear[];
  stamp: PublicationStamp;
  calls: { list: number; stamp: number };
  repo: StampedRepository;
}

function fakeStore(years: PublishedYear[], stamp: PublicationStamp): FakeStore {
  const calls = { list: 0, stamp: 0 };
  const store: FakeStore = {
    years,
    stamp,
    calls,
    repo: {
      listPublished: async () => (calls.list++, [...store.years]),
      getPublished: async (y: number) => store.years.find((x: PublishedYear) => x.year === y),
      createPublished: async () => false,
      publicationStamp: async () => (calls.stamp++, store.stamp),
    },
  };
  return store;
}

describe('publishedCache', () => {
  it('reads every year once, then only the stamp while nothing is published', async () => {
    const store = fakeStore([year(2016)], { stamp: 1, year: 2016, version: 1 });
    const cache = publishedCache(store.repo);
    expect(await cache.listPublished()).toEqual([year(2016)]);
    expect(await cache.listPublished()).toEqual([year(2016)]);
    expect(store.calls).toEqual({ list: 1, stamp: 2 });
  });

  it('asks for the stamp and the years at once when it has nothing to compare (a cold start)', async () => {
    const store = fakeStore([year(2016)], { stamp: 1, year: 2016, version: 1 });
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { listPublished, publicationStamp } = store.repo;
    store.repo.publicationStamp = async () => (started.push('stamp'), await gate, publicationStamp());
    store.repo.listPublished = async () => (started.push('list'), await gate, listPublished());
    const pending = publishedCache(store.repo).listPublished();
    await new Promise((r) => setTimeout(r, 0));
    expect(started.sort()).toEqual(['list', 'stamp']);
    release();
    expect(await pending).toEqual([year(2016)]);
  });

  it('reads again after a publication moves the stamp', async () => {
    const store = fakeStore([year(2016)], { stamp: 1, year: 2016, version: 1 });
    const cache = publishedCache(store.repo);
    await cache.listPublished();
    store.years = [year(2016), year(2017)];
    store.stamp = { stamp: 2, year: 2017, version: 1 };
    expect((await cache.listPublished()).map((y) => y.year)).toEqual([2016, 2017]);
    expect(store.calls.list).toBe(2);
  });

  it('does not remember a list that does not show the stamped publication yet (index lag)', async () => {
    const store = fakeStore([year(2016)], { stamp: 2, year: 2016, version: 3 });
    const cache = publishedCache(store.repo);
    await cache.listPublished();
    store.years = [year(2016, 3)];
    expect((await cache.listPublished())[0]?.version).toBe(3);
    expect(await cache.listPublished()).toEqual([year(2016, 3)]);
    expect(store.calls.list).toBe(2);
  });

  it('reads again after maxAgeMs whatever the stamp says', async () => {
    let t = 0;
    const store = fakeStore([year(2016)], { stamp: 1, year: 2016, version: 1 });
    const cache = publishedCache(store.repo, { maxAgeMs: 1000, now: () => t });
    await cache.listPublished();
    t = 999;
    await cache.listPublished();
    t = 1000;
    await cache.listPublished();
    expect(store.calls.list).toBe(2);
  });

  it('hands out one frozen list per publication, and passes other reads and failures through', async () => {
    const store = fakeStore([year(2016)], { stamp: 1, year: 2016, version: 1 });
    const cache = publishedCache(store.repo);
    const first = await cache.listPublished();
    expect(() => first.pop()).toThrow(TypeError);
    expect(await cache.listPublished()).toBe(first);
    store.years = [year(2016), year(2017)];
    store.stamp = { stamp: 2, year: 2017, version: 1 };
    const second = await cache.listPublished();
    expect(second).not.toBe(first);
    expect(second).toHaveLength(2);
    expect(await cache.getPublished(2016)).toEqual(year(2016));
    store.repo.publicationStamp = async () => Promise.reject(new Error('store down'));
    await expect(cache.listPublished()).rejects.toThrow('store down');
  });
});

describe('snapshotVersion', () => {
  it('names the figures by every year and its version: the same for the same figures, read twice', () => {
    expect(snapshotVersion([year(2016), year(2017, 3)])).toBe('published:2016v1,2017v3');
    expect(snapshotVersion([year(2016)])).toBe(snapshotVersion([{ ...year(2016) }]));
  });

  it('changes with any publication: a new year, a correction, a year withdrawn', () => {
    const versions = [
      [year(2016)],
      [year(2016), year(2017)],
      [year(2016, 2), year(2017)],
      [year(2017)],
      [],
    ].map(snapshotVersion);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
