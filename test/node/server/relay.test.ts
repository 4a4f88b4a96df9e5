/**
 * The card-binding relay against a scripted Antom (every answer vaultPaymentMethod and
 * inquireVaulting can give, and their failures). The flow against the sandbox emulator is in
 * relay-flow.test.ts.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {connect} from 'node:net';
import {generateKeyPairSync, randomUUID} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {
  AntomResultError,
  AntomTransportError,
  CardBindingRelayConfigError,
  createCardBindingRelay,
  MemoryRelayStore,
  type CardBindingRelay,
  type CardBindingRelayOptions,
  type InquireVaultingResponse,
  type RelayOutcome,
  type VaultPaymentMethodRequest,
  type VaultPaymentMethodResponse,
} from '../../../src/server/index.js';
import {decodeSession} from '../../../src/session/decode-session.js';
import {encryptForSession} from '../helpers/browser-jwe.js';
import {testKeyPair} from '../helpers/keys.js';

const PAGE = 'https://shop.example';
const SUBMIT_URL = 'https://shop.example/cards/submit';
const SECRET = 'test secret of the relay, 32+ bytes long';
const UA_DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const UA_PHONE = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36';
const CARD = {cardNo: '4242424242424242', expiryMonth: '12', expiryYear: '39', cvv: '737', cardholderName: 'Ada King Lovelace'};
const OTHER_CARD = {cardNo: '5555555555554444', expiryMonth: '11', expiryYear: '38', cvv: '737', cardholderName: 'Ada King Lovelace'};
const BROWSER = {screenWidth: 1280, screenHeight: 800, colorDepth: 24, timeZoneOffset: -120, language: 'de-DE'};
const SUCCESS = {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'} as const;

type VaultScript = (request: VaultPaymentMethodRequest) => VaultPaymentMethodResponse | Promise<VaultPaymentMethodResponse>;
type InquireScript = (vaultingRequestId: string) => InquireVaultingResponse | Promise<InquireVaultingResponse>;

const bound = (request: VaultPaymentMethodRequest): VaultPaymentMethodResponse => ({
  result: SUCCESS,
  vaultingRequestId: request.vaultingRequestId,
  paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: `TOKEN-${request.vaultingRequestId}`, brand: 'VISA', maskedCardNo: '************4242'}},
});
const answer = (resultStatus: 'F' | 'U', resultCode: string, extra: object = {}): VaultPaymentMethodResponse => ({
  result: {resultCode, resultStatus, resultMessage: `${resultCode} message`},
  ...extra,
});
const notExist: InquireScript = () => {
  throw new AntomResultError('F', 'VAULTING_NOT_EXIST', 'The vaulting request does not exist.');
};

interface Harness {
  readonly relay: CardBindingRelay;
  readonly vaultCalls: VaultPaymentMethodRequest[];
  readonly inquireCalls: string[];
  readonly outcomes: RelayOutcome[];
  readonly logs: string[];
  vault: VaultScript;
  inquire: InquireScript;
}

function harness(overrides: Partial<CardBindingRelayOptions> = {}, vault: VaultScript = bound, inquire: InquireScript = notExist): Harness {
  const vaultCalls: VaultPaymentMethodRequest[] = [];
  const inquireCalls: string[] = [];
  const outcomes: RelayOutcome[] = [];
  const logs: string[] = [];
  const state: Harness = {
    vaultCalls,
    inquireCalls,
    outcomes,
    logs,
    vault,
    inquire,
    relay: undefined as unknown as CardBindingRelay,
  };
  const antom = {
    clientId: 'SANDBOX_RELAY_TEST',
    async vaultPaymentMethod(request: VaultPaymentMethodRequest) {
      // A deep copy: the relay blanks the card fields once the call returns.
      vaultCalls.push(structuredClone(request));
      return state.vault(request);
    },
    async inquireVaulting(request: {vaultingRequestId: string}) {
      inquireCalls.push(request.vaultingRequestId);
      return state.inquire(request.vaultingRequestId);
    },
  } as unknown as CardBindingRelayOptions['antom'];
  (state as {relay: CardBindingRelay}).relay = createCardBindingRelay({
    antom,
    submitUrl: SUBMIT_URL,
    secret: SECRET,
    encryptionKey: testKeyPair('card').privateKeyPem,
    onOutcome: (outcome) => void outcomes.push(outcome),
    log: (line) => logs.push(line),
    ...overrides,
  });
  return state;
}

async function newSession(relay: CardBindingRelay, extra: object = {}) {
  return relay.createSession({
    vaultingNotificationUrl: 'https://shop.example/antom/notify',
    redirectUrl: 'https://shop.example/cards/done',
    reference: 'buyer-42',
    ...extra,
  });
}

interface SubmitOptions {
  readonly key?: string;
  readonly origin?: string | null;
  readonly headers?: Record<string, string>;
  readonly encryptedCard?: string;
  readonly credential?: string;
  readonly rawBody?: string;
}

async function submit(relay: CardBindingRelay, sessionData: string, card: unknown, options: SubmitOptions = {}) {
  const decoded = decodeSession(sessionData);
  assert.ok(decoded.ok, 'the relay session decodes as the element decodes it');
  const encryptedCard = options.encryptedCard ?? (await encryptForSession(decoded.session.encryptionKey, card));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': options.key ?? randomUUID(),
    'user-agent': UA_DESKTOP,
    accept: '*/*',
    'accept-language': 'de-DE,de;q=0.9',
    ...options.headers,
  };
  if (options.origin !== null) headers.origin = options.origin ?? PAGE;
  const rawBody =
    options.rawBody ?? JSON.stringify({vaultingSessionData: options.credential ?? decoded.session.credential, encryptedCard, browser: BROWSER});
  const response = await relay.handle({method: 'POST', url: '/cards/submit', headers, rawBody, clientIp: '203.0.113.7'});
  return {...response, json: JSON.parse(response.body || 'null')};
}

test('createSession: the element decodes it; submit URL, key and expiry are the relay’s, the reference stays on the server', async () => {
  const {relay, vaultCalls} = harness({acceptedBrands: ['VISA', 'MASTERCARD'], now: () => new Date('2030-01-01T00:00:00Z')});
  const session = await newSession(relay);
  const decoded = decodeSession(session.vaultingSessionData, new Date('2030-01-01T00:00:00Z'));
  assert.ok(decoded.ok);
  assert.equal(decoded.session.submitUrl, SUBMIT_URL);
  assert.deepEqual(decoded.session.acceptedBrands, ['VISA', 'MASTERCARD']);
  assert.equal(decoded.session.vaultingSessionId, session.vaultingSessionId);
  assert.equal(decoded.session.expiresAt.toISOString(), '2030-01-01T00:30:00.000Z');
  assert.equal(session.vaultingSessionExpiryTime, '2030-01-01T00:30:00+00:00');
  const metadata = JSON.parse(Buffer.from(session.vaultingSessionData.split('&&')[3]!, 'base64').toString());
  assert.equal(metadata.cardBinding.issueTime, '2030-01-01T00:00:00+00:00');
  assert.equal(metadata.cardBinding.mode, 'relay');
  assert.equal(decoded.session.encryptionKey.kty, 'RSA');
  assert.match(String(decoded.session.encryptionKey.kid), /^relay-/);
  assert.equal('d' in decoded.session.encryptionKey, false, 'no private key part');
  assert.match(session.vaultingRequestId, /^vr-[0-9a-f-]{36}$/);
  assert.equal(session.vaultingSessionData.includes('buyer-42'), false);
  assert.equal(Buffer.from(session.vaultingSessionData.split('&&')[3]!, 'base64').toString().includes('buyer-42'), false);
  assert.equal(vaultCalls.length, 0, 'no call to Antom before a card is submitted');
});

test('success: one vaultPaymentMethod call with every field Antom asks for; the token stays on the server', async () => {
  const h = harness();
  const session = await newSession(h.relay, {metadata: '{"order":"o-1"}', merchantAccountId: 'ACC-1'});
  const reply = await submit(h.relay, session.vaultingSessionData, CARD);

  assert.equal(reply.status, 200);
  assert.equal(reply.json.status, 'SUCCESS');
  assert.deepEqual(reply.json.paymentMethodDetail.card, {brand: 'VISA', maskedCardNo: '************4242'});
  assert.equal(reply.body.includes('TOKEN-'), false, 'the card token never reaches the browser');
  assert.equal(reply.headers['access-control-allow-origin'], PAGE);
  assert.equal(reply.headers['cache-control'], 'no-store');

  assert.equal(h.vaultCalls.length, 1);
  const call = h.vaultCalls[0]!;
  assert.equal(call.vaultingRequestId, session.vaultingRequestId);
  assert.equal(call.vaultingNotificationUrl, 'https://shop.example/antom/notify');
  assert.equal(call.redirectUrl, 'https://shop.example/cards/done');
  assert.equal(call.metadata, '{"order":"o-1"}');
  assert.equal(call.merchantAccountId, 'ACC-1');
  assert.deepEqual(call.paymentMethodDetail, {
    paymentMethodType: 'CARD',
    card: {
      cardNo: CARD.cardNo,
      expiryMonth: '12',
      expiryYear: '39',
      cvv: '737',
      cardholderName: {fullName: 'Ada King Lovelace', firstName: 'Ada King', lastName: 'Lovelace'},
    },
  });
  assert.deepEqual(call.env, {
    terminalType: 'WEB',
    userAgent: UA_DESKTOP,
    clientIp: '203.0.113.7',
    browserInfo: {acceptHeader: '*/*', javaEnabled: false, javaScriptEnabled: true, language: 'de-DE', userAgent: UA_DESKTOP},
    colorDepth: '24',
    screenHeight: '800',
    screenWidth: '1280',
    timeZoneOffset: -120,
    deviceLanguage: 'de-DE',
  });

  assert.equal(h.outcomes.length, 1);
  assert.deepEqual(h.outcomes[0], {
    vaultingSessionId: session.vaultingSessionId,
    sessionVaultingRequestId: session.vaultingRequestId,
    vaultingRequestId: session.vaultingRequestId,
    attempt: 1,
    reference: 'buyer-42',
    status: 'SUCCESS',
    resultCode: 'SUCCESS',
    card: {cardToken: `TOKEN-${session.vaultingRequestId}`, brand: 'VISA', maskedCardNo: '************4242'},
    sessionState: 'BOUND',
  });
  assert.deepEqual(await h.relay.findAttempt(session.vaultingRequestId), {
    vaultingSessionId: session.vaultingSessionId,
    sessionVaultingRequestId: session.vaultingRequestId,
    vaultingRequestId: session.vaultingRequestId,
    attempt: 1,
    reference: 'buyer-42',
  });
});

test('a phone browser is sent as WAP with its OS; browser values that do not fit are dropped, not fatal', async () => {
  const h = harness();
  const session = await newSession(h.relay);
  const decoded = decodeSession(session.vaultingSessionData);
  assert.ok(decoded.ok);
  const encryptedCard = await encryptForSession(decoded.session.encryptionKey, CARD);
  const rawBody = JSON.stringify({vaultingSessionData: decoded.session.credential, encryptedCard, browser: {screenWidth: 'wide', colorDepth: 1e9}});
  const reply = await submit(h.relay, session.vaultingSessionData, CARD, {rawBody, headers: {'user-agent': UA_PHONE}});
  assert.equal(reply.json.status, 'SUCCESS');
  const env = h.vaultCalls[0]!.env;
  assert.equal(env.terminalType, 'WAP');
  assert.equal(env.osType, 'ANDROID');
  assert.equal(env.screenWidth, undefined);
  assert.equal(env.colorDepth, undefined);
  assert.equal(env.browserInfo?.language, 'de-DE', 'from Accept-Language when the element sent none');
});

test('a replayed Idempotency-Key gets its own reply again; with another card it is refused, never answered with the first card’s outcome', async () => {
  const h = harness();
  const session = await newSession(h.relay);
  const first = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'key-1'});
  assert.equal(first.json.status, 'SUCCESS');

  // The element re-encrypts on every try: a new JWE of the same card is still the same request.
  const again = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'key-1'});
  assert.equal(again.status, 200);
  assert.deepEqual(again.json, first.json);

  const other = await submit(h.relay, session.vaultingSessionData, OTHER_CARD, {key: 'key-1'});
  assert.equal(other.status, 422);
  assert.equal(other.json.status, 'ERROR');
  assert.equal(other.json.result.resultCode, 'IDEMPOTENCY_KEY_REUSED');
  assert.equal(other.body.includes('4242'), false);

  const used = await submit(h.relay, session.vaultingSessionData, OTHER_CARD, {key: 'key-2'});
  assert.equal(used.status, 409);
  assert.equal(used.json.result.resultCode, 'SESSION_ALREADY_USED');
  assert.equal(h.vaultCalls.length, 1, 'Antom was called once in all');
});

test('a decline, then another card in the same session: the second attempt has a new vaultingRequestId', async () => {
  const h = harness();
  h.vault = (request) => (request.paymentMethodDetail.card.cardNo === CARD.cardNo ? answer('F', 'DO_NOT_HONOR') : bound(request));
  const session = await newSession(h.relay);
  const declined = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(declined.status, 200);
  assert.equal(declined.json.status, 'FAIL');
  assert.equal(declined.json.result.resultCode, 'DO_NOT_HONOR');
  assert.equal(declined.json.paymentMethodDetail.card.maskedCardNo, '************4242');

  const second = await submit(h.relay, session.vaultingSessionData, OTHER_CARD);
  assert.equal(second.json.status, 'SUCCESS');
  assert.deepEqual(
    h.vaultCalls.map((call) => call.vaultingRequestId),
    [session.vaultingRequestId, `${session.vaultingRequestId}-2`],
  );
  assert.deepEqual(
    h.outcomes.map((outcome) => [outcome.status, outcome.attempt, outcome.resultCode]),
    [
      ['FAIL', 1, 'DO_NOT_HONOR'],
      ['SUCCESS', 2, 'SUCCESS'],
    ],
  );
  const status = await h.relay.findSession(session.vaultingRequestId);
  assert.equal(status?.state, 'BOUND');
  assert.equal(status?.latestVaultingRequestId, `${session.vaultingRequestId}-2`);
  assert.equal(status?.declinedAttempts, 1);
  assert.equal(status?.reference, 'buyer-42');
  assert.equal(await h.relay.findSession(`${session.vaultingRequestId}-2`), null, 'sessions are found by their own id');
  const attempt2 = await h.relay.findAttempt(`${session.vaultingRequestId}-2`);
  assert.equal(attempt2?.sessionVaultingRequestId, session.vaultingRequestId);
  assert.equal(attempt2?.reference, 'buyer-42');
  assert.equal(await h.relay.findAttempt('vr-unknown'), null);
});

test('the session closes after its limit of declined attempts', async () => {
  const h = harness({maxDeclinedAttempts: 2}, () => answer('F', 'INVALID_CVV'));
  const session = await newSession(h.relay);
  assert.equal((await submit(h.relay, session.vaultingSessionData, CARD)).json.status, 'FAIL');
  assert.equal((await submit(h.relay, session.vaultingSessionData, CARD)).json.status, 'FAIL');
  const third = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(third.status, 409);
  assert.equal(third.json.result.resultCode, 'SESSION_ALREADY_USED');
  assert.match(third.json.result.resultMessage, /2 declined attempts/);
  assert.equal(h.vaultCalls.length, 2);
});

test('U VERIFICATION_IN_PROCESS with normalUrl: a GET redirect for 3-D Secure; the session takes no other card', async () => {
  const h = harness({}, () => answer('U', 'VERIFICATION_IN_PROCESS', {normalUrl: 'https://3ds.antom.example/challenge?id=1'}));
  const session = await newSession(h.relay);
  const reply = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(reply.json.status, 'REDIRECT');
  assert.deepEqual(reply.json.redirect, {url: 'https://3ds.antom.example/challenge?id=1', method: 'GET'});
  assert.equal(reply.json.result.resultCode, 'VERIFICATION_IN_PROCESS');
  assert.equal(h.inquireCalls.length, 0);
  assert.equal(h.outcomes[0]?.status, 'REDIRECT');
  assert.equal((await h.relay.findSession(session.vaultingRequestId))?.state, 'AWAITING_3DS');
  const again = await submit(h.relay, session.vaultingSessionData, OTHER_CARD);
  assert.equal(again.json.result.resultCode, 'SESSION_ALREADY_USED');
});

test('a 3-D Secure URL that is not http(s) is never followed: the relay asks inquireVaulting instead', async () => {
  const h = harness({}, () => answer('U', 'VERIFICATION_IN_PROCESS', {normalUrl: 'javascript:alert(1)'}));
  const session = await newSession(h.relay);
  const reply = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(reply.json.status, 'ERROR');
  assert.equal(reply.json.result.resultStatus, 'U');
  assert.deepEqual(h.inquireCalls, [session.vaultingRequestId]);
  assert.equal(reply.body.includes('javascript'), false);
});

test('any other U: inquireVaulting first; when Antom has no record, a retryable error and the retry uses a new vaultingRequestId', async () => {
  let calls = 0;
  const h = harness({}, (request) => (++calls === 1 ? answer('U', 'UNKNOWN_EXCEPTION') : bound(request)));
  const session = await newSession(h.relay);
  const first = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'same-key'});
  assert.equal(first.status, 502);
  assert.equal(first.json.status, 'ERROR');
  assert.equal(first.json.result.resultStatus, 'U', 'the element retries U');
  assert.deepEqual(h.inquireCalls, [session.vaultingRequestId]);
  assert.equal(h.outcomes.length, 0, 'no outcome for an attempt that has none');

  // The element retries with the same key: not a replay of the error, a new try with a new id.
  const retry = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'same-key'});
  assert.equal(retry.json.status, 'SUCCESS');
  assert.deepEqual(
    h.vaultCalls.map((call) => call.vaultingRequestId),
    [session.vaultingRequestId, `${session.vaultingRequestId}-2`],
  );
});

test('U, then inquireVaulting says PROCESSING: the element is told the binding is pending', async () => {
  const h = harness(
    {},
    () => answer('U', 'UNKNOWN_EXCEPTION'),
    (id) => ({result: SUCCESS, vaultingRequestId: id, vaultingStatus: 'PROCESSING', vaultingResultCode: 'VERIFICATION_IN_PROCESS'}),
  );
  const session = await newSession(h.relay);
  const reply = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(reply.json.status, 'PROCESSING');
  assert.equal(reply.json.vaultingSessionId, session.vaultingSessionId);
  assert.equal(h.outcomes[0]?.status, 'PROCESSING');
  const again = await submit(h.relay, session.vaultingSessionData, OTHER_CARD);
  assert.equal(again.json.result.resultCode, 'SESSION_ALREADY_USED', 'a pending binding is not doubled by a second card');
});

test('U, then inquireVaulting says SUCCESS or FAIL: that outcome is the answer', async () => {
  const success = harness(
    {},
    () => answer('U', 'UNKNOWN_EXCEPTION'),
    (id) => ({
      result: SUCCESS,
      vaultingRequestId: id,
      vaultingStatus: 'SUCCESS',
      paymentMethodDetail: {paymentMethodType: 'CARD', card: {cardToken: 'TOKEN-INQ', brand: 'VISA', maskedCardNo: '************4242'}},
    }),
  );
  const s1 = await newSession(success.relay);
  const r1 = await submit(success.relay, s1.vaultingSessionData, CARD);
  assert.equal(r1.json.status, 'SUCCESS');
  assert.equal(success.outcomes[0]?.card?.cardToken, 'TOKEN-INQ');

  const fail = harness(
    {},
    () => answer('U', 'UNKNOWN_EXCEPTION'),
    (id) => ({result: SUCCESS, vaultingRequestId: id, vaultingStatus: 'FAIL', vaultingResultCode: 'CARD_EXPIRED'}),
  );
  const s2 = await newSession(fail.relay);
  const r2 = await submit(fail.relay, s2.vaultingSessionData, CARD);
  assert.equal(r2.json.status, 'FAIL');
  assert.equal(r2.json.result.resultCode, 'CARD_EXPIRED');
});

test('a lost answer (transport failure) is retried with the same vaultingRequestId: Antom is idempotent on it', async () => {
  let calls = 0;
  const h = harness(
    {},
    (request) => {
      if (++calls === 1) throw new AntomTransportError('The request to Antom timed out.');
      return bound(request);
    },
    () => {
      throw new AntomTransportError('The request to Antom failed.');
    },
  );
  const session = await newSession(h.relay);
  const first = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'k'});
  assert.equal(first.status, 502);
  assert.equal(first.json.result.resultStatus, 'U');
  const retry = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'k'});
  assert.equal(retry.json.status, 'SUCCESS');
  assert.deepEqual(
    h.vaultCalls.map((call) => call.vaultingRequestId),
    [session.vaultingRequestId, session.vaultingRequestId],
  );
  assert.equal(h.outcomes[0]?.attempt, 1);
});

test('F PARAM_ILLEGAL is the merchant’s problem, not a decline: an error the buyer is not blamed for', async () => {
  const h = harness({}, () => answer('F', 'PARAM_ILLEGAL'));
  const session = await newSession(h.relay);
  const reply = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(reply.status, 502);
  assert.equal(reply.json.status, 'ERROR');
  assert.equal(reply.json.result.resultCode, 'PARAM_ILLEGAL');
  assert.equal(reply.json.result.resultStatus, 'F');
});

test('a tampered, forged or foreign session is refused before any card reaches Antom', async () => {
  const h = harness();
  const session = await newSession(h.relay);
  const decoded = decodeSession(session.vaultingSessionData);
  assert.ok(decoded.ok);
  const [token, region, segment2] = decoded.session.credential.split('&&') as [string, string, string];

  // One character of the credential changed.
  const flipped = token.slice(0, 40) + (token[40] === 'A' ? 'B' : 'A') + token.slice(41);
  const tampered = await submit(h.relay, session.vaultingSessionData, CARD, {credential: `${flipped}&&${region}&&${segment2}`});
  assert.equal(tampered.status, 404);
  assert.equal(tampered.json.result.resultCode, 'SESSION_NOT_FOUND');

  // The payload rewritten (a later expiry, another origin) with the MAC left as it was.
  const bytes = Buffer.from(token, 'base64url');
  const claims = JSON.parse(bytes.subarray(32).toString());
  const rewritten = Buffer.concat([bytes.subarray(0, 32), Buffer.from(JSON.stringify({...claims, e: claims.e + 86_400}))]).toString('base64url');
  const extended = await submit(h.relay, session.vaultingSessionData, CARD, {credential: `${rewritten}&&${region}&&${segment2}`});
  assert.equal(extended.json.result.resultCode, 'SESSION_NOT_FOUND');

  // A session from another relay (another secret).
  const other = harness({secret: 'another relay secret, also 32+ bytes'});
  const foreign = await newSession(other.relay);
  const crossed = await submit(h.relay, foreign.vaultingSessionData, CARD);
  assert.equal(crossed.json.result.resultCode, 'SESSION_NOT_FOUND');

  // Junk.
  const junk = await submit(h.relay, session.vaultingSessionData, CARD, {credential: 'AAAA&&SG&&188'});
  assert.equal(junk.json.result.resultCode, 'SESSION_NOT_FOUND');
  assert.equal(h.vaultCalls.length, 0);
});

test('origins: only the allowed page may submit; the preflight says so too', async () => {
  const h = harness({allowedOrigins: [PAGE, 'https://m.shop.example']});
  const session = await newSession(h.relay);
  const foreign = await submit(h.relay, session.vaultingSessionData, CARD, {origin: 'https://evil.example'});
  assert.equal(foreign.status, 403);
  assert.equal(foreign.json.result.resultCode, 'ORIGIN_NOT_ALLOWED');
  assert.equal(foreign.headers['access-control-allow-origin'], undefined);
  const none = await submit(h.relay, session.vaultingSessionData, CARD, {origin: null});
  assert.equal(none.json.result.resultCode, 'ORIGIN_NOT_ALLOWED');
  // Allowed in general, but the session was issued for the first origin only.
  const sibling = await submit(h.relay, session.vaultingSessionData, CARD, {origin: 'https://m.shop.example'});
  assert.equal(sibling.json.result.resultCode, 'ORIGIN_NOT_ALLOWED');
  assert.equal(h.vaultCalls.length, 0);

  const preflight = await h.relay.handle({
    method: 'OPTIONS',
    headers: {origin: 'https://m.shop.example', 'access-control-request-method': 'POST'},
    rawBody: '',
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], 'https://m.shop.example');
  assert.equal(preflight.headers['access-control-allow-headers'], 'content-type, idempotency-key');
  const refused = await h.relay.handle({method: 'OPTIONS', headers: {origin: 'https://evil.example'}, rawBody: ''});
  assert.equal(refused.status, 403);
  await assert.rejects(() => newSession(h.relay, {origin: 'https://evil.example'}), CardBindingRelayConfigError);
});

test('bad requests: size, content type, key, method, body', async () => {
  const h = harness({maxBodyBytes: 2048});
  const session = await newSession(h.relay);
  const decoded = decodeSession(session.vaultingSessionData);
  assert.ok(decoded.ok);
  const big = await submit(h.relay, session.vaultingSessionData, CARD, {rawBody: 'x'.repeat(2049)});
  assert.equal(big.status, 413);
  assert.equal(big.json.result.resultCode, 'PARAM_ILLEGAL');
  const text = await submit(h.relay, session.vaultingSessionData, CARD, {headers: {'content-type': 'text/plain'}});
  assert.equal(text.status, 415);
  const noKey = await submit(h.relay, session.vaultingSessionData, CARD, {key: ''});
  assert.equal(noKey.status, 400);
  assert.match(noKey.json.result.resultMessage, /Idempotency-Key/);
  const notJson = await submit(h.relay, session.vaultingSessionData, CARD, {rawBody: '{"vaultingSessionData":'});
  assert.equal(notJson.status, 400);
  const wrongShape = await submit(h.relay, session.vaultingSessionData, CARD, {rawBody: '{"vaultingSessionData":42}'});
  assert.equal(wrongShape.status, 400);
  assert.match(wrongShape.json.result.resultMessage, /vaultingSessionData/);
  const get = await h.relay.handle({method: 'GET', headers: {origin: PAGE}, rawBody: ''});
  assert.equal(get.status, 405);
  assert.equal(get.headers.allow, 'POST, OPTIONS');
  // Headers that are not even an object: still an answer, never a throw.
  const broken = await h.relay.handle({method: 'POST', headers: undefined as never, rawBody: '{}'});
  assert.equal(broken.status, 403);
  assert.equal(h.vaultCalls.length, 0);
});

test('the card is checked again on the server: an altered card never reaches Antom', async () => {
  const h = harness({acceptedBrands: ['VISA']});
  const session = await newSession(h.relay);
  const luhn = await submit(h.relay, session.vaultingSessionData, {...CARD, cardNo: '4242424242424241'});
  assert.equal(luhn.status, 400);
  assert.equal(luhn.json.result.resultCode, 'PARAM_ILLEGAL');
  assert.equal(luhn.body.includes('4242424242424241'), false);
  const cvv = await submit(h.relay, session.vaultingSessionData, {...CARD, cvv: '1234'});
  assert.equal(cvv.status, 400);
  assert.match(cvv.json.result.resultMessage, /cvv/);
  const noName = await submit(h.relay, session.vaultingSessionData, {...CARD, cardholderName: '  '});
  assert.equal(noName.status, 400);
  const brand = await submit(h.relay, session.vaultingSessionData, OTHER_CARD);
  assert.equal(brand.json.status, 'FAIL');
  assert.equal(brand.json.result.resultCode, 'CARD_NOT_SUPPORTED');
  const expired = await submit(h.relay, session.vaultingSessionData, {...CARD, expiryYear: '20'});
  assert.equal(expired.json.result.resultCode, 'CARD_EXPIRED');
  const wrongKey = await submit(h.relay, session.vaultingSessionData, CARD, {
    encryptedCard: await encryptForSession({kty: 'RSA', n: testKeyPair('other').publicKey.export({format: 'jwk'}).n!, e: 'AQAB', kid: 'x'}, CARD, {
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
    }),
  });
  assert.equal(wrongKey.status, 400);
  assert.match(wrongKey.json.result.resultMessage, /encryptedCard/);
  assert.equal(h.vaultCalls.length, 0);
});

test('an expired session is refused by the server’s clock (the buyer’s does not count)', async () => {
  let clock = new Date('2030-01-01T00:00:00Z');
  const h = harness({now: () => clock, sessionTtlSeconds: 60});
  const session = await newSession(h.relay);
  clock = new Date('2030-01-01T00:01:00Z');
  const decodedLater = decodeSession(session.vaultingSessionData, new Date('2029-12-31T23:00:00Z'));
  assert.ok(decodedLater.ok);
  const reply = await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal(reply.status, 410);
  assert.equal(reply.json.result.resultCode, 'SESSION_EXPIRED');
});

test('two submissions racing for one session: one call to Antom, the other told to try again', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const h = harness({}, async (request) => {
    await gate;
    return bound(request);
  });
  const session = await newSession(h.relay);
  const first = submit(h.relay, session.vaultingSessionData, CARD, {key: 'tab-1'});
  await waitUntil(() => h.vaultCalls.length === 1);
  const second = await submit(h.relay, session.vaultingSessionData, OTHER_CARD, {key: 'tab-2'});
  assert.equal(second.status, 409);
  assert.equal(second.json.result.resultCode, 'REQUEST_IN_PROGRESS');
  assert.equal(second.json.result.resultStatus, 'U');
  const sameKey = await submit(h.relay, session.vaultingSessionData, CARD, {key: 'tab-1'});
  assert.equal(sameKey.json.result.resultCode, 'REQUEST_IN_PROGRESS');
  release();
  assert.equal((await first).json.status, 'SUCCESS');
  assert.equal(h.vaultCalls.length, 1);
});

test('with the same secret, key and store, a restarted relay takes the sessions of the old one', async () => {
  const store = new MemoryRelayStore();
  const before = harness({store});
  const session = await newSession(before.relay);
  const after = harness({store});
  const reply = await submit(after.relay, session.vaultingSessionData, CARD);
  assert.equal(reply.json.status, 'SUCCESS');
});

test('configuration errors are typed and say what to fix', async () => {
  const antom = harness().relay; // a working one for contrast
  assert.ok(antom);
  const base = {antom: {clientId: 'x'} as CardBindingRelayOptions['antom'], submitUrl: SUBMIT_URL};
  assert.throws(() => createCardBindingRelay({...base, submitUrl: '/cards/submit'}), /submitUrl is not an absolute URL/);
  assert.throws(() => createCardBindingRelay({...base, submitUrl: 'ftp://shop.example/x'}), /http\(s\)/);
  assert.throws(() => createCardBindingRelay({...base, secret: 'short'}), /at least 32 bytes/);
  assert.throws(() => createCardBindingRelay({...base, region: 'sg'}), /region/);
  assert.throws(() => createCardBindingRelay({...base, sessionTtlSeconds: 0}), /sessionTtlSeconds/);
  assert.throws(() => createCardBindingRelay({...base, encryptionKey: 'not a key'}), CardBindingRelayConfigError);
  const weak = generateKeyPairSync('rsa', {modulusLength: 1024}).privateKey;
  assert.throws(() => createCardBindingRelay({...base, encryptionKey: weak}), /at least 2048 bits/);
  const e3 = generateKeyPairSync('rsa', {modulusLength: 2048, publicExponent: 3}).privateKey;
  assert.throws(() => createCardBindingRelay({...base, encryptionKey: e3}), /exponent 65537/);
  const relay = createCardBindingRelay({...base, encryptionKey: testKeyPair('card').privateKey});
  await assert.rejects(() => relay.createSession({vaultingNotificationUrl: 'notify', redirectUrl: 'https://shop.example/'}), /vaultingNotificationUrl/);
  await assert.rejects(
    () => relay.createSession({vaultingNotificationUrl: 'https://shop.example/n', redirectUrl: 'https://shop.example/', vaultingRequestId: 'x'.repeat(57)}),
    /vaultingRequestId/,
  );
  await relay.createSession({vaultingNotificationUrl: 'https://shop.example/n', redirectUrl: 'https://shop.example/', vaultingRequestId: 'vr-twice'});
  await assert.rejects(
    () => relay.createSession({vaultingNotificationUrl: 'https://shop.example/n', redirectUrl: 'https://shop.example/', vaultingRequestId: 'vr-twice'}),
    /already used/,
  );
});

test('handleNodeRequest: a real HTTP route; the buyer’s address from the socket; a body over the limit is cut off', async () => {
  const h = harness({maxBodyBytes: 4096});
  const server = createServer((request, response) => void h.relay.handleNodeRequest(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cards/submit`;
  try {
    const session = await newSession(h.relay);
    const decoded = decodeSession(session.vaultingSessionData);
    assert.ok(decoded.ok);
    const body = JSON.stringify({vaultingSessionData: decoded.session.credential, encryptedCard: await encryptForSession(decoded.session.encryptionKey, CARD)});
    const ok = await fetch(url, {method: 'POST', headers: {origin: PAGE, 'content-type': 'application/json', 'idempotency-key': 'n1'}, body});
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).status, 'SUCCESS');
    assert.equal(h.vaultCalls[0]?.env.clientIp, '127.0.0.1');

    const big = await fetch(url, {method: 'POST', headers: {origin: PAGE, 'content-type': 'application/json', 'idempotency-key': 'n2'}, body: 'x'.repeat(5000)});
    assert.equal(big.status, 413);
    assert.equal((await big.json()).result.resultCode, 'PARAM_ILLEGAL');

    // A client that disconnects halfway through its body: no answer, no crash, the route still works.
    const {port} = server.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /cards/submit HTTP/1.1\r\nhost: x\r\norigin: ${PAGE}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"vaulting`);
        setImmediate(() => socket.destroy());
      });
      socket.on('close', () => resolve());
    });
    const after = await fetch(url, {method: 'OPTIONS', headers: {origin: PAGE}});
    assert.equal(after.status, 204);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
});

test('leak scan: no card number, security code, expiry or name in any reply, log line or outcome', async () => {
  const h = harness();
  const bodies: string[] = [];
  const scripts: VaultScript[] = [
    bound,
    () => answer('F', 'DO_NOT_HONOR'),
    () => answer('U', 'VERIFICATION_IN_PROCESS', {normalUrl: 'https://3ds.example/c'}),
    () => answer('U', 'UNKNOWN_EXCEPTION'),
    () => answer('F', 'PARAM_ILLEGAL'),
    () => {
      throw new AntomTransportError('The request to Antom failed.');
    },
  ];
  const secretCard = {cardNo: '4000056655665556', expiryMonth: '07', expiryYear: '37', cvv: '9173', cardholderName: 'Zelda Quintessa'};
  const amexLike = {...secretCard, cvv: '917'};
  for (const script of scripts) {
    h.vault = script;
    const session = await newSession(h.relay);
    for (const card of [amexLike, {...amexLike, cardNo: '4000056655665557'}]) {
      const reply = await submit(h.relay, session.vaultingSessionData, card, {key: 'leak'});
      bodies.push(reply.body, JSON.stringify(reply.headers));
    }
  }
  const haystack = [...bodies, ...h.logs, JSON.stringify(h.outcomes)].join('\n');
  for (const needle of ['4000056655665556', '4000056655665557', '5665556', '"917"', 'Zelda', 'Quintessa', '07/37', '0737']) {
    assert.equal(haystack.includes(needle), false, `found ${needle}`);
  }
  assert.ok(h.logs.length > 0, 'the relay did log');
  assert.ok(h.vaultCalls.length >= scripts.length);
});

async function waitUntil(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('recordResult: a notification (or an inquiry) ends a session awaiting 3-D Secure; onOutcome says what the session became', async () => {
  const challenge = harness({maxDeclinedAttempts: 2}, () => answer('U', 'VERIFICATION_IN_PROCESS', {normalUrl: 'https://3ds.example/c'}));
  const passed = await newSession(challenge.relay);
  await submit(challenge.relay, passed.vaultingSessionData, CARD);
  assert.equal(challenge.outcomes[0]?.sessionState, 'AWAITING_3DS');
  const success = {vaultingRequestId: passed.vaultingRequestId, result: SUCCESS};
  assert.equal((await challenge.relay.recordResult(success))?.state, 'BOUND');
  assert.equal((await challenge.relay.recordResult(success))?.state, 'BOUND', 'a repeated delivery changes nothing');
  assert.equal(
    (await challenge.relay.recordResult({vaultingRequestId: passed.vaultingRequestId, result: {resultStatus: 'F', resultCode: 'X'}}))?.state,
    'BOUND',
    'a late failure does not undo a binding',
  );

  const failed = await newSession(challenge.relay);
  await submit(challenge.relay, failed.vaultingSessionData, CARD);
  const inquiry = {vaultingRequestId: failed.vaultingRequestId, result: SUCCESS, vaultingStatus: 'FAIL' as const};
  assert.equal((await challenge.relay.recordResult(inquiry))?.state, 'FAILED', 'an inquiry’s own result S is about the inquiry');
  assert.equal((await submit(challenge.relay, failed.vaultingSessionData, OTHER_CARD)).json.result.resultCode, 'SESSION_ALREADY_USED');
  assert.equal(await challenge.relay.recordResult({vaultingRequestId: 'vr-not-ours', result: SUCCESS}), null);

  const declines = harness({maxDeclinedAttempts: 2}, () => answer('F', 'DO_NOT_HONOR'));
  const s = await newSession(declines.relay);
  await submit(declines.relay, s.vaultingSessionData, CARD);
  await submit(declines.relay, s.vaultingSessionData, CARD);
  assert.deepEqual(
    declines.outcomes.map((o) => o.sessionState),
    ['OPEN', 'CLOSED'],
  );
  // A decline's notification, already answered to the browser, changes nothing.
  assert.equal((await declines.relay.recordResult({vaultingRequestId: s.vaultingRequestId, result: {resultStatus: 'F', resultCode: 'DO_NOT_HONOR'}}))?.state, 'CLOSED');
});

test('a session that lapses while open is EXPIRED', async () => {
  let clock = new Date('2030-01-01T00:00:00Z');
  const h = harness({now: () => clock, sessionTtlSeconds: 60}, () => answer('F', 'DO_NOT_HONOR'));
  const session = await newSession(h.relay);
  await submit(h.relay, session.vaultingSessionData, CARD);
  assert.equal((await h.relay.findSession(session.vaultingRequestId))?.state, 'OPEN');
  clock = new Date('2030-01-01T00:01:00Z');
  assert.equal((await h.relay.findSession(session.vaultingRequestId))?.state, 'EXPIRED');
});
