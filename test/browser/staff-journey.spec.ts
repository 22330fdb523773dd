/**
 * A staff member's day, in real Chromium against the whole local system: sign in through
 * the local issuer's form, create next year as a draft, meet a validation error, fix it,
 * see a warning, lose a race with a colleague (409), preview, publish, see the public page,
 * the embed and the API show the new figure, correct it, restore the previous version from
 * the history, import a CSV. Screenshots of every admin page at 375 and 1280 px.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedYears } from '../../functions/local/seed';
import { lastAllowedYear } from '../../functions/src/core/metric-keys';
import {
  injectAxe,
  screenshotPath,
  shootPhoneAndDesktop,
  signInThroughIssuer,
  systemAndBrowser,
} from '../support/browser';
import { REPORT_SOURCE, saveVolunteersDraft, staffToken } from '../support/staff-api';
import { plain } from './pages';

// The system's clock is pinned (CLOCK_AT), so the dates the admin shows do not depend on today.
const CLOCK_AT = '2026-11-26T12:00:00Z';
const NEXT = new Date(CLOCK_AT).getUTCFullYear() + 1;
const FIXTURE = (name: string) => join(import.meta.dirname, '../fixtures/import', name);
const SEEDED = (year: number) => readSeedYears().find((y) => y.year === year)?.figures;

describe('a staff member’s day', () => {
  const running = systemAndBrowser({ CLOCK_AT });
  let page: Page;

  beforeAll(async () => {
    page = await (await running.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  /** axe-core's violations on the page as it is now, in the light and the dark theme. */
  async function axeViolations(p: Page = page): Promise<string[]> {
    await injectAxe(p);
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ colorScheme });
      found.push(
        ...(
          await p.evaluate(async () => {
            const result = await (
              window as unknown as {
                axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
              }
            ).axe.run();
            return result.violations.map(
              (v) =>
                `${v.id}: ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')}`,
            );
          })
        ).map((v) => `${colorScheme} ${v}`),
      );
    }
    await p.emulateMedia({ colorScheme: 'light' });
    return found;
  }

  /** A full-page screenshot at a phone's width and at a desktop's; the page must fit the phone and pass axe-core. */
  async function shoot(name: string, p: Page = page) {
    await shootPhoneAndDesktop(p, `staff-${name}`);
    expect(await axeViolations(p), name).toEqual([]);
  }

  const figure = (n: number): Locator => page.locator('fieldset.figure').nth(n);
  const field = (n: number, label: string): Locator => figure(n).getByLabel(label, { exact: true });
  // Short: inside expect.poll a missing element then fails in seconds, not after 2 × 30 s.
  const text = async (l: Locator): Promise<string> => plain(await l.textContent({ timeout: 5_000 }));
  /** A table row's cells, each made plain, joined by one space. */
  const cells = async (row: Locator): Promise<string> =>
    (await row.locator('th, td').allTextContents()).map(plain).join(' ');
  const rows = async (table: Locator): Promise<string[]> =>
    Promise.all((await table.locator('tbody tr').all()).map(cells));
  const confirmWith = (name: string, p: Page = page) =>
    p.locator('dialog[open]').getByRole('button', { name, exact: true }).click();

  /**
   * Four eyes: a second person, in the publishers group, publishes what the editor drafted — in
   * a browser of their own, signed in through the issuer's form, on the year's page.
   */
  let publisherPage: Page | undefined;
  async function publisher(year = NEXT): Promise<Page> {
    if (!publisherPage) {
      const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
      publisherPage = await context.newPage();
      await signInThroughIssuer(
        publisherPage,
        running.system.origin,
        '/admin',
        'publisher@example.org',
        'publishers',
      );
    }
    await publisherPage.goto(`${running.system.origin}/admin/${year}`);
    await publisherPage.getByRole('button', { name: 'Approuver et publier', exact: true }).waitFor();
    return publisherPage;
  }
  /** The editor's page, read again after the publisher's publication moved the year on. */
  async function editorReloads() {
    await page.reload();
    await page.locator('fieldset.figure').first().waitFor();
  }

  async function published(
    year: number,
  ): Promise<{ figures: { metric: string; value: number }[]; version: number }> {
    const res = await fetch(`${running.system.origin}/api/v1/years/${year}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { figures: { metric: string; value: number }[]; version: number };
  }

  /** The aria-label of the public chart's bar for `year`, on a page or an embed. */
  async function publicMark(path: string, year: number): Promise<string> {
    const visitor = await running.browser.newPage();
    try {
      await visitor.goto(`${running.system.origin}${path}`);
      return plain(
        await visitor.locator(`[data-mark][data-year="${year}"]`).first().getAttribute('aria-label'),
      );
    } finally {
      await visitor.close();
    }
  }

  it('serves the admin pages uncached and never framed', async () => {
    for (const path of [
      '/admin',
      '/en/admin',
      `/admin/${NEXT}`,
      `/admin/${NEXT}/historique`,
      '/admin/import',
      '/admin/auth/callback',
    ]) {
      const res = await fetch(`${running.system.origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('signs in through the local issuer’s form and lists the years', async () => {
    await page.goto(`${running.system.origin}/admin`);
    await expect.poll(() => text(page.locator('h1'))).toBe('Connexion de l’équipe');
    await shoot('sign-in');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/auth\/authorize\?/);
    const authorize = new URL(page.url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    await page.getByLabel('Adresse e-mail').fill('editor@example.org');
    await page.getByLabel('Groupe').selectOption('editors');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${running.system.origin}/admin`);
    await expect.poll(() => text(page.getByTestId('who'))).toBe('editor@example.org');
    await expect.poll(() => page.locator('table.years tbody tr').count()).toBeGreaterThan(10);
    // Said in words: a date and who, never a version number nor a file name.
    expect(plain(await page.locator('tr[data-year="2024"]').textContent())).toMatch(
      /le \d{1,2} \S+ \d{4} à \d{2}:\d{2} ?par import initial \(data\/\)/,
    );
    expect(plain(await page.locator('table.years').textContent())).not.toMatch(/version \d|seed:/i);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await shoot('years');
  });

  it('creates next year as a draft: a validation error as the figure is typed, fixed, then a warning', async () => {
    await page.getByLabel('Année', { exact: true }).fill(String(NEXT));
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await page.waitForURL(`${running.system.origin}/admin/${NEXT}`);
    await expect.poll(() => text(page.getByTestId('status'))).toContain('Nouvelle année');

    await field(0, 'Indicateur').selectOption('volunteers');
    await field(0, 'Valeur').fill('-5');
    await expect
      .poll(() => text(figure(0).locator('.field-problems').first()))
      .toBe('✖ ne peut pas être négatif (saisi : -5)');
    expect(await field(0, 'Valeur').getAttribute('aria-invalid')).toBe('true');
    await field(0, 'Titre de la source').fill(REPORT_SOURCE.title);
    await field(0, 'Lien de la source').fill('lacimade.org');
    await field(0, 'Lien de la source').blur();
    await expect
      .poll(async () => (await figure(0).locator('.field-problems').allTextContents()).map(plain))
      .toContain('✖ indiquez une adresse http:// ou https://');

    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect
      .poll(() => text(page.locator('#problem-summary h2')))
      .toBe('2 problèmes à corriger avant d’enregistrer');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('problem-summary');
    await shoot('edit-problems');

    await field(0, 'Valeur').fill('5000');
    await field(0, 'Lien de la source').fill(REPORT_SOURCE.url);
    await expect.poll(() => figure(0).locator('.field-problems').count()).toBe(0);
    await expect
      .poll(() => text(figure(0).locator('.field-warnings')))
      .toBe('⚠ Bénévoles : 5 000, soit +87 % par rapport à 2 678 en 2024. Vérifiez ce chiffre.');
    expect(plain(await page.getByTestId('warnings').textContent())).toContain(
      '1 point à vérifier (n’empêche pas d’enregistrer)',
    );

    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect
      .poll(() => text(page.locator('#outcome')))
      .toContain('Brouillon enregistré. Il n’est pas encore public.');
    expect(plain(await page.getByTestId('status').textContent())).toMatch(
      /Brouillon enregistré le \d{1,2} \S+ \d{4} à \d{2}:\d{2} par editor@example\.org\./,
    );
    expect(plain(await page.getByTestId('status').textContent())).not.toMatch(/version \d/i);
    await shoot('edit-warning');
  });

  it('says who saved first (409) and what they changed, and re-applies the editor’s own changes on theirs', async () => {
    const colleague = await staffToken(running.system, 'colleague@example.org', 'editors');
    const res = await saveVolunteersDraft(
      running.system,
      colleague,
      NEXT,
      1,
      5000,
      'Chiffres provisoires, à confirmer par le rapport annuel.',
    );
    expect(res.status).toBe(200);

    await field(0, 'Valeur').fill('5100');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect
      .poll(() => text(page.getByTestId('conflict')))
      .toMatch(
        /^colleague@example\.org a enregistré cette année le \d{1,2} \S+ \d{4} à \d{2}:\d{2}, pendant que vous travailliez\. Rien n’a été écrasé\.$/,
      );
    expect(await rows(page.locator('#outcome table.changes'))).toEqual([
      'Notes sur l’année notes sur l’année (vide) Chiffres provisoires, à confirmer par le rapport annuel.',
    ]);
    expect(await text(page.getByTestId('overlaps'))).toBe(
      'Vos modifications et les siennes ne se recouvrent pas.',
    );
    await shoot('edit-conflict');
    // The editor's 5 100 goes on top of the colleague's version: their notes stay, nothing is retyped.
    await page.getByRole('button', { name: 'Réappliquer mes modifications sur sa version' }).click();
    await expect
      .poll(() => text(page.getByTestId('reapplied')))
      .toContain('Vos modifications sont réappliquées');
    expect(await field(0, 'Valeur').inputValue()).toBe('5100');
    expect(await page.getByLabel('Notes sur l’année').inputValue()).toContain('Chiffres provisoires');
    expect(await text(page.getByTestId('form-state'))).toContain('Modifications non enregistrées');
    expect(plain(await page.getByTestId('status').textContent())).toContain('par colleague@example.org');
    // Back to the colleague's figure: the form is their version, unchanged.
    await field(0, 'Valeur').fill('5000');
    await expect.poll(() => text(page.getByTestId('form-state'))).toContain('Tout est enregistré');
  });

  it('previews the public charts with the draft before publishing', async () => {
    await page.getByRole('button', { name: 'Aperçu des graphiques' }).click();
    const preview = page.locator('#preview');
    await expect.poll(() => preview.locator(`[data-mark][data-year="${NEXT}"]`).count()).toBe(1);
    expect(plain(await preview.locator(`[data-mark][data-year="${NEXT}"]`).getAttribute('aria-label'))).toBe(
      `${NEXT} : 5 000 bénévoles`,
    );
    expect(plain(await preview.locator('.summary').first().textContent())).toContain(`à 5 000`);
    expect(await page.getByRole('button', { name: 'Masquer l’aperçu' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    // Not yet public.
    expect((await fetch(`${running.system.origin}/api/v1/years/${NEXT}`)).status).toBe(404);
    await shoot('edit-preview');
  });

  it('publishes (a second person, a publisher): the public page, the embed and the API show the new figure', async () => {
    // The editor who drafted it has no publish button (four eyes).
    expect(await page.getByRole('button', { name: 'Approuver et publier', exact: true }).count()).toBe(0);
    let pub = await publisher();
    // The publisher's page has read the year's warnings before the dialog lists the open ones.
    await pub.getByTestId('warnings').filter({ hasText: 'Bénévoles : 5 000' }).waitFor({ timeout: 20_000 });
    await pub.getByRole('button', { name: 'Approuver et publier', exact: true }).click();
    await expect.poll(() => text(pub.locator('dialog[open] h2'))).toBe(`Publier les chiffres de ${NEXT}`);
    // The warning on 5 000 is still open: the dialog says so. A first publication needs no reason.
    expect(await text(pub.getByTestId('open-warnings'))).toContain('Bénévoles : 5 000, soit +87 %');
    expect(await pub.locator('dialog[open] textarea').count()).toBe(0);
    await confirmWith('Annuler', pub);
    // Checked by the editor: said with who and when, and the dialog no longer lists it.
    await page
      .getByTestId('warnings')
      .getByRole('button', { name: /^Marquer comme vérifié/ })
      .click();
    await expect
      .poll(() => text(page.getByTestId('warnings').locator('.checked')))
      .toMatch(/^✓ Vérifié par editor@example\.org, le \d{1,2} \S+ \d{4} à \d{2}:\d{2}\.$/);
    pub = await publisher();
    await pub.getByRole('button', { name: 'Approuver et publier', exact: true }).click();
    await expect.poll(() => text(pub.locator('dialog[open] h2'))).toBe(`Publier les chiffres de ${NEXT}`);
    expect(await pub.getByTestId('open-warnings').count()).toBe(0);
    await confirmWith('Publier', pub);
    await expect.poll(() => text(pub.locator('#outcome'))).toContain('Publié. Le site public');
    await editorReloads();

    const year = await published(NEXT);
    expect(year.version).toBe(3);
    expect(year.figures).toEqual([expect.objectContaining({ metric: 'volunteers', value: 5000 })]);
    expect(await publicMark(`/benevoles?year=${NEXT}`, NEXT)).toBe(`${NEXT} : 5 000 bénévoles`);
    expect(await publicMark(`/embed/benevoles?year=${NEXT}`, NEXT)).toBe(`${NEXT} : 5 000 bénévoles`);
    expect(await pub.getByTestId('public-link').getAttribute('href')).toBe(
      `/benevoles?year=${NEXT}&metric=volunteers`,
    );
  });

  it('corrects the figure, then restores the previous published version from the history', async () => {
    await field(0, 'Valeur').fill('5100');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => text(page.locator('#outcome'))).toContain('Brouillon enregistré.');
    // Another figure: the check of the warning lapses, and it is open again.
    await expect
      .poll(() =>
        page
          .getByTestId('warnings')
          .getByRole('button', { name: /^Marquer comme vérifié/ })
          .count(),
      )
      .toBe(1);
    expect(await page.getByTestId('warnings').locator('.checked').count()).toBe(0);
    const pub = await publisher();
    await pub.getByRole('button', { name: 'Approuver et publier', exact: true }).click();
    // Publishing over a published year corrects it: the dialog says so, shows old → new, and wants a reason.
    const dialog = pub.locator('dialog[open]');
    await expect.poll(() => text(dialog.locator('h2'))).toBe(`Corriger les chiffres publiés de ${NEXT}`);
    expect(await rows(dialog.locator('table.changes'))).toEqual(['Bénévoles valeur 5 000 5 100']);
    await shoot('publish-correction', pub);
    await confirmWith('Publier la correction', pub);
    await expect.poll(() => text(dialog.locator('.field-problems'))).toContain('indiquez pourquoi');
    expect(await dialog.getByLabel('Raison de la correction (publique)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await dialog
      .getByLabel('Raison de la correction (publique)')
      .fill('Chiffre du rapport d’activité définitif');
    await confirmWith('Publier la correction', pub);
    await expect.poll(() => text(pub.locator('#outcome'))).toContain('Publié. Le site public');
    await editorReloads();
    expect(await publicMark(`/benevoles?year=${NEXT}`, NEXT)).toBe(`${NEXT} : 5 100 bénévoles`);
    // The public sees « corrigé le … » with the reason, on the theme page and in the API; never who.
    const visitor = await running.browser.newPage();
    await visitor.goto(`${running.system.origin}/benevoles?year=${NEXT}`);
    const notes = (await visitor.locator('[data-corrected]').allTextContents()).map(plain);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes)
      expect(n).toMatch(
        /^Corrigé le \d{1,2} \S+ \d{4}( \(chiffres de \d{4}\))? : Chiffre du rapport d’activité définitif$/,
      );
    await visitor.close();
    const api = (await (await fetch(`${running.system.origin}/api/v1/years/${NEXT}`)).json()) as {
      corrections: { reason: string; changes: unknown[] }[];
    };
    expect(api.corrections).toEqual([
      expect.objectContaining({
        reason: 'Chiffre du rapport d’activité définitif',
        changes: [{ metric: 'volunteers', field: 'value', before: 5000, after: 5100 }],
      }),
    ]);
    expect(JSON.stringify(api)).not.toContain('@');

    await page.getByRole('link', { name: 'Historique de cette année' }).click();
    await page.waitForURL(`${running.system.origin}/admin/${NEXT}/historique`);
    const v4 = page.locator('li.version[data-version="4"]');
    await expect.poll(() => text(v4.locator('h2'))).toBe('Version 4 · Brouillon enregistré');
    expect(await rows(v4)).toEqual(['Bénévoles valeur 5 000 5 100']);
    expect(plain(await page.locator('li.version[data-version="2"] .meta').textContent())).toContain(
      'par colleague@example.org',
    );
    expect(plain(await page.locator('li.version[data-version="5"] .current').textContent())).toBe(
      'publiée actuellement',
    );
    await shoot('history');

    await page
      .locator('li.version[data-version="3"]')
      .getByRole('button', { name: 'Restaurer la version 3 comme brouillon' })
      .click();
    await confirmWith('Restaurer comme brouillon');
    await page.waitForURL(`${running.system.origin}/admin/${NEXT}?restored=3`);
    await expect
      .poll(() => text(page.locator('.notice').first()))
      .toContain('La version choisie dans l’historique est maintenant le brouillon');
    expect(await field(0, 'Valeur').inputValue()).toBe('5000');
    const again = await publisher();
    await again.getByRole('button', { name: 'Approuver et publier', exact: true }).click();
    await again
      .locator('dialog[open]')
      .getByLabel('Raison de la correction (publique)')
      .fill('Retour au chiffre publié d’abord');
    await confirmWith('Publier la correction', again);
    await expect.poll(() => text(again.locator('#outcome'))).toContain('Publié. Le site public');
    await editorReloads();
    expect((await published(NEXT)).figures[0]?.value).toBe(5000);
    expect(await publicMark(`/benevoles?year=${NEXT}`, NEXT)).toBe(`${NEXT} : 5 000 bénévoles`);

    await page.getByRole('link', { name: 'Historique de cette année' }).click();
    const v6 = page.locator('li.version[data-version="6"]');
    await expect.poll(() => text(v6.locator('.meta'))).toContain('restaure la version 3');
    expect(await rows(v6)).toEqual(['Bénévoles valeur 5 100 5 000']);
  });

  it('keeps unsaved edits when the session expires, and brings them back after signing in again', async () => {
    await page.getByRole('link', { name: `Modifier ${NEXT}` }).click();
    await page.waitForURL(`${running.system.origin}/admin/${NEXT}`);
    await field(0, 'Valeur').fill('5200');
    // The API refuses the token, as it does once the token has expired.
    await page.route(`**/api/v1/admin/years/${NEXT}/draft`, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'UNAUTHENTICATED',
          message: 'the token is invalid or has expired: sign in again',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => text(page.getByRole('alert'))).toContain('Votre session a expiré');
    await page.unroute(`**/api/v1/admin/years/${NEXT}/draft`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/auth\/authorize\?/);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${running.system.origin}/admin/${NEXT}`);
    await expect.poll(() => field(0, 'Valeur').inputValue()).toBe('5200');
    expect(await text(page.locator('.notice').first())).toBe(
      'Vos modifications non enregistrées ont été récupérées. Elles ne sont pas encore enregistrées.',
    );
    await field(0, 'Valeur').fill('5000');
    await expect.poll(() => text(page.getByTestId('form-state'))).toContain('Tout est enregistré');
    expect(
      await page.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('cimade-admin:unsaved')),
      ),
    ).toEqual([]);
  });

  it('imports a CSV: row and column errors first, then a preview of the changes, then a draft', async () => {
    await page
      .getByRole('navigation', { name: 'Espace équipe' })
      .getByRole('link', { name: 'Importer', exact: true })
      .click();
    await page.waitForURL(`${running.system.origin}/admin/import`);
    const header = 'year,metric,value,qualifier,unit,source_title,source_url';
    const year = NEXT - 1;
    await page
      .getByLabel('Contenu du fichier (ou collez-le ici)')
      .fill(
        [
          header,
          `${year},employees,beaucoup,exact,,Rapport,https://www.lacimade.org/`,
          `${year},volunteers,2700,exact,,Rapport,ftp://example.org/`,
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Prévisualiser l’import' }).click();
    await expect
      .poll(() => text(page.locator('#import-problems-title')))
      .toBe('Le fichier a 2 problèmes : rien n’a été importé.');
    expect(await rows(page.locator('table.problems'))).toEqual([
      '2 value « beaucoup » n’est pas un nombre',
      '3 source_url indiquez une adresse http:// ou https://',
    ]);
    await shoot('import-problems');

    await page
      .getByLabel('Contenu du fichier (ou collez-le ici)')
      .fill(
        [
          header,
          `${year},employees,160,exact,salariés,Rapport,https://www.lacimade.org/`,
          `${year},volunteers,2700,about,,Rapport,https://www.lacimade.org/`,
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Prévisualiser l’import' }).click();
    const preview = page.locator(`article.year[data-year="${year}"]`);
    await expect
      .poll(() => text(preview.locator('h3')))
      .toBe(`${year} : 2 chiffres dans le fichier ; nouvelle année.`);
    expect(await rows(preview)).toEqual(['Salariés ajouté (vide) 160', 'Bénévoles ajouté (vide) 2 700']);
    await shoot('import-preview');
    await page.getByRole('button', { name: 'Importer comme brouillon' }).click();
    await expect.poll(() => text(page.locator('#import-done'))).toContain(`Ouvrir le brouillon de ${year}`);

    // On second thought, the draft goes: discarding asks first, with focus on "cancel".
    await page.getByRole('link', { name: `Ouvrir le brouillon de ${year}` }).click();
    await page.waitForURL(`${running.system.origin}/admin/${year}`);
    await expect.poll(() => field(1, 'Valeur').inputValue()).toBe('2700');
    await page.getByRole('button', { name: 'Abandonner le brouillon' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await confirmWith('Abandonner le brouillon');
    await expect
      .poll(() => text(page.locator('#outcome')))
      .toBe('Brouillon abandonné (il reste dans l’historique).');
    expect(await page.locator('fieldset.figure').count()).toBe(1);
    expect(await field(0, 'Valeur').inputValue()).toBe('');
  });

  /** The draft of a year as the admin API holds it. */
  async function draftOf(year: number): Promise<{ figures: unknown[]; version: number } | undefined> {
    const token = await staffToken(running.system, 'reader@example.org', 'editors');
    const res = await fetch(`${running.system.origin}/api/v1/admin/years/${year}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { draft?: { figures: unknown[]; version: number } }).draft;
  }

  it('imports what staff’s spreadsheets write: every problem of a broken file at once, then French Excel’s CSV and an XLSX, accents intact', async () => {
    await page.goto(`${running.system.origin}/admin/import`);
    const chooser = page.getByLabel('Fichier (.xlsx ou .csv)');
    await chooser.setInputFiles(FIXTURE('excel-fr-broken.csv'));
    await page.getByRole('button', { name: 'Prévisualiser l’import' }).click();
    await expect
      .poll(() => text(page.locator('#import-problems-title')))
      .toBe('Le fichier a 8 problèmes : rien n’a été importé.');
    expect(await rows(page.locator('table.problems'))).toEqual([
      '2 Valeur « beaucoup » n’est pas un nombre',
      '3 Indicateur « Personnes aidées » n’est pas un indicateur',
      '4 Lien de la source indiquez une adresse http:// ou https://',
      '5 Précision « à peu près » n’est pas une précision connue : écrivez exact, « plus de », « environ » ou « près de »',
      '6 Année « 20l9 » n’est pas une année',
      '7 Indicateur « Salariés — Centre international de Massy » apparaît deux fois pour cette année (aussi à la ligne 2) : gardez une seule ligne',
      '8 Valeur ne peut pas être négatif (saisi : -5)',
      '8 Titre de la source indiquez le titre de la source',
    ]);
    await shoot('import-broken');

    for (const [file, year, readAs] of [
      ['excel-fr-2019.csv', 2019, 'Fichier CSV lu comme Windows-1252'],
      ['libreoffice-2022.xlsx', 2022, 'Fichier lu comme classeur Excel'],
    ] as const) {
      await chooser.setInputFiles(FIXTURE(file));
      await page.getByRole('button', { name: 'Prévisualiser l’import' }).click();
      const preview = page.locator(`article.year[data-year="${year}"]`);
      await expect.poll(() => text(preview.locator('h3'))).toContain(`${year} :`);
      expect(await text(page.locator('#import-preview > p').first())).toContain(readAs);
      // The same figures as published, read from the staff's own format: nothing to change.
      expect(await text(preview)).toContain(
        'Aucun changement par rapport au brouillon ou à la version publiée.',
      );
      if (year === 2019) await shoot('import-excel-preview');
      await page.getByRole('button', { name: 'Importer comme brouillon' }).click();
      await expect.poll(() => text(page.locator('#import-done'))).toContain(`Ouvrir le brouillon de ${year}`);
      const draft = await draftOf(year);
      expect(draft?.figures).toEqual(SEEDED(year));
      expect(JSON.stringify(draft)).toMatch(/Présentation|Fédération protestante/);
      expect(JSON.stringify(draft)).not.toMatch(/[\u0080-\u009f\ufffd]|Ã©/);
    }

    // A year the rules do not accept opens no form. The page checks on the real clock (the
    // browser's and the server's, not CLOCK_AT), so the year beyond the rules comes from it too.
    for (const year of [1800, lastAllowedYear() + 1]) {
      await page.goto(`${running.system.origin}/admin/${year}`);
      await expect.poll(() => text(page.locator('h1'))).toBe('Cette page n’existe pas.');
      expect(await page.locator('fieldset.figure').count()).toBe(0);
    }
  });

  it('fits every admin screen at 375 and 1280 px, in French and English, with long notes and long source titles, axe clean', async () => {
    const year = NEXT - 1;
    const token = await staffToken(running.system, 'editor@example.org', 'editors');
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${running.system.origin}/api/v1/admin${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const { head } = (await (await admin('GET', `/years/${year}`)).json()) as { head: number };
    const long = (words: string, n: number) => Array.from({ length: n }, () => words).join(' ');
    const title =
      `${'Rapport-d’activité-et-de-financement-des-associations-partenaires-'.repeat(4)}${long('Présentation', 4)}`.slice(
        0,
        300,
      );
    const saved = await admin('PUT', `/years/${year}/draft`, {
      baseVersion: head,
      figures: [
        {
          metric: 'volunteers',
          value: 2700,
          qualifier: 'about',
          source: {
            title,
            url: `https://www.lacimade.org/${'tres-long-chemin/'.repeat(20)}rapport.pdf`,
            quote: long('une citation de la source sans fin', 25),
          },
          note: long('Note interne de recherche très longue', 25),
        },
      ],
      notes: long('Des notes sur l’année, longues, pour les lecteurs', 80),
    });
    expect(saved.status).toBe(200);
    const screens = ['/admin', `/admin/${year}`, `/admin/${year}/historique`, '/admin/import'];
    for (const prefix of ['', '/en'])
      for (const path of screens) {
        await page.goto(`${running.system.origin}${prefix}${path}`);
        await expect.poll(() => page.locator('h1').count()).toBe(1);
        await page.waitForLoadState('networkidle');
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
          await page.evaluate(() => document.fonts.ready);
          const where = `${prefix}${path} at ${width} px`;
          expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(
            width,
          );
          expect(await axeViolations(), where).toEqual([]);
          await page.screenshot({
            path: screenshotPath(
              `staff-long${prefix.replace('/', '-')}${path.replaceAll('/', '-')}-${width}`,
            ),
            fullPage: true,
          });
        }
      }
    // The publish dialog too, on a phone.
    const pub = await publisher(year);
    await pub.setViewportSize({ width: 375, height: 812 });
    await pub.getByRole('button', { name: 'Approuver et publier', exact: true }).click();
    await expect.poll(() => pub.locator('dialog[open]').count()).toBe(1);
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(pub)).toEqual([]);
    await confirmWith('Annuler', pub);
    await pub.setViewportSize({ width: 1280, height: 900 });
    // Back as it was for what follows: the draft goes.
    const now = (await (await admin('GET', `/years/${year}`)).json()) as { head: number };
    expect((await admin('DELETE', `/years/${year}/draft`, { baseVersion: now.head })).status).toBe(200);
  });

  it('speaks English at /en/admin, and signs out', async () => {
    await page.goto(`${running.system.origin}/en/admin`);
    await expect.poll(() => text(page.locator('h1'))).toBe('Years');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(plain(await page.locator(`tr[data-year="${NEXT}"]`).textContent())).toContain('26 November');
    expect(plain(await page.locator('table.years').textContent())).not.toMatch(/version \d|seed:/i);
    expect(await page.locator(`tr[data-year="${NEXT - 1}"]`).count()).toBe(0); // its only draft was discarded
    await shoot('years-en');
    await page.goto(`${running.system.origin}/en/admin/${NEXT}`);
    await expect.poll(() => field(0, 'Value').inputValue()).toBe('5000');
    await field(0, 'Value').fill('12.5');
    await expect
      .poll(() => text(figure(0).locator('.field-problems')))
      .toBe('✖ a count of people or things is a whole number (entered: 12.5)');
    await shoot('edit-en');
    await field(0, 'Value').fill('5000');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => text(page.locator('h1'))).toBe('Staff sign-in');
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('cimade-admin'))),
    ).toEqual([]);

    // Someone with an account but outside `editors` is told so, and sees no page.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/auth\/authorize\?/);
    await page.getByLabel('Adresse e-mail').fill('visitor@example.org');
    await page.getByLabel('Groupe').selectOption('');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${running.system.origin}/en/admin/${NEXT}`); // back where the sign-in started
    await expect
      .poll(() => text(page.getByRole('alert')))
      .toContain('The account visitor@example.org is not in the “editors” group');
    expect(await page.locator('fieldset.figure').count()).toBe(0);
  });
});
