/**
 * The whole relay flow in the browser: the element, unchanged, gets a session from the merchant's
 * relay (createCardBindingRelay); the card goes encrypted to the relay's route, which vaults it
 * with the sandbox emulator's vaultPaymentMethod; notifyVaulting reaches the merchant. Started by
 * scripts/wtr-sandbox-plugin.mjs; the relay listens on its own port (cross-origin, with CORS).
 */
import {expect} from '@open-wc/testing';
import {fillValidCard, input, oneEvent, typeInto} from '../element/helpers.js';
import type {CardBindingErrorEvent, CardBoundEvent, CardRedirectEvent} from '../../src/element/events.js';
import {alertTitle, answerChallenge, mountSession, newRelaySession, notificationFor, recordFetch, relayCallsFor, relayOutcomes} from './helpers.js';

describe('binding flow through the merchant relay and vaultPaymentMethod', function () {
  this.timeout(20000);
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  it('success: bound once; the card token stays on the server; one signed notification', async () => {
    const session = await newRelaySession();
    const el = await mountSession(session);
    const events: string[] = [];
    for (const name of ['submit', 'bound', 'error', 'redirect']) el.addEventListener(name, () => events.push(name));
    const recorder = recordFetch();
    try {
      await fillValidCard(el, '4242424242424242', '737');
      const bound = oneEvent(el, 'bound') as Promise<CardBoundEvent>;
      await el.submit();
      const {detail} = await bound;
      expect(events).to.deep.equal(['submit', 'bound']);
      expect(detail).to.deep.equal({vaultingSessionId: session.vaultingSessionId, brand: 'VISA', maskedCardNo: '************4242'});
      await el.updateComplete;
      expect(alertTitle(el)).to.equal('Card added');
      el.shadowRoot!.querySelectorAll('input').forEach((node) => expect(node.value).to.equal(''));
      expect(recorder.calls).to.equal(1);
      expect(recorder.bodies[0]).to.not.contain('4242424242424242');

      expect(await relayCallsFor(session.vaultingRequestId)).to.deep.equal([session.vaultingRequestId]);
      const [outcome, ...more] = await relayOutcomes(session.vaultingRequestId);
      expect(more).to.have.length(0);
      expect(outcome).to.include({status: 'SUCCESS', attempt: 1, reference: 'flow-buyer'});
      expect(outcome!.card).to.deep.equal({cardToken: true, brand: 'VISA', maskedCardNo: '************4242'});
      const notification = await notificationFor(session.vaultingRequestId);
      expect(notification.verified).to.equal(true);
      expect(notification.body.result.resultStatus).to.equal('S');
      expect(notification.body.paymentMethodDetail?.card?.cardToken).to.be.a('string');
    } finally {
      recorder.restore();
    }
  });

  it('a decline, then another card in the same session: a new vaultingRequestId for the second attempt; bound once', async () => {
    const session = await newRelaySession();
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000000002', '737');
    const declined = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
    await el.submit();
    const {detail} = await declined;
    expect(detail.code).to.equal('declined');
    expect(detail.resultCode).to.equal('DO_NOT_HONOR');
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

    const second = `${session.vaultingRequestId}-2`;
    expect(await relayCallsFor(session.vaultingRequestId)).to.deep.equal([session.vaultingRequestId, second]);
    // Each attempt is its own vaulting at Antom: F for the first, S for the second.
    expect((await notificationFor(session.vaultingRequestId)).body.result.resultCode).to.equal('DO_NOT_HONOR');
    expect((await notificationFor(second)).body.result.resultStatus).to.equal('S');
    expect((await relayOutcomes(session.vaultingRequestId)).map((o) => o.status)).to.deep.equal(['FAIL', 'SUCCESS']);
  });

  for (const outcome of ['pass', 'fail'] as const) {
    it(`3-D Secure ${outcome}ed: the redirect is Antom's normalUrl (GET); the buyer lands on redirectUrl; the notification says so`, async () => {
      const redirectUrl = `${location.origin}/__flow/returned`;
      const session = await newRelaySession(redirectUrl);
      const el = await mountSession(session);
      await fillValidCard(el, '4000000000003220', '737');
      el.addEventListener('redirect', (event) => event.preventDefault()); // the test navigates itself
      const redirect = oneEvent(el, 'redirect') as Promise<CardRedirectEvent>;
      await el.submit();
      const {detail} = await redirect;
      expect(detail.method).to.equal('GET');
      expect(detail.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/__sandbox\/3ds\//);
      const challenge = await answerChallenge(detail.url, outcome);
      expect(challenge.status).to.equal(303);
      expect(challenge.location).to.equal(redirectUrl);
      const notification = await notificationFor(session.vaultingRequestId);
      if (outcome === 'pass') {
        expect(notification.body.result.resultStatus).to.equal('S');
        expect(notification.body.paymentMethodDetail?.card?.maskedCardNo).to.equal('************3220');
      } else {
        expect(notification.body.result).to.include({resultStatus: 'F', resultCode: 'USER_PAYMENT_VERIFICATION_FAILED'});
      }
      expect((await relayOutcomes(session.vaultingRequestId)).map((o) => o.status)).to.deep.equal(['REDIRECT']);
    });
  }

  it('processing: Antom cannot answer yet; the relay asks inquireVaulting and the element says the card is being added; the notification follows', async () => {
    const session = await newRelaySession();
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000000077', '737');
    await el.submit();
    await el.updateComplete;
    expect(alertTitle(el)).to.equal('Adding your card…');
    expect((await relayOutcomes(session.vaultingRequestId)).map((o) => o.status)).to.deep.equal(['PROCESSING']);
    const notification = await notificationFor(session.vaultingRequestId);
    expect(notification.body.result.resultStatus).to.equal('S');
    expect(await relayCallsFor(session.vaultingRequestId)).to.have.length(1);
    // Issue 10: the page hands over what its server learned; the submission ends in one `bound`.
    const bound = oneEvent(el, 'bound');
    el.reportOutcome({status: 'SUCCESS', maskedCardNo: notification.body.paymentMethodDetail?.card?.maskedCardNo});
    expect((await bound).detail.vaultingSessionId).to.equal(session.vaultingSessionId);
    await el.updateComplete;
    expect(alertTitle(el)).to.equal('Card added');
  });

  it('an unknown answer (U): error gateway_error, retryable; the retry goes to Antom under a new vaultingRequestId', async () => {
    const session = await newRelaySession();
    const el = await mountSession(session);
    await fillValidCard(el, '4000000000000119', '737');
    const first = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
    await el.submit();
    const {detail} = await first;
    expect(detail.code).to.equal('gateway_error');
    expect(detail.retryable).to.equal(true);
    await el.updateComplete;
    const second = oneEvent(el, 'error') as Promise<CardBindingErrorEvent>;
    (el.shadowRoot!.querySelector('[part~="try-again"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.submit();
    expect((await second).detail.code).to.equal('gateway_error');
    expect(await relayCallsFor(session.vaultingRequestId)).to.deep.equal([session.vaultingRequestId, `${session.vaultingRequestId}-2`]);
    expect(await relayOutcomes(session.vaultingRequestId)).to.have.length(0);
  });
});
