/**
 * A donor on a 375×812 phone, in French and English: the figures come within the first
 * screen, tables never break a word or a number, the main chart labels the selected year,
 * missing years are an absence (never a full-height column), the regions map opens on what is
 * known with labels that do not collide, and every page links to La Cimade's donation page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DONATE_URL } from '../../site/src/lib/act';
import { screenshotPath, systemAndBrowser } from '../support/browser';
import { ALL_PAGES, inLang, pageName } from './pages';

const PHONE = { width: 375, height: 812 };

/** WCAG contrast ratio of two computed colours (`rgb(…)`). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Boxes of the elements matched, as rendered (hidden ones left out). */
async function visibleBoxes(
  page: Page,
  selector: string,
): Promise<{ text: string; x: number; y: number; w: number; h: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => el.checkVisibility())
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: (el.textContent ?? '').trim(), x: r.x, y: r.y, w: r.width, h: r.height };
      }),
  );
}

describe('on a 375 px phone', () => {
  const running = systemAndBrowser();

  async function open(path: string): Promise<Page> {
    const context = await running.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const res = await page.goto(`${running.system.origin}${path}`, { waitUntil: 'networkidle' });
    expect(res?.status(), path).toBe(200);
    return page;
  }

  describe.each(ALL_PAGES)('$path', ({ path, lang }) => {
    it('shows its first headline figure within the first screen and links to the donation page', async () => {
      const page = await open(path);
      await page.screenshot({ path: screenshotPath(`phone-${pageName(path, lang)}-first-screen`) });
      // Header and footer both lead to La Cimade's own donation page.
      expect(await page.locator(`a[href="${DONATE_URL}"]`).count(), path).toBeGreaterThanOrEqual(2);
      if (path.endsWith('/sources')) {
        // The sources page lists sources, not figures.
        expect(await page.locator('[data-headline]').count()).toBe(0);
      } else {
        const first = page.locator('[data-headline]').first();
        expect(await first.isVisible(), `a headline figure on ${path}`).toBe(true);
        const box = (await first.boundingBox())!;
        expect(box.y + box.height, `bottom of « ${await first.textContent()} »`).toBeLessThanOrEqual(
          PHONE.height,
        );
        expect(box.y).toBeGreaterThan(0);
      }
      await page.context().close();
    });

    it('breaks no word or number in any table cell', async () => {
      const page = await open(path);
      await page.evaluate(() =>
        document
          .querySelectorAll('details.data-table')
          .forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      const broken = await page.evaluate(() => {
        const out: string[] = [];
        for (const cell of document.querySelectorAll('details.data-table :is(th, td)')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            // Each word (and each number, whose groups are joined by no-break spaces) must sit on one line.
            for (const m of text.matchAll(/[^ \n\t]+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set(
                [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
              );
              if (lines.size > 1) out.push(m[0]);
            }
          }
        }
        return out;
      });
      const cells = await page.locator('details.data-table :is(th, td)').count();
      if (!path.endsWith('/sources')) expect(cells, 'tables on the page').toBeGreaterThan(0);
      expect(broken, `words broken over lines on ${path}`).toEqual([]);
      // The page itself never scrolls sideways: a wide table scrolls in its own region.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await page.context().close();
    });

    it('labels the selected year on the main chart’s axis and draws missing years as no full-height mark', async () => {
      const page = await open(path);
      const charts = page.locator('.year-bars');
      const count = await charts.count();
      for (let i = 0; i < count; i++) {
        // Whatever is drawn for a missing year hugs the baseline.
        const svg = charts.nth(i).locator('svg').first();
        const plot = (await svg.boundingBox())!;
        const tall = await svg.evaluate((el, h) => {
          const out: string[] = [];
          for (const shape of el.querySelectorAll('rect, line, path')) {
            // A series break is a full-height dashed line by design (BreakMarks): not a year's mark.
            if (shape.closest('[data-mark]') || shape.closest('.grid') || shape.closest('.breaks')) continue;
            const r = shape.getBoundingClientRect();
            if (r.height > h * 0.1)
              out.push(`${shape.tagName} ${shape.getAttribute('class')} ${Math.round(r.height)} px`);
          }
          return out;
        }, plot.height);
        expect(tall, `chart ${i} of ${path}`).toEqual([]);
        expect(
          (await charts.nth(i).locator('.gap-base').count()) +
            (await charts.nth(i).locator('[data-mark]').count()),
        ).toBeGreaterThan(0);
      }
      const main = page.locator('#graphique .year-bars');
      if ((await main.count()) > 0) {
        const selected = (await page
          .locator('nav.picker.years a[aria-current="true"]')
          .first()
          .textContent())!.trim();
        const labels = (await visibleBoxes(page, '#graphique .x-labels span')).map((l) => l.text);
        expect(labels, `axis of ${path}`).toContain(selected);
        // And its figure is written above its bar.
        expect(await page.locator('#graphique .value[data-headline]').isVisible()).toBe(true);
      }
      await page.context().close();
    });
  });

  it.each(['fr', 'en'] as const)(
    'opens /regions (%s) on figures for at least three regions, no two map labels overlapping',
    async (lang) => {
      const page = await open(inLang('/regions', lang));
      await page.locator('.france-map').screenshot({ path: screenshotPath(`phone-${lang}-regions-map`) });
      const labels = await visibleBoxes(page, '.france-map .labels span');
      const withFigure = labels.filter((l) => /\d/.test(l.text));
      expect(withFigure.length, labels.map((l) => l.text).join(' | ')).toBeGreaterThanOrEqual(3);
      const overlapping: string[] = [];
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) {
          const [a, b] = [labels[i]!, labels[j]!];
          if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
            overlapping.push(`${a.text} × ${b.text}`);
        }
      expect(overlapping).toEqual([]);
      // Overseas insets are named in full, as on a wide screen.
      const insets = (await visibleBoxes(page, '.france-map .inset-label')).map((l) => l.text);
      expect(insets.join(' ')).toMatch(lang === 'fr' ? /Amériques/ : /Americas/);
      // A tap shows that region's figures under the map, with a way back to it.
      const mark = page.locator('.france-map [data-mark][data-region="ile-de-france"]');
      await mark.click();
      const detail = page.locator('#sur-la-carte-ile-de-france');
      expect(await detail.isVisible()).toBe(true);
      const mapBox = (await page.locator('.france-map').boundingBox())!;
      const detailBox = (await detail.boundingBox())!;
      expect(detailBox.y - (mapBox.y + mapBox.height)).toBeLessThan(80);
      await detail.locator('a[href="#carte"]').click();
      expect(await page.locator('.france-map').isVisible()).toBe(true);
      expect(await detail.isVisible()).toBe(false);
      await page.context().close();
    },
  );

  it.each([
    ['/personnes', '#graphique'],
    ['/regions', '#carte'],
    ['/en/housing', '#graphique'],
  ])(
    'fits the data table of %s in the phone’s width, its sources a short number that opens the list',
    async (path, frame) => {
      const page = await open(path);
      const details = page.locator(`${frame} details.data-table`);
      await details.locator('> summary').click();
      const scroll = details.locator('.table-scroll');
      const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
      await details.screenshot({ path: screenshotPath(`phone-table-${pageName(path, 'x')}`) });
      expect(scrollWidth, `${path}: the table scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      // A figure cell is never squeezed to a word a line (« pas / de / chiffre / connu »).
      const tallest = await details.locator('tbody td').evaluateAll((cells) =>
        Math.max(
          ...cells.map((c) => {
            const style = getComputedStyle(c);
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
            return c.getBoundingClientRect().height / line;
          }),
        ),
      );
      expect(tallest, `${path}: lines in the tallest figure cell`).toBeLessThan(3);
      // No column of source titles or quotations: the source is a number…
      const ref = details.locator('td a.ref').first();
      expect(await ref.evaluate((a) => a.lastChild?.textContent)).toMatch(/^\d+$/);
      expect((await ref.boundingBox())!.width).toBeLessThan(24);
      const target = (await ref.getAttribute('href'))!;
      // …whose list opens without JavaScript when it is followed.
      expect(await page.locator(target).isVisible()).toBe(false);
      await ref.click();
      await expect.poll(() => page.locator(target).isVisible()).toBe(true);
      expect(await page.locator(`${target} a[rel~="external"]`).count()).toBe(1);
      await page.context().close();
    },
  );

  it.each([
    ['/hebergement', 'light'],
    ['/hebergement', 'dark'],
    ['/benevoles', 'light'],
    ['/benevoles', 'dark'],
  ] as const)(
    'on %s (%s), the selected bar has its legend’s colour, and stands apart from the other bars of its kind',
    async (path, colorScheme) => {
      const context = await running.browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: 1,
        colorScheme,
      });
      const page = await context.newPage();
      await page.goto(`${running.system.origin}${path}`, { waitUntil: 'networkidle' });
      const colours = await page.evaluate(() => {
        const fill = (el: Element | null) => (el ? getComputedStyle(el).fill : '');
        const selected = document.querySelector('#graphique .mark.selected .bar')!;
        const qualified = selected.classList.contains('qualified');
        const kind = qualified ? '.bar.qualified' : '.bar:not(.qualified)';
        const swatch = document.querySelector('#graphique .series-legend .swatch.selected')!;
        return {
          qualified,
          selected: fill(selected),
          legend: getComputedStyle(swatch).backgroundColor,
          other: fill(document.querySelector(`#graphique .mark:not(.selected) ${kind}`)),
          card: getComputedStyle(document.querySelector('#graphique')!).backgroundColor,
        };
      });
      await page
        .locator('#graphique')
        .screenshot({ path: screenshotPath(`phone-selected-${path.slice(1)}-${colorScheme}`) });
      expect(colours.selected, JSON.stringify(colours)).toBe(colours.legend);
      expect(colours.other, 'another bar of the same kind').not.toBe('');
      const ratio = contrast(colours.selected, colours.other);
      // In dark mode the selected bar is clearly apart (it was 1.5:1 on /hebergement); light keeps its own.
      expect(ratio, `${colours.selected} against ${colours.other}`).toBeGreaterThanOrEqual(
        colorScheme === 'dark' ? 2 : 1.5,
      );
      await context.close();
    },
  );

  it('draws missing years on the baseline in the press picture too', async () => {
    const svg = await (await fetch(`${running.system.origin}/embed/personnes.svg`)).text();
    expect(svg).toContain('<svg');
    // No column stands for a year without a figure: every gap is a dashed line on the baseline.
    expect(svg).toMatch(/<line[^>]*stroke-dasharray="3 2"/);
    expect(svg).not.toMatch(/<rect[^>]*stroke-dasharray="3 3"/);
  });
});
