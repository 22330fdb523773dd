import { describe, expect, it, vi } from 'vitest';
import { figure, yearOf } from '../../../test/support/fixtures';
import type { FiguresRepository } from './repository';
import { resilientRepository } from './resilient-repository';
import type { PublishedYear } from './schema';

const published = (year: number, value: number): PublishedYear => ({
  ...yearOf(year, [figure('volunteers', value)]),
  version: 1,
  publishedAt: '2024-01-01T00:00:00Z',
  publishedBy: 'test',
});

type Mode = 'up' | 'down' | 'hung';

/** A store whose faults are set by the test: the real store cannot fail on demand in a unit test. */
function fakeStore(years: PublishedYear[]) {
  const state = { mode: 'up' as Mode, calls: 0 };
  const answer = <T>(value: () => T): Promise<T> => {
    state.calls++;
    if (state.mode === 'down')
      return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    if (state.mode === 'hung') return new Promise<T>((ok) => setTimeout(() => ok(value()), 200));
    return Promise.resolve(value());
  };
  const repo: FiguresRepository = {
    listPublished: () => answer(() => structuredClone(years)),
    getPublished: (year) => answer(() => years.find((y) => y.year === year)),
    createPublished: vi.fn(async () => {
      if (state.mode !== 'up') throw new Error('write failed');
      return true;
    }),
  };
  return { repo, state };
}

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('resilientRepository', () => {
  it('answers fresh from a healthy store, flagged not stale', async () => {
    const { repo } = fakeStore([published(2016, 1), published(2020, 2)]);
    const r = resilientRepository(repo);
    const all = await r.readPublishedYears();
    expect(all.stale).toBe(false);
    expect(all.value.map((y) => y.year)).toEqual([2016, 2020]);
    expect(await r.getPublished(2020)).toMatchObject({ year: 2020 });
  });

  it.each<[string, Mode]>([
    ['unreachable', 'down'],
    ['slower than the deadline', 'hung'],
  ])(
    'serves the last good answer, flagged stale with when it was read, when the store is %s',
    async (_, mode) => {
      const c = clock();
      const { repo, state } = fakeStore([published(2016, 1)]);
      const r = resilientRepository(repo, { timeoutMs: 30, now: c.now });
      const good = await r.readPublishedYears();
      c.advance(60_000);
      state.mode = mode;
      // Timers are the test's: the read must answer by its 30 ms deadline, long before the hung
      // store's 200 ms, however busy the machine is.
      vi.useFakeTimers();
      try {
        let read: unknown;
        void r.readPublishedYears().then((v) => (read = v));
        await vi.advanceTimersByTimeAsync(30);
        expect(read).toEqual({ value: good.value, stale: true, readAt: good.readAt });
        expect(await r.listPublished()).toEqual(good.value);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it.each<[string, Mode, string]>([
    ['unreachable', 'down', 'ECONNREFUSED'],
    ['slower than the deadline', 'hung', 'TimeoutError'],
  ])(
    'fails, with an error that maps to 503, when the store is %s and nothing was read before',
    async (_, mode, expected) => {
      const { repo, state } = fakeStore([published(2016, 1)]);
      state.mode = mode;
      const r = resilientRepository(repo, { timeoutMs: 30 });
      const error = (await r.listPublished().catch((e: unknown) => e)) as { code?: string; name?: string };
      expect([error.code, error.name]).toContain(expected);
    },
  );

  it('answers a year from the last list read when that year was never read alone', async () => {
    const { repo, state } = fakeStore([published(2016, 1), published(2020, 2)]);
    const r = resilientRepository(repo);
    await r.listPublished();
    state.mode = 'down';
    expect(await r.readPublishedYear(2020)).toMatchObject({ value: { year: 2020 }, stale: true });
    expect(await r.readPublishedYear(1999)).toMatchObject({ value: undefined, stale: true });
  });

  it('spares a failing store for the cool-down, then recovers by itself', async () => {
    const c = clock();
    const { repo, state } = fakeStore([published(2016, 1)]);
    const onStale = vi.fn();
    const r = resilientRepository(repo, { cooldownMs: 2000, now: c.now, onStale });
    await r.listPublished();
    state.mode = 'down';
    expect((await r.readPublishedYears()).stale).toBe(true);
    const callsAfterFailure = state.calls;
    for (let i = 0; i < 5; i++) expect((await r.readPublishedYears()).stale).toBe(true);
    expect(state.calls).toBe(callsAfterFailure);
    expect(onStale).toHaveBeenCalledTimes(6);
    state.mode = 'up';
    c.advance(2001);
    expect((await r.readPublishedYears()).stale).toBe(false);
    expect((await r.readPublishedYears()).stale).toBe(false);
  });

  it('lets a late answer from a slow store refresh what it remembers', async () => {
    const years = [published(2016, 1)];
    const { repo, state } = fakeStore(years);
    const r = resilientRepository(repo, { timeoutMs: 30, cooldownMs: 10_000 });
    await r.listPublished();
    years.push(published(2017, 5));
    state.mode = 'hung';
    expect((await r.readPublishedYears()).value).toHaveLength(1);
    await new Promise((ok) => setTimeout(ok, 250));
    state.mode = 'down';
    expect(await r.readPublishedYears()).toMatchObject({
      stale: true,
      value: [{ year: 2016 }, { year: 2017 }],
    });
  });

  it('shares one store call between concurrent readers', async () => {
    const { repo, state } = fakeStore([published(2016, 1)]);
    const r = resilientRepository(repo);
    await Promise.all(Array.from({ length: 20 }, () => r.listPublished()));
    expect(state.calls).toBe(1);
  });

  it('answers from memory, not stale, within the fresh window, then asks the store again', async () => {
    const c = clock();
    const { repo, state } = fakeStore([published(2016, 1)]);
    const r = resilientRepository(repo, { freshForMs: 5000, now: c.now });
    await r.listPublished();
    c.advance(4000);
    const within = await r.readPublishedYears();
    expect(await r.getPublished(2016)).toMatchObject({ year: 2016 });
    expect(within).toMatchObject({ stale: false, readAt: new Date(c.now() - 4000) });
    expect(state.calls).toBe(1);
    c.advance(1000);
    expect((await r.readPublishedYears()).readAt).toEqual(new Date(c.now()));
    expect(state.calls).toBe(2);
  });

  it('asks the store on every read by default', async () => {
    const { repo, state } = fakeStore([published(2016, 1)]);
    const r = resilientRepository(repo);
    await r.listPublished();
    await r.listPublished();
    expect(state.calls).toBe(2);
  });

  it('passes writes straight through and never hides their failure', async () => {
    const { repo, state } = fakeStore([]);
    const r = resilientRepository(repo);
    await expect(r.createPublished(yearOf(2016, []), 'me', 'now')).resolves.toBe(true);
    state.mode = 'down';
    await expect(r.createPublished(yearOf(2016, []), 'me', 'now')).rejects.toThrow('write failed');
    expect(repo.createPublished).toHaveBeenCalledTimes(2);
  });
});
