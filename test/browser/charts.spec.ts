/**
 * The maps and small multiples in a real browser: tooltips on hover and keyboard focus,
 * arrow keys between marks, and transitions that stop when the reader asks for less motion.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, systemAndBrowser } from '../support/browser';
import { plain } from './pages';

describe('charts in the browser', () => {
  const running = systemAndBrowser();

  async function open(
    path: string,
    options: { reducedMotion?: 'reduce' | 'no-preference' } = {},
  ): Promise<Page> {
    const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    await page.goto(`${running.system.origin}${path}`, { waitUntil: 'networkidle' });
    return page;
  }
  const activeData = (page: Page, attr: string) =>
    page.evaluate((a) => document.activeElement?.getAttribute(a), attr);

  it('map of regions: a tooltip per region, saying when a region has no figure', async () => {
    const page = await open('/regions?year=2019&metric=local_groups');
    const tooltip = page.locator('#carte .tooltip');
    await page.locator('#carte [data-region="ile-de-france"]').hover();
    await expect.poll(async () => plain(await tooltip.textContent())).toContain('Île-de-France · 2019');
    expect(plain(await tooltip.textContent())).toContain('17 groupes locaux');
    await page.locator('#carte [data-region="normandie"]').hover();
    await expect.poll(async () => plain(await tooltip.textContent())).toContain('pas de chiffre connu');
    // Keyboard: regions with a figure first, largest first, then the others.
    await page.locator('#carte [data-mark]').first().focus();
    expect(await activeData(page, 'data-region')).toBe('ile-de-france');
    await page.keyboard.press('ArrowRight');
    expect(await activeData(page, 'data-region')).toBe('auvergne-rhone-alpes');
    expect(plain(await tooltip.textContent())).toContain('10 groupes locaux');
    expect(plain(await page.locator('section.ranked').textContent())).toContain(
      'Sans chiffre publié de groupes locaux en 2019 : Sud-Ouest',
    );
    await page.context().close();
  });

  it('map of partner countries: tooltips name the partner associations', async () => {
    const page = await open('/en/international?year=2011');
    const tooltip = page.locator('#carte .tooltip');
    await page.locator('#carte [data-country="ML"]').hover();
    await expect.poll(async () => plain(await tooltip.textContent())).toContain('Mali');
    expect(plain(await tooltip.textContent())).toContain('AME');
    expect(plain(await tooltip.textContent())).not.toContain('AFAD');
    // The 2011 project sheet names AMDH in Mauritania and AFAD in Algeria.
    await page.locator('#carte [data-country="MR"]').hover();
    await expect.poll(async () => plain(await tooltip.textContent())).toContain('Mauritania');
    expect(plain(await tooltip.textContent())).toContain('AMDH');
    await page.locator('#carte [data-country="DZ"]').hover();
    await expect.poll(async () => plain(await tooltip.textContent())).toContain('Algeria');
    expect(plain(await tooltip.textContent())).toContain('AFAD');
    expect(plain(await page.locator('#pays-MR').textContent())).toContain(
      'Association mauritanienne des droits de l’homme',
    );
    expect(plain(await page.locator('#pays-DZ').textContent())).toContain('AFAD');
    expect(plain(await page.locator('#pays-MA').textContent())).not.toContain('AMDH');
    await page.locator('#carte [data-country="CI"]').hover();
    await expect.poll(async () => plain(await tooltip.textContent())).toContain('not on the 2011 list');
    await page.locator('#carte [data-mark]').first().focus();
    const first = await activeData(page, 'data-country');
    await page.keyboard.press('End');
    expect(await activeData(page, 'data-country')).not.toBe(first);
    expect(await page.locator('#carte [data-mark][tabindex="0"]').count()).toBe(1);
    await page.context().close();
  });

  it('marks a break in series on the chart and says why under it; the sentence compares only after it', async () => {
    const page = await open('/retention-prison?metric=detention_centres');
    const chart = page.locator('#graphique');
    // 2009 (mainland only) and 2010 (the tender's lots) are breaks; 2016 counts « CRA » without saying where.
    expect(
      await chart
        .locator('line[data-break]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('data-break'))),
    ).toEqual(['2009', '2010', '2016']);
    const notes = plain(await chart.locator('.break-notes').textContent());
    expect(notes).toContain(
      'Rupture de série en 2010 : L’appel d’offres de 2009 a découpé la mission en lots',
    );
    expect(notes).toContain('À partir de 2016, la source compte autre chose');
    const summary = plain(await chart.locator('.summary').first().textContent());
    expect(summary).toMatch(/^De 2016 à 2019/);
    expect(summary).not.toContain('2008 à');
    await chart.screenshot({ path: screenshotPath('break-detention-centres-1280') });
    await page.setViewportSize({ width: 375, height: 800 });
    await chart.screenshot({ path: screenshotPath('break-detention-centres-375') });
    await page.context().close();
  });

  it('international: the 2016 view labels the associations named in 2011 as such', async () => {
    const page = await open('/international?year=2016');
    expect(plain(await page.locator('#carte table').textContent())).toContain('AMDH (nommée en 2011)');
    expect(plain(await page.locator('#pays-MR').textContent())).toContain('nommée en 2011');
    await page
      .locator('section.partners')
      .screenshot({ path: screenshotPath('international-partners-2016-1280') });
    await page.context().close();
  });

  it('sources: each other value found is shown beside the published figure, with the rule that chose it', async () => {
    const page = await open('/sources');
    const table = page.locator('table.alternatives');
    expect(await table.locator('tbody tr').count()).toBe(7); // the rows of data/alternatives.csv
    const prisons2018 = plain(await table.locator('tr[data-alternative="2018 prisons"]').textContent());
    expect(prisons2018).toContain('plus de 70');
    expect(prisons2018).toContain('année déduite');
    expect(prisons2018).toContain('une centaine de prisons');
    expect(plain(await page.locator('#alternatives-title + p + p').textContent())).toContain(
      'page « Missions »',
    );
    await page
      .locator('section[aria-labelledby="alternatives-title"]')
      .screenshot({ path: screenshotPath('sources-alternatives-1280') });
    await page.context().close();
  });

  it('home: a headline is set beside an earlier figure only when the two compare, and says when a year is inferred', async () => {
    const page = await open('/en');
    const card = (label: string) => page.locator('.card', { hasText: label }).first();
    expect(plain(await card('Volunteers').textContent())).toContain(
      '2024 · down from 2,700 in 2022 (year of the 2022 figure inferred from an undated page)',
    );
    // 2011 counted one regional project's countries: no comparison across that break.
    expect(plain(await card('Partner countries').textContent())).not.toMatch(
      /compared with|up from|down from/,
    );
    expect(plain(await card('Prisons').textContent())).toContain(
      'up from 75 in 2019 (year of the 2022 figure inferred from an undated page)',
    );
    expect(plain(await page.locator('.cards').textContent())).not.toContain('against');
    await page.locator('.cards').screenshot({ path: screenshotPath('home-cards-en-1280') });
    await page.context().close();
  });

  it('small multiples: each panel has its own tooltips and keyboard marks', async () => {
    const page = await open('/retention-prison?year=2016');
    const frame = page.locator('#cote-a-cote-1');
    const panels = frame.locator('.panel');
    expect(await panels.count()).toBe(2);
    await panels.nth(1).locator('[data-mark][data-year="2016"]').hover();
    await expect
      .poll(async () => plain(await frame.locator('.tooltip').textContent()))
      .toContain('une centaine d’établissements');
    await page.context().close();
  });

  it('grows the bars when the metric changes, unless the reader asks for reduced motion', async () => {
    const running = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await open('/benevoles', { reducedMotion });
      await page.locator('nav[aria-label="Choisir l’indicateur"] a', { hasText: 'Salariés' }).click();
      await page.waitForURL(/metric=employees/);
      const n = await page.evaluate(
        () => document.getAnimations().filter((a) => a.playState === 'running').length,
      );
      await page.context().close();
      return n;
    };
    expect(await running('no-preference')).toBeGreaterThan(0);
    expect(await running('reduce')).toBe(0);
  });
});
