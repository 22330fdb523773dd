/**
 * The journal of changes, in real Chromium against the whole local system: an editor drafts
 * a year through the admin API, a different person in `publishers` publishes it; the journal
 * lists both, is filtered through its GET form, and its CSV and XLSX downloads open in
 * LibreOffice Calc in a French locale with the right cells: dates as dates (Paris time),
 * numbers as numbers, accents intact. Screenshots at 375 and 1280 px, axe-core clean in both themes.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';
import { parisTime } from '../../functions/src/core/audit';
import { readInCalc, showInCalc } from '../support/calc';
import { injectAxe, shootPhoneAndDesktop, systemAndBrowser } from '../support/browser';
import { plain } from './pages';

const CLOCK_AT = '2026-11-26T12:00:00Z';
const YEAR = 2024;
const EDITOR = 'anne.editrice@example.org';
const PUBLISHER = 'paul.publieur@example.org';
const REASON = 'Chiffres révisés après l’été : « rapport définitif »';

describe('the journal of changes', () => {
  const running = systemAndBrowser({ CLOCK_AT });
  let page: Page;
  let editor: string;
  let publisher: string;
  let publishedAt: string;
  let before: number;

  const api = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${running.system.origin}/api/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return res;
  };
  const text = async (selector: string) =>
    plain(await page.locator(selector).first().textContent({ timeout: 5_000 }));

  beforeAll(async () => {
    const key = await loadSigningKey(join(running.system.dataDir, 'auth'));
    editor = await signStaffToken(key, { email: EDITOR, groups: ['editors'] });
    publisher = await signStaffToken(key, { email: PUBLISHER, groups: ['publishers'] });
    const context = await running.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await context.addInitScript((token) => sessionStorage.setItem('cimade-admin:id-token', token), editor);
    page = await context.newPage();
  });

  it('lists a draft by one person and its publication by another, filters them, and downloads them', async () => {
    // Real changes through the admin API: Anne drafts, Paul (publishers) publishes.
    const state = (await (await api(editor, 'GET', `/years/${YEAR}`)).json()) as {
      head: number;
      published: { figures: { metric: string; value: number }[] };
    };
    const figures = state.published.figures.map((f) => ({ ...f }));
    const changed = figures.find((f) => f.metric === 'volunteers') ?? figures[0]!;
    before = changed.value;
    changed.value = before + 1;
    const saved = await api(editor, 'PUT', `/years/${YEAR}/draft`, { baseVersion: state.head, figures });
    expect(saved.status).toBe(200);
    const published = await api(publisher, 'POST', `/years/${YEAR}/publish`, {
      baseVersion: state.head + 1,
      reason: REASON,
    });
    expect(published.status).toBe(200);
    publishedAt = ((await published.json()) as { record: { savedAt: string } }).record.savedAt;
    const day = parisTime(publishedAt).day;

    await page.goto(`${running.system.origin}/admin/journal`);
    await expect.poll(() => text('h1')).toBe('Journal des modifications');
    // The page reads the journal from the API after it loads: on a busy machine, seconds.
    await expect
      .poll(() => page.locator('table.journal tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(2);
    // Newest first: the publication, then the draft (the seed ran at the machine's time, not the pinned clock).
    const ours = async () =>
      (
        await page
          .locator('table.journal tbody tr')
          .evaluateAll((rows) =>
            rows.map((r) => [r.getAttribute('data-kind'), r.querySelector('.who')?.textContent]),
          )
      ).filter(([, who]) => who === EDITOR || who === PUBLISHER);
    expect(await ours()).toEqual([
      ['year.publish', PUBLISHER],
      ['year.save', EDITOR],
    ]);
    const first = page.locator('table.journal tbody tr[data-kind="year.publish"]').first();
    expect(await first.getByRole('link', { name: `Année ${YEAR}` }).getAttribute('href')).toBe(
      `/admin/${YEAR}/historique`,
    );

    // The GET form: Paul's changes on the day of the publication.
    await page.getByLabel('Personne').selectOption(PUBLISHER);
    await page.getByLabel('Du').fill(day);
    await page.getByLabel('Au').fill(day);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(
      (u) => u.searchParams.get('person') === PUBLISHER && u.searchParams.get('from') === day,
    );
    await expect.poll(() => text('[data-testid="count"]')).toBe('1 modification');
    const row = plain(await page.locator('table.journal tbody tr').first().textContent());
    expect(row).toContain('Publication');
    expect(row).toContain(
      `Bénévoles, valeur : ${before.toLocaleString('fr-FR')} → ${(before + 1).toLocaleString('fr-FR')}`.replace(
        /\s/g,
        ' ',
      ),
    );
    expect(row).toContain(`Raison : « ${REASON} »`);
    await shoot('filtered');

    // The same period's files, as the buttons give them.
    const csv = await download('CSV pour Excel');
    expect(csv.name).toBe(`cimade-journal-${day}-${day}.csv`);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await download('Classeur Excel (XLSX)');
    expect(xlsx.name).toBe(`cimade-journal-${day}-${day}.xlsx`);

    const { day: d, time } = parisTime(publishedAt);
    const wallClock = new Date(`${d}T${time}Z`);
    const header = [
      'Date (heure de Paris)',
      'Personne',
      'Modification',
      'Code',
      'Objet',
      'Année',
      'Version',
      'Indicateur',
      'Champ',
      'Avant',
      'Après',
      'Commentaire',
      'Publication prévue (heure de Paris)',
    ];
    const row1 = [
      wallClock,
      PUBLISHER,
      'Publication',
      'year.publish',
      `Année ${YEAR}`,
      YEAR,
      expect.any(Number),
      'Bénévoles',
      'valeur',
      before,
      before + 1,
      REASON,
      null, // a publication staff made now, for no scheduled time
    ];
    for (const file of [csv, xlsx]) {
      const cells = await readInCalc(file.bytes, file.name);
      expect(cells, file.name).toEqual([header, row1]);
      expect(cells[1]![0], file.name).toBeInstanceOf(Date);
      // As Calc shows them in a French locale: the date in Paris time, the accents as written.
      const shown = await showInCalc(file.bytes, file.name);
      expect(shown[1]![0], file.name).toMatch(
        new RegExp(`^${d.slice(8, 10)}/${d.slice(5, 7)}/(20)?${d.slice(2, 4)} ${time.slice(0, 5)}`),
      );
      expect(shown[1]![11], file.name).toBe(REASON);
    }
  }, 600_000);

  it('names a malformed filter, and speaks English at /en/admin/journal', async () => {
    await page.goto(`${running.system.origin}/admin/journal?year=20x4&from=2026-02-30`);
    await expect
      .poll(() => page.locator('[data-testid="bad-filters"] li').allTextContents())
      .toEqual(['Année\u202f: une année de quatre chiffres', 'Du\u202f: un jour (jj/mm/aaaa)']);
    await page.goto(`${running.system.origin}/en/admin/journal?kind=year.publish`);
    await expect.poll(() => text('h1')).toBe('Audit log');
    await expect
      .poll(() => page.locator('table.journal tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const kinds = await page
      .locator('table.journal tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['year.publish']));
    expect(await text('table.journal tbody tr')).toContain('Publication');
    expect(await page.getByLabel('Kind of change').inputValue()).toBe('year.publish');
    await shoot('en');
  }, 300_000);

  async function download(button: string): Promise<{ name: string; bytes: Uint8Array }> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: button }).click(),
    ]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
  }

  /** A full-page screenshot at a phone's width and a desktop's; nothing wider than the phone. */
  async function shoot(name: string) {
    await shootPhoneAndDesktop(page, `journal-${name}`);
    await injectAxe(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        return (await axe.run()).violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      });
      expect(violations, `${name}, ${colorScheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
});
