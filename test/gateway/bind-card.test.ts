/**
 * bindCard's mapping of every gateway answer (and non-answer) to one outcome, with an injected
 * fetch. The real exchange with the emulator is covered in test/flow/.
 */
import {expect} from '@open-wc/testing';
import {bindCard, type BindingOutcome} from '../../src/gateway/bind-card.js';
import {decodeSession, type DecodedSession} from '../../src/session/decode-session.js';
import {declineReason} from '../../src/gateway/decline-reasons.js';
import {makeSessionData} from '../element/helpers.js';

const CARD = {cardNo: '4242424242424242', expiryMonth: '12', expiryYear: '39', cvv: '737', cardholderName: 'Ana'};
const RESULT = (resultCode: string, resultStatus: 'S' | 'F' | 'U') => ({resultCode, resultStatus, resultMessage: 'm'});

let session: DecodedSession;
before(async () => {
  const decoded = decodeSession(await makeSessionData());
  if (!decoded.ok) throw new Error('test session did not decode');
  session = decoded.session;
});

function reply(status: number, body: unknown): typeof fetch {
  return (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), {status})) as typeof fetch;
}

async function outcome(fetchImpl: typeof fetch, timeoutMs = 5000): Promise<BindingOutcome> {
  return bindCard({session, card: {...CARD}, idempotencyKey: 'key-1', timeoutMs, fetch: fetchImpl});
}

describe('bindCard', () => {
  it('posts JSON with the idempotency key and only the credential and the JWE', async () => {
    let seen: {url: string; init: RequestInit} | undefined;
    const result = await outcome((async (url: string, init: RequestInit) => {
      seen = {url, init};
      return new Response(JSON.stringify({status: 'SUCCESS', result: RESULT('SUCCESS', 'S'), vaultingSessionId: 'V1', paymentMethodDetail: {card: {brand: 'VISA', maskedCardNo: '************4242'}}}));
    }) as unknown as typeof fetch);
    expect(result).to.deep.equal({kind: 'bound', detail: {vaultingSessionId: 'V1', brand: 'VISA', maskedCardNo: '************4242'}});
    expect(seen!.url).to.equal(session.submitUrl);
    expect((seen!.init.headers as Record<string, string>)['Idempotency-Key']).to.equal('key-1');
    expect(seen!.init.credentials).to.equal('omit');
    const body = JSON.parse(String(seen!.init.body));
    expect(body.vaultingSessionData).to.equal(session.credential);
    expect(body.encryptedCard.split('.')).to.have.length(5);
    expect(String(seen!.init.body)).to.not.contain('4242424242424242');
    // The browser values 3-D Secure asks for, as this browser reports them.
    expect(body.browser).to.deep.equal({
      screenWidth: screen.width,
      screenHeight: screen.height,
      colorDepth: screen.colorDepth,
      timeZoneOffset: new Date().getTimezoneOffset(),
      language: navigator.language,
    });
  });

  it('maps REDIRECT, PROCESSING and FAIL', async () => {
    const redirect = await outcome(reply(200, {status: 'REDIRECT', result: RESULT('VERIFICATION_IN_PROCESS', 'U'), vaultingSessionId: 'V', redirect: {url: 'http://127.0.0.1:1/3ds', method: 'POST', fields: {PaReq: 'x'}}}));
    expect(redirect).to.deep.equal({kind: 'redirect', detail: {url: 'http://127.0.0.1:1/3ds', method: 'POST', fields: {PaReq: 'x'}}});
    const processing = await outcome(reply(200, {status: 'PROCESSING', result: RESULT('PROCESSING', 'U'), vaultingSessionId: 'V'}));
    expect(processing.kind).to.equal('processing');
    const declined = await outcome(reply(200, {status: 'FAIL', result: RESULT('INVALID_CVV', 'F'), vaultingSessionId: 'V'}));
    expect(declined).to.deep.equal({kind: 'declined', reason: 'security_code', resultCode: 'INVALID_CVV', retryable: true});
  });

  it('maps the session errors the gateway reports to session_expired', async () => {
    for (const code of ['SESSION_EXPIRED', 'SESSION_NOT_FOUND']) {
      const result = await outcome(reply(410, {status: 'ERROR', result: RESULT(code, 'F')}));
      expect(result).to.deep.equal({kind: 'session_expired', resultCode: code});
    }
  });

  it('a used session (409 SESSION_ALREADY_USED) is its own outcome, not an expired one', async () => {
    const result = await outcome(reply(409, {status: 'ERROR', result: RESULT('SESSION_ALREADY_USED', 'F')}));
    expect(result).to.deep.equal({kind: 'session_used', resultCode: 'SESSION_ALREADY_USED'});
  });

  it('U errors are retryable gateway errors, F errors are not', async () => {
    expect(await outcome(reply(500, {status: 'ERROR', result: RESULT('UNKNOWN_EXCEPTION', 'U')}))).to.deep.equal({
      kind: 'failed',
      code: 'gateway_error',
      retryable: true,
      resultCode: 'UNKNOWN_EXCEPTION',
    });
    expect(await outcome(reply(400, {status: 'ERROR', result: RESULT('PARAM_ILLEGAL', 'F')}))).to.include({code: 'gateway_error', retryable: false});
  });

  it('a malformed reply is invalid_response (or gateway_error on 5xx), never a hang or a throw', async () => {
    expect(await outcome(reply(200, 'not json'))).to.deep.equal({kind: 'failed', code: 'invalid_response', retryable: true});
    expect(await outcome(reply(200, {status: 'SUCCESS'}))).to.deep.equal({kind: 'failed', code: 'invalid_response', retryable: true});
    expect(await outcome(reply(502, '<html>Bad gateway</html>'))).to.deep.equal({kind: 'failed', code: 'gateway_error', retryable: true});
  });

  it('a network failure is network_error; no answer within the timeout is timeout', async () => {
    expect(await outcome((async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).to.deep.equal({
      kind: 'failed',
      code: 'network_error',
      retryable: true,
    });
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect(await outcome(hanging, 50)).to.deep.equal({kind: 'failed', code: 'timeout', retryable: true});
  });

  it('a connection that dies while the answer is read is a network_error (retryable), not a malformed reply', async () => {
    const broken = (async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"status":"SUC'));
            controller.error(new TypeError('network error'));
          },
        }),
        {status: 200}
      )) as typeof fetch;
    expect(await outcome(broken)).to.deep.equal({kind: 'failed', code: 'network_error', retryable: true});
  });

  // Issue 12, finding 6: a 307 from the submit URL re-posted the JWE to another origin.
  it('never follows a redirect from the submit URL: the card goes to the session\'s URL or nowhere', async () => {
    let init: RequestInit | undefined;
    const redirected = (async (_url: string, options: RequestInit) => {
      init = options;
      // What fetch gives for a redirect when told redirect: 'manual'.
      return {type: 'opaqueredirect', status: 0, ok: false, json: async () => Promise.reject(new SyntaxError('no body'))} as unknown as Response;
    }) as unknown as typeof fetch;
    const result = await outcome(redirected);
    expect(init!.redirect).to.equal('manual');
    expect(result).to.deep.equal({kind: 'failed', code: 'invalid_response', retryable: false});
  });

  // Issue 12, finding 7: an HTTP 500 whose body parsed as SUCCESS counted as bound.
  it('the HTTP status and the reply must agree: outcomes come with 200, errors with 4xx or 5xx', async () => {
    const bound = {status: 'SUCCESS', result: RESULT('SUCCESS', 'S'), vaultingSessionId: 'V', paymentMethodDetail: {card: {brand: 'VISA', maskedCardNo: '************4242'}}};
    expect(await outcome(reply(500, bound))).to.deep.equal({kind: 'failed', code: 'gateway_error', retryable: true});
    expect(await outcome(reply(404, bound))).to.deep.equal({kind: 'failed', code: 'invalid_response', retryable: true});
    expect(await outcome(reply(201, bound))).to.deep.equal({kind: 'failed', code: 'invalid_response', retryable: true});
    const declined = {status: 'FAIL', result: RESULT('DO_NOT_HONOR', 'F'), vaultingSessionId: 'V'};
    expect(await outcome(reply(503, declined))).to.include({kind: 'failed', code: 'gateway_error'});
    const redirect = {status: 'REDIRECT', result: RESULT('VERIFICATION_IN_PROCESS', 'U'), vaultingSessionId: 'V', redirect: {url: 'https://acs.example/x', method: 'GET'}};
    expect(await outcome(reply(400, redirect))).to.include({kind: 'failed', code: 'invalid_response'});
    const error = {status: 'ERROR', result: RESULT('PARAM_ILLEGAL', 'F')};
    expect(await outcome(reply(200, error))).to.deep.equal({kind: 'failed', code: 'invalid_response', retryable: true});
    expect((await outcome(reply(200, bound))).kind).to.equal('bound');
  });

  it('an unusable key is encryption_failed, and nothing is sent', async () => {
    let sent = false;
    const broken = {...session, encryptionKey: {...session.encryptionKey, n: 'AAAA'.repeat(80)}};
    const result = await bindCard({session: broken, card: {...CARD}, idempotencyKey: 'k', timeoutMs: 1000, fetch: (async () => {
      sent = true;
      return new Response('{}');
    }) as typeof fetch});
    expect(result).to.deep.equal({kind: 'failed', code: 'encryption_failed', retryable: false});
    expect(sent).to.equal(false);
  });
});

describe('declineReason', () => {
  const cases: [string, string][] = [
    ['DO_NOT_HONOR', 'generic'],
    ['LOST_CARD', 'generic'],
    ['STOLEN_CARD', 'generic'],
    ['FRAUD_REJECT', 'generic'],
    ['CARD_EXPIRED', 'expired'],
    ['INVALID_EXPIRATION_DATE', 'expired'],
    ['INVALID_CVV', 'security_code'],
    ['INVALID_CARD_NUMBER', 'card_number'],
    ['CARD_NOT_SUPPORTED', 'not_supported'],
    ['USER_PAYMENT_VERIFICATION_FAILED', 'verification_failed'],
    ['VERIFY_TIMES_EXCEED_LIMIT', 'too_many_attempts'],
    ['PAYMENT_AMOUNT_EXCEED_LIMIT', 'generic'],
    ['PROCESS_FAIL', 'processing_failed'],
    ['SOMETHING_NEW', 'generic'],
  ];
  for (const [code, reason] of cases) it(`${code} -> ${reason}`, () => expect(declineReason(code)).to.equal(reason));
});
