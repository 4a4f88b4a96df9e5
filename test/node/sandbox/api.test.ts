import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {AntomResultError, parseSignatureHeader, verifyContent, importPublicKey} from '../../../src/server/index.js';
import type {BindingView} from '../../../src/sandbox/index.js';
import {decodeSession} from '../../../src/session/decode-session.js';
import {testKeyPair} from '../helpers/keys.js';
import {
  CLIENT_ID,
  createSession,
  newRequestId,
  signedPost,
  startTestSandbox,
  submitCard,
  GOOD_CARD,
  UNREACHABLE_NOTIFY_URL,
  type TestSandbox,
} from '../helpers/sandbox.js';

const CREATE_PATH = '/ams/api/v1/vaults/createVaultingSession';
const SANDBOX_CREATE_PATH = '/ams/sandbox/api/v1/vaults/createVaultingSession';
const INQUIRE_PATH = '/ams/sandbox/api/v1/vaults/inquireVaulting';

let harness: TestSandbox;
before(async () => {
  harness = await startTestSandbox();
});
after(() => harness.sandbox.close());

function createBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    paymentMethodType: 'CARD',
    vaultingRequestId: newRequestId(),
    vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL,
    ...overrides,
  });
}

test('createVaultingSession answers signed, with four-segment session data that decodeSession() accepts', async () => {
  const before = Date.now();
  const response = await harness.client.createVaultingSession({
    paymentMethodType: 'CARD',
    vaultingRequestId: newRequestId(),
    vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL,
    redirectUrl: 'https://merchant.example/cards/done',
  });
  assert.equal(response.result.resultCode, 'SUCCESS');
  assert.match(response.vaultingSessionId, /^[A-Za-z0-9+/]{64}$/);
  assert.match(response.vaultingSessionExpiryTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  // 30 minutes from the server's clock during the call, cut to whole seconds.
  const expiry = Date.parse(response.vaultingSessionExpiryTime);
  const after = Date.now();
  assert.ok(expiry > before + 30 * 60_000 - 1000 && expiry <= after + 30 * 60_000, `30 minutes by default, got ${expiry - before} ms`);

  const segments = response.vaultingSessionData.split('&&');
  assert.equal(segments.length, 4);
  assert.equal(Buffer.from(segments[0]!, 'base64').length, 64);
  assert.deepEqual(segments.slice(1, 3), ['SG', '188']);

  const decoded = decodeSession(response.vaultingSessionData);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
  const {session} = decoded;
  assert.deepEqual(session.metadata.paymentSessionConfig, {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'});
  assert.equal(session.metadata.clientId, CLIENT_ID);
  assert.equal(session.submitUrl, harness.sandbox.submitUrl);
  assert.equal(session.vaultingSessionId, response.vaultingSessionId);
  assert.equal(session.expiresAt.getTime(), Date.parse(response.vaultingSessionExpiryTime));
  assert.equal(session.holderNameRequired, true);
  assert.equal(session.acceptedBrands, null);
  assert.equal(session.encryptionKey.alg, 'RSA-OAEP-256');
  assert.match(session.encryptionKey.kid ?? '', /^sandbox-/);
  assert.equal(session.credential, segments.slice(0, 3).join('&&'));
});

test('merchant settings and the session lifetime reach the metadata', async () => {
  const custom = await startTestSandbox({
    merchants: [
      {clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyBase64, acceptedBrands: ['VISA', 'MASTERCARD'], holderNameRequired: false},
    ],
    sessionTtlSeconds: 120,
    region: 'US',
  });
  try {
    const {sessionData} = await createSession(custom.client);
    const decoded = decodeSession(sessionData);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.session.acceptedBrands, ['VISA', 'MASTERCARD']);
    assert.equal(decoded.session.holderNameRequired, false);
    assert.equal(decoded.session.region, 'US');
    const ttl = decoded.session.expiresAt.getTime() - Date.now();
    assert.ok(ttl > 110_000 && ttl <= 120_000, String(ttl));
  } finally {
    await custom.sandbox.close();
  }
});

test('the session metadata carries issueTime, the emulator clock at issue, beside expiryTime', async () => {
  const clock = new Date('2031-02-03T04:05:06.789Z');
  const timed = await startTestSandbox({now: () => clock, sessionTtlSeconds: 600});
  try {
    const response = await timed.client.createVaultingSession({
      paymentMethodType: 'CARD',
      vaultingRequestId: newRequestId(),
      vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL,
    });
    const metadata = JSON.parse(Buffer.from(response.vaultingSessionData.split('&&')[3]!, 'base64').toString('utf8'));
    const {cardBinding} = metadata;
    // Same format as expiryTime: ISO 8601, second precision, with offset.
    assert.equal(cardBinding.issueTime, '2031-02-03T04:05:06+00:00');
    assert.equal(cardBinding.expiryTime, '2031-02-03T04:15:06+00:00');
    assert.equal(cardBinding.expiryTime, response.vaultingSessionExpiryTime);
    assert.deepEqual(Object.keys(cardBinding).slice(Object.keys(cardBinding).indexOf('expiryTime'), Object.keys(cardBinding).indexOf('expiryTime') + 2), ['expiryTime', 'issueTime']);
    // The lifetime the element measures: expiryTime - issueTime is the configured TTL.
    assert.equal(Date.parse(cardBinding.expiryTime) - Date.parse(cardBinding.issueTime), 600_000);
  } finally {
    await timed.sandbox.close();
  }
});

test('the /ams/api and /ams/sandbox/api paths both work, and answers are signed over the request path', async () => {
  for (const path of [CREATE_PATH, SANDBOX_CREATE_PATH]) {
    const answer = await signedPost(harness.sandbox.url, path, createBody());
    assert.equal(answer.status, 200);
    assert.equal(answer.json.result.resultCode, 'SUCCESS', path);
    const time = answer.headers.get('response-time')!;
    assert.equal(answer.headers.get('client-id'), CLIENT_ID);
    const {signature} = parseSignatureHeader(answer.headers.get('signature') ?? undefined);
    assert.ok(verifyContent({path, clientId: CLIENT_ID, time, body: answer.text}, signature, importPublicKey(harness.sandbox.publicKey)));
  }
});

test('createVaultingSession is idempotent on vaultingRequestId', async () => {
  const vaultingRequestId = newRequestId();
  const first = await createSession(harness.client, {vaultingRequestId});
  const second = await createSession(harness.client, {vaultingRequestId});
  assert.deepEqual(second, first);
  // The same id with other parameters is refused rather than silently answered.
  await assert.rejects(
    harness.client.createVaultingSession({paymentMethodType: 'CARD', vaultingRequestId, vaultingNotificationUrl: 'https://other.example/n'}),
    (error: unknown) => error instanceof AntomResultError && error.resultCode === 'PARAM_ILLEGAL' && /already used/.test(error.resultMessage),
  );
  // ... and still the same session after the binding is final.
  await submitCard(first.sessionData, GOOD_CARD);
  assert.deepEqual(await createSession(harness.client, {vaultingRequestId}), first);
  assert.equal(harness.sandbox.bindings().filter((binding) => binding.vaultingRequestId === vaultingRequestId).length, 1);
});

test('a bad signature, an unknown client id or missing headers get INVALID_SIGNATURE, unsigned', async () => {
  const body = createBody();
  const answers = [
    await signedPost(harness.sandbox.url, CREATE_PATH, body, {signedBody: body.replace('CARD', 'CARX')}),
    await signedPost(harness.sandbox.url, CREATE_PATH, body, {privateKey: testKeyPair('other').privateKey}),
    await signedPost(harness.sandbox.url, CREATE_PATH, body, {clientId: 'SANDBOX_NOBODY'}),
    await signedPost(harness.sandbox.url, CREATE_PATH, body, {headers: {signature: 'algorithm=RSA256,keyVersion=1,signature=AAAA'}}),
    await signedPost(harness.sandbox.url, CREATE_PATH, body, {headers: {signature: 'garbage'}}),
    await signedPost(harness.sandbox.url, SANDBOX_CREATE_PATH, body, {signedBody: body, headers: {'request-time': '1'}}),
  ];
  const missing = await fetch(harness.sandbox.url + CREATE_PATH, {method: 'POST', body});
  for (const answer of [...answers, {status: missing.status, headers: missing.headers, json: await missing.json()}]) {
    assert.equal(answer.status, 200);
    assert.deepEqual([answer.json.result.resultCode, answer.json.result.resultStatus], ['INVALID_SIGNATURE', 'F']);
    assert.equal(answer.headers.get('signature'), null);
  }
});

test('invalid parameters get PARAM_ILLEGAL naming the field; malformed JSON gets a clear message', async () => {
  const cases: [string, string, RegExp][] = [
    [CREATE_PATH, createBody({vaultingRequestId: 'x'.repeat(65)}), /vaultingRequestId: longer than 64/],
    [CREATE_PATH, createBody({vaultingNotificationUrl: undefined}), /vaultingNotificationUrl: missing/],
    [CREATE_PATH, createBody({vaultingNotificationUrl: 'ftp://merchant.example/n'}), /vaultingNotificationUrl: not a valid url/],
    [CREATE_PATH, createBody({redirectUrl: `https://m.example/${'a'.repeat(2048)}`}), /redirectUrl: longer than 2048/],
    [CREATE_PATH, createBody({merchantRegion: 'SGP'}), /merchantRegion/],
    [CREATE_PATH, createBody({paymentMethodType: 'WALLET'}), /CARD only/],
    [CREATE_PATH, '{"paymentMethodType":', /not UTF-8 JSON/],
    [CREATE_PATH, '[]', /body: missing or not a object/],
    [INQUIRE_PATH, '{}', /vaultingRequestId: missing/],
  ];
  for (const [path, body, message] of cases) {
    const answer = await signedPost(harness.sandbox.url, path, body);
    assert.equal(answer.json.result.resultCode, 'PARAM_ILLEGAL', body.slice(0, 60));
    assert.match(answer.json.result.resultMessage, message);
    assert.ok(answer.headers.get('signature'), 'signed');
  }
});

test('inquireVaulting: unknown id, then PROCESSING before a card, then SUCCESS with the card token', async () => {
  await assert.rejects(harness.client.inquireVaulting({vaultingRequestId: 'never-created'}), {
    code: 'RESULT_FAILED',
    resultCode: 'VAULTING_NOT_EXIST',
  });
  const {sessionData, vaultingRequestId} = await createSession(harness.client);
  const pending = await harness.client.inquireVaulting({vaultingRequestId});
  // Every PROCESSING answer carries VERIFICATION_IN_PROCESS (J AlipayVaultingQueryResponse).
  assert.deepEqual([pending.vaultingStatus, pending.vaultingResultCode], ['PROCESSING', 'VERIFICATION_IN_PROCESS']);
  assert.equal(pending.paymentMethodDetail, undefined);

  await submitCard(sessionData, GOOD_CARD);
  const done = await harness.client.inquireVaulting({vaultingRequestId});
  assert.equal(done.vaultingStatus, 'SUCCESS');
  assert.equal(done.vaultingResultCode, 'SUCCESS');
  assert.equal(done.paymentMethodDetail?.paymentMethodType, 'CARD');
  assert.deepEqual(
    {brand: done.paymentMethodDetail?.card?.brand, maskedCardNo: done.paymentMethodDetail?.card?.maskedCardNo},
    {brand: 'VISA', maskedCardNo: '************4242'},
  );
  assert.match(done.paymentMethodDetail?.card?.cardToken ?? '', /^SANDBOX_CT_[A-Za-z0-9_-]{32}$/);
});

test('inquireVaulting: PROCESSING after a decline while the session is open, FAIL with its code once expired; a lapsed session without a card is FAIL ORDER_IS_CLOSED', async () => {
  const {sessionData, vaultingRequestId} = await createSession(harness.client);
  await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000002'});
  const declined = await harness.client.inquireVaulting({vaultingRequestId});
  assert.deepEqual([declined.vaultingStatus, declined.vaultingResultCode], ['PROCESSING', 'VERIFICATION_IN_PROCESS']);
  assert.match(declined.vaultingResultMessage ?? '', /declined; waiting for the buyer to try again/);

  let now = Date.now();
  const clocked = await startTestSandbox({now: () => new Date(now)});
  try {
    const lapsed = await createSession(clocked.client);
    const lapsedAfterDecline = await createSession(clocked.client);
    await submitCard(lapsedAfterDecline.sessionData, {...GOOD_CARD, cardNo: '4000000000000002'});
    now += 31 * 60_000;
    const answer = await clocked.client.inquireVaulting({vaultingRequestId: lapsed.vaultingRequestId});
    assert.deepEqual([answer.vaultingStatus, answer.vaultingResultCode], ['FAIL', 'ORDER_IS_CLOSED']);
    // The expiry timer runs on wall time; the inquiry notices the expiry by the (injected) clock first.
    const afterDecline = await clocked.client.inquireVaulting({vaultingRequestId: lapsedAfterDecline.vaultingRequestId});
    assert.deepEqual([afterDecline.vaultingStatus, afterDecline.vaultingResultCode], ['FAIL', 'DO_NOT_HONOR']);
  } finally {
    await clocked.sandbox.close();
  }
});

test('request ids are per merchant', async () => {
  const second = testKeyPair('merchant-2');
  const twoMerchants = await startTestSandbox({
    merchants: [
      {clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyPem},
      {clientId: 'SANDBOX_SECOND', publicKey: second.publicKeyPem},
    ],
  });
  try {
    const {vaultingRequestId} = await createSession(twoMerchants.client);
    const answer = await signedPost(twoMerchants.sandbox.url, INQUIRE_PATH, JSON.stringify({vaultingRequestId}), {
      clientId: 'SANDBOX_SECOND',
      privateKey: second.privateKey,
    });
    assert.equal(answer.json.result.resultCode, 'VAULTING_NOT_EXIST');
  } finally {
    await twoMerchants.sandbox.close();
  }
});

test('GET /__sandbox/bindings lists bindings with masked card, token and notification attempts', async () => {
  const {sessionData, vaultingRequestId} = await createSession(harness.client);
  await submitCard(sessionData, GOOD_CARD);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const answer = await fetch(`${harness.sandbox.url}/__sandbox/bindings`);
  assert.equal(answer.status, 200);
  const {bindings} = (await answer.json()) as {bindings: BindingView[]};
  const binding = bindings.find((candidate) => candidate.vaultingRequestId === vaultingRequestId)!;
  assert.equal(binding.state, 'SUCCESS');
  assert.equal(binding.card?.maskedCardNo, '************4242');
  assert.match(binding.card?.cardToken ?? '', /^SANDBOX_CT_/);
  assert.equal(binding.notification.url, UNREACHABLE_NOTIFY_URL);
  assert.ok(binding.notification.attempts.length >= 1);
  assert.equal(binding.notification.attempts[0]?.error, 'network error');
});
