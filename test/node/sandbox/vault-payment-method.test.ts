import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {DECLINE_MESSAGES, SCENARIO_CARDS, type BindingView} from '../../../src/sandbox/index.js';
import {AntomResultError, importPublicKey, parseSignatureHeader, verifyContent, type VaultPaymentMethodRequest} from '../../../src/server/index.js';
import {testKeyPair} from '../helpers/keys.js';
import {startMerchantEndpoint, type MerchantEndpoint} from '../helpers/merchant-endpoint.js';
import {
  CLIENT_ID,
  createSession,
  newRequestId,
  signedPost,
  startTestSandbox,
  UNREACHABLE_NOTIFY_URL,
  waitFor,
  type TestSandbox,
} from '../helpers/sandbox.js';

const VAULT_PATH = '/ams/api/v1/vaults/vaultPaymentMethod';
const SANDBOX_VAULT_PATH = '/ams/sandbox/api/v1/vaults/vaultPaymentMethod';
const REDIRECT_URL = 'https://merchant.example/cards/done?ref=7';
const TOKEN_PATTERN = /^SANDBOX_CT_[A-Za-z0-9_-]{32}$/;

/** Distinctive expiry and security code, so the leak checks cannot match something else. */
const CARD = {
  cardNo: '4242424242424242',
  expiryMonth: '07',
  expiryYear: '38',
  cvv: '913',
  cardholderName: {fullName: 'Ada Lovelace'},
};

type CardOverrides = Partial<VaultPaymentMethodRequest['paymentMethodDetail']['card']>;

function vaultRequest(card: CardOverrides = {}, overrides: Partial<VaultPaymentMethodRequest> = {}): VaultPaymentMethodRequest {
  return {
    vaultingRequestId: newRequestId(),
    vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL,
    redirectUrl: REDIRECT_URL,
    paymentMethodDetail: {paymentMethodType: 'CARD', card: {...CARD, ...card}},
    env: {terminalType: 'WEB', clientIp: '203.0.113.7', browserInfo: {language: 'en-GB', javaScriptEnabled: true}},
    ...overrides,
  };
}

let harness: TestSandbox;
let merchant: MerchantEndpoint;
before(async () => {
  // Slow enough that the processing card is still PROCESSING when asked about.
  harness = await startTestSandbox({processingDelayMs: 60_000});
  merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID});
});
after(async () => {
  await harness.sandbox.close();
  await merchant.close();
});

function bindingOf(sandbox: TestSandbox, vaultingRequestId: string): BindingView | undefined {
  return sandbox.sandbox.bindings().find((binding) => binding.vaultingRequestId === vaultingRequestId);
}

/** Completion log lines: the emulator writes exactly one when a binding becomes final (and notifies). */
function completions(sandbox: TestSandbox, vaultingRequestId: string): string[] {
  return sandbox.logs.filter((line) => line.startsWith(`binding ${vaultingRequestId}: `));
}

function choose(url: string, outcome: 'pass' | 'fail'): Promise<Response> {
  return fetch(url, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: `outcome=${outcome}`, redirect: 'manual'});
}

test('a card binds: S SUCCESS with a sandbox card token, brand and masked number; one AMS notification echoing metadata; inquireVaulting agrees', async () => {
  const request = vaultRequest({}, {vaultingNotificationUrl: merchant.url, metadata: '{"buyer":"b-17"}'});
  const answer = await harness.client.vaultPaymentMethod(request);
  assert.deepEqual(answer.result, {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'});
  assert.equal(answer.vaultingRequestId, request.vaultingRequestId);
  const card = answer.paymentMethodDetail?.card;
  assert.equal(answer.paymentMethodDetail?.paymentMethodType, 'CARD');
  assert.deepEqual([card?.brand, card?.maskedCardNo], ['VISA', '************4242']);
  assert.match(card?.cardToken ?? '', TOKEN_PATTERN);
  assert.equal(answer.normalUrl, undefined);

  await waitFor(() => merchant.stored.has(request.vaultingRequestId), 2000, 'the notification');
  const note = merchant.stored.get(request.vaultingRequestId)!;
  assert.deepEqual(Object.keys(note).sort(), ['metadata', 'paymentMethodDetail', 'result', 'vaultingRequestId']);
  assert.deepEqual(note.result, answer.result);
  assert.equal(note.metadata, '{"buyer":"b-17"}');
  assert.deepEqual(note.paymentMethodDetail, {paymentMethodType: 'CARD', card: {cardToken: card?.cardToken, brand: 'VISA', maskedCardNo: '************4242'}});

  const inquiry = await harness.client.inquireVaulting({vaultingRequestId: request.vaultingRequestId});
  assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['SUCCESS', 'SUCCESS']);
  assert.equal(inquiry.paymentMethodDetail?.card?.cardToken, card?.cardToken);
  assert.equal(inquiry.metadata, '{"buyer":"b-17"}');

  const binding = bindingOf(harness, request.vaultingRequestId)!;
  assert.deepEqual(
    [binding.api, binding.state, binding.vaultingSessionId, binding.expiresAt, binding.resultCode, binding.declinedAttempts],
    ['vaultPaymentMethod', 'SUCCESS', null, null, 'SUCCESS', 0],
  );
  assert.deepEqual(binding.card, {brand: 'VISA', maskedCardNo: '************4242', cardToken: card?.cardToken});
});

test('every scenario card answers as its table says, and inquireVaulting then agrees', async () => {
  for (const {cardNo, scenario} of SCENARIO_CARDS) {
    const request = vaultRequest({cardNo});
    const {vaultingRequestId} = request;
    const answer = await harness.client.vaultPaymentMethod(request);
    const last4 = cardNo.slice(-4);
    switch (scenario.kind) {
      case 'success': {
        assert.equal(answer.result.resultStatus, 'S', cardNo);
        assert.equal(answer.paymentMethodDetail?.card?.maskedCardNo?.slice(-4), last4);
        const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
        assert.equal(inquiry.vaultingStatus, 'SUCCESS', cardNo);
        assert.equal(inquiry.paymentMethodDetail?.card?.cardToken, answer.paymentMethodDetail?.card?.cardToken);
        break;
      }
      case 'decline': {
        assert.deepEqual(answer.result, {resultCode: scenario.resultCode, resultStatus: 'F', resultMessage: DECLINE_MESSAGES[scenario.resultCode]}, cardNo);
        assert.equal(answer.paymentMethodDetail, undefined);
        const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
        assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['FAIL', scenario.resultCode], cardNo);
        break;
      }
      case 'challenge': {
        assert.deepEqual([answer.result.resultStatus, answer.result.resultCode], ['U', 'VERIFICATION_IN_PROCESS'], cardNo);
        assert.ok(answer.normalUrl?.startsWith(`${harness.sandbox.url}/__sandbox/3ds/`), answer.normalUrl);
        const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
        assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode, inquiry.normalUrl], ['PROCESSING', 'VERIFICATION_IN_PROCESS', answer.normalUrl]);
        break;
      }
      case 'processing': {
        assert.deepEqual([answer.result.resultStatus, answer.result.resultCode], ['U', 'UNKNOWN_EXCEPTION'], cardNo);
        const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
        assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode, inquiry.normalUrl], ['PROCESSING', 'VERIFICATION_IN_PROCESS', undefined]);
        break;
      }
      case 'gateway_error': {
        assert.deepEqual([answer.result.resultStatus, answer.result.resultCode], ['U', 'UNKNOWN_EXCEPTION'], cardNo);
        await assert.rejects(harness.client.inquireVaulting({vaultingRequestId}), {resultCode: 'VAULTING_NOT_EXIST'});
        assert.equal(bindingOf(harness, vaultingRequestId), undefined, 'nothing recorded');
        break;
      }
    }
  }
});

test("the merchant's rules: expired is F CARD_EXPIRED, a brand it does not accept or an unknown brand F CARD_NOT_SUPPORTED; each final and notified", async () => {
  const visaOnly = await startTestSandbox({
    merchants: [{clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyPem, acceptedBrands: ['VISA']}],
  });
  const endpoint = await startMerchantEndpoint({antomPublicKey: visaOnly.sandbox.publicKey, clientId: CLIENT_ID});
  try {
    const cases: [CardOverrides, string][] = [
      [{expiryMonth: '01', expiryYear: '20'}, 'CARD_EXPIRED'],
      [{cardNo: '5555555555554444'}, 'CARD_NOT_SUPPORTED'],
      [{cardNo: '1234567812345670'}, 'CARD_NOT_SUPPORTED'],
    ];
    for (const [card, code] of cases) {
      const request = vaultRequest(card, {vaultingNotificationUrl: endpoint.url});
      const answer = await visaOnly.client.vaultPaymentMethod(request);
      assert.deepEqual([answer.result.resultStatus, answer.result.resultCode], ['F', code]);
      await waitFor(() => endpoint.stored.has(request.vaultingRequestId), 2000, `the ${code} notification`);
      assert.deepEqual(endpoint.stored.get(request.vaultingRequestId)?.result, answer.result);
      const inquiry = await visaOnly.client.inquireVaulting({vaultingRequestId: request.vaultingRequestId});
      assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['FAIL', code]);
    }
  } finally {
    await visaOnly.sandbox.close();
    await endpoint.close();
  }
});

test('is3DSAuthentication on the card sends an ordinary card through 3-D Secure', async () => {
  const answer = await harness.client.vaultPaymentMethod(vaultRequest({is3DSAuthentication: true}));
  assert.equal(answer.result.resultCode, 'VERIFICATION_IN_PROCESS');
  assert.ok(answer.normalUrl);
  const page = await (await fetch(answer.normalUrl)).text();
  assert.match(page, /\*{12}4242/);
  // false, or absent, binds directly.
  assert.equal((await harness.client.vaultPaymentMethod(vaultRequest({is3DSAuthentication: false}))).result.resultCode, 'SUCCESS');
});

test('3-D Secure passed: the page 303s to redirectUrl, one S notification, and repeats of the call answer S with the same token', async () => {
  const request = vaultRequest({cardNo: '4000000000003220'}, {vaultingNotificationUrl: merchant.url});
  const {vaultingRequestId} = request;
  const pending = await harness.client.vaultPaymentMethod(request);
  assert.deepEqual([pending.result.resultStatus, pending.result.resultCode], ['U', 'VERIFICATION_IN_PROCESS']);
  assert.deepEqual(await harness.client.vaultPaymentMethod(request), pending, 'the same U answer while the challenge is pending');

  const page = await fetch(pending.normalUrl!);
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.match(html, /\*{12}3220/);
  assert.ok(!html.includes(request.paymentMethodDetail.card.cardNo));

  const passed = await choose(pending.normalUrl!, 'pass');
  assert.deepEqual([passed.status, passed.headers.get('location')], [303, REDIRECT_URL]);
  await waitFor(() => bindingOf(harness, vaultingRequestId)?.notification.acknowledged === true, 2000, 'the acknowledged notification');
  const note = merchant.stored.get(vaultingRequestId)!;
  assert.deepEqual([note.result.resultStatus, note.result.resultCode], ['S', 'SUCCESS']);
  const token = note.paymentMethodDetail?.card?.cardToken;
  assert.match(token ?? '', TOKEN_PATTERN);

  // Choosing again changes nothing and notifies nothing.
  assert.equal((await choose(pending.normalUrl!, 'fail')).status, 303);
  assert.equal(completions(harness, vaultingRequestId).length, 1);
  assert.equal(bindingOf(harness, vaultingRequestId)?.notification.attempts.length, 1);

  const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
  assert.deepEqual([inquiry.vaultingStatus, inquiry.paymentMethodDetail?.card?.cardToken], ['SUCCESS', token]);
  const repeat = await harness.client.vaultPaymentMethod(request);
  assert.deepEqual([repeat.result.resultCode, repeat.paymentMethodDetail?.card?.cardToken, repeat.normalUrl], ['SUCCESS', token, undefined]);
});

test('3-D Secure failed: the page 303s to redirectUrl, one F USER_PAYMENT_VERIFICATION_FAILED notification; repeats answer F', async () => {
  const request = vaultRequest({cardNo: '4000000000003220'}, {vaultingNotificationUrl: merchant.url});
  const {vaultingRequestId} = request;
  const pending = await harness.client.vaultPaymentMethod(request);
  const failed = await choose(pending.normalUrl!, 'fail');
  assert.deepEqual([failed.status, failed.headers.get('location')], [303, REDIRECT_URL]);
  await waitFor(() => bindingOf(harness, vaultingRequestId)?.notification.acknowledged === true, 2000, 'the acknowledged notification');
  const expected = {resultCode: 'USER_PAYMENT_VERIFICATION_FAILED', resultStatus: 'F', resultMessage: DECLINE_MESSAGES.USER_PAYMENT_VERIFICATION_FAILED};
  assert.deepEqual(merchant.stored.get(vaultingRequestId)?.result, expected);
  assert.equal(merchant.stored.get(vaultingRequestId)?.paymentMethodDetail?.card?.cardToken, undefined);

  assert.equal((await choose(pending.normalUrl!, 'pass')).status, 303);
  assert.equal(completions(harness, vaultingRequestId).length, 1);
  assert.equal(bindingOf(harness, vaultingRequestId)?.state, 'FAIL');

  const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
  assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['FAIL', 'USER_PAYMENT_VERIFICATION_FAILED']);
  assert.deepEqual((await harness.client.vaultPaymentMethod(request)).result, expected);
});

test('the processing card: U UNKNOWN_EXCEPTION and PROCESSING, then SUCCESS and its notification after processingDelayMs', async () => {
  const slow = await startTestSandbox({processingDelayMs: 500});
  const endpoint = await startMerchantEndpoint({antomPublicKey: slow.sandbox.publicKey, clientId: CLIENT_ID});
  try {
    const request = vaultRequest({cardNo: '4000000000000077'}, {vaultingNotificationUrl: endpoint.url});
    const {vaultingRequestId} = request;
    const answer = await slow.client.vaultPaymentMethod(request);
    assert.deepEqual([answer.result.resultStatus, answer.result.resultCode, answer.vaultingRequestId], ['U', 'UNKNOWN_EXCEPTION', vaultingRequestId]);
    const pending = await slow.client.inquireVaulting({vaultingRequestId});
    assert.deepEqual([pending.vaultingStatus, pending.vaultingResultCode], ['PROCESSING', 'VERIFICATION_IN_PROCESS']);
    assert.deepEqual(await slow.client.vaultPaymentMethod(request), answer, 'the same answer while processing');
    assert.equal(endpoint.requests.length, 0);

    await waitFor(() => endpoint.stored.has(vaultingRequestId), 3000, 'the SUCCESS notification');
    const note = endpoint.stored.get(vaultingRequestId)!;
    assert.deepEqual([note.result.resultStatus, note.result.resultCode], ['S', 'SUCCESS']);
    const token = note.paymentMethodDetail?.card?.cardToken;
    assert.match(token ?? '', TOKEN_PATTERN);
    const done = await slow.client.inquireVaulting({vaultingRequestId});
    assert.deepEqual([done.vaultingStatus, done.paymentMethodDetail?.card?.cardToken], ['SUCCESS', token]);
    const repeat = await slow.client.vaultPaymentMethod(request);
    assert.deepEqual([repeat.result.resultCode, repeat.paymentMethodDetail?.card?.cardToken], ['SUCCESS', token]);
    assert.equal(completions(slow, vaultingRequestId).length, 1);
  } finally {
    await slow.sandbox.close();
    await endpoint.close();
  }
});

test('idempotency: the same id and parameters get the same answer whatever the key order; other parameters get PARAM_ILLEGAL', async () => {
  const request = vaultRequest({}, {metadata: 'm-1'});
  const first = await harness.client.vaultPaymentMethod(request);
  assert.equal(first.result.resultCode, 'SUCCESS');
  assert.deepEqual(await harness.client.vaultPaymentMethod(request), first);
  // The same request with its keys in another order, at every level.
  const reordered = {
    metadata: request.metadata,
    env: request.env,
    paymentMethodDetail: {card: Object.fromEntries(Object.entries(request.paymentMethodDetail.card).reverse()), paymentMethodType: 'CARD'},
    redirectUrl: request.redirectUrl,
    vaultingNotificationUrl: request.vaultingNotificationUrl,
    vaultingRequestId: request.vaultingRequestId,
  };
  const raw = await signedPost(harness.sandbox.url, SANDBOX_VAULT_PATH, JSON.stringify(reordered));
  assert.deepEqual(raw.json, first);
  assert.equal(completions(harness, request.vaultingRequestId).length, 1, 'bound once');
  assert.equal(harness.sandbox.bindings().filter((binding) => binding.vaultingRequestId === request.vaultingRequestId).length, 1);

  const others: VaultPaymentMethodRequest[] = [
    {...request, paymentMethodDetail: {paymentMethodType: 'CARD', card: {...CARD, cardNo: '5555555555554444'}}},
    {...request, redirectUrl: 'https://merchant.example/elsewhere'},
    {...request, metadata: 'm-2'},
  ];
  for (const other of others) {
    const refused = await harness.client.vaultPaymentMethod(other);
    assert.deepEqual([refused.result.resultStatus, refused.result.resultCode], ['F', 'PARAM_ILLEGAL']);
    assert.match(refused.result.resultMessage ?? '', /vaultingRequestId: already used with different parameters/);
  }
  assert.deepEqual(await harness.client.vaultPaymentMethod(request), first, 'still the first answer');

  // A decline is final too: repeated, not re-run.
  const declined = vaultRequest({cardNo: '4000000000000002'});
  const declineAnswer = await harness.client.vaultPaymentMethod(declined);
  assert.deepEqual(await harness.client.vaultPaymentMethod(declined), declineAnswer);
  assert.equal(completions(harness, declined.vaultingRequestId).length, 1);

  // The gateway-error card recorded nothing: the same id is free for the next call.
  const flaky = vaultRequest({cardNo: '4000000000000119'});
  assert.equal((await harness.client.vaultPaymentMethod(flaky)).result.resultCode, 'UNKNOWN_EXCEPTION');
  const retried = await harness.client.vaultPaymentMethod({...flaky, paymentMethodDetail: {paymentMethodType: 'CARD', card: CARD}});
  assert.equal(retried.result.resultCode, 'SUCCESS');
});

test('an id of createVaultingSession is refused by vaultPaymentMethod, and the other way round', async () => {
  const {vaultingRequestId} = await createSession(harness.client);
  const refused = await harness.client.vaultPaymentMethod(vaultRequest({}, {vaultingRequestId}));
  assert.deepEqual([refused.result.resultCode, refused.result.resultMessage], ['PARAM_ILLEGAL', 'Illegal parameters: vaultingRequestId: already used by createVaultingSession']);
  assert.equal(bindingOf(harness, vaultingRequestId)?.api, 'createVaultingSession');

  const vaulted = vaultRequest();
  await harness.client.vaultPaymentMethod(vaulted);
  await assert.rejects(
    createSession(harness.client, {vaultingRequestId: vaulted.vaultingRequestId}),
    (error: unknown) => error instanceof AntomResultError && error.resultCode === 'PARAM_ILLEGAL' && /already used by vaultPaymentMethod/.test(error.resultMessage),
  );
});

test('both paths answer, signed over the request path; a bad signature gets INVALID_SIGNATURE, unsigned, and records nothing', async () => {
  for (const path of [VAULT_PATH, SANDBOX_VAULT_PATH]) {
    const answer = await signedPost(harness.sandbox.url, path, JSON.stringify(vaultRequest()));
    assert.equal(answer.json.result.resultCode, 'SUCCESS', path);
    const {signature} = parseSignatureHeader(answer.headers.get('signature') ?? undefined);
    const time = answer.headers.get('response-time')!;
    assert.ok(verifyContent({path, clientId: CLIENT_ID, time, body: answer.text}, signature, importPublicKey(harness.sandbox.publicKey)));
  }

  const request = vaultRequest();
  const body = JSON.stringify(request);
  const refusals = [
    await signedPost(harness.sandbox.url, VAULT_PATH, body, {signedBody: body.replace('4242424242424242', '4000000000000002')}),
    await signedPost(harness.sandbox.url, VAULT_PATH, body, {privateKey: testKeyPair('other').privateKey}),
    await signedPost(harness.sandbox.url, SANDBOX_VAULT_PATH, body, {clientId: 'SANDBOX_NOBODY'}),
  ];
  for (const answer of refusals) {
    assert.deepEqual([answer.status, answer.json.result.resultCode, answer.json.result.resultStatus], [200, 'INVALID_SIGNATURE', 'F']);
    assert.equal(answer.headers.get('signature'), null);
  }
  await assert.rejects(harness.client.inquireVaulting({vaultingRequestId: request.vaultingRequestId}), {resultCode: 'VAULTING_NOT_EXIST'});
});

test('invalid fields get PARAM_ILLEGAL naming the field, never its value, and record nothing', async () => {
  const body = (overrides: Record<string, unknown>) => ({...vaultRequest(), ...overrides});
  const card = (overrides: Record<string, unknown>) => body({paymentMethodDetail: {paymentMethodType: 'CARD', card: {...CARD, ...overrides}}});
  const withoutKey = (key: string) => {
    const request: Record<string, unknown> = body({});
    delete request[key];
    return request;
  };
  // [request body, expected message, a value that must not be echoed]
  const cases: [Record<string, unknown>, RegExp, string | null][] = [
    [card({cardNo: '4242-4242-4242-4242'}), /paymentMethodDetail\.card\.cardNo: must be 8 to 32 digits/, '4242-4242-4242-4242'],
    [card({cardNo: '4242424242424241'}), /paymentMethodDetail\.card\.cardNo: fails the check digit/, '4242424242424241'],
    [card({expiryMonth: '13'}), /paymentMethodDetail\.card\.expiryMonth: must be two digits, 01 to 12/, '13'],
    [card({expiryYear: '2038'}), /paymentMethodDetail\.card\.expiryYear: must be two digits/, '2038'],
    [card({cvv: '91'}), /paymentMethodDetail\.card\.cvv: must be 3 or 4 digits/, '"91"'],
    [card({cardholderName: undefined}), /paymentMethodDetail\.card\.cardholderName: required/, null],
    [card({cardholderName: {fullName: '  '}}), /paymentMethodDetail\.card\.cardholderName: required/, null],
    [body({paymentMethodDetail: {paymentMethodType: 'WALLET', card: CARD}}), /paymentMethodDetail\.paymentMethodType: the emulator vaults CARD only/, null],
    [withoutKey('redirectUrl'), /redirectUrl: missing/, null],
    [withoutKey('env'), /env: missing/, null],
    [body({env: {terminalType: 'TV'}}), /env\.terminalType: must be one of "WEB", "WAP", "APP", "MINI_APP"/, '"TV"'],
    [body({vaultingRequestId: 'v'.repeat(65)}), /vaultingRequestId: longer than 64/, 'vvvvvvvv'],
    [body({metadata: 'm'.repeat(2049)}), /metadata: longer than 2048/, 'mmmmmmmm'],
    [body({merchantRegion: 'SGP'}), /merchantRegion: must be an ISO 3166 alpha-2 code/, 'SGP'],
  ];
  const before = harness.sandbox.bindings().length;
  for (const [request, message, value] of cases) {
    const answer = await signedPost(harness.sandbox.url, SANDBOX_VAULT_PATH, JSON.stringify(request));
    assert.deepEqual([answer.json.result.resultStatus, answer.json.result.resultCode], ['F', 'PARAM_ILLEGAL'], answer.text);
    assert.match(answer.json.result.resultMessage, message);
    assert.ok(answer.headers.get('signature'), 'signed');
    if (value !== null) assert.ok(!answer.text.includes(value), `the value stays out of ${answer.text}`);
    assert.ok(!answer.text.includes(CARD.cardNo) && !answer.text.includes(`"${CARD.cvv}"`), answer.text);
  }
  const notJson = await signedPost(harness.sandbox.url, SANDBOX_VAULT_PATH, `{"paymentMethodDetail":{"card":{"cardNo":"${CARD.cardNo}"`);
  assert.deepEqual([notJson.json.result.resultCode, notJson.json.result.resultMessage], ['PARAM_ILLEGAL', 'The request body is not UTF-8 JSON.']);
  assert.equal(harness.sandbox.bindings().length, before, 'nothing recorded');
});

test('notifyVaulting: AMS fields by default (metadata only when given), APO fields with notificationFields "apo"', async () => {
  const plain = vaultRequest({}, {vaultingNotificationUrl: merchant.url});
  await harness.client.vaultPaymentMethod(plain);
  await waitFor(() => merchant.stored.has(plain.vaultingRequestId), 2000, 'the notification');
  assert.deepEqual(Object.keys(merchant.stored.get(plain.vaultingRequestId)!).sort(), ['paymentMethodDetail', 'result', 'vaultingRequestId']);

  const apo = await startTestSandbox({notificationFields: 'apo'});
  const endpoint = await startMerchantEndpoint({antomPublicKey: apo.sandbox.publicKey, clientId: CLIENT_ID});
  try {
    const bound = vaultRequest({}, {vaultingNotificationUrl: endpoint.url, metadata: 'order-9'});
    const declined = vaultRequest({cardNo: '4000000000000002'}, {vaultingNotificationUrl: endpoint.url});
    await apo.client.vaultPaymentMethod(bound);
    await apo.client.vaultPaymentMethod(declined);
    await waitFor(() => endpoint.stored.size === 2, 2000, 'both notifications');
    const success = endpoint.stored.get(bound.vaultingRequestId)!;
    assert.deepEqual(Object.keys(success).sort(), ['metadata', 'paymentMethodDetail', 'result', 'vaultingCreateTime', 'vaultingRequestId', 'vaultingStatus']);
    assert.equal(success.vaultingStatus, 'SUCCESS');
    assert.equal(success.metadata, 'order-9');
    assert.equal(success.vaultingCreateTime, bindingOf(apo, bound.vaultingRequestId)?.createdAt.replace(/\.\d{3}Z$/, '+00:00'));
    const failure = endpoint.stored.get(declined.vaultingRequestId)!;
    assert.deepEqual([failure.vaultingStatus, failure.result.resultCode], ['FAIL', 'DO_NOT_HONOR']);
  } finally {
    await apo.sandbox.close();
    await endpoint.close();
  }
});

test('GET /__sandbox/bindings lists vaultPaymentMethod records beside sessions, saying which API made each', async () => {
  const vaulted = vaultRequest({cardNo: '5555555555554444'});
  await harness.client.vaultPaymentMethod(vaulted);
  const {vaultingRequestId: sessionId} = await createSession(harness.client);
  const {bindings} = (await (await fetch(`${harness.sandbox.url}/__sandbox/bindings`)).json()) as {bindings: BindingView[]};
  const vault = bindings.find((binding) => binding.vaultingRequestId === vaulted.vaultingRequestId)!;
  const session = bindings.find((binding) => binding.vaultingRequestId === sessionId)!;
  assert.deepEqual([vault.api, vault.state, vault.card?.brand, vault.card?.maskedCardNo], ['vaultPaymentMethod', 'SUCCESS', 'MASTERCARD', '************4444']);
  assert.deepEqual([session.api, session.state, typeof session.vaultingSessionId, typeof session.expiresAt], ['createVaultingSession', 'OPEN', 'string', 'string']);
});

test('leak scan: no log line, reply, page, listing or notification carries the card number, expiry or security code', async () => {
  const scanned = await startTestSandbox({processingDelayMs: 20});
  const endpoint = await startMerchantEndpoint({antomPublicKey: scanned.sandbox.publicKey, clientId: CLIENT_ID});
  const texts: string[] = [];
  const cardNumbers = new Set<string>();
  try {
    let count = 0;
    // Ids without digits, so a digit string in a log line can only come from the request.
    const id = () => `vr-leak-${[...(count++).toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`;
    const post = async (request: VaultPaymentMethodRequest) => {
      cardNumbers.add(request.paymentMethodDetail.card.cardNo);
      const answer = await signedPost(scanned.sandbox.url, SANDBOX_VAULT_PATH, JSON.stringify(request));
      texts.push(answer.text);
      return answer;
    };
    for (const {cardNo} of SCENARIO_CARDS) {
      const request = vaultRequest({cardNo}, {vaultingRequestId: id(), vaultingNotificationUrl: endpoint.url});
      const answer = await post(request);
      await post(request); // the idempotent repeat
      if (answer.json.normalUrl) {
        const page = await fetch(answer.json.normalUrl);
        texts.push(await page.text());
        const chosen = await choose(answer.json.normalUrl, 'pass');
        texts.push(await chosen.text());
      }
      const inquiry = await signedPost(scanned.sandbox.url, '/ams/sandbox/api/v1/vaults/inquireVaulting', JSON.stringify({vaultingRequestId: request.vaultingRequestId}));
      texts.push(inquiry.text);
    }
    await post(vaultRequest({is3DSAuthentication: true}, {vaultingRequestId: id()}));
    await post(vaultRequest({cardNo: '4242424242424241'}, {vaultingRequestId: id()}));
    await post(vaultRequest({cvv: '9x3'}, {vaultingRequestId: id()}));
    await post(vaultRequest({expiryMonth: '7', expiryYear: '38'}, {vaultingRequestId: id()}));
    const reused = vaultRequest({}, {vaultingRequestId: id()});
    await post(reused);
    await post({...reused, paymentMethodDetail: {paymentMethodType: 'CARD', card: {...CARD, cardNo: '6011111111111117'}}});

    // Everything that reaches a final state is notified (the gateway-error card records nothing).
    const finals = SCENARIO_CARDS.filter(({scenario}) => scenario.kind !== 'gateway_error').length;
    await waitFor(() => endpoint.stored.size === finals, 3000, 'every notification');
    texts.push(...[...endpoint.stored.values()].map((note) => JSON.stringify(note)));
    texts.push(JSON.stringify(scanned.sandbox.bindings()));
    texts.push(await (await fetch(`${scanned.sandbox.url}/__sandbox/bindings`)).text());
    // Notification attempt lines name the merchant's URL (a random port): not card data.
    const logs = scanned.logs.join('\n').replace(/https?:\/\/\S+/g, '<url>');
    assert.ok(logs.includes('vaultPaymentMethod'), 'the calls were logged');

    for (const text of [...texts, logs]) {
      for (const cardNo of cardNumbers) assert.ok(!text.includes(cardNo), `no card number in ${text.slice(0, 120)}`);
      for (const secret of [`"${CARD.cvv}"`, '"9x3"', `"${CARD.expiryMonth}"`, `"${CARD.expiryYear}"`, '07/38', '0738', '3807']) {
        assert.ok(!text.includes(secret), `no ${secret} in ${text.slice(0, 120)}`);
      }
    }
    // Log lines are ids, statuses and codes: no field of the card, and no digits from it.
    // (Case-sensitive: the decline code INVALID_CVV is a code, not card data.)
    assert.doesNotMatch(logs, /\b(?:cvv|expiryMonth|expiryYear|cardNo|cardholderName)\b|Lovelace/);
    assert.ok(!logs.includes(CARD.cvv), 'no security code digits in the logs');
  } finally {
    await scanned.sandbox.close();
    await endpoint.close();
  }
});
