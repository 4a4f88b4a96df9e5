import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  AntomClient,
  AntomFormatError,
  AntomSignatureError,
  NOTIFICATION_ACK,
  NOTIFICATION_ACK_BODY,
  parseVaultingNotification,
  signatureHeaderFor,
  verifyNotification,
  type IncomingNotification,
} from '../../../src/server/index.js';
import {testKeyPair} from '../helpers/keys.js';

const antom = testKeyPair('antom');
const CLIENT_ID = 'SANDBOX_5X00000000000000';
const PATH = '/antom/notify?source=vaulting';
const TIME = '2024-01-01T08:00:00+08:00';
const AT_TIME = () => new Date('2024-01-01T00:00:00Z'); // TIME, in UTC
const BODY = JSON.stringify({
  result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'},
  vaultingRequestId: 'vr-1',
  vaultingStatus: 'SUCCESS',
  paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: 'SANDBOX_CT_x', maskedCardNo: '************4242', brand: 'VISA'}},
});

function signedNotification(overrides: Partial<IncomingNotification> = {}): IncomingNotification {
  return {
    method: 'POST',
    path: PATH,
    headers: {
      'client-id': CLIENT_ID,
      'request-time': TIME,
      signature: signatureHeaderFor({path: PATH, clientId: CLIENT_ID, time: TIME, body: BODY}, antom.privateKey),
    },
    rawBody: BODY,
    ...overrides,
  };
}

test('a notification signed by Antom verifies (string or Buffer body, record or Headers, any header case)', () => {
  const notification = signedNotification();
  assert.deepEqual(verifyNotification(notification, {antomPublicKey: antom.publicKeyPem, clientId: CLIENT_ID, now: AT_TIME}), {
    clientId: CLIENT_ID,
    requestTime: TIME,
  });
  const headers = notification.headers as Record<string, string>;
  const upper = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
  assert.doesNotThrow(() => verifyNotification({...notification, headers: upper, rawBody: Buffer.from(BODY)}, {antomPublicKey: antom.publicKeyBase64, now: AT_TIME}));
  assert.doesNotThrow(() => verifyNotification({...notification, headers: new Headers(headers)}, {antomPublicKey: antom.publicKey, now: AT_TIME}));
});

test('a changed body, time, path, client id or key is rejected', () => {
  const notification = signedNotification();
  const headers = notification.headers as Record<string, string>;
  const tampered: [string, IncomingNotification][] = [
    ['body', {...notification, rawBody: BODY.replace('4242', '4243')}],
    ['re-serialised body', {...notification, rawBody: JSON.stringify(JSON.parse(BODY), null, 1)}],
    ['time', {...notification, headers: {...headers, 'request-time': '2024-01-01T08:00:01+08:00'}}],
    ['path', {...notification, path: '/antom/notify'}],
    ['client id', {...notification, headers: {...headers, 'client-id': 'SANDBOX_OTHER'}}],
    ['no signature', {...notification, headers: {...headers, signature: undefined}}],
    ['no time', {...notification, headers: {...headers, 'request-time': undefined}}],
  ];
  for (const [what, candidate] of tampered) {
    assert.throws(() => verifyNotification(candidate, {antomPublicKey: antom.publicKey, now: AT_TIME}), AntomSignatureError, what);
  }
  assert.throws(() => verifyNotification(notification, {antomPublicKey: testKeyPair('other').publicKey}), AntomSignatureError, 'key');
  assert.throws(() => verifyNotification(notification, {antomPublicKey: antom.publicKey, clientId: 'SANDBOX_ME'}), AntomSignatureError, 'expected client');
});

test('parseVaultingNotification types the body and refuses what is not one', () => {
  const notification = parseVaultingNotification(BODY);
  assert.equal(notification.vaultingRequestId, 'vr-1');
  assert.equal(notification.paymentMethodDetail?.card?.cardToken, 'SANDBOX_CT_x');
  for (const bad of ['', '{', '[]', '{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}', new Uint8Array([0xff, 0xfe])]) {
    assert.throws(() => parseVaultingNotification(bad), (error: unknown) => error instanceof AntomFormatError && error.code === 'NOTIFICATION_INVALID');
  }
});

test('the acknowledgement is the fixed body', () => {
  assert.equal(NOTIFICATION_ACK_BODY, '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}');
  assert.deepEqual(JSON.parse(NOTIFICATION_ACK_BODY), NOTIFICATION_ACK);
});

test('the client verifies and parses with its own Antom key and client id', () => {
  const client = new AntomClient({
    clientId: CLIENT_ID,
    privateKey: testKeyPair('merchant').privateKeyPem,
    antomPublicKey: antom.publicKeyPem,
    baseUrl: 'https://gateway.example',
    now: AT_TIME,
  });
  assert.equal(client.receiveVaultingNotification(signedNotification()).vaultingStatus, 'SUCCESS');
  assert.throws(() => client.receiveVaultingNotification(signedNotification({rawBody: `${BODY}\n`})), AntomSignatureError);
});

// Issue 12, finding 3: signed notifications were accepted with any request-time, so a captured one
// could be replayed forever. Finding 9: bad inputs threw TypeError; a 10 MB body was accepted.

function signedAt(time: string, body = BODY): IncomingNotification {
  return {
    method: 'POST',
    path: PATH,
    headers: {'client-id': CLIENT_ID, 'request-time': time, signature: signatureHeaderFor({path: PATH, clientId: CLIENT_ID, time, body}, antom.privateKey)},
    rawBody: body,
  };
}

test('freshness: a request-time outside the tolerance (default 5 minutes, either side) is refused, even when signed', () => {
  const options = {antomPublicKey: antom.publicKey, now: AT_TIME};
  for (const time of ['2001-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', 'banana', '', '2024-01-01T00:05:01+00:00', '2023-12-31T23:54:59Z']) {
    assert.throws(
      () => verifyNotification(signedAt(time), options),
      (error: unknown) => error instanceof AntomSignatureError && /request-time/.test(error.message),
      time,
    );
  }
  for (const time of ['2024-01-01T00:05:00+00:00', '2023-12-31T23:55:00Z', '2024-01-01T08:04:00+08:00', String(Date.parse('2024-01-01T00:03:00Z'))]) {
    assert.doesNotThrow(() => verifyNotification(signedAt(time), options), time);
  }
  assert.doesNotThrow(() => verifyNotification(signedAt('2023-12-31T00:00:00Z'), {...options, toleranceSeconds: 86_400}));
  assert.throws(() => verifyNotification(signedAt('2023-12-31T00:00:00Z'), {...options, toleranceSeconds: 60}), AntomSignatureError);
});

test('bad inputs are typed errors, never a TypeError; a body over the size limit is refused before any work', () => {
  const options = {antomPublicKey: antom.publicKey, now: AT_TIME};
  const good = signedNotification();
  for (const headers of [undefined, null, 42, 'client-id: x']) {
    assert.throws(() => verifyNotification({...good, headers: headers as never}, options), AntomSignatureError, String(headers));
  }
  for (const rawBody of [undefined, null, 42, {}]) {
    assert.throws(
      () => verifyNotification({...good, rawBody: rawBody as never}, options),
      (error: unknown) => error instanceof AntomFormatError && error.code === 'NOTIFICATION_INVALID',
      String(rawBody),
    );
  }
  assert.throws(() => verifyNotification({...good, method: undefined as never}, options), AntomSignatureError);
  assert.throws(() => verifyNotification(undefined as never, options), AntomSignatureError);
  const huge = JSON.stringify({...JSON.parse(BODY), padding: 'x'.repeat(10 * 1024 * 1024)});
  assert.throws(
    () => verifyNotification(signedAt(TIME, huge), options),
    (error: unknown) => error instanceof AntomFormatError && /larger than 65536 bytes/.test(error.message),
  );
  assert.doesNotThrow(() => verifyNotification(signedAt(TIME, huge), {...options, maxBodyBytes: 11 * 1024 * 1024}));
  assert.throws(() => parseVaultingNotification(huge), AntomFormatError);
});
