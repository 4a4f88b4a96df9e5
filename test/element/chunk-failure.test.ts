/**
 * Issue 12, finding 5: a lazy chunk that failed to load on submit ended in no event (an uncaught
 * rejection). Now: `error` `network_error`, retryable, nothing sent; the retry works once the
 * chunk loads.
 */
import {expect} from '@open-wc/testing';
import {fillValidCard, makeSessionData, mount, oneEvent} from './helpers.js';
import {REPLIES, stubGateway} from './gateway-stub.js';
import {submitPath} from '../../src/element/controllers/binding.js';
import type {CardBindingErrorEvent} from '../../src/element/events.js';

describe('<antom-card-binding> submit path chunk that does not load', () => {
  it('ends in one error network_error with a retry; nothing is sent; the retry binds', async () => {
    const gateway = stubGateway(...REPLIES.success);
    const load = submitPath.load;
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    submitPath.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await mount();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const events: string[] = [];
      for (const name of ['bound', 'error', 'redirect', 'pending']) el.addEventListener(name, () => events.push(name));
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      await el.submit();
      const {detail} = await error;
      expect(detail.code).to.equal('network_error');
      expect(detail.retryable).to.equal(true);
      expect(events).to.deep.equal(['error']);
      expect(gateway.calls).to.equal(0);

      submitPath.load = load;
      await el.updateComplete;
      (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const bound = oneEvent(el, 'bound');
      await el.submit();
      await bound;
      expect(events).to.deep.equal(['error', 'bound']);
      expect(gateway.calls).to.equal(1);
      expect(rejections).to.deep.equal([]);
    } finally {
      submitPath.load = load;
      window.removeEventListener('unhandledrejection', onRejection);
      gateway.restore();
    }
  });

  it('the views\' chunk does not load either: the entry\'s connection notice, described, with a way back to the form', async () => {
    const {load, outcome} = submitPath;
    submitPath.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    submitPath.outcome = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await mount();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await fillValidCard(el);
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      await el.submit();
      expect((await error).detail.code).to.equal('network_error');
      await el.updateComplete;
      const title = el.shadowRoot!.querySelector('#alert-title')!;
      expect(title.textContent).to.equal('Connection problem');
      expect(el.shadowRoot!.getElementById(title.getAttribute('aria-describedby')!)!.textContent).to.contain("couldn't reach");
      expect(el.shadowRoot!.activeElement).to.equal(title);
      const back = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="try-again"]')!;
      back.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#alert-title')).to.equal(null);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#cardNumber')!.value).to.not.equal('');
    } finally {
      Object.assign(submitPath, {load, outcome});
    }
  });

  it('a session problem while the views\' chunk cannot load still ends in its error, after a notice with a way on', async () => {
    const {outcome} = submitPath;
    submitPath.outcome = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const originalError = console.error;
    console.error = () => {};
    try {
      const el = document.createElement('antom-card-binding');
      el.vaultingSessionData = 'not-a-session';
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      document.body.append(el);
      const {detail} = await error;
      expect(detail.code).to.equal('session_malformed');
      // The developer's words travel with the views' chunk; without it the key still names the check.
      expect(detail.message).to.equal('vaultingSessionData: refused (segments)');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#alert-title')!.textContent).to.equal('Connection problem');
      expect(el.shadowRoot!.querySelector('[part~="reload"]')).to.not.equal(null);
      el.remove();
    } finally {
      submitPath.outcome = outcome;
      console.error = originalError;
    }
  });
});
