import { describe, expect, it } from 'vitest';
import { clampLines, printable, textWidth, wrap, xml } from './svg-text';

describe('svg text', () => {
  it('escapes markup and swaps signs Noto Sans lacks', () => {
    expect(xml('a < b & "c" ≈ 3 → 4')).toBe('a &lt; b &amp; &quot;c&quot; ~ 3 &gt; 4');
    expect(printable('é « 2 000 »')).toBe('é « 2 000 »');
  });

  it('wraps within the width and keeps every word', () => {
    const text = 'De 2011 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678 (pas de chiffre connu pour 2012–2015).';
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
