/**
 * The site's stylesheet (app.css) with its colour scheme forced, for `?theme=light|dark`
 * embeds, and its palette as values, for exported images. app.css stays the one place the
 * colours are declared: light on `:root`, dark in `@media (prefers-color-scheme: dark)`.
 * Pure.
 */
import type { ColourTheme } from './charts';

const DARK_QUERY = /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/g;

/** Each dark-scheme block: where it starts, where its body starts and ends, where it ends. */
function darkBlocks(css: string): { start: number; bodyStart: number; bodyEnd: number; end: number }[] {
  const blocks = [];
  for (const m of css.matchAll(DARK_QUERY)) {
    const bodyStart = m.index + m[0].length;
    let depth = 1;
    let i = bodyStart;
    for (; i < css.length && depth > 0; i++) {
      if (css[i] === '{') depth++;
      else if (css[i] === '}') depth--;
    }
    blocks.push({ start: m.index, bodyStart, bodyEnd: i - 1, end: i });
  }
  return blocks;
}

/** `auto`: as written. `light`: dark blocks dropped. `dark`: dark blocks always applied. */
export function forceColourTheme(css: string, theme: ColourTheme): string {
  if (theme === 'auto') return css;
  let out = '';
  let at = 0;
  for (const b of darkBlocks(css)) {
    out += css.slice(at, b.start) + (theme === 'dark' ? css.slice(b.bodyStart, b.bodyEnd) : '');
    at = b.end;
  }
  return `${out}${css.slice(at)}\n:root{color-scheme:${theme}}`;
}

/** The custom properties of `:root` in one scheme: `{ accent: '#b3123f', … }`. */
export function palette(css: string, theme: 'light' | 'dark'): Record<string, string> {
  const forced = forceColourTheme(css, theme);
  const vars: Record<string, string> = {};
  for (const block of forced.matchAll(/:root\s*\{([^}]*)\}/g))
    for (const d of block[1]!.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) vars[d[1]!] = d[2]!.trim();
  return vars;
}
