import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forceColourTheme, palette } from './theme-css';

const css = `:root { --bg: #fff; --fg: #000; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111; --fg: #eee; }
}
a { color: red; }
@media (min-width: 30rem) { a { color: blue; } }`;

describe('forced colour themes', () => {
  it('keeps the stylesheet as written for auto', () => {
    expect(forceColourTheme(css, 'auto')).toBe(css);
  });

  it('drops the dark block for light, applies it always for dark, and leaves other media alone', () => {
    const light = forceColourTheme(css, 'light');
    const dark = forceColourTheme(css, 'dark');
    expect(light).not.toContain('#111');
    expect(light).toContain('color-scheme:light');
    expect(dark).not.toContain('prefers-color-scheme');
    expect(dark.indexOf('#111')).toBeGreaterThan(dark.indexOf('#fff'));
    for (const out of [light, dark])
      expect(out).toContain('@media (min-width: 30rem) { a { color: blue; } }');
  });

  it('reads each palette', () => {
    expect(palette(css, 'light')).toEqual({ bg: '#fff', fg: '#000' });
    expect(palette(css, 'dark')).toEqual({ bg: '#111', fg: '#eee' });
  });

  it('finds both palettes in the site’s own stylesheet', () => {
    const app = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
    const light = palette(app, 'light');
    const dark = palette(app, 'dark');
    for (const key of [
      'card',
      'fg',
      'muted',
      'accent',
      'accent-strong',
      'accent-soft',
      'gap-fill',
      'gap-stroke',
      'grid',
    ])
      expect(light[key]).toMatch(/^#/);
    expect(dark.card).not.toBe(light.card);
  });
});
