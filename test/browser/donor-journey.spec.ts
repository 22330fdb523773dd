/**
 * A donor explores: home → a theme → another year → hover and keyboard-focus a bar (the
 * tooltip says value, qualifier and year) → the data table → English. Real Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemAndBrowser } from '../support/browser';
import { plain } from './pages';

describe('a donor exploring', () => {
  const running = systemAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await (
      await running.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: false })
    ).newPage();
  });

  const tooltip = () => page.locator('#graphique .tooltip');
  const mark = (year: number) => page.locator(`#graphique [data-mark][data-year="${year}"]`);

  it('lands on the home page, in French, with the latest headline figures', async () => {
    await page.goto(`${running.system.origin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => page.locator('h1').textContent()).toBe('La Cimade en chiffres');
    expect(plain(await page.locator('.cards').textContent())).toContain('plus de 110 000');
  });

  it('goes to a theme from the navigation', async () => {
    await page.getByRole('navigation', { name: 'Thèmes' }).getByRole('link', { name: 'Bénévoles' }).click();
    await page.waitForURL(/\/benevoles$/);
    expect(await page.locator('h1').textContent()).toBe('Bénévoles, groupes locaux et salariés');
    expect(plain(await page.locator('#graphique .summary').textContent())).toBe(
      'De 2011 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678 (pas de chiffre connu pour 2012–2015, 2019, 2021 et 2023). L’année du chiffre de 2011 est déduite d’une page non datée.',
    );
    expect(await mark(2024).getAttribute('aria-current')).toBe('true');
  });

  it('changes the year: the URL says it and the chart marks it', async () => {
    await page
      .getByRole('navigation', { name: 'Choisir l’année' })
      .getByRole('link', { name: '2018', exact: true })
      .click();
    await page.waitForURL(/year=2018/);
    await expect.poll(() => mark(2018).getAttribute('aria-current')).toBe('true');
    expect(await mark(2024).getAttribute('aria-current')).toBeNull();
    expect(plain(await page.locator('#in-year-title').textContent())).toBe('En 2018');
    expect(plain(await page.locator('.in-year').textContent())).toContain('plus de 2 000 bénévoles');
  });

  it('shows a tooltip with the value, its qualifier and the year on hover', async () => {
    await mark(2018).hover();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    const text = plain(await tooltip().textContent());
    expect(text).toContain('2018');
    expect(text).toContain('plus de 2 000 bénévoles');
    expect(text).toContain('minimum');
    await page.mouse.move(0, 0);
    await expect.poll(() => tooltip().count()).toBe(0);
  });

  it('moves from bar to bar with the arrow keys, the tooltip following the focus', async () => {
    // One bar is reachable by Tab (the selected year's); the others by arrows.
    expect(await page.locator('#graphique [data-mark][tabindex="0"]').count()).toBe(1);
    await mark(2018).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-year')))
      .toBe('2020');
    expect(plain(await tooltip().textContent())).toMatch(
      /^2020 environ 2 500 bénévoles Précision : approché \(« environ »\)/,
    );
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-year')))
      .toBe('2017');
    expect(plain(await tooltip().textContent())).toContain('2 200 bénévoles');
    expect(plain(await tooltip().textContent())).toContain('Précision : exact');
    expect(plain(await mark(2017).getAttribute('aria-label'))).toBe('2017 : 2 200 bénévoles');
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip().count()).toBe(0);
  });

  it('selects a year by pressing Enter on its bar, keeping the scroll and the focus', async () => {
    const scroll = await page.evaluate(() => window.scrollY);
    await mark(2017).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/year=2017/);
    await expect.poll(() => mark(2017).getAttribute('aria-current')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-year'))).toBe('2017');
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scroll)).toBeLessThan(50);
    await page.goBack();
    await page.waitForURL(/year=2018/);
    // The address changes before the page re-renders: wait for the page itself to be at 2018,
    // or the next step's links may still carry 2017 (seen on a busy machine).
    await expect.poll(() => mark(2018).getAttribute('aria-current')).toBe('true');
  });

  it('opens the data table, every year of the span there, the unknown ones said to be unknown', async () => {
    const table = page.locator('#graphique details.data-table');
    await table.locator('> summary').click();
    await expect.poll(() => table.locator('table').isVisible()).toBe(true);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2024 - 2011 + 1);
    expect(plain(rows.find((r) => r.startsWith('2018')))).toContain('plus de 2 000 bénévoles');
    expect(plain(rows.find((r) => r.startsWith('2013')))).toContain('pas de chiffre connu');
  });

  it('toggles the metric, and the link carries it', async () => {
    const employees = page
      .getByRole('navigation', { name: 'Choisir l’indicateur' })
      .getByRole('link', { name: 'Salariés' });
    await expect.poll(() => employees.getAttribute('href')).toContain('year=2018');
    await employees.click();
    await page.waitForURL(/metric=employees/);
    await expect.poll(() => page.locator('#graphique-title').textContent()).toBe('Salariés');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2018');
    expect(plain(await page.locator('#graphique .summary').textContent())).toContain(
      'le nombre de salariés est passé de 90 à 151',
    );
  });

  it('switches to English on the same view', async () => {
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await page.waitForURL(/\/en\/volunteers\?year=2018&metric=employees$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Volunteers, local groups and staff');
    expect(await page.locator('#graphique-title').textContent()).toBe('Employees');
    expect(plain(await page.locator('#graphique .summary').textContent())).toContain(
      'From 2011 to 2024, the number of employees rose from 90 to 151',
    );
    await mark(2018).hover();
    await expect.poll(() => tooltip().textContent()).toContain('106 employees');
    expect(plain(await page.locator('.in-year').textContent())).toContain('more than 2,000 volunteers');
  });
});
