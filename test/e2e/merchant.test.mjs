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

const rows = (page) => page.locator('#cards tbody tr');
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

/** Removes every card the buyer has, through the page, so each test starts from an empty list. */
async function removeAll(page) {
  for (const button of await page.getByRole('button', {name: /^Remove /}).all()) await button.click();
  await page.locator('#no-cards').waitFor();
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

    const session = await openAddCard(page);
    assert.equal(session.mode, 'relay');
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

    await page.getByRole('button', {name: 'Remove Visa ending in 4242'}).click();
    await page.locator('#no-cards').waitFor();
    assert.equal(await rows(page).count(), 0);
    assert.equal(env.demo.merchant.store.cards(BUYER).length, 0);
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
    assert.match(await page.locator('#status').innerText(), /not added/);
    assert.equal(await rows(page).count(), 0);

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

    await page.locator('antom-card-binding [part~="alert-action"]').click();
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
      await page.locator('antom-card-binding [part~="alert-action"]').click();
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
    await page.getByRole('button', {name: 'Pass verification'}).click();

    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.waitForSelector('body[data-ready]');
    await rows(page).filter({hasText: '3220'}).waitFor();
    assert.match(await page.locator('#status').innerText(), /verified and added/);
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
    await page.getByRole('button', {name: 'Fail verification'}).click();
    await page.waitForURL((url) => url.href.startsWith(env.demo.urls.merchant));
    await page.locator('#status').filter({hasText: 'USER_PAYMENT_VERIFICATION_FAILED'}).waitFor();
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

  test('at 390 px: the route switch and the card form fit, and pass axe', async () => {
    const page = await newPage(env.browser, {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
    await openApp(page);
    await openAddCard(page);
    await assertAccessible(page, 'at 390 px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'merchant-relay-390.png'), fullPage: true}));
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
