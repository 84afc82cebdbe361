/**
 * End-to-end harness: the real reference server in-process, Debian Chromium driven by
 * playwright-core, and the built drop-in (`dist/quizwire.js`) served by the server.
 * Screenshots go to `artifacts/screenshots/` at the repository root (a CI artifact).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOTS = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../dist/quizwire.js', import.meta.url));

/** Why the e2e suite cannot run here, or null. In CI a missing piece is a failure, not a skip. */
export function missing(): string | null {
  const reason = !existsSync(CHROMIUM)
    ? `Chromium not found at ${CHROMIUM}`
    : !existsSync(BUNDLE)
      ? `${BUNDLE} is not built (npm run build)`
      : null;
  if (reason && process.env.CI === 'true') throw new Error(`e2e cannot run: ${reason}`);
  if (reason) console.warn(`\n!!! SKIPPED @quizwire/elements e2e: ${reason}\n`);
  return reason;
}

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A page that fails the test on any uncaught error and accepts confirm() dialogs. */
export async function openPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${url}: ${error.message}`));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(url);
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Text of a locator with whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Joins a game from the player page. */
export async function join(
  context: BrowserContext,
  httpUrl: string,
  code: string,
  nickname: string,
  errors: string[],
) {
  const page = await openPage(context, `${httpUrl}/play?code=${code}`, errors);
  await page.locator('qw-join input[name=nickname]').fill(nickname);
  await page.locator('qw-join [part=join-button]').click();
  await page.locator('qw-player qw-lobby, qw-player qw-duel').first().waitFor();
  return page;
}

/** The options of the open question on a player page, once it accepts answers. */
export function options(page: Page): Locator {
  return page.locator('qw-question [part=option][aria-disabled=false]');
}
