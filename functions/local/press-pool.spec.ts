/**
 * The local server's press pool draws the bytes the request's thread would: the same PNG at
 * 1× and 2×, the same zip, from real pictures of the site's press code (resvg and fflate, no
 * stand-in), on real worker threads.
 */
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { pngOf, pressFontFiles, zipOf } from '../../site/src/lib/press/server/press-work';
import { createPressPool, pressThreads } from './press-pool';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120">' +
  '<rect width="320" height="120" fill="#fff"/><rect x="10" y="40" width="80" height="70" fill="#c8102e"/>' +
  '<text x="10" y="28" font-family="Noto Sans" font-size="18" font-weight="700">Bénévoles ≈ 2 000 → 2016</text></svg>';

describe('press pool', () => {
  const pool = createPressPool(2);
  afterAll(() => pool.close());

  it('draws on its threads the PNG bytes drawn on the request thread, at 1× and 2×', async () => {
    const fonts = pressFontFiles(undefined);
    for (const scale of [1, 2]) {
      const [pooled, here] = await Promise.all([pool.png(SVG, scale), pngOf(SVG, scale, fonts)]);
      expect(pooled.length).toBeGreaterThan(1000);
      expect(Buffer.from(pooled).equals(Buffer.from(here)), `scale ${scale}`).toBe(true);
    }
  });

  it('packs the same zip, byte for byte', async () => {
    const mtime = new Date('2024-03-01T00:00:00Z');
    const png = await pool.png(SVG, 1);
    const files = {
      'a.png': [png, { level: 0 }] as [Uint8Array, { level: 0 }],
      'README.md': strToU8('# Bénévoles\n'),
    };
    expect(Buffer.from(await pool.zip(files, mtime)).equals(Buffer.from(zipOf(files, mtime)))).toBe(true);
  });

  it('reads PRESS_THREADS: a whole number, 0 for the request thread, or a clear error', () => {
    expect(pressThreads('0')).toBe(0);
    expect(pressThreads('3')).toBe(3);
    expect(pressThreads(undefined)).toBeGreaterThanOrEqual(1);
    expect(() => pressThreads('two')).toThrow(
      'PRESS_THREADS must be a whole number from 0 to 99 (got "two")',
    );
  });
});
