import { describe, expect, it } from 'vitest';
import { cacheControlFor, NOT_FOUND_CACHE, NO_STORE, PUBLIC_PAGE_CACHE, type Answer } from './cache-control';

const page: Answer = {
  path: '/',
  method: 'GET',
  status: 200,
  routeCacheControl: null,
  stale: false,
  admin: false,
};
const embedCache = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400';

describe('cacheControlFor', () => {
  it.each<[string, Partial<Answer>, string]>([
    ['a public page', {}, PUBLIC_PAGE_CACHE],
    ['a HEAD of a public page', { method: 'HEAD' }, PUBLIC_PAGE_CACHE],
    [
      'an embed, with its own policy',
      { path: '/embed/tendances', routeCacheControl: embedCache },
      embedCache,
    ],
    ['a stale page', { stale: true }, NO_STORE],
    [
      'a stale embed, whatever it asked for',
      { path: '/embed/tendances', routeCacheControl: embedCache, stale: true },
      NO_STORE,
    ],
    ['an admin page', { path: '/admin', admin: true }, NO_STORE],
    [
      'a route that keeps itself private (an embargo)',
      { routeCacheControl: 'private, no-store' },
      'private, no-store',
    ],
    ['an unknown path', { status: 404 }, NOT_FOUND_CACHE],
    ['a store outage', { status: 503 }, NO_STORE],
    ['a form post', { method: 'POST' }, NO_STORE],
  ])('%s', (_, answer, expected) => {
    expect(cacheControlFor({ ...page, ...answer })).toBe(expected);
  });
});
