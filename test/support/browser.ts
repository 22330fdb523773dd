/**
 * Debian's Chromium driven by playwright-core: no browser download. Screenshots go to
 * test/.artifacts/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSystem, type RunningSystem } from './system';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, `${name}.png`);
}

/**
 * The system as `npm start` runs it, and Chromium: started together before a browser suite and
 * stopped after it (call inside `describe`; the getters answer once `beforeAll` has run).
 */
export function systemAndBrowser(env?: Record<string, string>): { readonly system: RunningSystem; readonly browser: Browser } {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [system, browser] = await Promise.all([startSystem({ env }), launchChromium()]);
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
