// Shared set-up of the end-to-end tests: the whole demo (emulator, merchant app, catalogue) in this
// process on free ports of 127.0.0.1, a temporary SQLite file, and the system Chromium through
// playwright-core. Needs dist/ and custom-elements.json (scripts/run-e2e-tests.mjs makes them).
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {CHROME_ARGS, findChrome} from '../../scripts/find-chrome.mjs';
import {startDemo} from '../../demo/start-demo.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Emulator test cards (README, "Scenario cards"). */
export const CARDS = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  declined: '4000000000000002',
  threeDSecure: '4000000000003220',
  processing: '4000000000000077',
};

/** Starts the demo and a browser; `close()` stops both and deletes the database. */
export async function startAll() {
  const directory = mkdtempSync(join(tmpdir(), 'antom-e2e-'));
  const logLines = [];
  const demo = await startDemo({
    port: 0,
    database: join(directory, 'merchant.sqlite'),
    sandboxOptions: {processingDelayMs: 300, timeScale: 0.001},
    log: (line) => logLines.push(line),
  });
  const browser = await chromium.launch({executablePath: findChrome(), args: CHROME_ARGS});
  mkdirSync(SCREENSHOTS, {recursive: true});
  return {
    demo,
    browser,
    logLines,
    async close() {
      await browser.close();
      await demo.close();
      rmSync(directory, {recursive: true, force: true});
    },
  };
}

/** A fresh context and page; page errors are collected in `page.errors`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, ...options});
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

/** Types a card into the element the way a buyer does (key by key) and presses its button. */
export async function typeCardAndSubmit(page, cardNumber, {holderName = 'Ana Example'} = {}) {
  const field = (id) => page.locator(`antom-card-binding #${id}`);
  await field('cardNumber').pressSequentially(cardNumber);
  await field('expiry').pressSequentially(`12${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`);
  await field('cvc').pressSequentially('123');
  await field('holderName').pressSequentially(holderName);
  await page.locator('antom-card-binding [part~="submit-button"]').click();
}

/**
 * Screenshot options that keep card data out of the picture: the number, expiry and security
 * code inputs of every element on the page are painted over (test cards included: card data
 * never goes into a test artefact).
 */
export function cardSafe(page, options = {}) {
  const fields = ['#cardNumber', '#expiry', '#cvc'].map((id) => `antom-card-binding ${id}`).join(', ');
  return {...options, mask: [page.locator(fields)], maskColor: '#c8ccd2'};
}

/**
 * Resolves with the first truthy value of `check()` (sync or async), asked every `interval` ms;
 * rejects with `what` after `timeout` ms. For state outside the page (the emulator, SQLite); in the
 * page, use Playwright's own waits.
 */
export async function waitUntil(check, {what = 'the condition', timeout = 10_000, interval = 25} = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * A few pages shared by concurrent tests: `withPage(use)` lends one (waiting for a free one) and
 * takes it back. A page is one renderer thread, so a pool bounds how much runs at once.
 */
export function pagePool() {
  const pool = [];
  const waiting = [];
  return {
    add: (...pages) => pool.push(...pages),
    async withPage(use) {
      const own = pool.pop() ?? (await new Promise((resolve) => waiting.push(resolve)));
      try {
        return await use(own);
      } finally {
        const next = waiting.shift();
        if (next) next(own);
        else pool.push(own);
      }
    },
  };
}
