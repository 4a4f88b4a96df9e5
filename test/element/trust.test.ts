/**
 * Issue 12 in the element. Finding 1: a tampered session (another origin's submitUrl and another
 * key) got the whole card. Finding 2: the idempotency key outlived card edits, so a retry with
 * another card could be answered with the first card's outcome. Written against the element
 * before the trust anchor and the card-bound key existed (they failed then).
 */
import {expect} from '@open-wc/testing';
import {fillValidCard, input, makeSessionData, mount, oneEvent, typeInto} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';
import type {CardBindingErrorEvent} from '../../src/element/events.js';

interface Sent {
  readonly url: string;
  readonly key: string | null;
}

/** Records every request the element makes, wherever it goes, and answers with `reply`. */
function recordRequests(reply: () => Response = () => new Response('{}', {status: 500})) {
  const original = window.fetch;
  const sent: Sent[] = [];
  window.fetch = async (resource: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({url: String(resource), key: headers.get('Idempotency-Key')});
    return reply();
  };
  return {sent, restore: () => (window.fetch = original)};
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});
const RESULT = (resultCode: string, resultStatus: 'S' | 'F' | 'U') => ({resultCode, resultStatus, resultMessage: 'm'});

async function withSession(submitUrl: string | undefined, attributes: Record<string, string> = {}, overrides = {}): Promise<AntomCardBinding> {
  const el = await mount();
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.vaultingSessionData = await makeSessionData({...(submitUrl ? {submitUrl} : {}), ...overrides});
  await el.updateComplete;
  await fillValidCard(el);
  return el;
}

describe('<antom-card-binding> trust anchor (where the card may go)', () => {
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  it('a session naming another origin gets nothing: session_malformed naming the rule, no request at all', async () => {
    const requests = recordRequests();
    try {
      const el = await withSession('https://attacker.example/collect');
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      await el.submit();
      const {detail} = await error;
      expect(detail.code).to.equal('session_malformed');
      expect(detail.message).to.contain('https://attacker.example');
      expect(detail.message).to.contain('gateway-origins');
      expect(requests.sent).to.have.length(0);
    } finally {
      requests.restore();
    }
  });

  it('loopback is not trusted by itself; gateway-origins names what is', async () => {
    const requests = recordRequests(() => json(200, {status: 'SUCCESS', result: RESULT('SUCCESS', 'S'), vaultingSessionId: 'V', paymentMethodDetail: {card: {brand: 'VISA', maskedCardNo: '************4242'}}}));
    try {
      const refused = await withSession('http://127.0.0.1:4010/__sandbox/submitCard');
      const error = oneEvent(refused, 'error') as Promise<CardBindingErrorEvent>;
      await refused.submit();
      expect((await error).detail.code).to.equal('session_malformed');
      expect(requests.sent).to.have.length(0);
      refused.remove();

      const trusted = await withSession('http://127.0.0.1:4010/__sandbox/submitCard', {'gateway-origins': 'https://other.example http://127.0.0.1:4010/'});
      expect(trusted.gatewayOrigins).to.deep.equal(['https://other.example', 'http://127.0.0.1:4010/']);
      const bound = oneEvent(trusted, 'bound');
      await trusted.submit();
      await bound;
      expect(requests.sent.map((request) => request.url)).to.deep.equal(['http://127.0.0.1:4010/__sandbox/submitCard']);
    } finally {
      requests.restore();
    }
  });

  it('plain http to a listed origin that is not loopback is refused; so is a weak key', async () => {
    const requests = recordRequests();
    try {
      const http = await withSession('http://gateway.example/submit', {'gateway-origins': 'http://gateway.example'});
      const error = oneEvent(http, 'error') as Promise<CardBindingErrorEvent>;
      await http.submit();
      const {detail} = await error;
      expect(detail.code).to.equal('session_malformed');
      expect(detail.message).to.match(/must be https/);
      http.remove();

      const session = await makeSessionData();
      const metadata = JSON.parse(atob(session.split('&&')[3]!));
      metadata.cardBinding.encryptionKey.n = metadata.cardBinding.encryptionKey.n.slice(0, 256); // about 1536 bits
      const weak = await mount();
      weak.vaultingSessionData = [...session.split('&&').slice(0, 3), btoa(JSON.stringify(metadata))].join('&&');
      await weak.updateComplete;
      await fillValidCard(weak);
      const weakError = oneEvent(weak, 'error') as Promise<CardBindingErrorEvent>;
      await weak.submit();
      expect((await weakError).detail.message).to.match(/at least 2048 bits/);
      expect(requests.sent).to.have.length(0);
    } finally {
      requests.restore();
    }
  });

  it('a 3-D Secure redirect to plain http (not loopback) is refused: invalid_response naming the rule; no navigation', async () => {
    const requests = recordRequests(() =>
      json(200, {status: 'REDIRECT', result: RESULT('VERIFICATION_IN_PROCESS', 'U'), vaultingSessionId: 'V', redirect: {url: 'http://acs.example/challenge', method: 'GET'}}),
    );
    try {
      const el = await withSession(undefined);
      const events: string[] = [];
      el.addEventListener('redirect', () => events.push('redirect'));
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      await el.submit();
      const {detail} = await error;
      expect(detail.code).to.equal('invalid_response');
      expect(detail.retryable).to.equal(false);
      expect(detail.message).to.match(/3-D Secure redirect must be https/);
      expect(events).to.deep.equal([]);
    } finally {
      requests.restore();
    }
  });
});

describe('<antom-card-binding> idempotency key bound to the card', () => {
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  async function failOnce(el: AntomCardBinding): Promise<void> {
    const error = oneEvent(el, 'error');
    await el.submit();
    await error;
    await el.updateComplete;
    (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement | null)?.click();
    await el.updateComplete;
  }

  it('the same card retried after a lost answer keeps its key; another card, another holder or reset() gets a new one', async () => {
    const requests = recordRequests(() => {
      throw new TypeError('Failed to fetch');
    });
    try {
      const el = await withSession(undefined);
      await failOnce(el);
      await failOnce(el);
      const [first, second] = requests.sent.map((request) => request.key);
      expect(first).to.be.a('string');
      expect(second).to.equal(first, 'a retry of the same card is the same attempt');

      // Another card number.
      const number = input(el, 'cardNumber');
      number.focus();
      number.select();
      await typeInto(el, 'cardNumber', '5555555555554444');
      await failOnce(el);
      const third = requests.sent[2]!.key;
      expect(third).to.not.equal(first);

      // Another holder name, same number.
      const holder = input(el, 'holderName');
      holder.focus();
      holder.select();
      await typeInto(el, 'holderName', 'Someone Else');
      await failOnce(el);
      const fourth = requests.sent[3]!.key;
      expect(fourth).to.not.equal(third);

      // reset(), then the same card typed again: a new attempt all the same.
      el.reset();
      await el.updateComplete;
      await fillValidCard(el);
      await failOnce(el);
      expect(requests.sent[4]!.key).to.not.be.oneOf([first, third, fourth]);
      expect(new Set(requests.sent.map((request) => request.key)).size).to.equal(4);
    } finally {
      requests.restore();
    }
  });
});
