/**
 * The binding flow in the element against the sandbox emulator started by the test run
 * (scripts/wtr-sandbox-plugin.mjs): real encryption, real HTTP on 127.0.0.1, real notifications.
 */
import {expect} from '@open-wc/testing';
import {fillValidCard, futureExpiry, input, oneEvent, typeInto} from '../element/helpers.js';
import {alertBody, alertTitle, answerChallenge, bindingsOf, mountSession, newSession, notificationFor, recordFetch} from './helpers.js';
import type {CardBindingErrorEvent, CardBoundEvent, CardRedirectEvent} from '../../src/element/events.js';

describe('binding flow against the sandbox emulator', function () {
  this.timeout(20000);
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  it('success: submit, then bound once; the emulator holds one binding; a signed notification reaches the merchant', async () => {
    const session = await newSession();
    const el = await mountSession(session);
    const events: string[] = [];
    for (const name of ['submit', 'bound', 'error', 'redirect']) el.addEventListener(name, () => events.push(name));
    const recorder = recordFetch();
    try {
      await fillValidCard(el, '4242424242424242', '737');
      const bound = oneEvent(el, 'bound') as Promise<CardBoundEvent>;
      await el.submit();
      const event = await bound;
      expect(events).to.deep.equal(['submit', 'bound']);
      expect(event.detail.maskedCardNo).to.equal('************4242');
      expect(event.detail.brand).to.equal('VISA');
      expect(event.detail.vaultingSessionId).to.equal(session.vaultingSessionId);
      expect(Object.keys(event.detail).sort()).to.deep.equal(['brand', 'maskedCardNo', 'vaultingSessionId']);
      await el.updateComplete;
      expect(alertTitle(el)).to.equal('Card added');
      expect(el.shadowRoot!.activeElement?.id).to.equal('alert-title');
      // Wiped from the DOM.
      el.shadowRoot!.querySelectorAll('input').forEach((node) => expect(node.value).to.equal(''));
      // One request; only the encrypted card and the session credential in it.
      expect(recorder.calls).to.equal(1);
      const body = JSON.parse(recorder.bodies[0]!);
      expect(Object.keys(body).sort()).to.deep.equal(['browser', 'encryptedCard', 'vaultingSessionData']);
      // Beside the card, only what any page can read about the browser, for 3-D Secure.
      expect(Object.keys(body.browser).sort()).to.deep.equal(['colorDepth', 'language', 'screenHeight', 'screenWidth', 'timeZoneOffset']);
      expect(body.browser.timeZoneOffset).to.equal(new Date().getTimezoneOffset());
      expect(body.encryptedCard.split('.')).to.have.length(5);
      for (const secret of ['4242424242424242', '737', futureExpiry()]) expect(recorder.bodies[0]).to.not.contain(secret);
      expect(await bindingsOf(session.vaultingSessionId)).to.have.length(1);
      const notification = await notificationFor(session.vaultingRequestId);
      expect(notification.verified).to.equal(true);
      expect(notification.body.result.resultStatus).to.equal('S');
      expect(notification.body.paymentMethodDetail?.card?.maskedCardNo).to.equal('************4242');
    } finally {
      recorder.restore();
    }
  });

  // Every decline scenario card of the emulator (README: Scenario cards), with the reason the buyer reads:
  // the English and Korean texts are the catalogue's (decline.* ids), looked up independently here.
  const GENERIC = {en: 'Your bank declined this card. Try another card or contact your bank.', ko: '카드사에서'};
  const DECLINES: [string, string, {en: string; ko: string}][] = [
    ['4000000000000002', 'DO_NOT_HONOR', GENERIC],
    ['4000000000000069', 'CARD_EXPIRED', {en: 'The card has expired or the expiry date is wrong.', ko: '유효기간'}],
    ['4000000000000127', 'INVALID_CVV', {en: 'The security code is incorrect.', ko: '보안 코드'}],
    ['4000000000000135', 'CARD_NOT_SUPPORTED', {en: 'This card is not supported. Try another card.', ko: '지원'}],
    ['4000000000009987', 'LOST_CARD', GENERIC],
    ['4000000000009979', 'STOLEN_CARD', GENERIC],
    ['4100000000000019', 'FRAUD_REJECT', GENERIC],
    ['4000000000000143', 'RESTRICTED_CARD', GENERIC],
    ['4000000000000150', 'PICKUP_CARD', GENERIC],
    ['4000000000000168', 'ACCOUNT_CLOSED', GENERIC],
  ];
  for (const [card, code, reasons] of DECLINES) {
    for (const [locale, expected] of [['en', reasons.en], ['ko', reasons.ko]] as const) {
      it(`decline ${code} (${locale}): alert with the reason, error declined, "Try again" returns to the filled form`, async () => {
        const el = await mountSession(await newSession(), locale);
        await fillValidCard(el, card, '737');
        const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
        await el.submit();
        const event = await error;
        expect(event.detail.code).to.equal('declined');
        expect(event.detail.resultCode).to.equal(code);
        expect(event.detail.retryable).to.equal(true);
        await el.updateComplete;
        expect(alertBody(el)).to.contain(expected);
        expect(event.detail.message).to.equal(alertBody(el));
        if (locale === 'ko') expect(alertTitle(el)).to.not.equal('Card not added');
        // Coarse on purpose: a decline never tells whoever holds the card that it is lost or stolen.
        expect(alertBody(el)!.toLowerCase()).to.not.match(/lost|stolen|fraud/);
        expect(el.shadowRoot!.activeElement?.id).to.equal('alert-title');
        (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement).click();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.equal(null);
        expect(input(el, 'cardNumber').value.replace(/\s/g, '')).to.equal(card);
      });
    }
  }

  it('after a decline, "Try again" with another card in the same session binds it; one notification, S', async () => {
    const session = await newSession();
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000000002', '737');
    const declined = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
    await el.submit();
    expect((await declined).detail.resultCode).to.equal('DO_NOT_HONOR');
    await el.updateComplete;
    (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const numberField = input(el, 'cardNumber');
    numberField.focus();
    numberField.select();
    await typeInto(el, 'cardNumber', '5555555555554444');
    const bound = oneEvent(el, 'bound') as Promise<CardBoundEvent>;
    await el.submit();
    expect((await bound).detail.maskedCardNo).to.equal('************4444');
    const notification = await notificationFor(session.vaultingRequestId);
    expect(notification.body.result.resultStatus).to.equal('S');
    const bindings = await bindingsOf(session.vaultingSessionId);
    expect(bindings.filter((binding) => binding.state === 'SUCCESS')).to.have.length(1);
  });

  it('Esc closes a decline alert and restores focus to the form', async () => {
    const el = await mountSession(await newSession());
    await fillValidCard(el, '4000000000000002', '737');
    input(el, 'holderName').focus();
    const error = oneEvent(el, 'error');
    await el.submit();
    await error;
    await el.updateComplete;
    el.shadowRoot!.querySelector('#alert-title')!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'holderName'));
  });

  it('3-D Secure: redirect event with the challenge URL; challenge passed; the buyer lands on redirectUrl; notification says success', async () => {
    const redirectUrl = `${location.origin}/__flow/returned`;
    const session = await newSession(redirectUrl);
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000003220', '737');
    const redirect = oneEvent(el, 'redirect') as Promise<CardRedirectEvent>;
    el.addEventListener('redirect', (event) => event.preventDefault()); // the test navigates itself
    await el.submit();
    const event = await redirect;
    expect(event.cancelable).to.equal(true);
    expect(event.detail.method).to.be.oneOf(['GET', 'POST']);
    expect(event.detail.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\//);
    await el.updateComplete;
    expect(alertTitle(el)).to.equal('Verifying with your bank…');
    // The buyer passes the challenge on the emulator's page, which sends them back to redirectUrl.
    const challenge = await answerChallenge(event.detail.url, 'pass');
    expect(challenge.pageOffers).to.deep.equal(['pass', 'fail']);
    expect(challenge.status).to.equal(303);
    expect(challenge.location).to.equal(redirectUrl);
    const notification = await notificationFor(session.vaultingRequestId);
    expect(notification.verified).to.equal(true);
    expect(notification.body.result.resultStatus).to.equal('S');
  });

  it('3-D Secure challenge failed: the notification says F with USER_PAYMENT_VERIFICATION_FAILED', async () => {
    const session = await newSession(`${location.origin}/__flow/returned`);
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000003220', '737');
    el.addEventListener('redirect', (event) => event.preventDefault());
    const redirect = oneEvent(el, 'redirect') as Promise<CardRedirectEvent>;
    await el.submit();
    const {detail} = await redirect;
    await answerChallenge(detail.url, 'fail');
    const notification = await notificationFor(session.vaultingRequestId);
    expect(notification.body.result.resultStatus).to.equal('F');
    expect(notification.body.result.resultCode).to.equal('USER_PAYMENT_VERIFICATION_FAILED');
  });

  it('gateway error: alert with retry and error gateway_error, nothing bound', async () => {
    const session = await newSession();
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000000119', '737');
    const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
    await el.submit();
    const event = await error;
    expect(event.detail.code).to.equal('gateway_error');
    expect(event.detail.retryable).to.equal(true);
    await el.updateComplete;
    expect(alertTitle(el)).to.equal('Something went wrong');
    expect((await bindingsOf(session.vaultingSessionId)).filter((b) => b.state === 'SUCCESS')).to.have.length(0);
  });

  it('the gateway answer is lost mid-request: network error with retry; the retry binds exactly once', async () => {
    const session = await newSession();
    const el = await mountSession(session);
    const recorder = recordFetch({loseFirstResponse: true});
    try {
      await fillValidCard(el, '5555555555554444', '737');
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      await el.submit();
      const failure = await error;
      expect(failure.detail.code).to.equal('network_error');
      expect(failure.detail.retryable).to.equal(true);
      await el.updateComplete;
      expect(alertTitle(el)).to.equal('Connection problem');
      (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const bound = oneEvent(el, 'bound') as Promise<CardBoundEvent>;
      await el.submit();
      expect((await bound).detail.maskedCardNo).to.equal('************4444');
      expect(recorder.calls).to.equal(2);
      const bindings = await bindingsOf(session.vaultingSessionId);
      expect(bindings.filter((b) => b.state === 'SUCCESS')).to.have.length(1);
    } finally {
      recorder.restore();
    }
  });

  it('the gateway connection dies mid-request: a real network error; the retry binds exactly once', async () => {
    const session = await newSession(undefined, {dropFirstAnswer: true});
    const el = await mountSession(session);
    const recorder = recordFetch();
    try {
      await fillValidCard(el, '2223003122003222', '737');
      const error = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
      await el.submit();
      expect((await error).detail.code).to.equal('network_error');
      // The emulator did bind the card: the answer was lost, not the request.
      expect((await bindingsOf(session.vaultingSessionId)).filter((b) => b.state === 'SUCCESS')).to.have.length(1);
      await el.updateComplete;
      (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const bound = oneEvent(el, 'bound') as Promise<CardBoundEvent>;
      await el.submit();
      expect((await bound).detail.maskedCardNo).to.equal('************3222');
      expect(recorder.calls).to.equal(2);
      expect((await bindingsOf(session.vaultingSessionId)).filter((b) => b.state === 'SUCCESS')).to.have.length(1);
      const notification = await notificationFor(session.vaultingRequestId);
      expect(notification.body.result.resultStatus).to.equal('S');
    } finally {
      recorder.restore();
    }
  });

  it('a double click on submit sends one request and reports the second as duplicate_submit', async () => {
    const el = await mountSession(await newSession());
    const recorder = recordFetch();
    try {
      await fillValidCard(el, '4242424242424242', '737');
      const errors: string[] = [];
      el.addEventListener('error', (event) => errors.push(event.detail.code));
      const bound = oneEvent(el, 'bound');
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!;
      button.click();
      button.click();
      await bound;
      expect(recorder.calls).to.equal(1);
      expect(errors).to.deep.equal(['duplicate_submit']);
    } finally {
      recorder.restore();
    }
  });

  it('leaks nothing after a full binding: no card data in events, attributes, DOM, console, storage, URL or requests other than the encrypted one', async () => {
    const captured: string[] = [];
    const names = ['ready', 'change', 'submit', 'bound', 'error', 'redirect'];
    const listener = (event: Event) => captured.push(`${event.type} ${JSON.stringify((event as CustomEvent).detail ?? null)}`);
    for (const name of names) document.addEventListener(name, listener, true);
    const consoleLines: string[] = [];
    const originals = {log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug};
    for (const method of Object.keys(originals) as (keyof typeof originals)[]) {
      console[method] = (...args: unknown[]) => consoleLines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    }
    const recorder = recordFetch();
    // Other test files share this origin's storage (Antom's real SDK in the hosted tests writes its
    // own random ids there): only what changes during this binding is searched.
    const storedBefore = {local: {...localStorage}, session: {...sessionStorage}, cookie: document.cookie};
    const storedSince = () =>
      [
        ...Object.entries({...localStorage}).filter(([key, value]) => storedBefore.local[key] !== value),
        ...Object.entries({...sessionStorage}).filter(([key, value]) => storedBefore.session[key] !== value),
        document.cookie === storedBefore.cookie ? '' : document.cookie,
      ].join('\n');
    try {
      const session = await newSession();
      const el = await mountSession(session);
      await fillValidCard(el, '3566002020360505', '737');
      const bound = oneEvent(el, 'bound');
      await el.submit();
      await bound;
      await el.updateComplete;

      const expiry = futureExpiry();
      const secrets = ['3566002020360505', '3566 0020 2036 0505', '356600202036', '737', `${expiry.slice(0, 2)} / ${expiry.slice(2)}`];
      const dom: string[] = [el.outerHTML, el.shadowRoot!.innerHTML];
      for (const node of [el, ...el.shadowRoot!.querySelectorAll('*')]) {
        for (const attribute of node.getAttributeNames()) dom.push(`${attribute}=${node.getAttribute(attribute)}`);
        if (node instanceof HTMLInputElement) dom.push(node.value, node.defaultValue);
      }
      const ownProperties = Object.keys(el).map((key) => `${key}=${String((el as unknown as Record<string, unknown>)[key])}`);
      const otherRequests = recorder.bodies.slice(1);
      const haystacks: Record<string, string> = {
        'event details': captured.join('\n'),
        'DOM and attributes': dom.join('\n'),
        properties: ownProperties.join('\n'),
        console: consoleLines.join('\n'),
        storage: storedSince(),
        URLs: [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)].join('\n'),
        'other request bodies': otherRequests.join('\n'),
      };
      expect(captured.some((line) => line.startsWith('bound'))).to.equal(true);
      expect(recorder.calls).to.equal(1);
      for (const [where, text] of Object.entries(haystacks)) {
        for (const secret of secrets) expect(text.includes(secret), `"${secret}" in ${where}`).to.equal(false);
      }
      // The one request that carries the card carries it only inside the JWE.
      const submitted = JSON.parse(recorder.bodies[0]!);
      expect(Object.keys(submitted).sort()).to.deep.equal(['browser', 'encryptedCard', 'vaultingSessionData']);
      const [header] = submitted.encryptedCard.split('.');
      expect(JSON.parse(atob(header.replace(/-/g, '+').replace(/_/g, '/')))).to.include({alg: 'RSA-OAEP-256', enc: 'A256GCM'});
    } finally {
      recorder.restore();
      Object.assign(console, originals);
      for (const name of names) document.removeEventListener(name, listener, true);
    }
  });

  it('processing: the alert says the card is being added, then "we\'ll let you know" and one pending event', async () => {
    const el = await mountSession(await newSession());
    el.processingTimeout = 500;
    await fillValidCard(el, '4000000000000077', '737');
    const terminal: string[] = [];
    for (const name of ['bound', 'error', 'redirect', 'pending']) el.addEventListener(name, () => terminal.push(name));
    const pending = oneEvent(el, 'pending');
    await el.submit();
    await el.updateComplete;
    expect(alertTitle(el)).to.equal('Adding your card…');
    await pending;
    await el.updateComplete;
    expect(alertTitle(el)).to.equal("We'll let you know");
    expect(terminal).to.deep.equal(['pending']);
  });
});
