/**
 * What a publisher reads, in real Chromium against the whole local system, when an AWS service
 * behind a step fails. EventBridge Scheduler and CloudFront do not run here: their failures are
 * the admin API's own answers (`503 SCHEDULER_UNAVAILABLE`, a `CDN_NOT_INVALIDATED` warning on
 * the real publication), which test/api/admin-review.spec.ts proves the server gives. Here the
 * browser receives them and the year page must say what happened, at 375 and 1280 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toParisWallClock } from '../../functions/src/core/paris-time';
import { shootPhoneAndDesktop, signInThroughIssuer, systemAndBrowser } from '../support/browser';
import { saveVolunteersDraft, staffToken } from '../support/staff-api';
import { plain } from './pages';

/** A year that has never been published: next year, as the server's own check allows it. */
const YEAR = new Date().getUTCFullYear() + 1;

describe('the year page when a service behind a review step fails', () => {
  const running = systemAndBrowser();
  let page: Page;

  beforeAll(async () => {
    const editor = await staffToken(running.system, 'editor@example.org', 'editors');
    const saved = await saveVolunteersDraft(running.system, editor, YEAR, 0, 2900);
    expect(saved.status).toBe(200);
    page = await (await running.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInThroughIssuer(page, running.system.origin, '/admin', 'publisher@example.org', 'publishers');
    await page.goto(`${running.system.origin}/admin/${YEAR}`);
    await page
      .getByRole('button', { name: 'Approuver et publier', exact: true })
      .waitFor({ timeout: 30_000 });
  });

  const text = async (selector: string) =>
    plain(await page.locator(selector).first().textContent({ timeout: 5_000 }));

  const shoot = (name: string) => shootPhoneAndDesktop(page, `review-outage-${name}`);

  /** The approval route answers what the server answers when EventBridge Scheduler refuses. */
  async function approveWhileSchedulerRefuses(wall: string, answer: Record<string, unknown>) {
    await page.route('**/api/v1/admin/years/*/approve', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'SCHEDULER_UNAVAILABLE', ...answer }),
      }),
    );
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/approve') && r.status() === 503),
      page.getByRole('button', { name: `Approuver pour le ${wall.replace('T', ' ')}` }).click(),
    ]);
    await page.unroute('**/api/v1/admin/years/*/approve');
  }

  it('says an approval the scheduler did not take was undone, and to try again', async () => {
    const wall = toParisWallClock(new Date(Date.now() + 86_400_000)).slice(0, 16);
    await page.getByLabel('Date et heure de publication (heure de Paris)').fill(wall);
    await approveWhileSchedulerRefuses(wall, {
      message: `The publication of ${YEAR} could not be scheduled; it is not scheduled (the year is at version 3). Try again shortly.`,
      current: 3,
    });
    await expect
      .poll(() => text('[data-testid="review-failed"]'))
      .toBe(
        plain(
          'La publication n’a pas pu être programmée : le service de programmation n’a pas répondu. L’approbation est annulée ; réessayez dans quelques minutes.',
        ),
      );
    expect(await page.locator('[role="alert"] [data-testid="review-failed"]').count()).toBe(1);
    await page.locator('[data-testid="review"]').scrollIntoViewIfNeeded();
    await shoot('scheduler');
    // The store failed too: the approval stands, and staff must cancel it.
    await approveWhileSchedulerRefuses(wall, { message: 'could not be undone' });
    await expect
      .poll(() => text('[data-testid="review-failed"]'))
      .toBe(
        plain(
          'La publication n’a pas pu être programmée, et l’approbation n’a pas pu être annulée : le brouillon paraît programmé sans l’être. Annulez la programmation, puis réessayez.',
        ),
      );
  });

  it('says a publication stands though the CDN could not be told, and for how long readers may see old figures', async () => {
    // The real publication, its answer carrying what the server adds when CloudFront fails.
    await page.route('**/api/v1/admin/years/*/publish', async (route) => {
      const real = await route.fetch();
      const answer = (await real.json()) as Record<string, unknown>;
      expect(real.status()).toBe(200);
      await route.fulfill({
        response: real,
        json: { ...answer, warnings: [{ code: 'CDN_NOT_INVALIDATED', message: 'Published, but …' }] },
      });
    });
    await page.getByRole('button', { name: 'Approuver et publier', exact: true }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Publier', exact: true }).click();
    await expect
      .poll(() => text('[data-testid="published-done"]'))
      .toBe(
        plain(
          'La publication est faite, mais le cache du site n’a pas pu être vidé : des lecteurs peuvent voir les chiffres précédents pendant une journée au plus. L’équipe technique est alertée.',
        ),
      );
    expect(await page.locator('.notice.warning [data-testid="published-done"]').count()).toBe(1);
    const published = await fetch(`${running.system.origin}/api/v1/years/${YEAR}`);
    expect(published.status).toBe(200);
    await shoot('cdn');
  });
});
