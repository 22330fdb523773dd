/**
 * Where a download's heavy work runs: drawing PNGs (resvg) and packing the press kit's zip
 * (fflate). On Lambda, and by default, on the request's own thread: the press function has a
 * process of its own there (one request per instance), so nothing else waits. Locally, the
 * one-origin server hands SvelteKit a worker pool through `event.platform.press`
 * (functions/local/press-pool.ts), so that fifty PNGs asked at once do not stall the pages.
 */
import { renderPng } from './png';
import { zipOf, type PressRenderer } from './press-work';

export type { PressRenderer };

export const inThread: PressRenderer = {
  png: renderPng,
  zip: async (files, mtime) => zipOf(files, mtime),
};
