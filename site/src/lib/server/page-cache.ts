/**
 * Pages rendered once per publication. A page's HTML depends only on its URL and the published
 * figures, so pages are kept under the figures' version: every published year with its version
 * (`snapshotVersion` in `$core/published-cache`), a string that changes with any publication. A request still reads the stamp, so a publication shows on the next request, exactly as
 * without this cache; only the rendering is saved. CloudFront caches pages too: this saves the
 * work of each edge's first request, and keeps the function cheap when the edge is bypassed.
 *
 * Bounded in entries (a query string can make any number of URLs), dropped whole when the
 * figures change.
 */
export interface CachedPage {
  body: string;
  status: number;
  headers: [string, string][];
}

export interface PageCache {
  get(version: string, key: string): CachedPage | undefined;
  set(version: string, key: string, page: CachedPage): void;
  readonly size: number;
}

export function pageCache(maxEntries = 300): PageCache {
  let current: string | undefined;
  let pages = new Map<string, CachedPage>();
  const at = (version: string) => {
    if (version !== current) {
      current = version;
      pages = new Map();
    }
    return pages;
  };
  return {
    get: (version, key) => at(version).get(key),
    set(version, key, page) {
      const entries = at(version);
      entries.delete(key);
      entries.set(key, page);
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return pages.size;
    },
  };
}

/**
 * The answer from a cached page: the page, or 304 when the browser has it. `Server-Timing`
 * says whether it was rendered for this request (`miss`) or taken from memory (`hit`).
 */
export function answerFromCache(
  page: CachedPage,
  ifNoneMatch: string | null,
  outcome: 'hit' | 'miss',
): Response {
  const headers = new Headers(page.headers);
  headers.set('server-timing', `page-cache;desc=${outcome}`);
  const etag = headers.get('etag');
  if (etag && ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
    headers.delete('content-type');
    headers.delete('content-length');
    return new Response(null, { status: 304, headers });
  }
  return new Response(page.body, { status: page.status, headers });
}
