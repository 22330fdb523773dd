import { describe, expect, it } from 'vitest';
import { answerFromCache, pageCache, type CachedPage } from './page-cache';

const page = (body: string, etag = '"abc"'): CachedPage => ({
  body,
  status: 200,
  headers: [
    ['content-type', 'text/html'],
    ['etag', etag],
    ['cache-control', 'public, max-age=60'],
  ],
});

describe('pageCache', () => {
  it('keeps pages for one version of the figures, and drops them all when the version changes', () => {
    const cache = pageCache();
    const v1 = 'published:2016v1';
    const v2 = 'published:2016v2';
    cache.set(v1, '/', page('one'));
    cache.set(v1, '/en', page('un'));
    expect(cache.get(v1, '/')?.body).toBe('one');
    expect(cache.get(v2, '/')).toBeUndefined();
    expect(cache.size).toBe(0);
    // A page rendered for an older version is not kept under the newer one.
    cache.set(v1, '/', page('old'));
    expect(cache.get(v2, '/')).toBeUndefined();
  });

  it('holds at most its bound, dropping the oldest', () => {
    const cache = pageCache(2);
    const v = 'published:2016v1';
    cache.set(v, '/a', page('a'));
    cache.set(v, '/b', page('b'));
    cache.set(v, '/c', page('c'));
    expect(cache.size).toBe(2);
    expect(cache.get(v, '/a')).toBeUndefined();
    expect(cache.get(v, '/c')?.body).toBe('c');
  });
});

describe('answerFromCache', () => {
  it('answers the page with its headers, and says it came from memory', async () => {
    const res = answerFromCache(page('<p>hi</p>'), null, 'hit');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>hi</p>');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('server-timing')).toBe('page-cache;desc=hit');
  });

  it('answers 304 without a body to a browser holding the same ETag', async () => {
    const res = answerFromCache(page('<p>hi</p>', '"v7"'), 'W/"x", "v7"', 'hit');
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe('"v7"');
    expect(answerFromCache(page('<p>hi</p>', '"v7"'), '"v6"', 'hit').status).toBe(200);
  });
});
