/**
 * What an answer of the site tells browsers and CloudFront about keeping it. The page cache
 * policy at the edge honours these (infra/lib/cdn-policies.ts), and publishing invalidates the
 * distribution, so the edge may keep a public page a day; a browser, which nobody invalidates,
 * a minute.
 */
export const PUBLIC_PAGE_CACHE = 'public, max-age=60, s-maxage=86400, stale-while-revalidate=86400';

/** An unknown path: kept a little, so that a crawler's misses do not each reach a function. */
export const NOT_FOUND_CACHE = 'public, max-age=60, s-maxage=600';

export const NO_STORE = 'no-store';

export interface Answer {
  readonly path: string;
  readonly method: string;
  readonly status: number;
  /** The Cache-Control the route set itself, if any (embeds and downloads set theirs). */
  readonly routeCacheControl: string | null;
  /** Whether the answer shows figures from memory after a store failure (« may be out of date »). */
  readonly stale: boolean;
  readonly admin: boolean;
}

/**
 * The Cache-Control of an answer. Never stored: staff pages, answers with figures served from
 * memory (they carry the « may be out of date » notice, and would outlive the blip by a day),
 * anything a route marked private or no-store itself (an embargoed preview), server errors.
 */
export function cacheControlFor(answer: Answer): string {
  if (answer.admin || answer.stale) return NO_STORE;
  const own = answer.routeCacheControl;
  if (own && /\b(no-store|private)\b/.test(own)) return own;
  if (answer.method !== 'GET' && answer.method !== 'HEAD') return own ?? NO_STORE;
  if (answer.status === 200 || answer.status === 304) return own ?? PUBLIC_PAGE_CACHE;
  if (answer.status === 404) return NOT_FOUND_CACHE;
  return NO_STORE;
}
