/**
 * Debian's Chromium driven by playwright-core: no browser download. Screenshots go to
 * test/.artifacts/ (ignored by git).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM } from './provision';
import { startSystem, type RunningSystem } from './system';

export { CHROMIUM };
export const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Loads axe-core into the page. Evaluated through DevTools, not added as an inline <script>:
 * the pages' CSP (script hashes, no 'unsafe-inline') rightly refuses an inline script it did
 * not write, and the audit must see the page with its real CSP.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, `${name}.png`);
}

/**
 * Full-page screenshots at a phone's 375 px and a desktop's 1280 px (`<name>-375.png`,
 * `<name>-1280.png`), each checked to scroll nowhere sideways; the page is left at 1280 px.
 */
export async function shootPhoneAndDesktop(page: Page, name: string): Promise<void> {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px`,
    ).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Signs staff in as people do: from `path`, through the local issuer's form (the stand-in for
 * Cognito's hosted UI), back to `path`.
 */
export async function signInThroughIssuer(
  page: Page,
  origin: string,
  path: string,
  email: string,
  group: 'editors' | 'publishers',
): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/auth\/authorize\?/);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Groupe').selectOption(group);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${origin}${path}`);
}

/**
 * The system as `npm start` runs it, and Chromium: started together before a browser suite and
 * stopped after it (call inside `describe`; the getters answer once `beforeAll` has run).
 */
export function systemAndBrowser(env?: Record<string, string>): {
  readonly system: RunningSystem;
  readonly browser: Browser;
} {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Settled, not all: when one fails (no Chromium), the other is still stopped in afterAll.
    // The journeys look at pages, not at a store slowed by a busy machine: the store gets 5 s
    // (not 1 s) before a page answers from its last figures with the « peut-être en retard »
    // notice, which would push a phone's first screen down. The deadline itself is tested by
    // test/resilience/store-outage.spec.ts against a frozen DynamoDB Local.
    const withDeadlines = { STORE_TIMEOUT_MS: '5000', CATALOGUE_TIMEOUT_MS: '2000', ...env };
    const [s, b] = await Promise.allSettled([startSystem({ env: withDeadlines }), launchChromium()]);
    if (s.status === 'fulfilled') system = s.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (b.status === 'rejected') throw b.reason;
    if (s.status === 'rejected') throw s.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop({ clean: true });
  });
  return {
    get system() {
      return system!;
    },
    get browser() {
      return browser!;
    },
  };
}
