/**
 * The relay end to end in Node, over real HTTP on 127.0.0.1: the merchant's relay route
 * (createCardBindingRelay + handleNodeRequest) in front of the sandbox emulator's
 * vaultPaymentMethod, with the merchant's notifyVaulting endpoint. The card is encrypted the way
 * the browser does it (test/node/helpers/browser-jwe.ts).
 */
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createCardBindingRelay, type CardBindingRelay, type RelayOutcome} from '../../../src/server/index.js';
import {startMerchantEndpoint, type MerchantEndpoint} from '../helpers/merchant-endpoint.js';
import {submitCard, startTestSandbox, waitFor, type TestSandbox} from '../helpers/sandbox.js';

const PAGE = 'https://shop.example';
const CARD = {cardNo: '4242424242424242', expiryMonth: '07', expiryYear: '38', cvv: '913', cardholderName: 'Ada Lovelace'};
const card = (cardNo: string) => ({...CARD, cardNo});

let harness: TestSandbox;
let notify: MerchantEndpoint;
let relay: CardBindingRelay;
let relayServer: Server;
const outcomes: RelayOutcome[] = [];
const relayLogs: string[] = [];
const vaultIds: string[] = [];

before(async () => {
  // Long enough that the relay's inquiry after a U answer still finds PROCESSING on a loaded
  // machine (100 ms was not: the binding had completed before the inquiry arrived).
  harness = await startTestSandbox({processingDelayMs: 1500});
  notify = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: harness.sandbox.clientId});
  relayServer = createServer((request, response) => void relay.handleNodeRequest(request, response));
  await new Promise<void>((resolve) => relayServer.listen(0, '127.0.0.1', resolve));
  const client = harness.client;
  relay = createCardBindingRelay({
    antom: {
      clientId: client.clientId,
      vaultPaymentMethod: (request) => {
        vaultIds.push(request.vaultingRequestId);
        return client.vaultPaymentMethod(request);
      },
      inquireVaulting: (request) => client.inquireVaulting(request),
    },
    submitUrl: `http://127.0.0.1:${(relayServer.address() as AddressInfo).port}/cards/submit`,
    allowedOrigins: [PAGE],
    secret: 'relay flow test secret, at least 32 bytes',
    onOutcome: (outcome) => void outcomes.push(outcome),
    log: (line) => relayLogs.push(line),
  });
});

after(async () => {
  relayServer.closeAllConnections();
  await new Promise<void>((resolve) => relayServer.close(() => resolve()));
  await notify.close();
  await harness.sandbox.close();
});

async function session(redirectUrl = 'https://shop.example/cards/done') {
  return relay.createSession({vaultingNotificationUrl: notify.url, redirectUrl, reference: 'buyer-7'});
}

const bindingsOf = (id: string) => harness.sandbox.bindings().filter((binding) => binding.vaultingRequestId === id || binding.vaultingRequestId.startsWith(`${id}-`));
const idsOf = (id: string) => vaultIds.filter((vaultId) => vaultId === id || vaultId.startsWith(`${id}-`));
const outcomesOf = (id: string) => outcomes.filter((outcome) => outcome.sessionVaultingRequestId === id);

test('success: one vaultPaymentMethod binding, one signed notification; the token is on the server only', async () => {
  const s = await session();
  const answer = await submitCard(s.vaultingSessionData, CARD, {origin: PAGE});
  assert.equal(answer.status, 200);
  assert.equal(answer.json.status, 'SUCCESS');
  assert.deepEqual(answer.json.paymentMethodDetail.card, {brand: 'VISA', maskedCardNo: '************4242'});
  assert.equal(answer.text.includes('SANDBOX_CT_'), false);
  assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);

  const [binding, ...others] = bindingsOf(s.vaultingRequestId);
  assert.equal(others.length, 0);
  assert.equal(binding?.api, 'vaultPaymentMethod');
  assert.equal(binding?.state, 'SUCCESS');
  await waitFor(() => notify.stored.has(s.vaultingRequestId), 5000, 'the notification');
  const note = notify.stored.get(s.vaultingRequestId)!;
  assert.equal(note.result.resultStatus, 'S');
  assert.equal(note.paymentMethodDetail?.card?.cardToken, binding?.card?.cardToken);
  assert.equal(outcomesOf(s.vaultingRequestId)[0]?.card?.cardToken, binding?.card?.cardToken);
  assert.equal(notify.storeWrites.get(s.vaultingRequestId), 1);
});

test('a decline, then another card in the same session: two vaultings, the second under a new id, bound once', async () => {
  const s = await session();
  const declined = await submitCard(s.vaultingSessionData, card('4000000000000002'), {origin: PAGE});
  assert.equal(declined.json.status, 'FAIL');
  assert.equal(declined.json.result.resultCode, 'DO_NOT_HONOR');
  const bound = await submitCard(s.vaultingSessionData, card('5555555555554444'), {origin: PAGE});
  assert.equal(bound.json.status, 'SUCCESS');
  assert.deepEqual(idsOf(s.vaultingRequestId), [s.vaultingRequestId, `${s.vaultingRequestId}-2`]);
  assert.deepEqual(
    bindingsOf(s.vaultingRequestId).map((binding) => binding.state),
    ['FAIL', 'SUCCESS'],
  );
  const used = await submitCard(s.vaultingSessionData, CARD, {origin: PAGE});
  assert.equal(used.status, 409);
  assert.equal(used.json.result.resultCode, 'SESSION_ALREADY_USED');
});

for (const outcome of ['pass', 'fail'] as const) {
  test(`3-D Secure ${outcome}: REDIRECT to the emulator's normalUrl; the buyer lands on redirectUrl; the notification follows`, async () => {
    const s = await session('https://shop.example/cards/done?vr=x');
    const answer = await submitCard(s.vaultingSessionData, card('4000000000003220'), {origin: PAGE});
    assert.equal(answer.json.status, 'REDIRECT');
    assert.equal(answer.json.redirect.method, 'GET');
    const url = answer.json.redirect.url as string;
    assert.ok(url.startsWith(`${harness.sandbox.url}/__sandbox/3ds/`));
    assert.equal((await relay.findSession(s.vaultingRequestId))?.state, 'AWAITING_3DS');
    const page = await (await fetch(url)).text();
    assert.match(page, /value="pass"/);
    const back = await fetch(url, {method: 'POST', body: new URLSearchParams({outcome}), redirect: 'manual'});
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), 'https://shop.example/cards/done?vr=x');
    await waitFor(() => notify.stored.has(s.vaultingRequestId), 5000, 'the notification');
    const note = notify.stored.get(s.vaultingRequestId)!;
    if (outcome === 'pass') assert.equal(note.result.resultStatus, 'S');
    else assert.deepEqual([note.result.resultStatus, note.result.resultCode], ['F', 'USER_PAYMENT_VERIFICATION_FAILED']);
    const inquiry = await harness.client.inquireVaulting({vaultingRequestId: (await relay.findSession(s.vaultingRequestId))!.latestVaultingRequestId!});
    assert.equal(inquiry.vaultingStatus, outcome === 'pass' ? 'SUCCESS' : 'FAIL');
  });
}

test('processing: U from vaultPaymentMethod, PROCESSING from inquireVaulting: the element is told it is pending; SUCCESS is notified later', async () => {
  const s = await session();
  const answer = await submitCard(s.vaultingSessionData, card('4000000000000077'), {origin: PAGE});
  assert.equal(answer.json.status, 'PROCESSING');
  assert.deepEqual(idsOf(s.vaultingRequestId), [s.vaultingRequestId], 'no second vaulting while the first is pending');
  await waitFor(() => notify.stored.has(s.vaultingRequestId), 10_000, 'the notification');
  assert.equal(notify.stored.get(s.vaultingRequestId)!.result.resultStatus, 'S');
});

test('an unknown answer (U, no record at Antom): retryable; the retry is a new vaultingRequestId', async () => {
  const s = await session();
  const first = await submitCard(s.vaultingSessionData, card('4000000000000119'), {origin: PAGE, idempotencyKey: 'same'});
  assert.equal(first.status, 502);
  assert.equal(first.json.result.resultStatus, 'U');
  const again = await submitCard(s.vaultingSessionData, card('4000000000000119'), {origin: PAGE, idempotencyKey: 'same'});
  assert.equal(again.json.result.resultStatus, 'U');
  const bound = await submitCard(s.vaultingSessionData, CARD, {origin: PAGE});
  assert.equal(bound.json.status, 'SUCCESS');
  assert.deepEqual(idsOf(s.vaultingRequestId), [s.vaultingRequestId, `${s.vaultingRequestId}-2`, `${s.vaultingRequestId}-3`]);
});

test('refused before Antom: a tampered session, a foreign origin, a replayed key with another card, a body over the limit', async () => {
  const s = await session();
  const [token, ...rest] = s.vaultingSessionData.split('&&');
  const tampered = [`${token!.slice(0, -2)}${token!.endsWith('AA') ? 'BB' : 'AA'}`, ...rest].join('&&');
  const forged = await submitCard(tampered, CARD, {origin: PAGE});
  assert.equal(forged.status, 404);
  assert.equal(forged.json.result.resultCode, 'SESSION_NOT_FOUND');

  const foreign = await submitCard(s.vaultingSessionData, CARD, {origin: 'https://evil.example'});
  assert.equal(foreign.status, 403);
  assert.equal(foreign.json.result.resultCode, 'ORIGIN_NOT_ALLOWED');

  const first = await submitCard(s.vaultingSessionData, card('4000000000000002'), {origin: PAGE, idempotencyKey: 'k1'});
  assert.equal(first.json.status, 'FAIL');
  const reused = await submitCard(s.vaultingSessionData, CARD, {origin: PAGE, idempotencyKey: 'k1'});
  assert.equal(reused.status, 422);
  assert.equal(reused.json.result.resultCode, 'IDEMPOTENCY_KEY_REUSED');
  assert.equal(reused.text.includes('DO_NOT_HONOR'), false, 'never the other card’s outcome');

  const url = new URL('/cards/submit', `http://127.0.0.1:${(relayServer.address() as AddressInfo).port}`);
  const big = await fetch(url, {method: 'POST', headers: {origin: PAGE, 'content-type': 'application/json', 'idempotency-key': 'big'}, body: 'x'.repeat(20_000)});
  assert.equal(big.status, 413);
  assert.deepEqual(idsOf(s.vaultingRequestId), [s.vaultingRequestId], 'only the declined card reached Antom');
});

test('leak scan: no card number, security code, expiry or name in the relay’s logs, replies or outcomes, nor the emulator’s logs', async () => {
  const secret = {cardNo: '4000056655665556', expiryMonth: '09', expiryYear: '36', cvv: '482', cardholderName: 'Quinta Zebulon'};
  const replies: string[] = [];
  for (const cardNo of ['4000056655665556', '4000000000000002', '4000000000003220', '4000000000000119', '4000000000000077']) {
    const s = await session();
    replies.push((await submitCard(s.vaultingSessionData, {...secret, cardNo}, {origin: PAGE})).text);
  }
  const haystack = [...replies, ...relayLogs, ...harness.logs, JSON.stringify(outcomes), JSON.stringify(harness.sandbox.bindings())].join('\n');
  for (const needle of ['4000056655665556', '5665556', '"482"', 'Quinta', 'Zebulon', '09/36', '0936']) {
    assert.equal(haystack.includes(needle), false, `found ${needle}`);
  }
  assert.ok(relayLogs.length > 5 && harness.logs.length > 5);
});
