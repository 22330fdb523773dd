/**
 * The embargoed preview, in real Chromium against the whole local system: a publisher makes a
 * link to a drafted year from the admin year page; a journalist, in a fresh browser context
 * (not signed in), opens it and reads the draft's figure and the embargo notice, on the page
 * and in an embed; the public site still shows nothing of that year; revoking the link makes
 * it answer 410 at once. Screenshots at 375 and 1280 px.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatParis } from '../../functions/src/core/paris-time';
import { shootPhoneAndDesktop, signInThroughIssuer, systemAndBrowser } from '../support/browser';
import { saveVolunteersDraft, staffToken } from '../support/staff-api';
import { plain } from './pages';

/** A year that has never been published: next year, as the server's own check allows it. */
const YEAR = new Date().getUTCFullYear() + 1;
const VOLUNTEERS = 4321;

describe('an embargoed preview for journalists', () => {
  const running = systemAndBrowser();
  let staff: Page;
  let journalist: BrowserContext;
  let address = '';
  let editor = '';
  const saveDraft = (baseVersion: number, value: number) =>
    saveVolunteersDraft(running.system, editor, YEAR, baseVersion, value);

  beforeAll(async () => {
    // The draft, saved by an editor through the API; the link is made by a publisher, in the admin.
    editor = await staffToken(running.system, 'editor@example.org', 'editors');
    const saved = await saveDraft(0, VOLUNTEERS);
    expect(saved.status).toBe(200);
    staff = await (await running.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    journalist = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await journalist?.close();
  });

  const text = async (page: Page, selector: string) =>
    plain(await page.locator(selector).first().textContent({ timeout: 5_000 }));

  const shoot = (page: Page, name: string) => shootPhoneAndDesktop(page, `embargo-${name}`);

  it('lets a publisher make a link from the admin year page', async () => {
    await signInThroughIssuer(staff, running.system.origin, '/admin', 'publisher@example.org', 'publishers');
    await staff.goto(`${running.system.origin}/admin/${YEAR}`);
    const section = staff.locator('[data-embargo-admin]');
    await section.getByRole('button', { name: 'Créer le lien' }).click();
    const link = section.locator('li[data-state="active"]');
    await link.waitFor({ timeout: 30_000 });
    address = await link.getByLabel('Adresse du lien').inputValue();
    expect(address).toMatch(new RegExp(`^${running.system.origin}/embargo/[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(plain(await link.textContent())).toContain('Créé par publisher@example.org');
    await section.scrollIntoViewIfNeeded();
    await shoot(staff, 'admin');
  });

  it('shows the journalist the draft’s figure under the embargo notice, uncached and unindexed', async () => {
    const page = await journalist.newPage();
    const res = await page.goto(address);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['cache-control']).toBe('private, no-store');
    expect(res?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');

    const links = (await (
      await fetch(`${running.system.origin}/api/v1/admin/years/${YEAR}/embargo`, {
        headers: {
          Authorization: `Bearer ${await staffToken(running.system, 'e@example.org', 'editors')}`,
        },
      })
    ).json()) as { links: { embargoUntil: string }[] };
    const until = formatParis(links.links[0]!.embargoUntil, 'fr');
    expect(await text(page, '[data-embargo-notice] strong')).toBe(
      plain(`Sous embargo jusqu’au ${until} (heure de Paris)`),
    );
    expect(plain(await page.locator('main').textContent())).toContain(plain('4 321'));
    await expect.poll(() => page.locator(`[data-mark][data-year="${YEAR}"]`).count()).toBeGreaterThan(0);
    // No staff name on the page.
    expect(await page.content()).not.toMatch(/@example\.org/);
    await shoot(page, 'page');

    const embed = await page.locator('li[data-embed="benevoles"] a').getAttribute('href');
    expect(embed).toContain(`/embed/benevoles?year=${YEAR}`);
    expect(await page.locator('li[data-embed="benevoles"] textarea').inputValue()).toContain(
      `src="${embed}"`,
    );
    const framed = await page.goto(embed!);
    expect(framed?.headers()['cache-control']).toBe('private, no-store');
    expect(framed?.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(await text(page, '[data-embargo-notice]')).toContain('Sous embargo jusqu’au');
    expect(
      plain(await page.locator(`[data-mark][data-year="${YEAR}"]`).first().getAttribute('aria-label')),
    ).toContain(plain('4 321'));
    expect(await page.locator('a[href*=".png"], a[href*=".svg"]').count()).toBe(0);
    await shoot(page, 'embed');

    const english = await page.goto(`${address}?lang=en`);
    expect(english?.status()).toBe(200);
    expect(await text(page, '[data-embargo-notice] strong')).toContain('Under embargo until');
    await page.close();
  });

  it('shows the draft as it is when opened: a saved change appears at once', async () => {
    expect((await saveDraft(1, 4322)).status).toBe(200);
    const page = await journalist.newPage();
    await page.goto(address);
    expect(plain(await page.locator('main').textContent())).toContain(plain('4 322'));
    expect((await saveDraft(2, VOLUNTEERS)).status).toBe(200);
    await page.close();
  });

  it('leaves the public site without that year', async () => {
    expect((await fetch(`${running.system.origin}/api/v1/years/${YEAR}`)).status).toBe(404);
    const page = await journalist.newPage();
    await page.goto(`${running.system.origin}/benevoles?year=${YEAR}`);
    expect(await page.locator(`[data-mark][data-year="${YEAR}"]`).count()).toBe(0);
    expect(plain(await page.locator('main').textContent())).not.toContain(plain('4 321'));
    const embed = await fetch(`${running.system.origin}/embed/benevoles?year=${YEAR}`);
    expect(await embed.text()).not.toContain(`data-year="${YEAR}"`);
    await page.close();
  });

  it('answers 410 as soon as the link is revoked', async () => {
    const section = staff.locator('[data-embargo-admin]');
    await section.locator('li[data-state="active"]').getByRole('button', { name: 'Retirer le lien' }).click();
    await staff.locator('dialog[open]').getByRole('button', { name: 'Retirer le lien', exact: true }).click();
    await section.locator('li[data-state="revoked"]').waitFor({ timeout: 30_000 });
    expect(await section.locator('li[data-state="revoked"]').getByLabel('Adresse du lien').count()).toBe(0);

    const page = await journalist.newPage();
    const res = await page.goto(address);
    expect(res?.status()).toBe(410);
    expect(res?.headers()['cache-control']).toBe('private, no-store');
    expect(await text(page, 'h1')).toBe(plain('Ce lien n’est plus valable'));
    expect((await fetch(`${address}/embed/benevoles?year=${YEAR}`)).status).toBe(410);
    const forged = await fetch(address.replace(/.{4}$/, 'AAAA'));
    expect(forged.status).toBe(404);
    await shoot(page, 'gone');
    await page.close();
  });
});
