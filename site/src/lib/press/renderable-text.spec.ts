/**
 * Text stored before the schema refused control characters (or written around it) must never
 * break a picture: resvg refuses an SVG holding a character XML forbids, and the PNG and the
 * press kit would answer 500.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { withoutInvisible } from '$core/problems';
import { chartPicture } from './server/picture';
import { chart, colours } from './test-fixture';

const BAD = ['\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\ufffe', '\uffff', '\ufdd0', '\u{1fffe}'];

describe('text as it enters a picture', () => {
  it('drops every character that renders nowhere, and only those', () => {
    expect(withoutInvisible(`a${BAD.join('')}b`)).toBe('ab');
    expect(withoutInvisible('Rapport d’activité\t2023\n« ≈ » → 😀 \u00a0\u202f')).toBe(
      'Rapport d’activité\t2023\n« ≈ » → 😀 \u00a0\u202f',
    );
    expect(withoutInvisible('lone \ud800 surrogate \udc00')).toBe('lone  surrogate ');
  });

  it('renders a chart whose stored titles hold control and non-characters', () => {
    const title = `Rapport${BAD.join('')} d’activité`;
    const dirty = {
      ...chart,
      title: `Bénévoles${BAD[0]}`,
      summary: `De 2016 à 2022${BAD[5]}`,
      sources: chart.sources.map((s) => ({ ...s, title })),
    };
    const { svg } = chartPicture(dirty, { colours, url: 'https://chiffres.example/benevoles' });
    for (const c of BAD) expect(svg).not.toContain(c);
    const fonts = [
      '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
      'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    ].map((f) => createRequire(import.meta.url).resolve(f));
    const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fonts } }).render().asPng();
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect(svg).toContain('Rapport d’activité');
  });
});
