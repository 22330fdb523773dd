import { describe, expect, it } from 'vitest';
import { chart, colours } from '../test-fixture';
import { chartPicture } from './picture';
import { withFonts } from './svg-fonts';
import { measure } from './text-metrics';

/** Each `<text>`'s words, its runs (`<tspan>`) joined, of a class when given. */
const texts = (svg: string, cls?: string) =>
  [...svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)]
    .filter((m) => !cls || m[1]!.includes(`class="${cls}"`))
    .map((m) => m[2]!.replace(/<[^>]+>/g, ''));

describe('text widths on the pictures’ fonts (harfbuzz on Noto Sans)', () => {
  it('measures what a font draws: wider when bold, kerned, at any size', () => {
    expect(measure('Bénévoles', 24, true)).toBeGreaterThan(measure('Bénévoles', 24));
    expect(measure('Bénévoles', 24)).toBeCloseTo(2 * measure('Bénévoles', 12), 6);
    // Noto Sans: « i » is narrower than « m »; kerning pulls « AV » closer than « A » plus « V ».
    expect(measure('iiii', 12)).toBeLessThan(measure('mmmm', 12) / 2);
    expect(measure('AV', 20)).toBeLessThan(measure('A', 20) + measure('V', 20));
    expect(measure('', 12)).toBe(0);
  });

  it('measures the signs Noto Sans lacks on DejaVu Sans, as they are drawn', () => {
    expect(measure('≈', 12)).toBeGreaterThan(5);
    expect(measure('≈ 2\u202f000', 12)).toBeCloseTo(measure('≈', 12) + measure(' 2\u202f000', 12), 6);
  });
});

describe('a chart’s picture, from the page’s components in print mode', () => {
  const svgOf = (c = chart, o: { format?: 'figure' | 'card' } = {}) =>
    chartPicture(c, { colours, url: 'https://chiffres.example/benevoles', ...o });

  it('is a standalone SVG 800 px wide with the title, summary, years, values and the two-line credit', () => {
    const { svg, width, height } = svgOf();
    expect(width).toBe(800);
    expect(height).toBeGreaterThan(400);
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${height}"`),
    );
    expect(svg).not.toContain('<!--');
    const all = texts(svg).join(' ');
    expect(all).toContain('Bénévoles');
    expect(all).toContain('De 2016 à 2022');
    for (const y of ['2016', '2022']) expect(texts(svg)).toContain(y);
    expect(texts(svg, 'credit')).toEqual([
      'Sources\u202f: Rapport d’activité et =HYPERLINK · Corrigé le 3 mars 2025',
      'La Cimade en chiffres · données au 3 mars 2025 · CC BY 4.0 · chiffres.example/benevoles',
    ]);
    expect(svg).not.toContain('~');
  });

  it('writes the values with the site’s signs « > » and « ≈ », never rounded, and marks missing years on the baseline', () => {
    const { svg } = svgOf();
    expect(texts(svg, 'value')).toEqual(
      expect.arrayContaining(['2\u202f000', '>\u202f2\u202f000', '≈\u202f2\u202f500', '≈\u202f150–200']),
    );
    // « ≈ » in a run of its own in DejaVu Sans (Noto Sans has none).
    expect(svg).toMatch(/<tspan x="[\d.]+" font-family="'DejaVu Sans', sans-serif">≈<\/tspan>/);
    // 2017, 2019, 2021: no figure, a dashed mark on the baseline and « pas de chiffre » in the key.
    expect(svg.match(/class="gap-base"/g)).toHaveLength(3);
    expect(texts(svg, 'key')).toContain('Pas de chiffre (année en italique)');
    expect(texts(svg, 'key')).toEqual(expect.arrayContaining([expect.stringMatching(/^> ≈ /)]));
  });

  it('marks qualified bars with their sign where values do not fit (small multiples)', () => {
    const years = Array.from({ length: 16 }, (_, i) => 2009 + i);
    const many = years.map((year, i) => ({ ...chart.series[0]!.rows[i % 4]!, year, value: 2_000_000 + i }));
    const series = [0, 1, 2, 3].map((i) => ({
      ...chart.series[0]!,
      metric: { ...chart.series[0]!.metric, id: `m${i}`, label: `Série ${i}` },
      rows: many,
    }));
    const { svg } = svgOf({
      ...chart,
      series,
      span: [2009, 2024],
      legend: { rows: many, gaps: false, selected: false },
    });
    const marks = texts(svg, 'qualifier');
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['≈', '>']));
    expect(texts(svg).filter((t) => t.startsWith('Série'))).toHaveLength(4);
  });

  it('draws a break in series as a dashed line, with its note under the key', () => {
    const rows = chart.series[0]!.rows.map((row) =>
      row.year === 2020
        ? { ...row, cut: { kind: 'break' as const, year: 2020, reason: 'nouvelle définition' } }
        : row,
    );
    const { svg } = svgOf({ ...chart, series: [{ ...chart.series[0]!, rows }] });
    expect(svg).toMatch(/<line class="break" data-break="2020"/);
    expect(texts(svg, 'break-note')).toEqual(['Rupture de série en 2020\u202f: nouvelle définition']);
  });

  it('makes a 1200×630 card for social networks, with its key', () => {
    const card = svgOf(chart, { format: 'card' });
    expect([card.width, card.height]).toEqual([1200, 630]);
    expect(texts(card.svg, 'key').length).toBeGreaterThanOrEqual(3);
    expect(texts(card.svg, 'credit')).toHaveLength(2);
  });

  it('marks the pinned year', () => {
    const pinned = svgOf({
      ...chart,
      view: { ...chart.view, year: 2022 },
      legend: { ...chart.legend, selected: true },
    });
    expect(texts(pinned.svg).join(' ')).toContain('Chiffres jusqu’en 2022');
    expect(pinned.svg).toContain(`fill="${colours['accent-soft-strong']}"`);
  });

  it('keeps every line of the title, summary and credit inside the box, measured on the font', () => {
    const long =
      'Un titre très long qui ne tiendrait jamais sur une seule ligne de huit cents pixels de large';
    const { svg } = svgOf({ ...chart, title: long, summary: `${long}. ${long}.` });
    const title = texts(svg, 'title');
    expect(title.length).toBeGreaterThan(1);
    expect(title.join(' ')).toBe(long);
    for (const line of title) expect(measure(line, 24, true)).toBeLessThanOrEqual(736);
    for (const line of texts(svg, 'summary')) expect(measure(line, 16)).toBeLessThanOrEqual(736);
  });

  it('carries a subset of its fonts: Noto Sans regular, bold and italic (years without a figure), DejaVu Sans for « ≈ »', async () => {
    const { svg } = svgOf();
    expect(svg).toMatch(/<text[^>]*font-style="italic"[^>]*>2017<\/text>/);
    const withFaces = await withFonts(svg);
    const faces = [
      ...withFaces.matchAll(/@font-face\{font-family:'([^']+)';font-style:(\w+);font-weight:(\d+)/g),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(faces).toEqual([
      'Noto Sans normal 400',
      'Noto Sans normal 700',
      'Noto Sans italic 400',
      'DejaVu Sans normal 400',
      'DejaVu Sans normal 700',
    ]);
    // A subset: far smaller than the 500 KB of Noto Sans's two weights.
    expect(withFaces.length - svg.length).toBeLessThan(120_000);
  });
});
