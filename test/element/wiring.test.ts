/**
 * The form's event wiring: one `input`, one `blur` (both in the capture phase, on the shadow root)
 * and one `keydown` (on the form) for the four inputs, dispatching by the input's id, behave as the
 * listeners bound on each input did. And the attributes written as static markup are each field's
 * own, with the values they had when a generic field template set them.
 */
import {expect, html} from '@open-wc/testing';
import {errorText, input, mount, typeInto} from './helpers.js';
import type {CardFieldName} from '../../src/element/events.js';

describe('<antom-card-binding> event wiring', () => {
  it('formats an input event that does not bubble (a listener on the input itself would hear it)', async () => {
    const el = await mount();
    const number = input(el, 'cardNumber');
    number.focus();
    number.value = '42424';
    number.dispatchEvent(new InputEvent('input', {inputType: 'insertText', data: '4'}));
    expect(number.value).to.equal('4242 4');
    await el.updateComplete;
    expect(el.cardBrand).to.equal('VISA');
  });

  it('a blur dispatched on a field reveals its error, as leaving it does', async () => {
    const el = await mount();
    await typeInto(el, 'expiry', '1');
    expect(errorText(el, 'expiry')).to.equal('');
    input(el, 'expiry').dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect(errorText(el, 'expiry')).to.not.equal('');
  });

  it('Enter submits only from a field: a keydown on the form itself does not (hide-submit-button)', async () => {
    const el = await mount(html`<antom-card-binding hide-submit-button></antom-card-binding>`);
    let errors = 0;
    el.addEventListener('error', () => errors++);
    el.shadowRoot!.querySelector('form')!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
    await el.updateComplete;
    expect(errorText(el, 'cardNumber')).to.equal('');
    const fromField = new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true});
    input(el, 'cvc').dispatchEvent(fromField);
    await el.updateComplete;
    expect(fromField.defaultPrevented).to.equal(true);
    expect(errorText(el, 'cardNumber')).to.not.equal('');
    expect(errors).to.equal(0);
  });

  it('keeps formatting after the element is moved (listeners follow connect and disconnect)', async () => {
    const el = await mount();
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await el.updateComplete;
    await typeInto(el, 'cardNumber', '42424');
    expect(input(el, 'cardNumber').value).to.equal('4242 4');
    other.remove();
  });

  it('each input carries its own static attributes', async () => {
    const el = await mount();
    const expected: Record<CardFieldName, Record<string, string>> = {
      cardNumber: {
        part: 'input card-number-input', name: 'cardNumber', inputmode: 'numeric', autocomplete: 'cc-number', autocapitalize: 'off',
        enterkeyhint: 'next', 'aria-describedby': 'brand-name cardNumber-error', 'aria-required': 'true',
      },
      expiry: {
        part: 'input expiry-input', name: 'expiry', inputmode: 'numeric', autocomplete: 'cc-exp', autocapitalize: 'off',
        enterkeyhint: 'next', 'aria-describedby': 'expiry-hint expiry-error', 'aria-required': 'true',
      },
      cvc: {
        part: 'input cvc-input', name: 'cvc', inputmode: 'numeric', autocomplete: 'cc-csc', autocapitalize: 'off', enterkeyhint: 'next',
        'aria-describedby': 'cvc-hint cvc-error', 'aria-required': 'true', maxlength: '4',
      },
      holderName: {
        part: 'input holder-name-input', name: 'holderName', inputmode: 'text', autocomplete: 'cc-name', autocapitalize: 'words',
        enterkeyhint: 'done', 'aria-describedby': 'holderName-error', 'aria-required': 'true',
      },
    };
    for (const [field, attributes] of Object.entries(expected) as [CardFieldName, Record<string, string>][]) {
      const target = input(el, field);
      expect(target.getAttribute('type'), field).to.equal('text');
      expect(target.hasAttribute('required'), field).to.equal(true);
      for (const [name, value] of Object.entries(attributes)) expect(target.getAttribute(name), `${field} ${name}`).to.equal(value);
      const wrapper = target.closest('.field')!;
      const name = attributes.part!.replace(/^input (.*)-input$/, '$1');
      expect(wrapper.getAttribute('part'), field).to.equal(`field ${name}-field`);
      expect(wrapper.getAttribute('class'), field).to.equal(`field ${name} ${field === 'expiry' || field === 'cvc' ? 'half' : ''}`);
      expect(wrapper.querySelector('label')!.getAttribute('for'), field).to.equal(field);
      expect(wrapper.querySelector('p.error')!.id, field).to.equal(`${field}-error`);
    }
    expect(input(el, 'holderName').hasAttribute('placeholder')).to.equal(false);
    // The name has no description: its sr-only line is there, hidden and without an id.
    const nameHint = input(el, 'holderName').closest('.field')!.querySelector('.sr-only')!;
    expect(nameHint.hasAttribute('hidden')).to.equal(true);
    expect(nameHint.hasAttribute('id')).to.equal(false);
  });
});
