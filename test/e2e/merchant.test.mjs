// The sample merchant app end to end: the buyer's browser (Chromium) on the "Binding management"
// page, the merchant server with SQLite, and the local Antom sandbox emulator. Relay mode (the
// default: the card goes to the merchant's own relay, which calls vaultPaymentMethod) first, then
// the direct sandbox mode chosen with the page's "Card route" switch.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {AxeBuilder} from '@axe-core/playwright';
import {startMerchantApp} from '../../demo/merchant/server.mjs';
import {CARDS, ROOT, SCREENSHOTS, newPage, startAll, typeCardAndSubmit, cardSafe, waitUntil} from './helpers.mjs';

const BUYER = 'buyer-0001';
const RELAY_LABEL = 'Your server (relay, vaultPaymentMethod)';
const DIRECT_LABEL = 'Sandbox direct (demo only)';

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

/** Axe on the whole page (legacy mode: no frames here, and it is three times faster). */
async function assertAccessible(page, when) {
  const {violations} = await new AxeBuilder({page}).setLegacyMode(true).options({resultTypes: ['violations']}).analyze();
  assert.deepEqual(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], `axe ${when}`);
}

const rows = (page) => page.locator('#cards li[data-card-id]');
/** The page's and the element's "Add card" buttons that a buyer can see (and press). */
const addCardButtons = (page) => page.getByRole('button', {name: 'Add card', exact: true});
/** Result codes as the gateway spells them (DO_NOT_HONOR, USER_PAYMENT_VERIFICATION_FAILED...). */
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;
/** What the buyer can read: the rendered text of the page and of the element (closed <details> excluded). */
const visibleText = (page) =>
  page.evaluate(() => {
    const shadow = document.querySelector('antom-card-binding')?.shadowRoot;
    return [document.body.innerText, ...[...(shadow?.children ?? [])].map((element) => element.innerText ?? '')].join('\n');
  });
/** Horizontal overflow of the document in CSS pixels (0 when it fits). */
const overflowX = (page) => page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
const binding = (vaultingRequestId) => env.demo.sandbox.bindings().find((entry) => entry.vaultingRequestId === vaultingRequestId);
/** The emulator's record once its notification was acknowledged by the merchant. */
const notified = (vaultingRequestId) =>
  waitUntil(() => (binding(vaultingRequestId)?.notification.acknowledged ? binding(vaultingRequestId) : null), {
    what: `the notification of ${vaultingRequestId}`,
  });

/** Opens the app; returns the document's response (its headers carry the CSP). */
async function openApp(page, search = '') {
  const response = await page.goto(new URL(`/${search}`, env.demo.urls.merchant).href);
  await page.waitForSelector('body[data-ready]');
  return response;
}

/** Clicks "Add card"; returns the session the page got ({mode, vaultingRequestId, ...}). */
async function openAddCard(page) {
  const [session] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/vaulting-session')).then((response) => response.json()),
    page.getByRole('button', {name: 'Add card'}).click(),
  ]);
  await page.locator('antom-card-binding #cardNumber').waitFor();
  return session;
}

/** Removes a card through the page: its Remove button, then "Remove card" in the confirmation. */
async function removeCard(page, button) {
  await button.click();
  const dialog = page.getByRole('dialog', {name: 'Remove this card?'});
  await dialog.waitFor();
  await dialog.getByRole('button', {name: 'Remove card'}).click();
  await dialog.waitFor({state: 'hidden'});
}

/** Removes every card the buyer has, through the page, so each test starts from an empty list. */
async function removeAll(page) {
  while ((await rows(page).count()) > 0) {
    const before = await rows(page).count();
    await removeCard(page, page.getByRole('button', {name: /^Remove /}).first());
    await waitUntil(async () => (await rows(page).count()) < before, {what: 'the card to go'});
  }
  await page.locator('#no-cards').waitFor();
}

/** Puts cards in the buyer's list straight through the store (layout tests); returns their ids. */
function seedCards(cards) {
  return cards.map(([brand, maskedCardNo], index) => {
    const vaultingRequestId = `vr-seed-${Date.now()}-${index}`;
    env.demo.merchant.store.startVaulting({vaultingRequestId, buyerId: BUYER, vaultingSessionId: null, mode: 'relay'});
    env.demo.merchant.store.applyOutcome({vaultingRequestId, status: 'SUCCESS', card: {cardToken: `seed-token-${index}`, brand, maskedCardNo}});
    return env.demo.merchant.store.cards(BUYER).find((entry) => entry.vaultingRequestId === vaultingRequestId).id;
  });
}

/** WCAG contrast ratio of two computed CSS colours (rgb()/rgba(), opaque). */
function contrast(foreground, background) {
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Collects the text of every response the merchant origin sends the page (the event stream aside,
 * which never ends). `texts()` waits for them all.
 */
function recordResponses(page) {
  const pending = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(env.demo.merchant.url) || response.url().endsWith('/api/cards/events')) return;
    pending.push(response.text().catch(() => ''));
  });
  return {texts: () => Promise.all(pending)};
}

/** Everything the page holds as markup: the document and the element's shadow root. */
const pageMarkup = (page) =>
  page.evaluate(() => document.documentElement.outerHTML + (document.querySelector('antom-card-binding')?.shadowRoot?.innerHTML ?? ''));

describe('sample merchant app, relay mode (default)', () => {
  test('binds a card once through the relay: vaultPaymentMethod at the emulator, listed without a reload, no token in the page', async () => {
    const page = await newPage(env.browser);
    const responses = recordResponses(page);
    const documentResponse = await openApp(page);
    const csp = documentResponse.headers()['content-security-policy'];
    assert.match(csp, /connect-src 'self';/, 'relay mode posts the card same-origin only');
    assert.ok(!csp.includes(env.demo.sandbox.url), 'the emulator is not a connect-src in relay mode');
    assert.equal(await page.getByRole('radio', {name: RELAY_LABEL}).isChecked(), true);
    assert.match(await page.locator('#route-active').innerText(), /Active route: your server/);
    assert.equal(await rows(page).count(), 0);
    await page.evaluate(() => (window.notReloaded = true));

    assert.equal(await addCardButtons(page).count(), 1, 'one Add card button: the page’s');
    const session = await openAddCard(page);
    assert.equal(session.mode, 'relay');
    assert.equal(await addCardButtons(page).count(), 1, 'one Add card button with the form open: the element’s');
    assert.equal(await page.locator('#add-card').isHidden(), true, 'the page’s button is gone while the form is open');
    await assertAccessible(page, 'with the card form open');
    const submits = [];
    page.on('request', (request) => request.method() === 'POST' && submits.push(request.url()));
    await typeCardAndSubmit(page, CARDS.visa);
    await page.locator('antom-card-binding [part~="alert"][data-view="success"]').waitFor();
    await rows(page).filter({hasText: '4242'}).waitFor();
    assert.deepEqual(submits, [`${env.demo.merchant.url}/api/cards/submit`], 'the card went to the merchant, not to the emulator');
    await assertAccessible(page, 'with a card listed');
    assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page did not reload');
    assert.match(await rows(page).first().innerText(), /Visa\s+•••• 4242/);
    assert.match(await page.locator('#status').innerText(), /Visa ending in 4242 was added/);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-card-added.png')}));

    // The emulator vaulted it through vaultPaymentMethod, with the session's own id (attempt 1),
    // and its notification repeats what the relay's answer already stored.
    const record = await notified(session.vaultingRequestId);
    assert.equal(record.api, 'vaultPaymentMethod');
    assert.equal(record.state, 'SUCCESS');
    assert.equal(record.vaultingSessionId, null);
    const token = record.card.cardToken;
    assert.ok(token, 'the emulator issued a card token');
    assert.equal(env.demo.sandbox.bindings().filter((entry) => entry.vaultingRequestId.startsWith(session.vaultingRequestId)).length, 1);

    const stored = env.demo.merchant.store.cards(BUYER);
    assert.equal(stored.length, 1, 'stored exactly once');
    assert.equal(stored[0].brand, 'VISA');
    assert.equal(stored[0].maskedCardNo, '************4242');
    assert.equal(stored[0].vaultingRequestId, session.vaultingRequestId);
    assert.ok(!('cardToken' in stored[0]), 'the page-facing list has no token');
    const vaulting = env.demo.merchant.store.vaulting(session.vaultingRequestId);
    assert.equal(vaulting.mode, 'relay');
    assert.equal(vaulting.status, 'SUCCESS');
    const tokenRow = env.demo.merchant.store.db.prepare('SELECT card_token FROM cards WHERE vaulting_request_id = ?').get(session.vaultingRequestId);
    assert.equal(tokenRow.card_token, token, 'the merchant keeps the token Antom issued');
    assert.equal((await env.demo.merchant.relay.findSession(session.vaultingRequestId)).state, 'BOUND');

    // The token never reaches the browser: not in the markup, not in /api/cards, not in any answer.
    assert.equal(await rows(page).count(), 1, 'listed exactly once');
    assert.ok(!(await pageMarkup(page)).includes(token), 'the token is not in the page');
    const cardsJson = await page.evaluate(() => fetch('/api/cards').then((response) => response.text()));
    assert.ok(!cardsJson.includes(token), 'the token is not in /api/cards');
    assert.equal(JSON.parse(cardsJson).length, 1);
    for (const text of await responses.texts()) assert.ok(!text.includes(token), 'no response to the page holds the token');

    await page.reload();
    await page.waitForSelector('body[data-ready]');
    assert.equal(await rows(page).count(), 1, 'the card is still there, once, after a reload');

    // Remove asks first: a modal dialog with the focus on "Keep card"; keeping (or Escape) keeps the card.
    const remove = page.getByRole('button', {name: 'Remove Visa ending in 4242'});
    const dialog = page.getByRole('dialog', {name: 'Remove this card?'});
    await remove.click();
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Visa ending in 4242 will be removed/);
    assert.equal(await dialog.getByRole('button', {name: 'Keep card'}).evaluate((element) => element === document.activeElement), true, 'focus on Keep card');
    await assertAccessible(page, 'with the Remove confirmation open');
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-remove-confirm.png')}));
    await dialog.getByRole('button', {name: 'Keep card'}).click();
    await dialog.waitFor({state: 'hidden'});
    assert.equal(await remove.evaluate((element) => element === document.activeElement), true, 'focus back on Remove');
    await remove.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({state: 'hidden'});
    assert.equal(await rows(page).count(), 1, 'cancelled twice: the card stays');
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 1);

    // By keyboard: Enter on Remove, Tab from "Keep card" to "Remove card", Enter.
    await remove.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await dialog.getByRole('button', {name: 'Remove card'}).evaluate((element) => element === document.activeElement), true);
    await page.keyboard.press('Enter');
    await page.locator('#no-cards').waitFor();
    assert.equal(await rows(page).count(), 0);
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 0);
    assert.match(await page.locator('#status').innerText(), /Visa ending in 4242 was removed/);
    assert.equal(await page.locator('#cards-heading').evaluate((element) => element === document.activeElement), true, 'focus on the list heading');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a decline, then another card in the same element session: the declined attempt does not close the session; one card is bound', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    const session = await openAddCard(page);
    await typeCardAndSubmit(page, CARDS.declined);
    await page.locator('antom-card-binding [part~="alert"][data-view="declined"]').waitFor();
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-declined.png')}));
    assert.match(await page.locator('#status').innerText(), /declined and not added/);
    assert.equal(await page.locator('#status').getAttribute('data-tone'), 'error');
    assert.equal(await rows(page).count(), 0);
    // Buyer words only: DO_NOT_HONOR is in the collapsed details (for support), not in the visible text.
    const shown = await visibleText(page);
    assert.ok(!RAW_CODE.test(shown), `no result code in the visible page: ${shown.match(RAW_CODE)?.[0]}`);
    assert.match(await page.locator('#status details').textContent(), /DO_NOT_HONOR/);
    await assertAccessible(page, 'with the declined banner');

    // In relay mode Antom notifies the declined attempt (F): the merchant records it, the session stays open.
    const declined = await notified(session.vaultingRequestId);
    assert.equal(declined.api, 'vaultPaymentMethod');
    assert.equal(declined.state, 'FAIL');
    assert.equal(declined.resultCode, 'DO_NOT_HONOR');
    assert.equal(env.demo.merchant.store.vaulting(session.vaultingRequestId).status, 'PENDING', 'a declined attempt does not close the session');
    assert.deepEqual(
      env.demo.merchant.store.attempts(session.vaultingRequestId).map(({vaultingRequestId, attempt, status, resultCode}) => ({vaultingRequestId, attempt, status, resultCode})),
      [{vaultingRequestId: session.vaultingRequestId, attempt: 1, status: 'FAIL', resultCode: 'DO_NOT_HONOR'}],
    );

    // "Try again": the banner about the declined attempt goes with the element's alert.
    await page.locator('antom-card-binding [part~="alert-action"]').click();
    await page.locator('#status:empty').waitFor({state: 'attached'});
    assert.equal(await page.locator('#status').isHidden(), true, 'the banner is cleared on Try again');
    for (const id of ['cardNumber', 'expiry', 'cvc', 'holderName']) await page.locator(`antom-card-binding #${id}`).fill('');
    await typeCardAndSubmit(page, CARDS.visa);
    await page.locator('antom-card-binding [part~="alert"][data-view="success"]').waitFor();
    await rows(page).filter({hasText: '4242'}).waitFor();

    // The second attempt is its own vaulting at Antom: <id>-2.
    const second = await notified(`${session.vaultingRequestId}-2`);
    assert.equal(second.api, 'vaultPaymentMethod');
    assert.equal(second.state, 'SUCCESS');
    assert.equal((await env.demo.merchant.relay.findAttempt(second.vaultingRequestId)).sessionVaultingRequestId, session.vaultingRequestId);
    assert.equal(env.demo.merchant.store.vaulting(session.vaultingRequestId).status, 'SUCCESS');
    assert.deepEqual(
      env.demo.merchant.store.attempts(session.vaultingRequestId).map(({attempt, status}) => `${attempt}:${status}`),
      ['1:FAIL', '2:SUCCESS'],
    );
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 1, 'bound once');
    assert.equal(await rows(page).count(), 1);
    assert.match(await rows(page).first().innerText(), /Visa\s+•••• 4242/);
    assert.deepEqual(page.errors, []);

    await removeAll(page);
    await page.context().close();
  });

  test('the relay’s limit of declined attempts closes the session: the fifth decline is final', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    const session = await openAddCard(page);
    const declinedView = page.locator('antom-card-binding [part~="alert"][data-view="declined"]');
    await typeCardAndSubmit(page, CARDS.declined);
    for (let attempt = 2; attempt <= 5; attempt++) {
      await declinedView.waitFor();
      // "Try again" returns to the filled form; the element sends it with a new Idempotency-Key.
      assert.match(await page.locator('#status').innerText(), /declined/);
      await page.locator('antom-card-binding [part~="alert-action"]').click();
      await page.locator('#status:empty').waitFor({state: 'attached'}); // the banner is cleared before the next attempt
      await page.locator('antom-card-binding [part~="submit-button"]').click();
      await waitUntil(() => binding(`${session.vaultingRequestId}-${attempt}`), {what: `attempt ${attempt} at the emulator`});
    }
    await declinedView.waitFor();
    assert.equal((await env.demo.merchant.relay.findSession(session.vaultingRequestId)).state, 'CLOSED');
    await waitUntil(() => env.demo.merchant.store.vaulting(session.vaultingRequestId).status === 'FAIL', {what: 'the session to be final'});
    assert.equal(env.demo.merchant.store.vaulting(session.vaultingRequestId).result_code, 'DO_NOT_HONOR');
    assert.equal(env.demo.merchant.store.attempts(session.vaultingRequestId).length, 5);
    for (let attempt = 1; attempt <= 5; attempt++) await notified(attempt === 1 ? session.vaultingRequestId : `${session.vaultingRequestId}-${attempt}`);
    assert.equal(env.demo.merchant.store.vaulting(session.vaultingRequestId).status, 'FAIL', 'the late notifications change nothing');
    assert.equal(await rows(page).count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a card Antom is still processing: the relay answers PROCESSING, the notification adds the card to the open page', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    const session = await openAddCard(page);
    const [reply] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/cards/submit')).then((response) => response.json()),
      typeCardAndSubmit(page, CARDS.processing),
    ]);
    assert.equal(reply.status, 'PROCESSING');
    await page.locator('antom-card-binding [part~="alert"][data-view="processing"]').waitFor();
    // processingDelayMs later the emulator notifies S; the list updates by server-sent event.
    await rows(page).filter({hasText: '0077'}).waitFor();
    assert.equal(env.demo.merchant.store.vaulting(session.vaultingRequestId).status, 'SUCCESS');
    assert.equal((await notified(session.vaultingRequestId)).api, 'vaultPaymentMethod');
    assert.deepEqual(env.demo.merchant.store.attempts(session.vaultingRequestId).map(({status}) => status), ['SUCCESS']);
    assert.equal(await rows(page).count(), 1);
    assert.deepEqual(page.errors, []);
    await removeAll(page);
    await page.context().close();
  });

  test('3-D Secure: the emulator’s challenge page, "Pass verification", back to the app with the card listed', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    const session = await openAddCard(page);
    await typeCardAndSubmit(page, CARDS.threeDSecure);
    await page.waitForURL(/\/__sandbox\/3ds\//);
    assert.ok(page.url().startsWith(env.demo.sandbox.url), 'the challenge page is the emulator’s');
    assert.equal(binding(session.vaultingRequestId).api, 'vaultPaymentMethod');
    assert.equal(binding(session.vaultingRequestId).state, 'CHALLENGE');
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 0, 'nothing is stored before the verification');
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-3ds-challenge.png')}));
    // The merchant's answers are held back (a slow server): the page shows the pending verification meanwhile.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\/api\/(vaultings\/[^/]+|cards)$/, async (route) => {
      await held;
      await route.continue().catch(() => {}); // a request of the document before the reload is gone
    });
    await page.getByRole('button', {name: 'Pass verification'}).click();

    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    const pendingEntry = page.locator('#cards #pending-card');
    await pendingEntry.waitFor();
    assert.match(await pendingEntry.innerText(), /verification pending/);
    assert.equal(await pendingEntry.getAttribute('aria-busy'), 'true');
    assert.match(await page.locator('#status').innerText(), /Your bank is verifying the card/);
    assert.equal(await page.locator('#status').getAttribute('data-tone'), 'pending');
    assert.equal(await page.locator('#no-cards').isHidden(), true, 'not "no saved cards" while one is being verified');
    await page.screenshot({path: join(SCREENSHOTS, 'merchant-3ds-pending.png')});
    // A reload (the return query is gone by now) keeps waiting for the same verification.
    assert.equal(new URL(page.url()).search, '');
    await page.reload();
    await pendingEntry.waitFor();
    assert.match(await page.locator('#status').innerText(), /Your bank is verifying the card/);
    release();
    await page.waitForSelector('body[data-ready]');
    await rows(page).filter({hasText: '3220'}).waitFor();
    await pendingEntry.waitFor({state: 'detached'});
    await page.unroute(/\/api\/(vaultings\/[^/]+|cards)$/);
    assert.match(await page.locator('#status').innerText(), /verified and added/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('demo-shop:pending-verification')), null, 'nothing left to wait for');
    assert.equal(new URL(page.url()).search, '', 'the return query is gone; relay is the default mode');
    assert.equal(await page.getByRole('radio', {name: RELAY_LABEL}).isChecked(), true);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-3ds-returned.png')}));
    await notified(session.vaultingRequestId);
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 1);
    assert.equal(await rows(page).count(), 1);
    assert.deepEqual(page.errors, []);

    await removeAll(page);
    await page.context().close();
  });

  test('3-D Secure failed: "Fail verification" stores nothing and the page says so', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    const session = await openAddCard(page);
    await typeCardAndSubmit(page, CARDS.threeDSecure);
    await page.waitForURL(/\/__sandbox\/3ds\//);
    const consoleLines = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.getByRole('button', {name: 'Fail verification'}).click();
    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.locator('#status').filter({hasText: 'Your bank could not verify the card'}).waitFor();
    assert.equal(await page.locator('#status').getAttribute('data-tone'), 'error');
    assert.equal(await page.locator('#pending-card').count(), 0, 'no longer pending');
    // The result code is for developers: the console and the collapsed details, not the visible page.
    const shown = await visibleText(page);
    assert.ok(!RAW_CODE.test(shown), `no result code in the visible page: ${shown.match(RAW_CODE)?.[0]}`);
    assert.match(await page.locator('#status details').textContent(), /USER_PAYMENT_VERIFICATION_FAILED/);
    assert.ok(consoleLines.some((line) => line.includes('USER_PAYMENT_VERIFICATION_FAILED')), 'the code is in the console');
    await page.screenshot({path: join(SCREENSHOTS, 'merchant-3ds-failed.png')});
    assert.equal(await rows(page).count(), 0);
    await notified(session.vaultingRequestId);
    const vaulting = env.demo.merchant.store.vaulting(session.vaultingRequestId);
    assert.equal(vaulting.status, 'FAIL', 'a failed challenge ends the session: it takes no more cards');
    assert.equal(vaulting.result_code, 'USER_PAYMENT_VERIFICATION_FAILED');
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 0);
    assert.equal(await rows(page).count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  for (const width of [320, 390]) {
    test(`at ${width} px, light and dark: the list with Remove buttons, the banner, the form and the confirmation fit without horizontal scrolling, and pass axe`, async () => {
      const seeded = seedCards([['VISA', '************4242'], ['MASTERCARD', '************4444']]);
      for (const colorScheme of ['light', 'dark']) {
        const page = await newPage(env.browser, {viewport: {width, height: 844}, isMobile: true, hasTouch: true, colorScheme});
        await openApp(page);
        assert.equal(await rows(page).count(), 2);
        assert.ok((await overflowX(page)) <= 0, `the list fits at ${width} px (${await overflowX(page)}px too wide)`);
        for (const button of await page.getByRole('button', {name: /^Remove /}).all()) {
          const box = await button.boundingBox();
          assert.ok(box.x >= 0 && box.x + box.width <= width, `${await button.getAttribute('aria-label')} is on screen`);
        }
        await page.screenshot({path: join(SCREENSHOTS, `merchant-list-${width}-${colorScheme}.png`), fullPage: true});
        await assertAccessible(page, `the list at ${width} px, ${colorScheme}`);

        await openAddCard(page);
        await typeCardAndSubmit(page, CARDS.declined);
        await page.locator('antom-card-binding [part~="alert"][data-view="declined"]').waitFor();
        await page.locator('#status[data-tone="error"]').waitFor();
        assert.ok((await overflowX(page)) <= 0, `the form and the banner fit at ${width} px (${await overflowX(page)}px too wide)`);
        await assertAccessible(page, `the declined form at ${width} px, ${colorScheme}`);
        await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, `merchant-declined-${width}-${colorScheme}.png`), fullPage: true}));

        await page.getByRole('button', {name: /^Remove /}).first().click();
        const dialog = page.getByRole('dialog', {name: 'Remove this card?'});
        await dialog.waitFor();
        const box = await dialog.boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= width, 'the confirmation is on screen');
        assert.ok((await overflowX(page)) <= 0, `the confirmation fits at ${width} px`);
        await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, `merchant-confirm-${width}-${colorScheme}.png`)}));
        await dialog.getByRole('button', {name: 'Keep card'}).click();
        assert.equal(await rows(page).count(), 2);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
      for (const id of seeded) env.demo.merchant.store.removeCard(BUYER, id);
    });
  }

  test('dark mode: the app and the emulator’s 3-D Secure page follow prefers-color-scheme with readable contrast', async () => {
    const page = await newPage(env.browser, {colorScheme: 'dark'});
    await openApp(page);
    const appColors = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        return {scheme: style.colorScheme, text: style.color, background: style.backgroundColor};
      });
    const darkApp = await appColors();
    assert.match(darkApp.scheme, /dark/, 'the page says color-scheme dark (the element follows it)');
    assert.ok(contrast(darkApp.text, darkApp.background) >= 7, `app text contrast ${contrast(darkApp.text, darkApp.background).toFixed(2)}`);
    await openAddCard(page);
    const field = await page.locator('antom-card-binding #cardNumber').evaluate((input) => {
      const style = getComputedStyle(input);
      return {text: style.color, background: style.backgroundColor};
    });
    assert.ok(contrast(field.text, field.background) >= 4.5, `the element's field is readable in dark mode (${contrast(field.text, field.background).toFixed(2)})`);
    await assertAccessible(page, 'the app in dark mode');
    await page.emulateMedia({colorScheme: 'light'});
    const lightApp = await appColors();
    assert.notEqual(lightApp.background, darkApp.background, 'the app changes with the scheme');

    await typeCardAndSubmit(page, CARDS.threeDSecure);
    await page.waitForURL(/\/__sandbox\/3ds\//);
    const challengeColors = () =>
      page.evaluate(() => {
        const colors = (selector) => {
          const element = document.querySelector(selector);
          let background = 'rgba(0, 0, 0, 0)';
          for (let node = element; node && /rgba\(.*, 0\)$/.test(background); node = node.parentElement) background = getComputedStyle(node).backgroundColor;
          return {text: getComputedStyle(element).color, background};
        };
        return {page: colors('h1'), note: colors('.note'), pass: colors('button[value="pass"]'), fail: colors('button[value="fail"]'), hint: colors('.hint')};
      });
    const light = await challengeColors();
    await page.emulateMedia({colorScheme: 'dark'});
    const dark = await challengeColors();
    assert.notEqual(dark.page.background, light.page.background, 'the 3-D Secure page has a dark background in dark mode');
    assert.notEqual(dark.page.text, light.page.text, 'and light text');
    for (const [name, colors] of Object.entries(dark)) {
      assert.ok(contrast(colors.text, colors.background) >= 4.5, `dark ${name}: contrast ${contrast(colors.text, colors.background).toFixed(2)} (${colors.text} on ${colors.background})`);
    }
    for (const [name, colors] of Object.entries(light)) {
      assert.ok(contrast(colors.text, colors.background) >= 4.5, `light ${name}: contrast ${contrast(colors.text, colors.background).toFixed(2)}`);
    }
    await assertAccessible(page, 'the 3-D Secure page in dark mode');
    await page.screenshot({path: join(SCREENSHOTS, 'merchant-3ds-challenge-dark.png')});
    for (const width of [320, 390]) {
      await page.setViewportSize({width, height: 800});
      assert.ok((await overflowX(page)) <= 0, `the 3-D Secure page fits at ${width} px`);
      await page.screenshot({path: join(SCREENSHOTS, `merchant-3ds-challenge-${width}-dark.png`), fullPage: true});
    }
    // Finish the challenge so the session is final.
    await page.getByRole('button', {name: 'Fail verification'}).click();
    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.locator('#status[data-tone="error"]').waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('sample merchant app, direct sandbox mode', () => {
  test('the switch (keyboard) picks the direct route: the card goes to the emulator and is bound through createVaultingSession', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    // Arrow keys move within the radio group; the change reloads the page in the other mode.
    await page.getByRole('radio', {name: RELAY_LABEL}).focus();
    const [documentResponse] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/' && response.request().resourceType() === 'document'),
      page.keyboard.press('ArrowDown'),
    ]);
    await page.waitForURL((url) => url.search === '?mode=direct');
    await page.waitForSelector('body[data-ready]');
    assert.ok(documentResponse.headers()['content-security-policy'].includes(`connect-src 'self' ${env.demo.sandbox.url}`));
    const direct = page.getByRole('radio', {name: DIRECT_LABEL});
    assert.equal(await direct.isChecked(), true);
    assert.equal(await direct.evaluate((element) => element === document.activeElement), true, 'focus is back on the switch');
    assert.match(await page.locator('#route-active').innerText(), /Active route: sandbox direct/);

    await page.reload();
    await page.waitForSelector('body[data-ready]');
    assert.equal(await direct.isChecked(), true, 'the route is remembered for the page');

    const session = await openAddCard(page);
    assert.equal(session.mode, 'direct');
    const submits = [];
    page.on('request', (request) => request.method() === 'POST' && submits.push(request.url()));
    await typeCardAndSubmit(page, CARDS.mastercard);
    await page.locator('antom-card-binding [part~="alert"][data-view="success"]').waitFor();
    await rows(page).filter({hasText: '4444'}).waitFor();
    assert.equal(submits.length, 1);
    assert.ok(submits[0].startsWith(env.demo.sandbox.url), 'the card went straight to the emulator');
    assert.match(await rows(page).first().innerText(), /Mastercard\s+•••• 4444/);

    const record = await notified(session.vaultingRequestId);
    assert.equal(record.api, 'createVaultingSession');
    assert.equal(record.state, 'SUCCESS');
    const vaulting = env.demo.merchant.store.vaulting(session.vaultingRequestId);
    assert.equal(vaulting.mode, 'direct');
    assert.equal(vaulting.status, 'SUCCESS');
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 1);
    assert.ok(!(await pageMarkup(page)).includes(record.card.cardToken));
    assert.deepEqual(page.errors, []);

    await removeAll(page);
    // And back: a click on the other radio returns to relay mode.
    await page.getByRole('radio', {name: RELAY_LABEL}).click();
    await page.waitForURL((url) => url.search === '');
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.getByRole('radio', {name: RELAY_LABEL}).isChecked(), true);
    await page.context().close();
  });

  test('direct mode 3-D Secure returns to the direct page with the card listed', async () => {
    const page = await newPage(env.browser);
    await openApp(page, '?mode=direct');
    const session = await openAddCard(page);
    assert.equal(session.mode, 'direct');
    await typeCardAndSubmit(page, CARDS.threeDSecure);
    await page.waitForURL(/\/__sandbox\/3ds\//);
    assert.equal(binding(session.vaultingRequestId).api, 'createVaultingSession');
    await page.getByRole('button', {name: 'Pass verification'}).click();
    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.waitForSelector('body[data-ready]');
    await rows(page).filter({hasText: '3220'}).waitFor();
    assert.match(await page.locator('#status').innerText(), /verified and added/);
    assert.equal(new URL(page.url()).search, '?mode=direct', 'the page stays in direct mode');
    assert.equal(await page.getByRole('radio', {name: DIRECT_LABEL}).isChecked(), true);
    assert.deepEqual(page.errors, []);
    await removeAll(page);
    await page.context().close();
  });
});

describe('sample merchant app, server', () => {
  test('a relay session outlives a restart of the merchant app: same database, same secret and card key', async (t) => {
    const directory = mkdtempSync(join(tmpdir(), 'antom-restart-'));
    t.after(() => rmSync(directory, {recursive: true, force: true}));
    const server = await import('../../dist/server/index.js');
    const options = {root: ROOT, sandbox: env.demo.sandbox, server, database: join(directory, 'merchant.sqlite')};
    let app = await startMerchantApp(options);
    t.after(() => app.close());
    for (const name of ['relay-secret', 'relay-card-key.pem']) {
      assert.equal(statSync(join(directory, name)).mode & 0o777, 0o600, `${name} is readable by its owner only`);
    }

    const page = await newPage(env.browser);
    await page.goto(`${app.url}/`);
    await page.waitForSelector('body[data-ready]');
    const session = await openAddCard(page);
    // The element has checked the session (its decoder is a lazy chunk from this server) before the server goes.
    await page.locator('antom-card-binding').evaluate((element) => element.updateComplete);
    await app.close();
    // The same port (the session names the submit URL and the page's origin), a new process state.
    app = await startMerchantApp({...options, port: Number(new URL(app.url).port)});

    await typeCardAndSubmit(page, CARDS.visa);
    await page.locator('antom-card-binding [part~="alert"][data-view="success"]').waitFor();
    await rows(page).filter({hasText: '4242'}).waitFor();
    assert.equal(app.store.vaulting(session.vaultingRequestId).status, 'SUCCESS');
    assert.equal(app.store.cards(BUYER).length, 1);
    assert.equal((await notified(session.vaultingRequestId)).api, 'vaultPaymentMethod');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('notifyVaulting without a valid signature is refused and stores nothing', async () => {
    const body = JSON.stringify({
      result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success'},
      vaultingRequestId: 'vr-forged',
      paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: 'forged', brand: 'VISA', maskedCardNo: '************1111'}},
    });
    const response = await fetch(new URL('/notify', env.demo.urls.merchant), {
      method: 'POST',
      headers: {'content-type': 'application/json', 'client-id': env.demo.sandbox.clientId, 'request-time': new Date().toISOString()},
      body,
    });
    assert.equal(response.status, 400);
    assert.equal(env.demo.merchant.store.vaulting('vr-forged'), null);
  });

  test('the relay refuses a submission from another origin before reading the card', async () => {
    const session = await (
      await fetch(new URL('/api/vaulting-session', env.demo.urls.merchant), {method: 'POST', body: '{}', headers: {'content-type': 'application/json'}})
    ).json();
    assert.equal(session.mode, 'relay', 'relay is the default mode');
    const response = await fetch(new URL('/api/cards/submit', env.demo.urls.merchant), {
      method: 'POST',
      headers: {'content-type': 'application/json', 'idempotency-key': 'k-1', origin: 'http://evil.example'},
      body: JSON.stringify({vaultingSessionData: session.vaultingSessionData.split('&&').slice(0, 3).join('&&'), encryptedCard: 'x.y.z.w.v'}),
    });
    assert.equal(response.status, 403);
    assert.equal((await response.json()).result.resultCode, 'ORIGIN_NOT_ALLOWED');
    const bad = await fetch(new URL('/api/vaulting-session', env.demo.urls.merchant), {method: 'POST', body: '{"mode":"other"}'});
    assert.equal(bad.status, 400);
  });

  test('no card number and no card token reaches a log line', () => {
    const text = env.logLines.join('\n');
    assert.ok(env.logLines.some((line) => line.startsWith('[merchant] notifyVaulting')), 'the merchant logged its notifications');
    assert.ok(env.logLines.some((line) => line.startsWith('[merchant] relay outcome')), 'the merchant logged the relay’s outcomes');
    for (const number of Object.values(CARDS)) assert.ok(!text.includes(number), `log holds ${number.slice(0, 4)}…`);
    const merchantLines = env.logLines.filter((line) => line.startsWith('[merchant]')).join('\n');
    for (const {card} of env.demo.sandbox.bindings()) {
      if (card?.cardToken) assert.ok(!merchantLines.includes(card.cardToken), 'the merchant log holds a card token');
    }
  });
});
