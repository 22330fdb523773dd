/**
 * A decorator over any `FiguresRepository` for readers that would rather show the last
 * published figures than an error page: when the store fails or is slower than a deadline,
 * reads answer with the last good answer they saw, flagged as stale. Writes pass through
 * untouched and fail loudly. Plain TypeScript: no AWS, no HTTP, no Svelte.
 */
import type { FiguresRepository } from './repository';
import type { PublishedYear } from './schema';

/** An answer and whether it came from the store just now or from memory. */
export interface Read<T> {
  value: T;
  /** True when the store failed or was too slow and this is the last good answer instead. */
  stale: boolean;
  /** When the store gave this answer. */
  readAt: Date;
}

export interface ResilienceOptions {
  /** Longest wait for the store before a read falls back to the last good answer. @default 1000 */
  timeoutMs?: number;
  /** After a failure, reads that have an answer in memory skip the store for this long. @default 2000 */
  cooldownMs?: number;
  /**
   * Reads answer from memory, not stale, while the store's last answer is younger than this:
   * a busy reader asks the store at most once per window, not once per request. `0` asks on
   * every read. @default 0
   */
  freshForMs?: number;
  /** Called each time a stale answer is served (in the caller's async context). */
  onStale?: (operation: string) => void;
  /** Called when the store fails or times out, with the error. */
  onStoreError?: (operation: string, error: unknown) => void;
  /** @default Date.now */
  now?: () => number;
}

export interface ResilientFiguresRepository extends FiguresRepository {
  readPublishedYears(): Promise<Read<PublishedYear[]>>;
  readPublishedYear(year: number): Promise<Read<PublishedYear | undefined>>;
}

/** The store did not answer within the deadline (named like the AWS SDK's, so it maps to a 503). */
export class StoreTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(operation: string, ms: number) {
    super(`the figures store did not answer ${operation} within ${ms} ms`);
  }
}

interface Remembered<T> {
  value: T;
  at: number;
}

const LIST = 'listPublished';

export function resilientRepository(
  inner: FiguresRepository,
  options: ResilienceOptions = {},
): ResilientFiguresRepository {
  const {
    timeoutMs = 1000,
    cooldownMs = 2000,
    freshForMs = 0,
    onStale,
    onStoreError,
    now = Date.now,
  } = options;
  const memory = new Map<string, Remembered<unknown>>();
  // One flight per key: concurrent readers share a store call instead of piling onto a slow store.
  const inFlight = new Map<string, Promise<unknown>>();
  let skipStoreUntil = 0;

  function fly<T>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const flight = load().then(
      (value) => {
        // A late answer, after the caller gave up waiting, still refreshes memory.
        memory.set(key, { value, at: now() });
        skipStoreUntil = 0;
        return value;
      },
      (error: unknown) => {
        skipStoreUntil = now() + cooldownMs;
        throw error;
      },
    );
    inFlight.set(key, flight);
    void flight.then(
      () => inFlight.delete(key),
      () => inFlight.delete(key),
    );
    return flight;
  }

  function withDeadline<T>(operation: string, flight: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, fail) => {
      timer = setTimeout(() => {
        skipStoreUntil = now() + cooldownMs;
        fail(new StoreTimeoutError(operation, timeoutMs));
      }, timeoutMs);
    });
    return Promise.race([flight, deadline]).finally(() => clearTimeout(timer));
  }

  function stale<T>(operation: string, remembered: Remembered<T>): Read<T> {
    onStale?.(operation);
    return { value: remembered.value, stale: true, readAt: new Date(remembered.at) };
  }

  async function read<T>(
    key: string,
    load: () => Promise<T>,
    fallback: () => Remembered<T> | undefined,
  ): Promise<Read<T>> {
    const known = fallback();
    if (known && now() < skipStoreUntil) return stale(key, known);
    if (known && now() - known.at < freshForMs)
      return { value: known.value, stale: false, readAt: new Date(known.at) };
    try {
      const value = await withDeadline(key, fly(key, load));
      return { value, stale: false, readAt: new Date(memory.get(key)?.at ?? now()) };
    } catch (error) {
      onStoreError?.(key, error);
      const last = fallback();
      if (!last) throw error;
      return stale(key, last);
    }
  }

  const remembered = <T>(key: string) => memory.get(key) as Remembered<T> | undefined;

  const reads = {
    readPublishedYears: () =>
      read(
        LIST,
        () => inner.listPublished(),
        () => remembered<PublishedYear[]>(LIST),
      ),
    readPublishedYear: (year: number) => {
      const key = `getPublished:${year}`;
      return read(
        key,
        () => inner.getPublished(year),
        () => {
          // A year never read alone may still be in the last list read.
          const own = remembered<PublishedYear | undefined>(key);
          const list = remembered<PublishedYear[]>(LIST);
          if (!list || (own && own.at >= list.at)) return own;
          return { value: list.value.find((y) => y.year === year), at: list.at };
        },
      );
    },
    listPublished: async () => (await reads.readPublishedYears()).value,
    getPublished: async (year: number) => (await reads.readPublishedYear(year)).value,
  };

  // Writes go straight to the store: only published reads may ever be answered from memory. A
  // method added to the interface must be placed here too (the type checker asks for it).
  return {
    ...reads,
    createPublished: (year, by, at) => inner.createPublished(year, by, at),
  };
}
