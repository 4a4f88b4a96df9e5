// The sample merchant app end to end: the buyer's browser (Chromium) on the "Binding management"
// page, the merchant server with SQLite, and the local Antom sandbox emulator.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {AxeBuilder} from '@axe-core/playwright';
import {CARDS, SCREENSHOTS, newPage, startAll, typeCardAndSubmit, cardSafe} from './helpers.mjs';

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

const rows = (page) => page.locator('#cards tbody tr');

async function openApp(page) {
  await page.goto(env.demo.urls.merchant);
  await page.waitForSelector('body[data-ready]');
}

async function openAddCard(page) {
  await page.getByRole('button', {name: 'Add card'}).click();
  await page.locator('antom-card-binding #cardNumber').waitFor();
}

describe('sample merchant app', () => {
  test('binds a card: the list updates without a reload, the card is in SQLite, and it can be removed', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    assert.equal(await rows(page).count(), 0);
    await page.evaluate(() => (window.notReloaded = true));

    await openAddCard(page);
    await assertAccessible(page, 'with the card form open');
    await typeCardAndSubmit(page, CARDS.visa);
    await page.locator('antom-card-binding [part~="alert"][data-view="success"]').waitFor();
    await rows(page).filter({hasText: '4242'}).waitFor();
    await assertAccessible(page, 'with a card listed');
    assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page did not reload');
    assert.match(await rows(page).first().innerText(), /Visa\s+•••• 4242/);
    assert.match(await page.locator('#status').innerText(), /Visa ending in 4242 was added/);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-card-added.png')}));

    const stored = env.demo.merchant.store.cards('buyer-0001');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].brand, 'VISA');
    assert.equal(stored[0].maskedCardNo, '************4242');
    assert.ok(!('cardToken' in stored[0]), 'the page-facing list has no token');

    await page.reload();
    await page.waitForSelector('body[data-ready]');
    assert.equal(await rows(page).count(), 1, 'the card is still there after a reload');

    await page.getByRole('button', {name: 'Remove Visa ending in 4242'}).click();
    await page.locator('#no-cards').waitFor();
    assert.equal(await rows(page).count(), 0);
    assert.equal(env.demo.merchant.store.cards('buyer-0001').length, 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a declined card is not stored; "Try again" binds another card with the same session', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    await openAddCard(page);
    await typeCardAndSubmit(page, CARDS.declined);
    const alert = page.locator('antom-card-binding [part~="alert"][data-view="declined"]');
    await alert.waitFor();
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-declined.png')}));
    assert.match(await page.locator('#status').innerText(), /not added/);
    assert.equal(await rows(page).count(), 0);

    await page.locator('antom-card-binding [part~="alert-action"]').click();
    // A decline ends the attempt, not the session: the same session takes another card.
    for (const id of ['cardNumber', 'expiry', 'cvc', 'holderName']) await page.locator(`antom-card-binding #${id}`).fill('');
    await typeCardAndSubmit(page, CARDS.mastercard);
    await rows(page).filter({hasText: '4444'}).waitFor();
    assert.match(await rows(page).first().innerText(), /Mastercard\s+•••• 4444/);
    assert.deepEqual(page.errors, []);

    await page.getByRole('button', {name: 'Remove Mastercard ending in 4444'}).click();
    await page.locator('#no-cards').waitFor();
    await page.context().close();
  });

  test('3-D Secure: the emulator’s challenge page, then back to the app with the card listed', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    await openAddCard(page);
    await typeCardAndSubmit(page, CARDS.threeDSecure);
    await page.waitForURL(/\/__sandbox\/3ds\//);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-3ds-challenge.png')}));
    await page.getByRole('button', {name: 'Pass verification'}).click();

    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.waitForSelector('body[data-ready]');
    await rows(page).filter({hasText: '3220'}).waitFor();
    assert.match(await page.locator('#status').innerText(), /verified and added/);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-3ds-returned.png')}));
    assert.deepEqual(page.errors, []);

    await page.getByRole('button', {name: 'Remove Visa ending in 3220'}).click();
    await page.locator('#no-cards').waitFor();
    await page.context().close();
  });

  test('3-D Secure failed: nothing is stored and the page says so', async () => {
    const page = await newPage(env.browser);
    await openApp(page);
    await openAddCard(page);
    await typeCardAndSubmit(page, CARDS.threeDSecure);
    await page.waitForURL(/\/__sandbox\/3ds\//);
    await page.getByRole('button', {name: 'Fail verification'}).click();
    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.locator('#status').filter({hasText: 'USER_PAYMENT_VERIFICATION_FAILED'}).waitFor();
    assert.equal(await rows(page).count(), 0);
    await page.context().close();
  });

  test('notifyVaulting without a valid signature is refused and stores nothing', async () => {
    const body = JSON.stringify({
      result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success'},
      vaultingRequestId: 'vr-forged',
      vaultingStatus: 'SUCCESS',
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

  test('no card number reaches a log line', () => {
    const text = env.logLines.join('\n');
    assert.ok(env.logLines.some((line) => line.startsWith('[merchant] notifyVaulting')), 'the merchant logged its notifications');
    for (const number of Object.values(CARDS)) assert.ok(!text.includes(number), `log holds ${number.slice(0, 4)}…`);
  });
});
