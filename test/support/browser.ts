/**
 * What the end-to-end tests share: where the built renderer and the screenshots are, and Debian's
 * Chromium driven by playwright-core with the flags this machine needs.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDir = resolve(root, 'out/renderer');
export const resultsDir = resolve(root, 'test-results');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** How long the page may take to show an answer (the first call warms up the driver's pool). */
export const UI_TIMEOUT = 30_000;

export function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: `npm test` installs it (apt-get install chromium).');
  }
}

/** The text of the (first) element with this test id. */
export function text(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).first().innerText({ timeout: UI_TIMEOUT });
}

/**
 * Opens a page at `url`, collecting console errors and uncaught exceptions (a CSP violation shows
 * up there) into `errors`.
 */
export async function openPage(
  context: BrowserContext,
  url: string,
  errors: string[] = [],
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(url);
  return { page, errors };
}

/** Chromium with one 1440×900 page open at `url`; errors on the page are collected in `errors`. */
export async function launchApp(
  url: string,
  errors: string[],
): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  await mkdir(resultsDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const { page } = await openPage(context, url, errors);
  return { browser, context, page };
}
