/**
 * Issue 10: auto-advance never surprises (WCAG 3.2.2) and the expiry is typed the way Stripe's is.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {errorText, futureExpiry, html, input, mount, press, typeInto} from './helpers.js';

const VISA_19 = '4242424242424242428';
const active = (el: HTMLElement) => el.shadowRoot!.activeElement;

describe('<antom-card-binding> auto-advance', () => {
  it('is off by default: a complete number keeps focus where the buyer is', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '4242424242424242');
    expect(active(el)).to.equal(input(el, 'cardNumber'));
  });

  it('with auto-advance, the buyer is told in the field description', async () => {
    const el = await mount(html`<antom-card-binding auto-advance></antom-card-binding>`);
    const ids = input(el, 'cardNumber').getAttribute('aria-describedby')!.split(' ');
    const text = ids.map((id) => el.shadowRoot!.getElementById(id)!.textContent).join(' ');
    expect(text).to.match(/moves? (on|to the next field)/i);
  });

  it('a 19-digit Visa is typed straight through: nothing spills into the expiry', async () => {
    const el = await mount(html`<antom-card-binding auto-advance></antom-card-binding>`);
    await typeInto(el, 'cardNumber', VISA_19);
    expect(input(el, 'cardNumber').value.replace(/\D/g, '')).to.equal(VISA_19);
    expect(input(el, 'expiry').value).to.equal('');
    expect(active(el)).to.equal(input(el, 'expiry'));
  });

  it('moves on once from a field that cannot grow, and never from a re-entered one or on a rejected key', async () => {
    const el = await mount(html`<antom-card-binding auto-advance></antom-card-binding>`);
    await typeInto(el, 'cardNumber', '378282246310005'); // Amex: 15 digits is the end
    expect(active(el)).to.equal(input(el, 'expiry'));
    await sendKeys({type: futureExpiry()});
    await el.updateComplete;
    expect(active(el)).to.equal(input(el, 'cvc'));
    // Back to the full expiry: a digit is rejected and focus stays.
    input(el, 'expiry').focus();
    const before = input(el, 'expiry').value;
    await press(el, '5');
    expect(input(el, 'expiry').value).to.equal(before);
    expect(active(el)).to.equal(input(el, 'expiry'));
    // Re-entered and edited: deleting and retyping the last digit does not jump either.
    await press(el, 'Backspace');
    await press(el, before.at(-1)!);
    expect(input(el, 'expiry').value).to.equal(before);
    expect(active(el)).to.equal(input(el, 'expiry'));
  });
});

describe('<antom-card-binding> expiry typing', () => {
  it('"12/2030" typed key by key becomes 12 / 30 with no error', async () => {
    const el = await mount();
    await typeInto(el, 'expiry', '12/2030');
    expect(input(el, 'expiry').value).to.equal('12 / 30');
    expect(errorText(el, 'expiry')).to.equal('');
  });

  it('a four-digit year typed without the slash becomes YY too', async () => {
    const el = await mount();
    await typeInto(el, 'expiry', '122031');
    expect(input(el, 'expiry').value).to.equal('12 / 31');
  });

  it('"12 / 20" on the way to a four-digit year shows no "expired" while typing', async () => {
    const el = await mount();
    await typeInto(el, 'expiry', '1220');
    expect(input(el, 'expiry').value).to.equal('12 / 20');
    expect(errorText(el, 'expiry')).to.equal('');
  });

  it('"2" means 02 / ; "1" then "3" means 01 / 3', async () => {
    const el = await mount();
    await typeInto(el, 'expiry', '2');
    expect(input(el, 'expiry').value).to.equal('02 / ');
    input(el, 'expiry').value = '';
    await typeInto(el, 'expiry', '13');
    expect(input(el, 'expiry').value).to.equal('01 / 3');
    expect(errorText(el, 'expiry')).to.equal('');
  });
});
