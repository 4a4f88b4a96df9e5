import {expect, waitUntil} from '@open-wc/testing';
import {TEST_CARDS, fillValidCard, futureExpiry, html, input, makeSessionData, mount, oneEvent, typeInto} from './helpers.js';
import type {CardChangeEvent} from '../../src/element/events.js';

const EVENT_NAMES = ['ready', 'change', 'submit', 'bound', 'error', 'redirect'];

describe('<antom-card-binding> events', () => {
  it('change: complete, empty, brand and shown errors, fired when they change', async () => {
    const el = await mount();
    const details: CardChangeEvent['detail'][] = [];
    el.addEventListener('change', (event) => details.push(event.detail));
    await typeInto(el, 'cardNumber', '4242');
    const last = details.at(-1)!;
    expect(last).to.deep.equal({
      complete: false,
      empty: false,
      brand: 'VISA',
      errors: {cardNumber: null, expiry: null, cvc: null, holderName: null},
    });
    const second = await mount();
    const secondDetails: CardChangeEvent['detail'][] = [];
    second.addEventListener('change', (event) => secondDetails.push(event.detail));
    await fillValidCard(second);
    expect(secondDetails.at(-1)!.complete).to.equal(true);
    // One event per actual change of the detail, not one per keystroke.
    const keys = secondDetails.map((detail) => JSON.stringify(detail));
    for (let i = 1; i < keys.length; i++) expect(keys[i]).to.not.equal(keys[i - 1]);
  });

  it('change and error events bubble and are composed', async () => {
    const el = await mount();
    const changed = oneEvent(document, 'change');
    await typeInto(el, 'cardNumber', '4');
    const event = await changed;
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(el);
  });

  it('submit() of a valid card without a session ends in error session_missing', async () => {
    const el = await mount();
    await fillValidCard(el);
    const error = oneEvent(el, 'error');
    void el.submit();
    const event = await error;
    expect(event.detail.code).to.equal('session_missing');
    expect(event.detail.retryable).to.equal(false);
    expect(event.detail.message).to.be.a('string').and.not.equal('');
  });

  it('submit() while disabled or while an alert shows: one error unavailable, nothing sent, nothing else fires', async () => {
    const el = await mount(html`<antom-card-binding disabled></antom-card-binding>`);
    el.vaultingSessionData = await makeSessionData();
    await el.updateComplete;
    await fillValidCard(el);
    const seen: string[] = [];
    for (const name of [...EVENT_NAMES, 'pending']) el.addEventListener(name, (event) => seen.push(`${name}${name === 'error' ? ` ${(event as CustomEvent).detail.code} ${(event as CustomEvent).detail.retryable}` : ''}`));
    const originalFetch = window.fetch;
    let requests = 0;
    window.fetch = (...args) => (requests++, originalFetch(...args));
    try {
      await el.submit();
      expect(seen).to.deep.equal(['error unavailable true']); // re-enabling makes a retry possible
      seen.length = 0;
      el.disabled = false;
      el.vaultingSessionData = 'not-a-session'; // a session problem: the malformed alert replaces the form
      const malformed = oneEvent(el, 'error');
      const originalError = console.error;
      console.error = () => {};
      await malformed.finally(() => (console.error = originalError));
      await el.updateComplete;
      seen.length = 0;
      await el.submit();
      expect(seen).to.deep.equal(['error unavailable false']); // only a new session helps
      expect(requests).to.equal(0);
    } finally {
      window.fetch = originalFetch;
    }
  });

  it('submit() with invalid fields: focus goes to the first invalid one, errors are announced, nothing fires', async () => {
    const el = await mount();
    const fired: string[] = [];
    for (const name of ['submit', 'error', 'bound', 'redirect']) el.addEventListener(name, () => fired.push(name));
    await typeInto(el, 'cardNumber', TEST_CARDS.visa);
    await el.submit();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'expiry'));
    await waitUntil(() => el.shadowRoot!.querySelector('#live')!.textContent !== '', 'nothing announced', {timeout: 3000});
    expect(el.shadowRoot!.querySelector('#live')!.textContent).to.equal('3 fields need attention.');
    expect(fired).to.deep.equal([]);
  });

  it('input events with typed characters do not leave the shadow root', async () => {
    const el = await mount();
    const seen: Event[] = [];
    document.addEventListener('input', (event) => seen.push(event));
    document.addEventListener('beforeinput', (event) => seen.push(event));
    await typeInto(el, 'cardNumber', '4242');
    expect(seen).to.deep.equal([]);
  });

  it('leaks no card data into event details, attributes, properties, console or storage', async () => {
    const captured: string[] = [];
    const listener = (event: Event) => captured.push(JSON.stringify((event as CustomEvent).detail ?? null));
    for (const name of EVENT_NAMES) document.addEventListener(name, listener);
    const consoleLines: string[] = [];
    const originals = {log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug};
    for (const method of Object.keys(originals) as (keyof typeof originals)[]) {
      console[method] = (...args: unknown[]) => consoleLines.push(args.map(String).join(' '));
    }
    try {
      const el = await mount(html`<antom-card-binding locale="en"></antom-card-binding>`);
      await fillValidCard(el, TEST_CARDS.mastercard, '737');
      el.shadowRoot!.querySelectorAll('input').forEach((node) => node.blur());
      await el.submit(); // no session: ends in error session_missing
      await el.updateComplete;

      const secrets = [TEST_CARDS.mastercard, '5555 5555 5555 4444', '555555', futureExpiry(), '737'];
      const attributes: string[] = [];
      for (const node of [el, ...el.shadowRoot!.querySelectorAll('*')]) {
        for (const attribute of node.getAttributeNames()) attributes.push(`${attribute}=${node.getAttribute(attribute)}`);
      }
      const ownProperties = Object.keys(el).map((key) => `${key}=${String((el as unknown as Record<string, unknown>)[key])}`);
      const storage = JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}) + document.cookie;
      const haystacks = {events: captured.join('\n'), attributes: attributes.join('\n'), properties: ownProperties.join('\n'), console: consoleLines.join('\n'), storage, url: location.href};
      expect(captured.length).to.be.greaterThan(2);
      for (const [where, text] of Object.entries(haystacks)) {
        for (const secret of secrets) expect(text.includes(secret), `${secret} in ${where}`).to.equal(false);
      }
    } finally {
      Object.assign(console, originals);
      for (const name of EVENT_NAMES) document.removeEventListener(name, listener);
    }
  });
});
