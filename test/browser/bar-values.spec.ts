/**
 * The values written above the bars, as Chromium draws them, on every page with bars in both
 * languages at 320, 375, 600 and 1000 px: none over a bar but its own, nor over another value
 * (issue #15: « > 2 000 » over 2018 ran into the 2017 bar on a phone).
 */
import { describe, expect, it } from 'vitest';
import { screenshotPath, systemAndBrowser } from '../support/browser';
import { ALL_PAGES, pageName } from './pages';

const WIDTHS = [320, 375, 600, 1000];

describe('values above the bars', () => {
  const running = systemAndBrowser();

  it.each(ALL_PAGES.filter((p) => !p.path.endsWith('sources') && !/sources$/.test(p.path)))(
    '$path: no value over a neighbouring bar or another value at 320, 375, 600 and 1000 px',
    async ({ path, lang }) => {
      const problems: string[] = [];
      let charts = 0;
      for (const width of WIDTHS) {
        const context = await running.browser.newContext({
          viewport: { width, height: 900 },
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        const res = await page.goto(`${running.system.origin}${path}`, { waitUntil: 'networkidle' });
        expect(res?.status(), path).toBe(200);
        if (width === 375 && path.includes('benevoles'))
          await page
            .locator('.year-bars')
            .first()
            .screenshot({ path: screenshotPath(`bar-values-${pageName(path, lang)}-375`) });
        const found = await page.locator('.year-bars').evaluateAll((els) =>
          els.map((el) => {
            const box = (e: Element) => {
              const r = e.getBoundingClientRect();
              return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            };
            const marks = [...el.querySelectorAll('[data-mark]')];
            const bars = marks.map((m) => ({
              year: m.getAttribute('data-year'),
              rects: [...m.querySelectorAll('rect.bar, rect.range')].map(box),
            }));
            const values = [...el.querySelectorAll('.values .value')].map((v, i) => ({
              year: marks[i]?.getAttribute('data-year'),
              text: (v.textContent ?? '').trim(),
              shown: v.checkVisibility(),
              box: box(v),
            }));
            return { bars, values: values.filter((v) => v.shown) };
          }),
        );
        charts += found.length;
        const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
          a.left < b.right - 0.5 &&
          b.left < a.right - 0.5 &&
          a.top < b.bottom - 0.5 &&
          b.top < a.bottom - 0.5;
        for (const [c, chart] of found.entries())
          for (const v of chart.values) {
            for (const b of chart.bars)
              if (b.year !== v.year && b.rects.some((r) => overlap(v.box, r)))
                problems.push(`${width} px, chart ${c}: ${v.year}'s « ${v.text} » over the ${b.year} bar`);
            for (const o of chart.values)
              if (Number(o.year) > Number(v.year) && overlap(v.box, o.box))
                problems.push(`${width} px, chart ${c}: ${v.year}'s « ${v.text} » over ${o.year}'s`);
          }
        await context.close();
      }
      if (/benevoles|volunteers/.test(path)) expect(charts).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
  );
});
