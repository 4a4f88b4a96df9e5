import {expect} from '@open-wc/testing';
import {html, makeSessionData, mount, oneEvent} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

async function mountWith(value: string): Promise<{el: AntomCardBinding; error: Promise<Event>}> {
  const el = document.createElement('antom-card-binding');
  el.vaultingSessionData = value;
  const error = oneEvent(el, 'error');
  document.body.append(el);
  await el.updateComplete;
  return {el, error};
}

describe('<antom-card-binding> session data', () => {
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  it('a valid session renders the form and no alert', async () => {
    const el = await mount(html`<antom-card-binding vaulting-session-data=${await makeSessionData()}></antom-card-binding>`);
    expect(el.shadowRoot!.querySelector('[part="alert"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(false);
  });

  it('a malformed session shows an alert and fires error session_malformed', async () => {
    const {el, error} = await mountWith('not-a-session');
    const event = (await error) as CustomEvent;
    expect(event.detail.code).to.equal('session_malformed');
    expect(event.detail.retryable).to.equal(false);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[part="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).to.equal("This card form can't be used");
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  // Issue 10: expired by the gateway's own clock (no lifetime left between issueTime and
  // expiryTime); an expiry in the past by the buyer's clock alone is left to the gateway (lifetime.test.ts).
  it('an expired session shows the expired alert and fires error session_expired', async () => {
    const at = new Date(Date.now() - 1000).toISOString();
    const {el, error} = await mountWith(await makeSessionData({issueTime: at, expiryTime: at}));
    const event = (await error) as CustomEvent;
    expect(event.detail.code).to.equal('session_expired');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="alert"] h2')!.textContent).to.equal('Session expired');
    // Issue 10: every alert has a way on; here only a new session helps.
    expect(el.shadowRoot!.querySelector('[part="alert"] button')!.textContent).to.equal('Refresh the page');
  });

  it('a session that expires while the form is open turns into the expired alert', async () => {
    const {el, error} = await mountWith(await makeSessionData({expiryTime: new Date(Date.now() + 1500).toISOString()}));
    const numberInput = el.shadowRoot!.querySelector<HTMLInputElement>('#cardNumber')!;
    numberInput.value = '4242 4242';
    numberInput.dispatchEvent(new InputEvent('input', {inputType: 'insertText', bubbles: true, composed: true}));
    const event = (await error) as CustomEvent;
    expect(event.detail.code).to.equal('session_expired');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="alert"]')).to.not.equal(null);
    // The typed card is gone from the DOM.
    el.shadowRoot!.querySelectorAll('input').forEach((node) => expect(node.value).to.equal(''));
  });

  it('replacing a malformed session with a valid one brings the form back', async () => {
    const {el, error} = await mountWith('bad');
    await error;
    el.vaultingSessionData = await makeSessionData();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="alert"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(false);
  });

  it('the session narrows the accepted brands and may make the holder name optional', async () => {
    const el = await mount(html`<antom-card-binding
      vaulting-session-data=${await makeSessionData({acceptedBrands: ['MASTERCARD'], holderNameRequired: false})}
    ></antom-card-binding>`);
    const holder = el.shadowRoot!.querySelector<HTMLInputElement>('#holderName')!;
    expect(holder.required).to.equal(false);
    const numberInput = el.shadowRoot!.querySelector<HTMLInputElement>('#cardNumber')!;
    numberInput.focus();
    numberInput.value = '4';
    numberInput.dispatchEvent(new InputEvent('input', {inputType: 'insertText', data: '4', bubbles: true, composed: true}));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#cardNumber-error')!.textContent).to.equal('This card brand is not accepted. We accept Mastercard.');
  });
});
