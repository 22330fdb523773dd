/**
 * The local server's press pool: PNG drawing and press-kit zips on worker threads (piscina,
 * pinned), handed to SvelteKit as `event.platform.press`, so that a burst of downloads does not
 * stall the pages served on the same process. Lambda needs none: the press function has a
 * process of its own, one request at a time, and draws on its thread.
 *
 * `PRESS_THREADS` sets the number of threads (default: one per core but one, at least one);
 * `PRESS_THREADS=0` draws on the request's thread, as Lambda does (the bench compares both).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PressRenderer } from '../../site/src/lib/press/server/press-work';
import type { PressJob } from './press-worker';

export interface PressPool extends PressRenderer {
  close(): Promise<void>;
}

/** The threads `PRESS_THREADS` asks for; a value that is not a whole number is an error, said at start. */
export function pressThreads(raw: string | undefined): number {
  if (raw === undefined || raw === '') return Math.max(1, availableParallelism() - 1);
  if (!/^\d{1,2}$/.test(raw))
    throw new Error(`PRESS_THREADS must be a whole number from 0 to 99 (got "${raw}")`);
  return Number(raw);
}

export function createPressPool(threads: number): PressPool {
  const pool = new Piscina<PressJob, Uint8Array>({
    filename: new URL('./press-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A worker draws one picture at a time: resvg is synchronous.
    concurrentTasksPerWorker: 1,
    // The worker is TypeScript, run through tsx as the server is (also under Vitest, which has no tsx of its own).
    execArgv: ['--import', 'tsx'],
  });
  return {
    png: (svg, scale) => pool.run({ kind: 'png', svg, scale }),
    zip: (files, mtime) => pool.run({ kind: 'zip', files, mtime }),
    close: () => pool.close(),
  };
}
