/**
 * Issue 10: every alert view has a way on and says why to whoever lands on its heading; state
 * changes are announced once; every submission ends in exactly one terminal event.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {fillValidCard, html, liveText, makeSessionData, mount, oneEvent} from './helpers.js';
import {REPLIES, stubGateway} from './gateway-stub.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

const TERMINAL = ['bound', 'error', 'redirect', 'pending'];

async function submitWith(reply: readonly [number, unknown], template = html`<antom-card-binding></antom-card-binding>`) {
  const gateway = stubGateway(reply[0], reply[1]);
  const el = await mount(template);
  el.vaultingSessionData = await makeSessionData();
  await el.updateComplete;
  await fillValidCard(el);
  const terminal: string[] = [];
  for (const name of TERMINAL) el.addEventListener(name, () => terminal.push(name));
  try {
    await el.submit();
    await el.updateComplete;
  } finally {
    gateway.restore();
  }
  return {el, terminal};
}

function focusedDescription(el: AntomCardBinding): string {
  const focused = el.shadowRoot!.activeElement as HTMLElement;
  expect(focused, 'focus is on the alert heading').to.equal(el.shadowRoot!.querySelector('#alert-title'));
  const ids = (focused.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ').trim();
}

function actions(el: AntomCardBinding): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="alert"] button')];
}

describe('<antom-card-binding> alert views', function () {
  // The first case pays this page's cold start: an RSA key for the session, the submit path and
  // outcome chunks, axe. On a loaded CI machine that alone passed the 10 s default.
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  const cases: [string, readonly [number, unknown], string][] = [
    ['declined', REPLIES.declined, 'error'],
    ['gateway (retryable)', REPLIES.gatewayRetryable, 'error'],
    ['gateway (final)', REPLIES.gatewayFinal, 'error'],
    ['session used', REPLIES.used, 'error'],
    ['session expired by the gateway', REPLIES.expired, 'error'],
  ];
  for (const [name, reply, event] of cases) {
    it(`${name}: one ${event} event, the reason in the heading's description, a button to go on`, async () => {
      const {el, terminal} = await submitWith(reply);
      expect(terminal).to.deep.equal([event]);
      expect(focusedDescription(el)).to.not.equal('');
      expect(actions(el).length, 'a way on').to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  }

  it('encryption failure: error encryption_failed, described, with a way on', async () => {
    const gateway = stubGateway(...REPLIES.success);
    const original = crypto.subtle.importKey;
    crypto.subtle.importKey = () => Promise.reject(new Error('no key'));
    try {
      const el = await mount();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const error = oneEvent(el, 'error');
      await el.submit();
      expect((await error).detail.code).to.equal('encryption_failed');
      await el.updateComplete;
      expect(focusedDescription(el)).to.not.equal('');
      expect(actions(el).length).to.be.greaterThan(0);
      expect(gateway.calls).to.equal(0);
    } finally {
      crypto.subtle.importKey = original;
      gateway.restore();
    }
  });

  it('the malformed-session alert speaks to buyers and has a way on', async () => {
    const el = document.createElement('antom-card-binding');
    el.vaultingSessionData = 'not-a-session';
    const error = oneEvent(el, 'error');
    document.body.append(el);
    await error;
    await el.updateComplete;
    const body = el.shadowRoot!.querySelector('#alert-body')!.textContent!;
    expect(body).to.not.match(/invalid session|the page gave/i);
    expect(el.shadowRoot!.querySelector('#alert-title')!.getAttribute('aria-describedby')).to.equal('alert-body');
    expect(actions(el).length).to.be.greaterThan(0);
  });

  it('submitting is announced once in the live region', async () => {
    const gateway = stubGateway(...REPLIES.success, {hold: true});
    try {
      const el = await mount();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const done = el.submit();
      await waitUntil(() => liveText(el) !== '', 'submitting not announced', {timeout: 3000});
      expect(liveText(el)).to.equal('Adding card…');
      gateway.release();
      await done;
    } finally {
      gateway.restore();
    }
  });

  it('processing: progress, then a "we will let you know" view and one pending event after processing-timeout', async () => {
    const gateway = stubGateway(...REPLIES.processing);
    try {
      const el = await mount(html`<antom-card-binding processing-timeout="300"></antom-card-binding>`);
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const terminal: string[] = [];
      for (const name of TERMINAL) el.addEventListener(name, () => terminal.push(name));
      const processing = oneEvent(el, 'processing');
      const pending = oneEvent(el, 'pending');
      await el.submit();
      expect((await processing).detail.vaultingSessionId).to.equal('VS_TEST_1');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="alert"]')!.getAttribute('data-view')).to.equal('processing');
      expect(terminal).to.deep.equal([]);
      const event = await pending;
      expect(event.detail.vaultingSessionId).to.equal('VS_TEST_1');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="alert"]')!.getAttribute('data-view')).to.equal('pending');
      expect(focusedDescription(el)).to.match(/let you know/i);
      expect(terminal).to.deep.equal(['pending']);
      // A late report does not end the submission twice.
      el.reportOutcome({status: 'SUCCESS'});
      await el.updateComplete;
      expect(terminal).to.deep.equal(['pending']);
    } finally {
      gateway.restore();
    }
  });

  it('processing: the page reports the real outcome (from its server) and the element ends with it', async () => {
    const gateway = stubGateway(...REPLIES.processing);
    try {
      const el = await mount();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const terminal: string[] = [];
      for (const name of TERMINAL) el.addEventListener(name, () => terminal.push(name));
      el.addEventListener('processing', () => el.reportOutcome({status: 'SUCCESS', brand: 'VISA', maskedCardNo: '************4242'}));
      const bound = oneEvent(el, 'bound');
      await el.submit();
      expect((await bound).detail.maskedCardNo).to.equal('************4242');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#alert-title')!.textContent).to.equal('Card added');
      expect(terminal).to.deep.equal(['bound']);
    } finally {
      gateway.restore();
    }
  });

  it('the security code label and its messages use the same words', async () => {
    const el = await mount();
    const label = () => el.shadowRoot!.querySelector('label[for="cvc"]')!.textContent!.trim();
    expect(label()).to.equal('Security code');
    await el.submit();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#cvc-error')!.textContent).to.match(/security code/i);
    const visa = await mount();
    visa.shadowRoot!.querySelector<HTMLInputElement>('#cardNumber')!.focus();
    const {sendKeys} = await import('@web/test-runner-commands');
    await sendKeys({type: '4242'});
    await visa.updateComplete;
    expect(visa.shadowRoot!.querySelector('label[for="cvc"]')!.textContent!.trim()).to.equal('Security code (CVV)');
  });
});
