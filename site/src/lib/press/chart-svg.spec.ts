import { describe, expect, it } from 'vitest';
import { chartSvg } from './chart-svg';
import { chart, colours } from './test-fixture';

/** Each `<text>`'s words, its runs (`<tspan>`) joined. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('standalone chart SVG', () => {
  it('draws the title, summary, years, values and stamps as text', () => {
    const { svg, width, height } = chartSvg(chart, { colours, url: 'https://chiffres.example/benevoles' });
    expect(width).toBe(800);
    expect(height).toBeGreaterThan(400);
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${height}"`),
    );
    const all = texts(svg).join(' ');
    expect(all).toContain('Bénévoles');
    expect(all).toContain('De 2016 à 2022');
    for (const y of ['2016', '2017', '2022']) expect(texts(svg)).toContain(y);
    expect(all).toContain('Sources\u202f: Rapport d’activité et =HYPERLINK · Corrigé le 3 mars 2025');
    expect(all).toContain(
      'La Cimade en chiffres · données au 3 mars 2025 · CC BY 4.0 · chiffres.example/benevoles',
    );
    expect(svg).not.toContain('~');
  });

  it('writes every bar’s value out, qualifiers included, never rounded', () => {
    const labels = texts(chartSvg(chart, { colours, url: 'u' }).svg).filter(
      (t) => /\d\s?\d{3}|\d+–\d+/.test(t) && !/^\d{4}$/.test(t),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['2\u202f000', '&gt; 2\u202f000', '≈ 2\u202f500', '≈ 150–200']),
    );
  });

  it('marks qualified bars with the site’s « ≈ » and « > » where values do not fit (small multiples)', () => {
    const years = Array.from({ length: 16 }, (_, i) => 2009 + i);
    const many = years.map((year, i) => ({ ...chart.series[0]!.rows[i % 4]!, year, value: 2_000_000 + i }));
    const series = [0, 1, 2, 3].map(() => ({ ...chart.series[0]!, rows: many }));
    const { svg } = chartSvg(
      { ...chart, series, span: [2009, 2024], legend: { rows: many, gaps: false, selected: false } },
      { colours, url: 'u' },
    );
    const marks = [...svg.matchAll(/<text[^>]*class="qualifier"[^>]*>(.*?)<\/text>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ''),
    );
    const qualified = many.filter((r) => r.qualifier !== 'exact').length * 4;
    expect(marks).toHaveLength(qualified);
    expect(new Set(marks)).toEqual(new Set(['≈', '&gt;']));
    expect(texts(svg).some((t) => t.includes('2\u202f000\u202f000'))).toBe(false);
  });

  it('makes a 1200×630 card for social networks', () => {
    const card = chartSvg(chart, { colours, url: 'u', format: 'card' });
    expect([card.width, card.height]).toEqual([1200, 630]);
    expect(card.svg).toContain('height="630"');
  });

  it('marks the pinned year', () => {
    const pinned = chartSvg(
      { ...chart, view: { ...chart.view, year: 2022 }, legend: { ...chart.legend, selected: true } },
      { colours, url: 'u' },
    );
    expect(texts(pinned.svg).join(' ')).toContain('Chiffres jusqu’en 2022');
    expect(pinned.svg).toContain(`fill="${colours['accent-soft-strong']}"`);
  });
});
