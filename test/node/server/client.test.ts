import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  AntomClient,
  AntomFormatError,
  AntomRequestInvalidError,
  AntomResultError,
  AntomSignatureError,
  AntomTransportError,
  signatureHeaderFor,
  verifyContent,
  parseSignatureHeader,
  type AntomClientOptions,
} from '../../../src/server/index.js';
import {testKeyPair} from '../helpers/keys.js';

const merchant = testKeyPair('merchant');
const antom = testKeyPair('antom');
const CLIENT_ID = 'SANDBOX_5X00000000000000';
const SESSION_OK = {
  result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'},
  vaultingSessionData: 'AAAA&&SG&&188&&e30=',
  vaultingSessionId: 'sid-1',
  vaultingSessionExpiryTime: '2030-01-01T00:00:00+08:00',
};
const REQUEST = {paymentMethodType: 'CARD', vaultingRequestId: 'vr-1', vaultingNotificationUrl: 'https://merchant.example/notify'};

interface Captured {
  url: string;
  init: RequestInit;
}

/** A gateway stand-in: answers `body`, signed by Antom's key over the request path unless told otherwise. */
function fakeGateway(
  body: unknown,
  options: {status?: number; sign?: boolean; tamper?: (text: string) => string; signer?: typeof antom; time?: string} = {},
): {fetch: typeof fetch; calls: Captured[]} {
  const calls: Captured[] = [];
  const fakeFetch = (async (url: string | URL, init: RequestInit = {}) => {
    calls.push({url: String(url), init});
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = {'content-type': 'application/json'};
    if (options.sign !== false) {
      // The client's clock below (1685599933871), as Antom writes it: ISO 8601, seconds.
      const time = options.time ?? '2023-06-01T06:12:13+00:00';
      headers['response-time'] = time;
      headers['client-id'] = CLIENT_ID;
      headers.signature = signatureHeaderFor(
        {path: new URL(String(url)).pathname, clientId: CLIENT_ID, time, body: text},
        (options.signer ?? antom).privateKey,
      );
    }
    return new Response(options.tamper ? options.tamper(text) : text, {status: options.status ?? 200, headers});
  }) as typeof fetch;
  return {fetch: fakeFetch, calls};
}

function client(overrides: Partial<AntomClientOptions> = {}): AntomClient {
  return new AntomClient({
    clientId: CLIENT_ID,
    privateKey: merchant.privateKeyBase64,
    antomPublicKey: antom.publicKeyBase64,
    baseUrl: 'https://gateway.example/',
    now: () => new Date(1685599933871),
    ...overrides,
  });
}

test('createVaultingSession signs the request as documented and returns the verified, parsed answer', async () => {
  const gateway = fakeGateway(SESSION_OK);
  const response = await client({fetch: gateway.fetch}).createVaultingSession(REQUEST);
  assert.deepEqual(response, SESSION_OK);

  const [call] = gateway.calls;
  assert.ok(call);
  // SANDBOX_ client ids use the sandbox path, as Antom's SDKs do.
  assert.equal(call.url, 'https://gateway.example/ams/sandbox/api/v1/vaults/createVaultingSession');
  const headers = call.init.headers as Record<string, string>;
  assert.equal(headers['client-id'], CLIENT_ID);
  assert.equal(headers['request-time'], '1685599933871');
  assert.equal(call.init.method, 'POST');
  const body = call.init.body as string;
  assert.deepEqual(JSON.parse(body), REQUEST);
  const {signature, keyVersion} = parseSignatureHeader(headers.signature);
  assert.equal(keyVersion, 1);
  assert.ok(
    verifyContent(
      {path: '/ams/sandbox/api/v1/vaults/createVaultingSession', clientId: CLIENT_ID, time: '1685599933871', body},
      signature,
      merchant.publicKey,
    ),
  );
});

test('production client ids use /ams/api paths; sandboxPaths overrides', async () => {
  const gateway = fakeGateway(SESSION_OK);
  await client({fetch: gateway.fetch, clientId: CLIENT_ID, sandboxPaths: false}).createVaultingSession(REQUEST).catch(() => {});
  assert.equal(new URL(gateway.calls[0]!.url).pathname, '/ams/api/v1/vaults/createVaultingSession');
});

test('an invalid request is refused before anything is sent, naming the fields', async () => {
  const gateway = fakeGateway(SESSION_OK);
  const invalid = {...REQUEST, vaultingRequestId: 'x'.repeat(65), vaultingNotificationUrl: 'not a url', merchantRegion: 'usa'};
  await assert.rejects(client({fetch: gateway.fetch}).createVaultingSession(invalid), (error: unknown) => {
    assert.ok(error instanceof AntomRequestInvalidError);
    assert.equal(error.code, 'REQUEST_INVALID');
    assert.deepEqual(
      error.issues.map((issue) => issue.split(':')[0]),
      ['vaultingRequestId', 'vaultingNotificationUrl', 'merchantRegion'],
    );
    return true;
  });
  await assert.rejects(client({fetch: gateway.fetch}).inquireVaulting({vaultingRequestId: ''}), AntomRequestInvalidError);
  assert.equal(gateway.calls.length, 0);
});

test('a network failure, a timeout or a non-200 status is an AntomTransportError', async () => {
  const refused = (async () => {
    throw new TypeError('fetch failed');
  }) as typeof fetch;
  await assert.rejects(client({fetch: refused}).createVaultingSession(REQUEST), {code: 'TRANSPORT_FAILED'});
  // AbortSignal.timeout does not keep the process alive; a real socket would, so this timer does.
  const hanging = ((_url: string, init: RequestInit) =>
    new Promise((_resolve, reject) => {
      const keepAlive = setTimeout(() => reject(new Error('not aborted')), 5000);
      init.signal?.addEventListener('abort', () => {
        clearTimeout(keepAlive);
        reject(init.signal?.reason);
      });
    })) as typeof fetch;
  await assert.rejects(client({fetch: hanging, timeoutMs: 20}).createVaultingSession(REQUEST), /timed out/);
  await assert.rejects(client({fetch: fakeGateway(SESSION_OK, {status: 502}).fetch}).createVaultingSession(REQUEST), (error: unknown) => {
    assert.ok(error instanceof AntomTransportError);
    assert.equal(error.httpStatus, 502);
    return true;
  });
  // A real connection refused.
  await assert.rejects(client({baseUrl: 'http://127.0.0.1:9'}).createVaultingSession(REQUEST), AntomTransportError);
});

test('an unsigned, tampered or wrongly signed response is an AntomSignatureError', async () => {
  const cases = [
    fakeGateway(SESSION_OK, {sign: false}),
    fakeGateway(SESSION_OK, {tamper: (text) => text.replace('sid-1', 'sid-2')}),
    fakeGateway(SESSION_OK, {signer: testKeyPair('other')}),
  ];
  for (const gateway of cases) {
    await assert.rejects(client({fetch: gateway.fetch}).createVaultingSession(REQUEST), AntomSignatureError);
  }
});

test('result F or U is an AntomResultError with its code; an unsigned INVALID_SIGNATURE answer is reported as such', async () => {
  const failed = fakeGateway({result: {resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', resultMessage: 'Illegal parameters.'}});
  await assert.rejects(client({fetch: failed.fetch}).createVaultingSession(REQUEST), (error: unknown) => {
    assert.ok(error instanceof AntomResultError);
    assert.deepEqual([error.code, error.resultStatus, error.resultCode], ['RESULT_FAILED', 'F', 'PARAM_ILLEGAL']);
    return true;
  });
  const unknown = fakeGateway({result: {resultCode: 'UNKNOWN_EXCEPTION', resultStatus: 'U', resultMessage: 'retry'}});
  await assert.rejects(client({fetch: unknown.fetch}).inquireVaulting({vaultingRequestId: 'vr-1'}), {
    code: 'RESULT_UNKNOWN',
    resultCode: 'UNKNOWN_EXCEPTION',
  });
  const invalidSignature = fakeGateway(
    {result: {resultCode: 'INVALID_SIGNATURE', resultStatus: 'F', resultMessage: 'bad signature'}},
    {sign: false},
  );
  await assert.rejects(client({fetch: invalidSignature.fetch}).createVaultingSession(REQUEST), {
    code: 'RESULT_FAILED',
    resultCode: 'INVALID_SIGNATURE',
  });
});

test('a signed answer that is not the documented shape is an AntomFormatError', async () => {
  for (const body of ['not json', {result: {resultCode: 'SUCCESS', resultStatus: 'S'}}, {nothing: true}]) {
    await assert.rejects(client({fetch: fakeGateway(body).fetch}).createVaultingSession(REQUEST), (error: unknown) => {
      assert.ok(error instanceof AntomFormatError);
      assert.equal(error.code, 'RESPONSE_INVALID');
      return true;
    });
  }
});

test('inquireVaulting returns the typed status and card', async () => {
  const answer = {
    result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'},
    vaultingRequestId: 'vr-1',
    vaultingStatus: 'SUCCESS',
    paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: 'tok', maskedCardNo: '************4242', brand: 'VISA'}},
  };
  const gateway = fakeGateway(answer);
  const response = await client({fetch: gateway.fetch}).inquireVaulting({vaultingRequestId: 'vr-1'});
  assert.equal(response.vaultingStatus, 'SUCCESS');
  assert.equal(response.paymentMethodDetail?.card?.maskedCardNo, '************4242');
  assert.equal(new URL(gateway.calls[0]!.url).pathname, '/ams/sandbox/api/v1/vaults/inquireVaulting');
});

const VAULT_REQUEST = {
  vaultingRequestId: 'vr-vault-1',
  vaultingNotificationUrl: 'https://merchant.example/notify',
  redirectUrl: 'https://merchant.example/done',
  paymentMethodDetail: {
    paymentMethodType: 'CARD',
    card: {cardNo: '4242424242424242', expiryMonth: '12', expiryYear: '39', cvv: '737', cardholderName: {fullName: 'Ada Lovelace'}},
  },
  env: {terminalType: 'WEB' as const, clientIp: '203.0.113.7'},
};

test('vaultPaymentMethod: the documented path, signed; S, F and U answers all resolve, for the caller to act on', async () => {
  const answers = [
    {result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'}, paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: 'T1'}}},
    {result: {resultCode: 'VERIFICATION_FAIL', resultStatus: 'F', resultMessage: 'fail'}},
    {result: {resultCode: 'VERIFICATION_IN_PROCESS', resultStatus: 'U', resultMessage: 'go'}, normalUrl: 'https://3ds.example/x'},
  ];
  for (const body of answers) {
    const gateway = fakeGateway(body);
    const response = await client({fetch: gateway.fetch, sandboxPaths: false}).vaultPaymentMethod(VAULT_REQUEST);
    assert.deepEqual(response, body);
    assert.equal(new URL(gateway.calls[0]!.url).pathname, '/ams/api/v1/vaults/vaultPaymentMethod');
    assert.deepEqual(JSON.parse(gateway.calls[0]!.init.body as string), VAULT_REQUEST);
  }
});

test('vaultPaymentMethod: an invalid request names fields, never the card; a new documented field passes through', async () => {
  const gateway = fakeGateway({result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'ok'}});
  const bad = {...VAULT_REQUEST, paymentMethodDetail: {paymentMethodType: 'CARD', card: {...VAULT_REQUEST.paymentMethodDetail.card, cardNo: '4242-4242', expiryYear: '2039'}}};
  await assert.rejects(client({fetch: gateway.fetch}).vaultPaymentMethod(bad), (error: unknown) => {
    assert.ok(error instanceof AntomRequestInvalidError);
    assert.match(error.message, /paymentMethodDetail\.card\.cardNo/);
    assert.match(error.message, /paymentMethodDetail\.card\.expiryYear/);
    assert.equal(error.message.includes('4242'), false);
    assert.equal(error.message.includes('2039'), false);
    return true;
  });
  assert.equal(gateway.calls.length, 0);
  await client({fetch: gateway.fetch}).vaultPaymentMethod({...VAULT_REQUEST, vaultingCurrency: 'USD'} as typeof VAULT_REQUEST);
  assert.equal(JSON.parse(gateway.calls[0]!.init.body as string).vaultingCurrency, 'USD');
});

test('createVaultingSession passes fields it does not know through (Antom adds fields)', async () => {
  const gateway = fakeGateway(SESSION_OK);
  await client({fetch: gateway.fetch}).createVaultingSession({...REQUEST, newDocumentedField: 'x'} as typeof REQUEST);
  assert.equal(JSON.parse(gateway.calls[0]!.init.body as string).newDocumentedField, 'x');
});

// Issue 12, finding 4: a signed response was not tied to its request: an answer about req-A was
// accepted for req-B, and response-time was never checked.
test('a response whose response-time is stale, far ahead or not a time is an AntomSignatureError', async () => {
  for (const time of ['2024-01-01T00:00:00+00:00', '2023-06-01T06:20:00+00:00', '2023-06-01T06:00:00+00:00', 'banana']) {
    await assert.rejects(
      client({fetch: fakeGateway(SESSION_OK, {time}).fetch}).createVaultingSession(REQUEST),
      (error: unknown) => error instanceof AntomSignatureError && /response-time/.test(error.message),
      time,
    );
  }
  for (const time of ['2023-06-01T06:16:00+00:00', '2023-06-01T14:12:13+08:00', '1685599933871']) {
    await client({fetch: fakeGateway(SESSION_OK, {time}).fetch}).createVaultingSession(REQUEST);
  }
  await client({fetch: fakeGateway(SESSION_OK, {time: '2023-06-02T06:12:13+00:00'}).fetch, toleranceSeconds: 86_400}).createVaultingSession(REQUEST);
});

test('an answer about another vaultingRequestId is refused, even correctly signed', async () => {
  const aboutA = {
    result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'},
    vaultingRequestId: 'req-A',
    vaultingStatus: 'SUCCESS',
    paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: 'token-of-A'}},
  };
  await assert.rejects(client({fetch: fakeGateway(aboutA).fetch}).inquireVaulting({vaultingRequestId: 'req-B'}), (error: unknown) => {
    assert.ok(error instanceof AntomFormatError);
    assert.equal(error.code, 'RESPONSE_INVALID');
    assert.match(error.message, /another vaultingRequestId/);
    assert.equal(error.message.includes('token-of-A'), false);
    return true;
  });
  const vaultOfA = {result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'ok'}, vaultingRequestId: 'req-A'};
  await assert.rejects(client({fetch: fakeGateway(vaultOfA).fetch}).vaultPaymentMethod({...VAULT_REQUEST, vaultingRequestId: 'req-B'}), {code: 'RESPONSE_INVALID'});
  assert.equal((await client({fetch: fakeGateway(aboutA).fetch}).inquireVaulting({vaultingRequestId: 'req-A'})).vaultingStatus, 'SUCCESS');
});
