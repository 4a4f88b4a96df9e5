/**
 * Issue 10: integration mistakes are loud and typed; buyers see buyer words.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {fillValidCard, makeSessionData, mount, oneEvent} from './helpers.js';
import {REPLIES, stubGateway} from './gateway-stub.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

function captureConsole(method: 'error' | 'warn') {
  const original = console[method];
  const lines: string[] = [];
  console[method] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  return {lines, restore: () => (console[method] = original)};
}

describe('<antom-card-binding> integration mistakes', () => {
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  it('the whole {vaultingSessionData} object: error session_malformed and one console error naming the fix', async () => {
    const sessionData = await makeSessionData();
    const logged = captureConsole('error');
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    window.addEventListener('error', onError);
    try {
      const el = document.createElement('antom-card-binding');
      const error = oneEvent(el, 'error');
      (el as unknown as {vaultingSessionData: unknown}).vaultingSessionData = {vaultingSessionData: sessionData};
      document.body.append(el);
      const event = await error;
      expect(event.detail.code).to.equal('session_malformed');
      expect(event.detail.message).to.contain('vaultingSessionData');
      await el.updateComplete;
      expect(logged.lines).to.have.length(1);
      expect(logged.lines[0]).to.contain('.vaultingSessionData');
      expect(logged.lines[0]).to.contain('string');
      expect(uncaught).to.deep.equal([]);
      // Buyers see buyer words, not the developer's.
      const body = el.shadowRoot!.querySelector('#alert-body')!.textContent!;
      expect(body).to.not.match(/session|vaultingSessionData/i);
    } finally {
      logged.restore();
      window.removeEventListener('error', onError);
    }
  });

  for (const value of ['abc', '-5', '1e12', '0']) {
    it(`submit-timeout="${value}" falls back to the default with a warning; a slow answer is not a timeout`, async () => {
      const warned = captureConsole('warn');
      const gateway = stubGateway(...REPLIES.success, {hold: true});
      try {
        const el = document.createElement('antom-card-binding');
        el.setAttribute('submit-timeout', value);
        el.vaultingSessionData = await makeSessionData();
        document.body.append(el);
        await el.updateComplete;
        expect(warned.lines.filter((line) => line.includes('submit-timeout'))).to.have.length(1);
        await fillValidCard(el);
        let code: string | null = null;
        el.addEventListener('error', (event) => (code = event.detail.code));
        const bound = oneEvent(el, 'bound');
        const done = el.submit();
        await waitUntil(() => gateway.calls === 1, 'the card never reached the gateway', {timeout: 5000});
        gateway.release();
        await bound;
        await done;
        expect(code).to.equal(null);
      } finally {
        warned.restore();
        gateway.restore();
      }
    });
  }

  it('a used session (409 SESSION_ALREADY_USED) is session_used, with its own alert', async () => {
    const gateway = stubGateway(...REPLIES.used);
    try {
      const el: AntomCardBinding = await mount();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const error = oneEvent(el, 'error');
      await el.submit();
      const event = await error;
      expect(event.detail.code).to.equal('session_used');
      expect(event.detail.resultCode).to.equal('SESSION_ALREADY_USED');
      await el.updateComplete;
      const title = el.shadowRoot!.querySelector('#alert-title')!.textContent;
      expect(title).to.not.equal('Session expired');
      expect(el.shadowRoot!.querySelector('[part~="alert"]')!.getAttribute('data-view')).to.equal('session_used');
    } finally {
      gateway.restore();
    }
  });

  it('"Add card" with no session shows an alert with a way back, and error session_missing', async () => {
    const el = await mount();
    await fillValidCard(el);
    const error = oneEvent(el, 'error');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="submit-button"]')!.click();
    expect((await error).detail.code).to.equal('session_missing');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.not.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('alert-title');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="alert-action"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#holderName')!.value).to.equal('Ana Souza');
  });
});
