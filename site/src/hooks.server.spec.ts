import { describe, expect, it } from 'vitest';
import { scriptsAfterDocument } from './hooks.server';

describe('scriptsAfterDocument', () => {
  it.each([
    [
      'every module preload, at low priority',
      '<./_app/immutable/entry/start.js>; rel="modulepreload"; nopush, <./_app/immutable/chunks/a.js>; rel="modulepreload"; nopush',
      '<./_app/immutable/entry/start.js>; rel="modulepreload"; fetchpriority=low; nopush, <./_app/immutable/chunks/a.js>; rel="modulepreload"; fetchpriority=low; nopush',
    ],
    ['a style preload unchanged', '<./_app/immutable/assets/0.css>; rel="preload"; as="style"; nopush', '<./_app/immutable/assets/0.css>; rel="preload"; as="style"; nopush'],
    ['a priority already given unchanged', '<./a.js>; rel="modulepreload"; fetchpriority=high', '<./a.js>; rel="modulepreload"; fetchpriority=high'],
  ])('%s', (_, link, expected) => {
    expect(scriptsAfterDocument(link)).toBe(expected);
  });
});
