/**
 * The value labels above the bars, for every series in data/, in both languages, with no year
 * and with each year selected: at the plot widths of a 320, 375, 600 and 1000 px page, and at
 * each breakpoint (the narrowest plot that shows a breakpoint's labels), on the page's tallest
 * and flattest plots, no label written over a bar but its own, nor over another label; and the
 * selected and latest bars keep theirs where they fit. Widths are Chromium's, measured on
 * DejaVu Sans Bold at 0.7rem (the widest of the page's fonts), not the layout's estimate.
 */
import { describe, expect, it } from 'vitest';
import { dataKeys as keys, dataSpan as ALL, dataYears as years } from '../../../../test/support/data-years';
import type { Lang } from '../format';
import { rowsOf } from '../server/shape';
import { valueChars, valueText, yearBarsView } from './year-bars-view';
import { BREAKPOINTS, yearSeriesLayout } from './year-series-layout';

/** Measured in Chromium: a digit, the narrow space, comma and point, the en dash; the sign with its margin. */
const PX: Record<string, number> = { '\u202f': 2.2, ',': 4.3, '.': 4.3, '–': 5.6 };
const SIGN_PX = 11.8;
const textPx = (glyph: string, text: string) =>
  (glyph ? SIGN_PX : 0) + [...text].reduce((n, ch) => n + (PX[ch] ?? 7.8), 0);
const HEIGHT_PX = 13;
const EDGE_PX = 5.6; // 0.5em of 0.7rem

/** Plot widths: the page's at 320, 375, 600 and 1000 px (its padding and axis taken off), and each breakpoint. */
const WIDTHS = [
  320 - 32 - 52,
  375 - 32 - 52,
  600 - 48 - 52,
  1000 - 48 - 52,
  320,
  375,
  600,
  1000,
  ...BREAKPOINTS,
];
const breakpoint = (w: number) => BREAKPOINTS.findLastIndex((b) => b <= w);

type Rect = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function problems(
  key: string,
  lang: Lang,
  selectedYear: number | undefined,
  span?: [number, number],
): string[] {
  const rows = rowsOf(years, key, lang);
  // As YearBars.svelte lays its bars out.
  const layout = yearSeriesLayout(rows, span, (r) => valueChars(r, lang), selectedYear);
  const view = yearBarsView(layout, { lang, unit: '' });
  const out: string[] = [];
  for (const w of WIDTHS)
    for (const ratio of [0.75, 0.5]) {
      const h = w * ratio;
      const k = breakpoint(w);
      const bars = view.marks.map((m) => ({
        year: m.year,
        left: (Number(m.rect.x) / 100) * w,
        right: ((Number(m.rect.x) + Number(m.rect.width)) / 100) * w,
        top: ((m.range ? Number(m.range.y) : Number(m.rect.y)) / 100) * h,
        bottom: h,
      }));
      const shown = view.marks
        .filter((m) => k >= 0 && Number(m.value.from) <= k)
        .map((m) => {
          const width = textPx(m.value.glyph, m.value.text);
          const c = (Number(m.value.left) / 100) * w;
          const left =
            m.value.align === 'middle'
              ? c - width / 2
              : m.value.align === 'start'
                ? c - EDGE_PX
                : c + EDGE_PX - width;
          const bottom = (Number(m.value.top) / 100) * h - 2;
          return { year: m.year, left, right: left + width, top: bottom - HEIGHT_PX, bottom };
        });
      const at = `${key} ${lang} ${span ? 'over all years, ' : ''}selected ${selectedYear} at ${w}×${h} px`;
      for (const l of shown) {
        for (const b of bars)
          if (b.year !== l.year && overlap(l, b)) out.push(`${at}: ${l.year}'s value over the ${b.year} bar`);
        for (const o of shown)
          if (o.year > l.year && overlap(l, o)) out.push(`${at}: ${l.year}'s value over ${o.year}'s`);
      }
    }
  return out;
}

describe('value labels above the bars, for every series in data/', () => {
  it.each(keys)('%s: no value over a neighbouring bar or another value, at any width', (key) => {
    const all: string[] = [];
    for (const lang of ['fr', 'en'] as const) {
      const known = rowsOf(years, key, lang).map((r) => r.year);
      for (const selected of [undefined, ...known])
        for (const span of [undefined, ALL]) all.push(...problems(key, lang, selected, span));
    }
    expect(all).toEqual([]);
  });

  it('keeps the selected and latest values of /benevoles on a 375 px phone, and not 2018 over 2017', () => {
    const rows = rowsOf(years, 'volunteers', 'fr');
    const layout = yearSeriesLayout(rows, undefined, (r) => valueChars(r, 'fr'), 2024);
    expect(
      valueText(
        rows.find((r) => r.year === 2018)!,
        'fr',
      ),
    ).toBe('2\u202f000');
    const k = breakpoint(375 - 32 - 52);
    const shown = layout.bars.filter((b) => b.valueFrom <= k).map((b) => b.year);
    expect(shown).toContain(2024); // the selected and latest
    expect(shown).toContain(2011); // the lowest (2 000, as 2016 and 2018 whose values would run over 2017's bar)
    expect(shown).not.toContain(2018);
    // The highest (2022, 2 700) from the width where it clears the latest's value, set inside the plot's right edge.
    expect(layout.bars.find((b) => b.year === 2022)!.valueFrom).toBe(2);
  });
});
