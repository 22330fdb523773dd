/**
 * Four eyes and a scheduled publication, in real Chromium against the whole local system: an
 * editor drafts 2026 and submits it for review; they cannot publish it (no button; the API
 * says 403, FOUR_EYES even with a publisher's token); a publisher approves it for a time a
 * few seconds ahead (Europe/Paris); the public site and API show nothing for 2026 before that
 * time, and the figures after (the one-origin server's schedule timer). Before approving, the
 * publisher gives a journalist an embargoed link that shows the draft; after publication it is
 * revoked and answers 410. The journal lists every step, and its CSV and XLSX open in Calc.
 *
 * One walk, in steps that share the system: each step is an `it` that leaves the pages where
 * the next one starts, so a step (an embargo link, the audit page) slots in between two.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';
import { toParisWallClock } from '../../functions/src/core/paris-time';
import { screenshotPath, signInThroughIssuer, systemAndBrowser } from '../support/browser';
import { readInCalc } from '../support/calc';
import { plain } from './pages';

// The system's clock is pinned (CLOCK_AT), so the dates the admin shows do not depend on today.
const CLOCK_AT = '2026-11-26T12:00:00Z';
/** 2026: not in data/ (the seed stops at 2025), and within the year rules (up to next year). */
const YEAR = 2026;
const EDITOR = 'editor@example.org';
const PUBLISHER = 'publisher@example.org';
const SOURCE = { title: 'La Cimade – Rapport d’activité', url: 'https://www.lacimade.org/rapport-activite' };
/** How far ahead the publisher schedules the publication. */
const AHEAD_MS = 20_000;

describe('a year’s figures, reviewed by a second person and published at a set time', () => {
  const running = systemAndBrowser({ CLOCK_AT });
  let editor: Page;
  let publisher: Page;
  /** The server's clock, read from its answers: its instant minus this machine's, in ms. */
  let serverOffset = 0;
  /** The instant the publication is scheduled for (UTC ms). */
  let publishAt = 0;
  /** The embargoed link the publisher gave a journalist. */
  let embargoAddress = '';
  const serverNow = () => Date.now() + serverOffset;

  const text = async (page: Page, selector: string) =>
    plain(await page.locator(selector).first().textContent({ timeout: 5_000 }));
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: screenshotPath(`review-${name}`), fullPage: true });

  async function signIn(
    context: BrowserContext,
    email: string,
    group: 'editors' | 'publishers',
  ): Promise<Page> {
    const page = await context.newPage();
    await signInThroughIssuer(page, running.system.origin, '/admin', email, group);
    await page.getByTestId('who').filter({ hasText: email }).waitFor({ timeout: 30_000 });
    return page;
  }

  /** What the public API says of the year: its status, and its volunteers when published. */
  async function publicYear(): Promise<{ status: number; volunteers?: number }> {
    const res = await fetch(`${running.system.origin}/api/v1/years/${YEAR}`);
    if (res.status !== 200) return { status: res.status };
    const body = (await res.json()) as { figures: { metric: string; value: number }[] };
    return { status: 200, volunteers: body.figures.find((f) => f.metric === 'volunteers')?.value };
  }

  /** The public theme page's bar for the year, as a reader's new browser sees it ('' when absent). */
  async function publicMark(): Promise<string> {
    const visitor = await running.browser.newPage();
    try {
      await visitor.goto(`${running.system.origin}/benevoles?year=${YEAR}`);
      const mark = visitor.locator(`[data-mark][data-year="${YEAR}"]`);
      return (await mark.count()) ? plain(await mark.first().getAttribute('aria-label')) : '';
    } finally {
      await visitor.close();
    }
  }

  beforeAll(async () => {
    const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
    editor = await signIn(context, EDITOR, 'editors');
  }, 120_000);

  it(`an editor drafts ${YEAR}`, async () => {
    await editor.getByLabel('Année', { exact: true }).fill(String(YEAR));
    await editor.getByRole('button', { name: 'Ouvrir' }).click();
    await editor.waitForURL(`${running.system.origin}/admin/${YEAR}`);
    const row = editor.locator('fieldset.figure').first();
    await row.getByLabel('Indicateur', { exact: true }).selectOption('volunteers');
    await row.getByLabel('Valeur', { exact: true }).fill('2900');
    await row.getByLabel('Titre de la source', { exact: true }).fill(SOURCE.title);
    await row.getByLabel('Lien de la source', { exact: true }).fill(SOURCE.url);
    const saved = editor.waitForResponse(
      (r) => r.url().endsWith(`/years/${YEAR}/draft`) && r.request().method() === 'PUT',
    );
    await editor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const answer = await saved;
    expect(answer.status()).toBe(200);
    // The server's clock, from its own answer (CLOCK_AT runs on from where it was pinned).
    const { record } = (await answer.json()) as { record: { savedAt: string } };
    serverOffset = Date.parse(record.savedAt) - Date.now();
    await expect.poll(() => text(editor, '#outcome')).toContain('Brouillon enregistré.');
    expect(await text(editor, '[data-testid="review-status"]')).toBe(
      'Brouillon en cours : pas encore soumis à relecture.',
    );
    expect(await publicYear()).toEqual({ status: 404 });
  });

  it('submits it for review: the year page and the admin home say so', async () => {
    await editor.getByLabel('Note pour la relecture (facultative)').fill('Chiffres du rapport 2026');
    await editor.getByRole('button', { name: 'Soumettre à relecture' }).click();
    await expect.poll(() => text(editor, '[data-testid="review-done"]')).toContain('Soumis à relecture');
    expect(await text(editor, '[data-testid="review-status"]')).toMatch(
      new RegExp(`^Soumis à relecture par ${EDITOR}, le \\d{1,2} \\S+ ${YEAR} à \\d{2}:\\d{2}\\.$`),
    );
    expect(await text(editor, '[data-testid="review-comment"]')).toBe('Chiffres du rapport 2026');
    await shoot(editor, 'submitted-editor');
    await editor.goto(`${running.system.origin}/admin`);
    await expect
      .poll(() => text(editor, `tr[data-year="${YEAR}"] [data-testid="review-status"]`))
      .toBe('soumis à relecture');
    await shoot(editor, 'home-submitted');
  });

  it('the same person cannot publish it: no button, and the API refuses (403, FOUR_EYES as a publisher)', async () => {
    await editor.goto(`${running.system.origin}/admin/${YEAR}`);
    await expect
      .poll(() => text(editor, '[data-testid="editor-only"]'))
      .toContain('Seul le groupe « publishers »');
    expect(await editor.getByRole('button', { name: 'Approuver et publier' }).count()).toBe(0);
    expect(await editor.getByRole('button', { name: /^Approuver pour le/ }).count()).toBe(0);
    const key = await loadSigningKey(join(running.system.dataDir, 'auth'));
    const head = 2; // saved (1), submitted (2)
    for (const [groups, code] of [
      [['editors'], 'FORBIDDEN'],
      // The same person, even in the publishers group: four eyes.
      [['editors', 'publishers'], 'FOUR_EYES'],
    ] as const) {
      const token = await signStaffToken(key, { email: EDITOR, groups: [...groups] });
      for (const [path, body] of [
        ['publish', { baseVersion: head }],
        ['approve', { baseVersion: head, publishAt: toParisWallClock(new Date(serverNow() + 60_000)) }],
      ] as const) {
        const res = await fetch(`${running.system.origin}/api/v1/admin/years/${YEAR}/${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status, `${path} as ${groups.join('+')}`).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe(code);
      }
    }
    expect(await publicYear()).toEqual({ status: 404 });
  });

  it('a publisher signs in and gives a journalist an embargoed link to the draft', async () => {
    const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
    publisher = await signIn(context, PUBLISHER, 'publishers');
    await publisher.goto(`${running.system.origin}/admin/${YEAR}`);
    const section = publisher.locator('[data-embargo-admin]');
    await section.getByRole('button', { name: 'Créer le lien' }).click();
    const link = section.locator('li[data-state="active"]');
    await link.waitFor({ timeout: 30_000 });
    embargoAddress = await link.getByLabel('Adresse du lien').inputValue();
    expect(embargoAddress).toMatch(new RegExp(`^${running.system.origin}/embargo/`));
    // The journalist, not signed in, sees the draft's figure under the embargo notice.
    const journalist = await (await running.browser.newContext()).newPage();
    const res = await journalist.goto(embargoAddress);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['cache-control']).toBe('private, no-store');
    expect(await text(journalist, '[data-embargo-notice]')).toContain('Sous embargo jusqu’au');
    expect(plain(await journalist.locator('main').textContent())).toContain(plain('2 900'));
    await journalist.context().close();
    expect(await publicYear()).toEqual({ status: 404 });
  }, 60_000);

  it('the publisher approves it for a Paris time a few seconds ahead', async () => {
    await publisher.goto(`${running.system.origin}/admin`);
    await expect
      .poll(() => text(publisher, `tr[data-year="${YEAR}"] [data-testid="review-status"]`))
      .toBe('soumis à relecture');
    await publisher.goto(`${running.system.origin}/admin/${YEAR}`);
    await expect
      .poll(() => text(publisher, '[data-testid="review-status"]'))
      .toContain(`Soumis à relecture par ${EDITOR}`);
    expect(await publisher.getByRole('button', { name: 'Approuver et publier' }).count()).toBe(1);
    publishAt = Math.ceil((serverNow() + AHEAD_MS) / 1000) * 1000;
    const wall = toParisWallClock(new Date(publishAt));
    await publisher.getByLabel('Date et heure de publication (heure de Paris)').fill(wall);
    await publisher
      .getByRole('button', { name: `Approuver pour le ${wall.replace('T', ' ').slice(0, 16)}` })
      .click();
    await expect
      .poll(() => text(publisher, '[data-testid="review-done"]'))
      .toMatch(/^Approuvé : publication programmée pour le /);
    expect(await publisher.locator('[data-testid="review"]').getAttribute('data-status')).toBe('scheduled');
    expect(await text(publisher, '[data-testid="review-status"]')).toMatch(
      new RegExp(`^Approuvé par ${PUBLISHER} : sera publié le .+ \\(heure de Paris\\), tel qu’approuvé\\.$`),
    );
    await shoot(publisher, 'scheduled-publisher');
    await publisher.goto(`${running.system.origin}/admin`);
    await expect
      .poll(() => text(publisher, `tr[data-year="${YEAR}"] [data-testid="review-status"]`))
      .toMatch(/^programmé pour le /);
    // The server's log says who is told (locally, notifications are printed).
    expect(running.system.output()).toContain(`notification → ${EDITOR}`);
    expect(running.system.output()).toContain('notification → publishers');
  }, 60_000);

  it(`shows nothing for ${YEAR} before that time, and the figures after`, async () => {
    // Before: as long as the scheduled time is more than a second away, nothing is public.
    let looked = 0;
    while (serverNow() < publishAt - 2_000) {
      expect(await publicYear()).toEqual({ status: 404 });
      if (looked++ === 0) expect(await publicMark()).toBe('');
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(looked).toBeGreaterThan(0);
    // After: the local timer publishes exactly the approved version.
    await expect
      .poll(publicYear, { timeout: 60_000, interval: 500 })
      .toEqual({ status: 200, volunteers: 2900 });
    expect(serverNow()).toBeGreaterThanOrEqual(publishAt - 1_000);
    expect(await publicMark()).toBe(`${YEAR} : 2 900 bénévoles`);
    // The history says who approved, and that the publication was the scheduled one.
    await publisher.goto(`${running.system.origin}/admin/${YEAR}/historique`);
    await expect.poll(() => text(publisher, 'li.version h2')).toMatch(/Publication$/);
    expect(plain(await publisher.locator('li.version').first().textContent())).toContain(PUBLISHER);
    await shoot(publisher, 'history');
  }, 120_000);

  it('the embargoed link stops working once revoked', async () => {
    await publisher.goto(`${running.system.origin}/admin/${YEAR}`);
    const section = publisher.locator('[data-embargo-admin]');
    await section.locator('li[data-state="active"]').getByRole('button', { name: 'Retirer le lien' }).click();
    await publisher
      .locator('dialog[open]')
      .getByRole('button', { name: 'Retirer le lien', exact: true })
      .click();
    await section.locator('li[data-state="revoked"]').waitFor({ timeout: 30_000 });
    const gone = await fetch(embargoAddress);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Ce lien n’est plus valable');
  }, 60_000);

  it('the journal lists every step, and its export opens in a spreadsheet', async () => {
    await publisher.goto(`${running.system.origin}/admin/journal?year=${YEAR}`);
    const rows = publisher.locator('table.journal tbody tr');
    // The page reads the journal from the API after it loads: on a busy machine, seconds.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    const kinds = new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind'))));
    for (const kind of [
      'year.save',
      'year.submit',
      'year.approve',
      'year.publish',
      'embargo.create',
      'embargo.revoke',
    ])
      expect(kinds, kind).toContain(kind);
    await shoot(publisher, 'journal');
    for (const button of ['CSV pour Excel', 'Classeur Excel (XLSX)']) {
      const [file] = await Promise.all([
        publisher.waitForEvent('download', { timeout: 60_000 }),
        publisher.getByRole('button', { name: button }).click(),
      ]);
      const cells = await readInCalc(
        new Uint8Array(readFileSync(await file.path())),
        file.suggestedFilename(),
      );
      expect(cells[0]?.slice(0, 4), button).toEqual([
        'Date (heure de Paris)',
        'Personne',
        'Modification',
        'Code',
      ]);
      const byCode = new Map(cells.slice(1).map((row) => [row[3], row]));
      expect(byCode.get('year.submit')?.[1], button).toBe(EDITOR);
      expect(byCode.get('year.approve')?.[1], button).toBe(PUBLISHER);
      expect(byCode.get('embargo.revoke')?.[1], button).toBe(PUBLISHER);
      expect(byCode.get('year.publish')?.[0], button).toBeInstanceOf(Date);
    }
  }, 300_000);
});
