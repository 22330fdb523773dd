/**
 * The catalogue in staff hands (issue #16), in real Chromium against the whole local system: an
 * editor adds Bénin, chosen from the ISO list, with a partner association, and saves the draft;
 * the same person cannot publish it (four eyes); another publisher does; without a restart,
 * `/international` lists Bénin, the public API returns it and the partner map draws its shape as
 * a partner. Screenshots of /admin/catalogue at 375 and 1280 px.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';
import { screenshotPath, signInThroughIssuer, systemAndBrowser } from '../support/browser';
import { plain } from './pages';

const CLOCK_AT = '2026-11-26T12:00:00Z';

describe('the catalogue in staff hands', () => {
  const running = systemAndBrowser({ CLOCK_AT });
  let alice: Page;

  async function signIn(browser: Browser, email: string, group: 'editors' | 'publishers'): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInThroughIssuer(page, running.system.origin, '/admin/catalogue', email, group);
    await expect
      .poll(() => page.locator('h1').textContent({ timeout: 5_000 }).then(plain))
      .toBe('Le catalogue');
    await page.locator('#add-country').waitFor({ timeout: 30_000 });
    return page;
  }

  const message = async (page: Page) =>
    plain(await page.locator('#catalogue-message').textContent({ timeout: 5_000 }));

  async function international(): Promise<string> {
    const res = await fetch(`${running.system.origin}/international`);
    return res.text();
  }

  it("draws Bénin's shape only as a background country before anything is published", async () => {
    const html = await international();
    expect(html).not.toContain('data-country="BJ"');
    expect(plain(/<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '')).not.toContain('Bénin');
  });

  it('lets an editor add Bénin from the list with a partner association and save the draft', async () => {
    alice = await signIn(running.browser, 'alice@example.org', 'publishers');
    // The list names each country in French and English with its ISO codes.
    const option = alice.locator('#add-country option[value="BJ"]');
    expect(plain(await option.textContent())).toBe('Bénin — Benin (BJ, 204)');
    await alice.locator('#add-country').selectOption('BJ');
    await alice.getByRole('button', { name: 'Ajouter le pays' }).click();
    const benin = alice.locator('article[data-country="BJ"]');
    await benin.waitFor();
    expect(plain(await benin.locator('h3').textContent())).toBe('Bénin ISO BJ · 204');
    await benin.getByRole('button', { name: 'Ajouter une association' }).click();
    await alice.locator('#partner-BJ-0-name').fill('ABC');
    await alice.locator('#partner-BJ-0-full').fill('Association béninoise pour la citoyenneté');
    await alice.locator('#partner-BJ-0-year').fill('2025');
    await alice.locator('#partner-BJ-0-title').fill('La Cimade – Solidarités internationales');
    await alice.locator('#partner-BJ-0-url').fill('https://www.lacimade.org/solidarites-internationales');
    await alice.locator('#partner-BJ-0-quote').fill('Association béninoise pour la citoyenneté (ABC), Bénin');
    await alice.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => message(alice)).toMatch(/^Brouillon enregistré \(version 2\)/);
    expect(plain(await alice.locator('.status').textContent())).toContain('Brouillon : version 2');
    // Saved, not published: the public site has not changed.
    expect(await international()).not.toContain('data-country="BJ"');
  });

  it('shows the page at a phone’s width and a desktop’s', async () => {
    for (const width of [375, 1280]) {
      await alice.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await alice.evaluate(() => document.fonts.ready);
      await alice.screenshot({ path: screenshotPath(`catalogue-${width}`) });
      if (width === 375)
        await alice.screenshot({ path: screenshotPath('catalogue-375-full'), fullPage: true });
      expect(
        await alice.evaluate(() => document.documentElement.scrollWidth),
        `at ${width} px`,
      ).toBeLessThanOrEqual(width);
    }
    await alice.setViewportSize({ width: 1280, height: 900 });
  });

  it('refuses the draft’s last author to publish it, in the page and in the API', async () => {
    await alice.getByRole('button', { name: 'Publier le catalogue' }).click();
    await expect
      .poll(() => message(alice))
      .toMatch(/^Refusé : la dernière modification du brouillon est la vôtre/);
    const key = await loadSigningKey(join(running.system.dataDir, 'auth'));
    const publish = async (groups: string[]) =>
      fetch(`${running.system.origin}/api/v1/admin/catalogue/publish`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await signStaffToken(key, { email: 'alice@example.org', groups })}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ baseVersion: 2 }),
      });
    const self = await publish(['publishers']);
    expect(self.status).toBe(403);
    expect(((await self.json()) as { code: string }).code).toBe('FOUR_EYES');
    const editorOnly = await publish(['editors']);
    expect(editorOnly.status).toBe(403);
    expect(((await editorOnly.json()) as { code: string }).code).toBe('FORBIDDEN');
  });

  it('is published by another publisher, and the site, the API and the map show Bénin without a restart', async () => {
    const bob = await signIn(running.browser, 'bob@example.org', 'publishers');
    await bob.getByRole('button', { name: 'Publier le catalogue' }).click();
    await expect.poll(() => message(bob)).toMatch(/^Catalogue publié \(version 3\)/);
    // History: who and when, newest first.
    const rows = await bob.locator('section.history tbody tr').all();
    const history = await Promise.all(
      rows.map(async (r) => (await r.locator('th, td').allTextContents()).map(plain).join(' | ')),
    );
    expect(history).toEqual([
      expect.stringMatching(
        /^3 \| publication \| bob@example\.org \| 26 novembre 2026 à \d\d:\d\d \| countries\.BJ \| $/,
      ),
      expect.stringMatching(
        /^2 \| brouillon \| alice@example\.org \| .* \| countries\.BJ \| Restaurer comme brouillon 2$/,
      ),
      expect.stringMatching(/^1 \| import initial \| import initial \(data\/\) \| /),
    ]);

    // The public site: the same running server, no restart.
    let html = '';
    await expect
      .poll(async () => (html = await international()).includes('data-country="BJ"'), { timeout: 20_000 })
      .toBe(true);
    const main = plain(/<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '');
    expect(main).toContain('Bénin');
    expect(main).toContain('ABC');
    // The map: Bénin's own shape (world-atlas 204), drawn as a partner mark, not as background.
    const visitor = await running.browser.newPage();
    await visitor.goto(`${running.system.origin}/international`);
    const mark = visitor.locator('svg a[data-country="BJ"]');
    expect(await mark.getAttribute('class')).toMatch(/\bmark\b/);
    const d = await mark.locator('path').getAttribute('d');
    expect(d).toMatch(/^M[\d-]/);
    expect((d ?? '').length).toBeGreaterThan(20);
    const box = await mark.locator('path').boundingBox();
    expect(box?.width).toBeGreaterThan(3);
    await visitor.close();

    const api = (await (await fetch(`${running.system.origin}/api/v1/metrics`)).json()) as {
      countries: { iso2: string; isoNumeric: string; name: { fr: string }; partners: { name: string }[] }[];
    };
    expect(api.countries.find((c) => c.iso2 === 'BJ')).toMatchObject({
      isoNumeric: '204',
      name: { fr: 'Bénin' },
      partners: [{ name: 'ABC' }],
    });
    // The public API never says who.
    expect(JSON.stringify(api)).not.toMatch(/alice|bob@/);

    // The journal has both steps, with who: the staff's log of every change (issue 16).
    await bob.goto(`${running.system.origin}/admin/journal?kind=catalogue`);
    const journal = bob.locator('table.journal tbody tr');
    // The page reads the journal from the API after it loads: on a busy machine, seconds.
    await expect.poll(() => journal.count(), { timeout: 15_000 }).toBe(2);
    expect(await journal.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))).toEqual([
      'catalogue.publish',
      'catalogue.save',
    ]);
    expect(plain(await journal.first().textContent())).toContain('bob@example.org');
  });

  it('lets the year editor list Bénin as a partner country, where « pays partenaire inconnu » was said before', async () => {
    const carol = await signIn(running.browser, 'carol@example.org', 'editors');
    await carol.goto(`${running.system.origin}/admin/2016`);
    const field = carol.locator('input[id$="countries"]');
    await expect
      .poll(
        async () =>
          (await field.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).find((v) =>
            v.includes('DZ'),
          ),
        { timeout: 30_000 },
      )
      .toBeTruthy();
    const values = await field.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const input = field.nth(values.findIndex((v) => v.includes('DZ')));
    await input.scrollIntoViewIfNeeded();
    const block = input.locator('xpath=ancestor::fieldset[contains(@class, "figure")]');
    await input.fill(`${values.find((v) => v.includes('DZ'))}, XX`);
    await expect
      .poll(async () => plain(await block.textContent({ timeout: 5_000 })))
      .toContain('pays partenaire inconnu : « XX »');
    await input.fill(`${values.find((v) => v.includes('DZ'))}, BJ`);
    await expect
      .poll(async () => plain(await block.textContent({ timeout: 5_000 })))
      .not.toContain('pays partenaire inconnu');
    expect(await input.getAttribute('aria-invalid')).not.toBe('true');
  });
});
