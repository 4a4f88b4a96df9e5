/**
 * Issue 10: the session's lifetime is the gateway's, measured from when the element received the
 * session; a warning (`expiring`) comes before the end and a fresh session keeps the typed card.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {fillValidCard, input, liveText, makeSessionData, oneEvent} from './helpers.js';
import {REPLIES, stubGateway} from './gateway-stub.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

const HOUR = 3_600_000;

async function mountWith(value: string, attributes: Record<string, string> = {}): Promise<AntomCardBinding> {
  const el = document.createElement('antom-card-binding');
  for (const [name, attr] of Object.entries(attributes)) el.setAttribute(name, attr);
  el.vaultingSessionData = value;
  const ready = oneEvent(el, 'ready');
  document.body.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

const alert = (el: AntomCardBinding) => el.shadowRoot!.querySelector('[part~="alert"]');

describe('<antom-card-binding> session lifetime', () => {
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
    document.querySelectorAll('antom-card-binding').forEach((el) => el.remove());
  });

  /** With the buyer's clock an hour fast, the form stays usable and the card reaches the gateway. */
  async function expectSentWithClockHourFast(session: string): Promise<void> {
    Date.now = () => realNow() + HOUR;
    const gateway = stubGateway(...REPLIES.success);
    try {
      const el = await mountWith(session);
      expect(alert(el)).to.equal(null);
      await fillValidCard(el);
      const bound = oneEvent(el, 'bound');
      await el.submit();
      await bound;
      expect(gateway.calls).to.equal(1);
    } finally {
      gateway.restore();
    }
  }

  it('a buyer clock one hour fast does not expire a fresh session (issueTime given): the card is sent', async () => {
    const issued = realNow();
    const session = await makeSessionData({
      issueTime: new Date(issued).toISOString(),
      expiryTime: new Date(issued + 30 * 60_000).toISOString(),
    });
    await expectSentWithClockHourFast(session);
  });

  it('without issueTime, an expiry already past by the buyer clock is left to the gateway', async () => {
    const session = await makeSessionData({expiryTime: new Date(realNow() + 10 * 60_000).toISOString()});
    await expectSentWithClockHourFast(session);
  });

  it('the lifetime counts from receipt, whatever the clocks: issued in 2001 with 1.5 s to live, it expires 1.5 s after it arrived', async () => {
    const session = await makeSessionData({issueTime: '2001-01-01T00:00:00Z', expiryTime: '2001-01-01T00:00:01.500Z'});
    const el = document.createElement('antom-card-binding');
    el.setAttribute('expiry-warning', '1000');
    el.vaultingSessionData = session;
    const received = performance.now();
    const expiring = oneEvent(el, 'expiring');
    const error = oneEvent(el, 'error');
    document.body.append(el);
    const warning = await expiring;
    expect(warning.detail.remainingMs).to.be.within(0, 1000);
    expect(performance.now() - received).to.be.greaterThan(300);
    const event = await error;
    expect(event.detail.code).to.equal('session_expired');
    expect(performance.now() - received).to.be.greaterThan(1400);
    // At expiry, with focus elsewhere, the live region says so.
    // The warning's text may still be in the region when expiry comes: wait for the expiry's own.
    await waitUntil(() => liveText(el).includes('expired'), 'expiry not announced', {timeout: 3000});
  });

  it('issued with no time left by the gateway clock: expired at once', async () => {
    const session = await makeSessionData({issueTime: '2030-01-01T00:00:00Z', expiryTime: '2030-01-01T00:00:00Z'});
    const el = document.createElement('antom-card-binding');
    el.vaultingSessionData = session;
    const error = oneEvent(el, 'error');
    document.body.append(el);
    expect((await error).detail.code).to.equal('session_expired');
  });

  it('expiring: a visible, announced warning before the end; a fresh session keeps the typed card', async function () {
    this.timeout(20000);
    const issued = realNow();
    const short = await makeSessionData({issueTime: new Date(issued).toISOString(), expiryTime: new Date(issued + 6000).toISOString()});
    const el = await mountWith(short, {'expiry-warning': '5000'});
    const warning = oneEvent(el, 'expiring');
    await fillValidCard(el);
    input(el, 'holderName').blur();
    const warned = await warning;
    expect(warned.detail.remainingMs).to.be.within(1, 5100); // timers may fire a few ms early
    await el.updateComplete;
    const banner = el.shadowRoot!.querySelector('[part~="expiry-warning"]')!;
    expect(banner).to.not.equal(null);
    expect(banner.textContent).to.match(/expire/i);
    await waitUntil(() => /expire/i.test(liveText(el)), 'warning not announced', {timeout: 3000});
    await expect(el).to.be.accessible();

    let errors = 0;
    el.addEventListener('error', () => errors++);
    const renewedAt = realNow();
    el.vaultingSessionData = await makeSessionData({issueTime: new Date(renewedAt).toISOString(), expiryTime: new Date(renewedAt + 30 * 60_000).toISOString()});
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="expiry-warning"]')).to.equal(null);
    expect(input(el, 'cardNumber').value).to.equal('4242 4242 4242 4242');
    expect(input(el, 'cvc').value).to.equal('123');
    expect(el.complete).to.equal(true);
    // Past the first session's end, the renewed one still holds.
    await waitUntil(() => realNow() > issued + 6500, 'clock', {timeout: 8000});
    expect(alert(el)).to.equal(null);
    expect(errors).to.equal(0);
  });

  it('the warning button asks the page for more time (expiring with requestedByBuyer)', async () => {
    const issued = realNow();
    const el = document.createElement('antom-card-binding');
    el.setAttribute('expiry-warning', '4900');
    el.vaultingSessionData = await makeSessionData({issueTime: new Date(issued).toISOString(), expiryTime: new Date(issued + 5000).toISOString()});
    const first = oneEvent(el, 'expiring');
    document.body.append(el);
    expect((await first).detail.requestedByBuyer).to.equal(false);
    await el.updateComplete;
    const asked = oneEvent(el, 'expiring');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="expiry-warning"] button')!.click();
    expect((await asked).detail.requestedByBuyer).to.equal(true);
  });
});
