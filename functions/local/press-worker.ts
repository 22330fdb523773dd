/**
 * A thread of the local server's press pool (press-pool.ts): draws a PNG or packs a zip with
 * the site's own code (site/src/lib/press/server/press-work.ts), so that the bytes are the ones
 * the request's thread would have made.
 */
import type { Zippable } from 'fflate';
import { pngOf, pressFontFiles, zipOf } from '../../site/src/lib/press/server/press-work';

export type PressJob =
  { kind: 'png'; svg: string; scale: number } | { kind: 'zip'; files: Zippable; mtime: Date };

let fonts: string[] | undefined;

export default async function run(job: PressJob): Promise<Uint8Array> {
  if (job.kind === 'png')
    return pngOf(job.svg, job.scale, (fonts ??= pressFontFiles(process.env.PRESS_FONTS_DIR)));
  return zipOf(job.files, job.mtime);
}
