import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {TEST_CARDS, blur, errorText, futureExpiry, html, input, liveText, mount, pasteInto, press, typeInto} from './helpers.js';

describe('<antom-card-binding> typing', () => {
  it('formats the number in the brand grouping as it is typed (Visa 4-4-4-4)', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '42424242');
    expect(input(el, 'cardNumber').value).to.equal('4242 4242');
    expect(input(el, 'cardNumber').selectionStart).to.equal(9);
  });

  it('groups AMEX 4-6-5 and caps the length at 15 digits', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', `${TEST_CARDS.amex}999`);
    expect(input(el, 'cardNumber').value).to.equal('3782 822463 10005');
  });

  it('keeps the caret after the edited digit when editing mid-number', async () => {
    const el = await mount();
    const field = input(el, 'cardNumber');
    await typeInto(el, 'cardNumber', '4242424242');
    field.setSelectionRange(2, 2); // between "42" and "42"
    await sendKeys({type: '1'});
    await el.updateComplete;
    expect(field.value).to.equal('4214 2424 242');
    expect(field.selectionStart).to.equal(3);
  });

  it('backspace right after a group space removes the digit before it', async () => {
    const el = await mount();
    const field = input(el, 'cardNumber');
    await typeInto(el, 'cardNumber', '42424');
    field.setSelectionRange(5, 5); // "4242 |4"
    await press(el, 'Backspace');
    expect(field.value.replace(/\D/g, '')).to.equal('4244');
    expect(field.selectionStart).to.be.lessThanOrEqual(4);
  });

  it('accepts a pasted number with dashes and spaces', async () => {
    const el = await mount();
    await pasteInto(el, 'cardNumber', '4242-4242 4242 4242');
    expect(input(el, 'cardNumber').value).to.equal('4242 4242 4242 4242');
  });

  it('shows the brand icon only once the prefix identifies the brand', async () => {
    const el = await mount();
    const icon = () => el.shadowRoot!.querySelector('[part="brand-icon"]')!.getAttribute('data-brand');
    expect(icon()).to.equal('unknown');
    await typeInto(el, 'cardNumber', '5');
    const afterFive = icon();
    expect(['unknown', 'MASTERCARD']).to.include(afterFive);
    await typeInto(el, 'cardNumber', '555');
    expect(icon()).to.equal('MASTERCARD');
    expect(el.shadowRoot!.querySelector('[part="brand-icon"] svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#brand-name')!.textContent).to.contain('Mastercard');
  });

  it('does not show an error while a valid prefix is typed, shows it on blur', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '424242');
    expect(errorText(el, 'cardNumber')).to.equal('');
    expect(input(el, 'cardNumber').getAttribute('aria-invalid')).to.equal('false');
    await blur(el, 'cardNumber');
    expect(errorText(el, 'cardNumber')).to.equal('Your card number is incomplete.');
    expect(input(el, 'cardNumber').getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows an unknown brand at once and announces it', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '1');
    expect(errorText(el, 'cardNumber')).to.equal('This card brand is not accepted.');
    await waitUntil(() => liveText(el) !== '', 'nothing announced', {timeout: 3000});
    expect(liveText(el)).to.equal('This card brand is not accepted.');
  });

  it('rejects a brand the element does not accept as soon as the prefix rules it out', async () => {
    const el = await mount(html`<antom-card-binding accepted-brands="VISA MASTERCARD"></antom-card-binding>`);
    await typeInto(el, 'cardNumber', '37');
    // With a brand list the refusal names what is accepted, in the field and when announced.
    expect(errorText(el, 'cardNumber')).to.equal('This card brand is not accepted. We accept Visa and Mastercard.');
    await waitUntil(() => liveText(el) !== '', 'nothing announced', {timeout: 3000});
    expect(liveText(el)).to.equal('This card brand is not accepted. We accept Visa and Mastercard.');
  });

  it('flags a failed Luhn check on blur', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '4242424242424241');
    await blur(el, 'cardNumber');
    expect(errorText(el, 'cardNumber')).to.equal('Your card number is invalid.');
  });

  it('with auto-advance, moves focus on when the number, the expiry and the code are complete', async () => {
    const el = await mount(html`<antom-card-binding auto-advance></antom-card-binding>`);
    await typeInto(el, 'cardNumber', TEST_CARDS.mastercard);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'expiry'));
    await sendKeys({type: futureExpiry()});
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cvc'));
    await sendKeys({type: '123'});
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'holderName'));
  });

  it('does not move focus on for a valid but extendable or invalid number', async () => {
    const el = await mount(html`<antom-card-binding auto-advance></antom-card-binding>`);
    await typeInto(el, 'cardNumber', '4242424242424241'); // 16 digits, Luhn fails
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cardNumber'));
  });

  it('never traps focus: Shift+Tab goes back from a complete field', async () => {
    const el = await mount(html`<antom-card-binding auto-advance></antom-card-binding>`);
    await typeInto(el, 'cardNumber', TEST_CARDS.mastercard);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'expiry'));
    await sendKeys({down: 'Shift'});
    await press(el, 'Tab');
    await sendKeys({up: 'Shift'});
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cardNumber'));
    await press(el, 'Tab');
    await press(el, 'Tab');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cvc'));
  });

  it('formats the expiry as MM / YY from typed and pasted forms', async () => {
    const el = await mount();
    const field = input(el, 'expiry');
    await typeInto(el, 'expiry', '4');
    expect(field.value.replace(/\s/g, '')).to.match(/^04\/?$/);
    field.value = '';
    const year = String(new Date().getFullYear() + 2);
    await pasteInto(el, 'expiry', `12/${year}`);
    expect(field.value).to.equal(`12 / ${year.slice(2)}`);
  });

  it('flags month 00 at once and a past month on blur', async () => {
    const el = await mount();
    await typeInto(el, 'expiry', '00');
    expect(errorText(el, 'expiry')).to.equal('The month must be between 01 and 12.');
    const field = input(el, 'expiry');
    field.value = '';
    await pasteInto(el, 'expiry', '01/20');
    await blur(el, 'expiry');
    expect(errorText(el, 'expiry')).to.equal('This card has expired.');
  });

  it('labels the security code per brand and caps it at the brand length', async () => {
    const el = await mount();
    const label = () => el.shadowRoot!.querySelector('label[for="cvc"]')!.textContent!.trim();
    expect(label()).to.equal('Security code');
    await typeInto(el, 'cardNumber', TEST_CARDS.amex);
    expect(label()).to.equal('Security code (CID)');
    await typeInto(el, 'cvc', '12345');
    expect(input(el, 'cvc').value).to.equal('1234');
    expect(el.shadowRoot!.querySelector('#cvc-hint')!.textContent).to.contain('front');
  });

  it('does not shift the layout when an error appears', async () => {
    const el = await mount();
    const before = el.getBoundingClientRect().height;
    const buttonTop = el.shadowRoot!.querySelector('button')!.getBoundingClientRect().top;
    await el.submit();
    await el.updateComplete;
    expect(errorText(el, 'cardNumber')).to.not.equal('');
    expect(el.getBoundingClientRect().height).to.equal(before);
    expect(el.shadowRoot!.querySelector('button')!.getBoundingClientRect().top).to.equal(buttonTop);
  });

  it('submits with Enter from a field', async () => {
    const el = await mount();
    let errors = 0;
    el.addEventListener('error', () => errors++);
    await typeInto(el, 'cardNumber', '4');
    await press(el, 'Enter');
    // Invalid form: nothing is sent, the errors show and focus stays on the first invalid field.
    expect(errorText(el, 'cardNumber')).to.equal('Your card number is incomplete.');
    expect(errors).to.equal(0);
  });

  it('submits with Enter when the built-in button is hidden', async () => {
    const el = await mount(html`<antom-card-binding hide-submit-button></antom-card-binding>`);
    await typeInto(el, 'cardNumber', '4');
    await press(el, 'Enter');
    expect(errorText(el, 'expiry')).to.equal('Enter the expiry date.');
  });

  it('reset() empties the fields and hides the errors', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '4242');
    await el.submit();
    el.reset();
    await el.updateComplete;
    expect(input(el, 'cardNumber').value).to.equal('');
    expect(errorText(el, 'cardNumber')).to.equal('');
  });
});
