import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startMerchantEndpoint} from '../helpers/merchant-endpoint.js';
import {CLIENT_ID, createSession, GOOD_CARD, startTestSandbox, submitCard, waitFor, type TestSandbox} from '../helpers/sandbox.js';

const CHALLENGE_CARD = {...GOOD_CARD, cardNo: '4000000000003220'};
const REDIRECT_URL = 'https://merchant.example/cards/done?ref=42';

let harness: TestSandbox;
before(async () => {
  harness = await startTestSandbox();
});
after(() => harness.sandbox.close());

async function startChallenge(overrides: Parameters<typeof createSession>[1] = {}, card = CHALLENGE_CARD) {
  const session = await createSession(harness.client, overrides);
  const answer = await submitCard(session.sessionData, card);
  assert.equal(answer.json.status, 'REDIRECT');
  return {...session, challengeUrl: answer.json.redirect.url as string};
}

function choose(url: string, outcome: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: `outcome=${outcome}`,
    redirect: 'manual',
  });
}

test('3-D Secure: the challenge page, then pass returns the buyer to redirectUrl and binds the card', async () => {
  const {challengeUrl, vaultingRequestId} = await startChallenge({redirectUrl: REDIRECT_URL});
  const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
  assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode, inquiry.normalUrl], ['PROCESSING', 'VERIFICATION_IN_PROCESS', challengeUrl]);

  const page = await fetch(challengeUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const html = await page.text();
  assert.match(html, /not Antom/);
  assert.match(html, /\*{12}3220/);
  assert.match(html, /name="outcome" value="pass"/);
  assert.ok(!html.includes(CHALLENGE_CARD.cardNo));

  const passed = await choose(challengeUrl, 'pass');
  assert.equal(passed.status, 303);
  assert.equal(passed.headers.get('location'), REDIRECT_URL);
  const done = await harness.client.inquireVaulting({vaultingRequestId});
  assert.equal(done.vaultingStatus, 'SUCCESS');
  assert.equal(done.paymentMethodDetail?.card?.maskedCardNo, '************3220');

  // Choosing again changes nothing.
  assert.equal((await choose(challengeUrl, 'fail')).status, 303);
  assert.equal((await harness.client.inquireVaulting({vaultingRequestId})).vaultingStatus, 'SUCCESS');
});

test('3-D Secure: fail ends in FAIL USER_PAYMENT_VERIFICATION_FAILED; without redirectUrl a result page is shown', async () => {
  const {challengeUrl, vaultingRequestId} = await startChallenge();
  const failed = await choose(challengeUrl, 'fail');
  assert.equal(failed.status, 200);
  assert.match(await failed.text(), /USER_PAYMENT_VERIFICATION_FAILED/);
  const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
  assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['FAIL', 'USER_PAYMENT_VERIFICATION_FAILED']);
});

test('3-D Secure fail after a decline: one F notification, and the session takes no more attempts', async () => {
  const merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID});
  try {
    const session = await createSession(harness.client, {vaultingNotificationUrl: merchant.url, redirectUrl: REDIRECT_URL});
    assert.equal((await submitCard(session.sessionData, {...GOOD_CARD, cardNo: '4000000000000002'})).json.status, 'FAIL');
    const challenge = await submitCard(session.sessionData, CHALLENGE_CARD);
    assert.equal(challenge.json.status, 'REDIRECT');
    // While 3-D Secure is pending the session is taken: no attempt runs beside it.
    assert.equal((await submitCard(session.sessionData, GOOD_CARD)).json.result.resultCode, 'SESSION_ALREADY_USED');

    const failed = await choose(challenge.json.redirect.url, 'fail');
    assert.deepEqual([failed.status, failed.headers.get('location')], [303, REDIRECT_URL]);
    await waitFor(() => merchant.stored.has(session.vaultingRequestId), 2000, 'the FAIL notification');
    const stored = merchant.stored.get(session.vaultingRequestId)!;
    assert.deepEqual([stored.result.resultStatus, stored.result.resultCode], ['F', 'USER_PAYMENT_VERIFICATION_FAILED']);
    assert.equal(stored.paymentMethodDetail?.card?.maskedCardNo, '************3220');

    const again = await submitCard(session.sessionData, GOOD_CARD);
    assert.deepEqual([again.status, again.json.result.resultCode], [409, 'SESSION_ALREADY_USED']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(merchant.requests.length, 1, 'exactly one notification');
  } finally {
    await merchant.close();
  }
});

test('3-D Secure requested by the merchant (is3DSAuthentication) challenges an ordinary card', async () => {
  const {challengeUrl} = await startChallenge({is3DSAuthentication: true}, GOOD_CARD);
  assert.equal((await choose(challengeUrl, 'pass')).status, 200);
});

test('challenge page: unknown id is 404, a bad choice is 400, other methods 405', async () => {
  assert.equal((await fetch(`${harness.sandbox.url}/__sandbox/3ds/nope`)).status, 404);
  const {challengeUrl} = await startChallenge();
  assert.equal((await choose(challengeUrl, 'maybe')).status, 400);
  assert.equal((await fetch(challengeUrl, {method: 'PUT'})).status, 405);
});

test('processing: PROCESSING at first, SUCCESS after the delay', async () => {
  const {sessionData, vaultingRequestId} = await createSession(harness.client);
  const answer = await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000077'});
  assert.deepEqual([answer.json.status, answer.json.result.resultStatus], ['PROCESSING', 'U']);
  const pending = await harness.client.inquireVaulting({vaultingRequestId});
  assert.deepEqual([pending.vaultingStatus, pending.vaultingResultCode], ['PROCESSING', 'VERIFICATION_IN_PROCESS']);
  const binding = () => harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === vaultingRequestId);
  await waitFor(() => binding()?.state === 'SUCCESS', 2000, 'processing to finish');
  assert.equal((await harness.client.inquireVaulting({vaultingRequestId})).vaultingStatus, 'SUCCESS');
});
