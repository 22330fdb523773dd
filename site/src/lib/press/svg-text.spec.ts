import { describe, expect, it } from 'vitest';
import { clampLines, SYMBOL_FONT, textLines, textWidth, wrap, xml } from './svg-text';

describe('svg text', () => {
  it('escapes markup and keeps every sign as it is', () => {
    expect(xml('a < b & "c" ≈ 3 → 4')).toBe('a &lt; b &amp; &quot;c&quot; ≈ 3 → 4');
  });

  it('draws the signs Noto Sans lacks in runs of their own, in DejaVu Sans, never as « ~ » or « > »', () => {
    expect(textLines(['2 000'], 10, 20, 0, { size: 12, fill: '#000' })).toBe(
      '<text x="10" y="20" font-size="12" fill="#000">2 000</text>',
    );
    const line = textLines(['≈ 2 000 → 3 000'], 100, 20, 0, { size: 12, fill: '#000', anchor: 'middle' });
    const spans = [...line.matchAll(/<tspan x="([\d.]+)"( font-family="[^"]+")?>([^<]*)<\/tspan>/g)].map(
      (m) => [m[3], Boolean(m[2])],
    );
    expect(spans).toEqual([
      ['≈', true],
      [' 2 000 ', false],
      ['→', true],
      [' 3 000', false],
    ]);
    expect(line).toContain(`font-family="${SYMBOL_FONT}"`);
    expect(line).not.toMatch(/~|&gt;/);
    const xs = [...line.matchAll(/<tspan x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeLessThan(100);
  });

  it('never breaks a line at a no-break space, so a French number stays whole', () => {
    const lines = wrap(
      'passé de plus de 100\u202f000 à plus de 110\u202f000 personnes accompagnées',
      120,
      16,
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((l) => /^000\b/.test(l))).toBe(false);
    expect(lines.filter((l) => l.includes('110\u202f000'))).toHaveLength(1);
  });

  it('wraps within the width and keeps every word', () => {
    const text =
      'De 2011 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678 (pas de chiffre connu pour 2012–2015).';
    const lines = wrap(text, 300, 16);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 16)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts to a number of lines with an ellipsis', () => {
    expect(clampLines(['one two', 'three four', 'five'], 2)).toEqual(['one two', 'three…']);
    expect(clampLines(['a'], 2)).toEqual(['a']);
  });
});
