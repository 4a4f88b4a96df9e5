import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {submitCardReplySchema} from '../../../src/gateway/submit-protocol.js';
import {SCENARIO_CARDS, DECLINE_MESSAGES, MAX_DECLINED_ATTEMPTS} from '../../../src/sandbox/index.js';
import {decodeSession} from '../../../src/session/decode-session.js';
import * as z from 'zod/mini';
import {encryptForSession} from '../helpers/browser-jwe.js';
import {testKeyPair} from '../helpers/keys.js';
import {startMerchantEndpoint} from '../helpers/merchant-endpoint.js';
import {
  CLIENT_ID,
  createSession,
  credentialOf,
  GOOD_CARD,
  startTestSandbox,
  submitCard,
  type HttpAnswer,
  type TestSandbox,
  waitFor,
} from '../helpers/sandbox.js';

let harness: TestSandbox;
before(async () => {
  harness = await startTestSandbox();
});
after(() => harness.sandbox.close());

function assertReplyShape(answer: HttpAnswer): void {
  const parsed = z.safeParse(submitCardReplySchema, answer.json);
  assert.ok(parsed.success, `reply matches submit-protocol.ts: ${answer.text}`);
}

function assertNoCardData(text: string, card = GOOD_CARD): void {
  assert.ok(!text.includes(card.cardNo), 'no card number');
  assert.ok(!text.includes(`"${card.cvv}"`), 'no security code');
}

test('a card encrypted as WebCrypto does is decrypted and bound: SUCCESS with brand and masked number', async () => {
  const {sessionData, vaultingSessionId} = await createSession(harness.client);
  const answer = await submitCard(sessionData, GOOD_CARD);
  assert.equal(answer.status, 200);
  assertReplyShape(answer);
  assert.deepEqual(answer.json, {
    status: 'SUCCESS',
    result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'},
    vaultingSessionId,
    paymentMethodDetail: {card: {brand: 'VISA', maskedCardNo: '************4242'}},
  });
  assertNoCardData(answer.text);
});

test('every scenario card answers as its table says', async () => {
  for (const {cardNo, scenario} of SCENARIO_CARDS) {
    const {sessionData} = await createSession(harness.client);
    const answer = await submitCard(sessionData, {...GOOD_CARD, cardNo});
    assertNoCardData(answer.text, {...GOOD_CARD, cardNo});
    assertReplyShape(answer);
    const expected = {
      success: [200, 'SUCCESS', 'SUCCESS'],
      decline: [200, 'FAIL', scenario.kind === 'decline' ? scenario.resultCode : ''],
      challenge: [200, 'REDIRECT', 'VERIFICATION_IN_PROCESS'],
      processing: [200, 'PROCESSING', 'PROCESSING'],
      gateway_error: [500, 'ERROR', 'UNKNOWN_EXCEPTION'],
    }[scenario.kind];
    assert.deepEqual([answer.status, answer.json.status, answer.json.result.resultCode], expected, cardNo);
    if (scenario.kind === 'decline') {
      assert.equal(answer.json.result.resultStatus, 'F');
      assert.equal(answer.json.result.resultMessage, DECLINE_MESSAGES[scenario.resultCode]);
      assert.equal(answer.json.paymentMethodDetail.card.maskedCardNo, `${'*'.repeat(cardNo.length - 4)}${cardNo.slice(-4)}`);
    }
    if (scenario.kind === 'challenge') {
      assert.equal(answer.json.redirect.method, 'GET');
      assert.ok(answer.json.redirect.url.startsWith(`${harness.sandbox.url}/__sandbox/3ds/`));
    }
  }
});

test('an expired card, a brand the merchant does not accept, and an unknown brand are declined', async () => {
  const expired = await submitCard((await createSession(harness.client)).sessionData, {...GOOD_CARD, expiryMonth: '01', expiryYear: '20'});
  assert.deepEqual([expired.json.status, expired.json.result.resultCode], ['FAIL', 'CARD_EXPIRED']);

  const visaOnly = await startTestSandbox({
    merchants: [{clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyPem, acceptedBrands: ['VISA']}],
  });
  try {
    const amex = await submitCard((await createSession(visaOnly.client)).sessionData, {...GOOD_CARD, cardNo: '378282246310005', cvv: '1234'});
    assert.deepEqual([amex.json.status, amex.json.result.resultCode], ['FAIL', 'CARD_NOT_SUPPORTED']);
    assert.deepEqual(amex.json.paymentMethodDetail.card, {brand: 'AMEX', maskedCardNo: '***********0005'});
  } finally {
    await visaOnly.sandbox.close();
  }
  const unknownBrand = await submitCard((await createSession(harness.client)).sessionData, {...GOOD_CARD, cardNo: '1234567812345670'});
  assert.deepEqual([unknownBrand.json.status, unknownBrand.json.result.resultCode], ['FAIL', 'CARD_NOT_SUPPORTED']);
});

test('a retry with the same Idempotency-Key gets the same answer and binds once; another key finds the session used', async () => {
  const {sessionData, vaultingRequestId} = await createSession(harness.client);
  const idempotencyKey = randomUUID();
  const decoded = decodeSession(sessionData);
  assert.ok(decoded.ok);
  const encryptedCard = await encryptForSession(decoded.session.encryptionKey, GOOD_CARD);
  const first = await submitCard(sessionData, GOOD_CARD, {idempotencyKey, encryptedCard});
  const concurrent = await Promise.all([1, 2, 3].map(() => submitCard(sessionData, GOOD_CARD, {idempotencyKey, encryptedCard})));
  for (const retry of concurrent) assert.deepEqual([retry.status, retry.json], [first.status, first.json]);
  // The same card encrypted anew (as the element does on every try) is the same request.
  const reEncrypted = await submitCard(sessionData, GOOD_CARD, {idempotencyKey});
  assert.deepEqual([reEncrypted.status, reEncrypted.json], [first.status, first.json]);
  // Issue 12, finding 2: another card under a known key was told the first card's outcome. Now refused.
  const otherCard = await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000002'}, {idempotencyKey});
  assert.equal(otherCard.status, 422);
  assert.deepEqual([otherCard.json.status, otherCard.json.result.resultCode], ['ERROR', 'IDEMPOTENCY_KEY_REUSED']);
  assert.equal(otherCard.text.includes('4242'), false);
  const otherHolder = await submitCard(sessionData, {...GOOD_CARD, cardholderName: 'Someone Else'}, {idempotencyKey});
  assert.equal(otherHolder.json.result.resultCode, 'IDEMPOTENCY_KEY_REUSED');
  assertReplyShape(otherCard);

  const replay = await submitCard(sessionData, GOOD_CARD, {idempotencyKey: randomUUID()});
  assert.equal(replay.status, 409);
  assert.deepEqual([replay.json.status, replay.json.result.resultCode], ['ERROR', 'SESSION_ALREADY_USED']);
  assertReplyShape(replay);

  const binding = harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === vaultingRequestId);
  assert.equal(binding?.state, 'SUCCESS');
  assert.ok(binding?.card?.cardToken);
});

test('a decline ends the attempt, not the session: its key replays the decline, a new key binds', async () => {
  const {sessionData, vaultingRequestId} = await createSession(harness.client);
  const declinedKey = randomUUID();
  const declined = await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000002'}, {idempotencyKey: declinedKey});
  assert.deepEqual([declined.status, declined.json.status, declined.json.result.resultCode], [200, 'FAIL', 'DO_NOT_HONOR']);
  // The same key and card get the stored decline; another card under that key is refused, not
  // processed and not told the decline (issue 12, finding 2).
  const replayed = await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000002'}, {idempotencyKey: declinedKey});
  assert.deepEqual([replayed.status, replayed.json], [declined.status, declined.json]);
  const reused = await submitCard(sessionData, GOOD_CARD, {idempotencyKey: declinedKey});
  assert.deepEqual([reused.status, reused.json.result.resultCode], [422, 'IDEMPOTENCY_KEY_REUSED']);
  assert.equal((await harness.client.inquireVaulting({vaultingRequestId})).vaultingStatus, 'PROCESSING', 'not final yet');

  const bound = await submitCard(sessionData, GOOD_CARD);
  assert.equal(bound.json.status, 'SUCCESS');
  assert.deepEqual((await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000002'}, {idempotencyKey: declinedKey})).json, declined.json, 'still replayed');
  assert.equal((await submitCard(sessionData, GOOD_CARD)).json.result.resultCode, 'SESSION_ALREADY_USED');
  const binding = harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === vaultingRequestId);
  assert.deepEqual([binding?.state, binding?.resultCode, binding?.declinedAttempts, binding?.lastDeclineCode], ['SUCCESS', 'SUCCESS', 1, 'DO_NOT_HONOR']);
});

test(`${MAX_DECLINED_ATTEMPTS} declined attempts close the session: FAIL with the last code, then SESSION_ALREADY_USED`, async () => {
  assert.equal(MAX_DECLINED_ATTEMPTS, 5, 'the number the README gives');
  const merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID});
  try {
    const {sessionData, vaultingRequestId} = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
    const declines = ['4000000000000002', '4000000000000127', '4000000000000069', '4000000000009987', '4000000000000150'];
    const codes: string[] = [];
    for (const [index, cardNo] of declines.entries()) {
      const answer = await submitCard(sessionData, {...GOOD_CARD, cardNo});
      assert.equal(answer.json.status, 'FAIL');
      codes.push(answer.json.result.resultCode);
      const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
      assert.equal(inquiry.vaultingStatus, index < declines.length - 1 ? 'PROCESSING' : 'FAIL', `after decline ${index + 1}`);
    }
    assert.deepEqual(codes, ['DO_NOT_HONOR', 'INVALID_CVV', 'CARD_EXPIRED', 'LOST_CARD', 'PICKUP_CARD']);

    const refused = await submitCard(sessionData, GOOD_CARD);
    assert.deepEqual([refused.status, refused.json.status, refused.json.result.resultCode], [409, 'ERROR', 'SESSION_ALREADY_USED']);
    assertReplyShape(refused);
    const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
    assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['FAIL', 'PICKUP_CARD']);

    await waitFor(() => merchant.stored.has(vaultingRequestId), 3000, 'the FAIL notification');
    assert.deepEqual(merchant.stored.get(vaultingRequestId)?.result, {
      resultCode: 'PICKUP_CARD',
      resultStatus: 'F',
      resultMessage: DECLINE_MESSAGES.PICKUP_CARD,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(merchant.requests.length, 1, 'one notification for the session, none per decline');
  } finally {
    await merchant.close();
  }
});

test('a gateway error leaves the session usable, even for the same key', async () => {
  const flaky = await createSession(harness.client);
  const idempotencyKey = randomUUID();
  const failed = await submitCard(flaky.sessionData, {...GOOD_CARD, cardNo: '4000000000000119'}, {idempotencyKey});
  assert.equal(failed.status, 500);
  assert.equal(failed.json.result.resultStatus, 'U');
  const retried = await submitCard(flaky.sessionData, GOOD_CARD, {idempotencyKey});
  assert.equal(retried.json.status, 'SUCCESS');
});

test('an expired session is refused with SESSION_EXPIRED and nothing is bound', async () => {
  let now = Date.now();
  const clocked = await startTestSandbox({now: () => new Date(now), sessionTtlSeconds: 60});
  try {
    const {sessionData, vaultingRequestId} = await createSession(clocked.client);
    now += 61_000;
    const answer = await submitCard(sessionData, GOOD_CARD);
    assert.equal(answer.status, 410);
    assert.deepEqual([answer.json.status, answer.json.result.resultCode], ['ERROR', 'SESSION_EXPIRED']);
    assertReplyShape(answer);
    assert.equal(clocked.sandbox.bindings().find((binding) => binding.vaultingRequestId === vaultingRequestId)?.state, 'OPEN');

    // After declines: a new key finds the session expired; the declined key still gets its answer.
    const declined = await createSession(clocked.client);
    const declinedKey = randomUUID();
    const decline = await submitCard(declined.sessionData, {...GOOD_CARD, cardNo: '4000000000000127'}, {idempotencyKey: declinedKey});
    now += 61_000;
    const late = await submitCard(declined.sessionData, GOOD_CARD);
    assert.deepEqual([late.status, late.json.result.resultCode], [410, 'SESSION_EXPIRED']);
    assert.deepEqual((await submitCard(declined.sessionData, {...GOOD_CARD, cardNo: '4000000000000127'}, {idempotencyKey: declinedKey})).json, decline.json);
    const binding = clocked.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === declined.vaultingRequestId);
    assert.deepEqual([binding?.state, binding?.resultCode], ['FAIL', 'INVALID_CVV'], 'closed when the expiry was noticed');
  } finally {
    await clocked.sandbox.close();
  }
});

test('bad requests get 400 PARAM_ILLEGAL (or 404 for an unknown session) and leave the session usable', async () => {
  const {sessionData} = await createSession(harness.client);
  const decoded = decodeSession(sessionData);
  assert.ok(decoded.ok);
  const jwk = decoded.session.encryptionKey;
  const good = await encryptForSession(jwk, GOOD_CARD);
  const [header, key, iv, ciphertext, tag] = good.split('.');
  const flip = (part: string) => `${part.slice(0, -2)}${part.at(-2) === 'A' ? 'B' : 'A'}${part.at(-1)}`;

  const post = (body: string, headers: Record<string, string> = {'idempotency-key': randomUUID()}) =>
    fetch(harness.sandbox.submitUrl, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body}).then(
      async (response) => ({status: response.status, json: await response.json()}),
    );
  const body = (encryptedCard: string, session = credentialOf(sessionData)) => JSON.stringify({vaultingSessionData: session, encryptedCard});

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary reply shapes
  const cases: [string, Promise<{status: number; json: any}>, number, string, RegExp?][] = [
    ['not JSON', post('{"vaultingSessionData":'), 400, 'PARAM_ILLEGAL', /not UTF-8 JSON/],
    ['missing field', post('{"vaultingSessionData":"x"}'), 400, 'PARAM_ILLEGAL', /encryptedCard/],
    ['no idempotency key', post(body(good), {}), 400, 'PARAM_ILLEGAL', /Idempotency-Key/],
    ['unknown session', post(body(good, 'AAAA&&SG&&188')), 404, 'SESSION_NOT_FOUND'],
    ['whole session data sent', post(body(good, sessionData)), 404, 'SESSION_NOT_FOUND'],
    ['not a JWE', post(body('a.b.c')), 400, 'PARAM_ILLEGAL'],
    ['tampered tag', post(body([header, key, iv, ciphertext, flip(tag!)].join('.'))), 400, 'PARAM_ILLEGAL', /does not authenticate/],
    ['tampered ciphertext', post(body([header, key, iv, flip(ciphertext!), tag].join('.'))), 400, 'PARAM_ILLEGAL', /does not authenticate/],
    ['tampered key', post(body([header, flip(key!), iv, ciphertext, tag].join('.'))), 400, 'PARAM_ILLEGAL', /unwrapped/],
    ['other header (AAD)', post(body([Buffer.from('{"alg":"RSA-OAEP-256","enc":"A256GCM" }').toString('base64url'), key, iv, ciphertext, tag].join('.'))), 400, 'PARAM_ILLEGAL', /does not authenticate/],
    ['wrong alg', post(body(await encryptForSession(jwk, GOOD_CARD, {alg: 'RSA-OAEP', enc: 'A256GCM'}))), 400, 'PARAM_ILLEGAL', /protected header/],
    ['wrong kid', post(body(await encryptForSession(jwk, GOOD_CARD, {alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'other'}))), 400, 'PARAM_ILLEGAL', /key id/],
    ['bad card number', post(body(await encryptForSession(jwk, {...GOOD_CARD, cardNo: '4242424242424241'}))), 400, 'PARAM_ILLEGAL', /cardNo/],
    ['bad month', post(body(await encryptForSession(jwk, {...GOOD_CARD, expiryMonth: '13'}))), 400, 'PARAM_ILLEGAL', /expiryMonth/],
    ['no holder name', post(body(await encryptForSession(jwk, {...GOOD_CARD, cardholderName: undefined}))), 400, 'PARAM_ILLEGAL', /cardholderName/],
    ['plaintext not JSON', post(body(await encryptForSession(jwk, 'just text'))), 400, 'PARAM_ILLEGAL'],
  ];
  for (const [what, pending, status, code, message] of cases) {
    const answer = await pending;
    assert.deepEqual([answer.status, answer.json.status, answer.json.result.resultCode], [status, 'ERROR', code], what);
    if (message) assert.match(answer.json.result.resultMessage, message, what);
    assert.ok(!JSON.stringify(answer.json).includes(GOOD_CARD.cardNo), what);
  }
  assert.equal((await submitCard(sessionData, GOOD_CARD)).json.status, 'SUCCESS', 'still usable');
});

test('the holder name may be left out when the merchant does not require it', async () => {
  const optionalName = await startTestSandbox({
    merchants: [{clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyPem, holderNameRequired: false}],
  });
  try {
    const {sessionData} = await createSession(optionalName.client);
    assert.equal((await submitCard(sessionData, {...GOOD_CARD, cardholderName: undefined})).json.status, 'SUCCESS');
  } finally {
    await optionalName.sandbox.close();
  }
});

test('CORS: preflight allows content-type and idempotency-key; allowedOrigins restricts per merchant', async () => {
  const preflight = (url: string, origin: string, extra: Record<string, string> = {}) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key', ...extra},
    });
  const open = await preflight(harness.sandbox.submitUrl, 'https://shop.example', {'access-control-request-private-network': 'true'});
  assert.equal(open.status, 204);
  assert.equal(open.headers.get('access-control-allow-origin'), 'https://shop.example');
  assert.equal(open.headers.get('access-control-allow-methods'), 'POST');
  assert.equal(open.headers.get('access-control-allow-headers'), 'content-type, idempotency-key');
  assert.equal(open.headers.get('access-control-allow-private-network'), 'true');
  assert.equal(open.headers.get('access-control-allow-credentials'), null);
  assert.match(open.headers.get('vary') ?? '', /Origin/);

  const {sessionData} = await createSession(harness.client);
  const posted = await submitCard(sessionData, GOOD_CARD, {origin: 'https://shop.example'});
  assert.equal(posted.headers.get('access-control-allow-origin'), 'https://shop.example');

  const restricted = await startTestSandbox({
    merchants: [{clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyPem, allowedOrigins: ['https://shop.example/']}],
  });
  try {
    assert.equal((await preflight(restricted.sandbox.submitUrl, 'https://shop.example')).status, 204);
    const refused = await preflight(restricted.sandbox.submitUrl, 'https://evil.example');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const session = await createSession(restricted.client);
    const evil = await submitCard(session.sessionData, GOOD_CARD, {origin: 'https://evil.example'});
    assert.deepEqual([evil.status, evil.json.result.resultCode], [403, 'ORIGIN_NOT_ALLOWED']);
    const allowed = await submitCard(session.sessionData, GOOD_CARD, {origin: 'https://shop.example'});
    assert.equal(allowed.json.status, 'SUCCESS', 'the refused attempt did not use the session up');
  } finally {
    await restricted.sandbox.close();
  }
});

test('logs never carry card data', async () => {
  const {sessionData} = await createSession(harness.client);
  await submitCard(sessionData, GOOD_CARD);
  const logs = harness.logs.join('\n');
  assert.ok(logs.includes('submitCard'));
  assertNoCardData(logs);
  assertNoCardData(JSON.stringify(harness.sandbox.bindings()));
});
