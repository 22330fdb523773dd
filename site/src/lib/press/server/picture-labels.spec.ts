/**
 * The values written over the bars of the download pictures, for every series in data/, in
 * the figure (800 px) and card (1200×630) formats, alone and with its latest year pinned: none
 * over a bar but its own, nor over another value, measured on the picture's font.
 */
import { describe, expect, it } from 'vitest';
import {
  dataKeys as keys,
  dataSpan as ALL,
  dataYears as years,
} from '../../../../../test/support/data-years';
import { rowsOf } from '../../server/shape';
import { chart, colours } from '../test-fixture';
import { chartPicture } from './picture';
import { measure } from './text-metrics';

type Rect = { name: string; left: number; right: number; top: number; bottom: number };
const overlap = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const num = (attrs: string, name: string) => Number(new RegExp(`\\b${name}="([\\d.-]+)"`).exec(attrs)?.[1]);

function problems(svg: string, at: string): string[] {
  const bars: Rect[] = [...svg.matchAll(/<rect class="(bar|range)"([^>]*)>/g)].map((m) => ({
    name: `${m[1]} ${num(m[2]!, 'data-year') || ''}`,
    left: num(m[2]!, 'x'),
    right: num(m[2]!, 'x') + num(m[2]!, 'width'),
    top: num(m[2]!, 'y'),
    bottom: num(m[2]!, 'y') + num(m[2]!, 'height'),
  }));
  const values: Rect[] = [...svg.matchAll(/<text class="value"([^>]*)>(.*?)<\/text>/g)].map((m) => {
    const text = m[2]!.replace(/<[^>]+>/g, '');
    const width = measure(text, 12, true);
    const first = /<tspan x="([\d.]+)"/.exec(m[2]!);
    const left = first ? Number(first[1]) : num(m[1]!, 'x') - width / 2;
    const y = num(m[1]!, 'y');
    // The ink of digits and signs: a cap height above the baseline, nothing below it.
    return { name: `value ${text}`, left, right: left + width, top: y - 9, bottom: y };
  });
  const out: string[] = [];
  for (const v of values) {
    // Its own bar is the one right under it.
    const own = bars
      .filter((b) => b.left < v.right && v.left < b.right && b.top >= v.bottom)
      .sort((a, b) => a.top - b.top)[0];
    for (const b of bars) if (b !== own && overlap(v, b)) out.push(`${at}: ${v.name} over ${b.name}`);
    for (const o of values)
      if (o !== v && o.left > v.left && overlap(v, o)) out.push(`${at}: ${v.name} over ${o.name}`);
  }
  return out;
}

describe('values over the bars of the pictures, for every series in data/', () => {
  it.each(keys)('%s: no value over a neighbouring bar or another value', (key) => {
    const rows = rowsOf(years, key, 'fr');
    const own: [number, number] = [rows[0]!.year, rows.at(-1)!.year];
    const all: string[] = [];
    for (const format of ['figure', 'card'] as const)
      for (const span of [own, ALL])
        for (const year of [undefined, rows.at(-1)!.year]) {
          const { svg } = chartPicture(
            {
              ...chart,
              view: { ...chart.view, metric: key, ...(year ? { year } : {}) },
              series: [{ ...chart.series[0]!, rows }],
              span,
              legend: { rows, gaps: true, selected: year !== undefined },
            },
            { colours, url: 'https://chiffres.example/x', format },
          );
          all.push(...problems(svg, `${format} ${span.join('–')}${year ? ` ${year} pinned` : ''}`));
        }
    expect(all).toEqual([]);
  });
});
