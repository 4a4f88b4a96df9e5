import {expect} from '@open-wc/testing';
import {html, input, mount, oneEvent} from './helpers.js';
import {AntomCardBinding} from '../../src/element/antom-card-binding.js';
import type {CardFieldName} from '../../src/element/events.js';

const FIELDS: [CardFieldName, string, string | null][] = [
  ['cardNumber', 'cc-number', 'numeric'],
  ['expiry', 'cc-exp', 'numeric'],
  ['cvc', 'cc-csc', 'numeric'],
  ['holderName', 'cc-name', 'text'],
];

describe('<antom-card-binding> rendering', () => {
  it('registers the tag and renders a form in an open shadow root without any network request', async () => {
    const before = performance.getEntriesByType('resource').length;
    const el = await mount();
    expect(el).to.be.instanceOf(AntomCardBinding);
    expect(el.shadowRoot).to.not.equal(null);
    const form = el.shadowRoot!.querySelector('form')!;
    expect(form.getAttribute('part')).to.equal('form');
    expect(form.querySelectorAll('input')).to.have.length(4);
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="submit-button"]')!;
    expect(button.textContent!.trim()).to.equal('Add card');
    expect(button.type).to.equal('submit');
    const requests = performance.getEntriesByType('resource').slice(before).map((entry) => entry.name);
    expect(requests.filter((url) => !url.includes('/__web-dev-server') && !url.endsWith('.js') && !url.endsWith('.ts'))).to.deep.equal([]);
  });

  for (const [field, autocomplete, inputmode] of FIELDS) {
    it(`${field}: text input with label, autocomplete ${autocomplete}, hints and described-by`, async () => {
      const el = await mount();
      const target = input(el, field);
      expect(target.type).to.equal('text');
      expect(target.getAttribute('autocomplete')).to.equal(autocomplete);
      expect(target.getAttribute('inputmode')).to.equal(inputmode);
      expect(target.getAttribute('spellcheck')).to.equal('false');
      expect(target.getAttribute('autocorrect')).to.equal('off');
      expect(target.getAttribute('enterkeyhint')).to.be.oneOf(['next', 'done']);
      expect(target.getAttribute('aria-invalid')).to.equal('false');
      const label = el.shadowRoot!.querySelector(`label[for="${field}"]`)!;
      expect(label.textContent!.trim()).to.not.equal('');
      expect(target.labels![0]).to.equal(label);
      const describedBy = target.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy).to.include(`${field}-error`);
      for (const id of describedBy) expect(el.shadowRoot!.getElementById(id), id).to.not.equal(null);
      expect(target.form).to.equal(el.shadowRoot!.querySelector('form'));
    });
  }

  it('has a polite live region from the first render', async () => {
    const el = await mount();
    const live = el.shadowRoot!.querySelector('#live')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('role')).to.equal('status');
  });

  it('exposes every documented part', async () => {
    const el = await mount();
    const parts = new Set<string>();
    el.shadowRoot!.querySelectorAll('[part]').forEach((node) => node.getAttribute('part')!.split(/\s+/).forEach((p) => parts.add(p)));
    for (const part of ['form', 'field', 'label', 'input', 'card-number-input', 'expiry-input', 'cvc-input', 'holder-name-input', 'error', 'brand-icon', 'submit-button']) {
      expect(parts.has(part), part).to.equal(true);
    }
  });

  it('fires ready once the fields are rendered and usable', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const el = document.createElement('antom-card-binding');
    const ready = oneEvent(el, 'ready');
    container.append(el);
    const event = await ready;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(el.shadowRoot!.querySelector('#cardNumber')).to.not.equal(null);
    container.remove();
  });

  it('is accessible (axe-core finds no violation), empty and with errors shown', async function () {
    this.timeout(30000);
    const el = await mount();
    await expect(el).to.be.accessible();
    await el.submit();
    await el.updateComplete;
    expect(input(el, 'cardNumber').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('follows a dark page (color-scheme) and stays accessible', async function () {
    this.timeout(30000);
    const el = await mount(html`<antom-card-binding style="color-scheme: dark; background: #111; color: #eee"></antom-card-binding>`);
    const field = el.shadowRoot!.querySelector('input')!;
    expect(getComputedStyle(field).backgroundColor).to.equal('rgb(27, 31, 36)');
    await expect(el).to.be.accessible();
  });

  it('uses the page font by default and --antom-* tokens when set', async () => {
    const el = await mount(html`<antom-card-binding style="font-family: Georgia, serif; --antom-radius: 13px; --antom-color-primary: rgb(1, 2, 3)"></antom-card-binding>`);
    const field = input(el, 'cardNumber');
    expect(getComputedStyle(field).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(field).borderTopLeftRadius).to.equal('13px');
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('disabled: every input and the button are disabled', async () => {
    const el = await mount(html`<antom-card-binding disabled></antom-card-binding>`);
    el.shadowRoot!.querySelectorAll('input, button').forEach((node) => expect((node as HTMLInputElement).disabled).to.equal(true));
    el.disabled = false;
    await el.updateComplete;
    expect(input(el, 'cardNumber').disabled).to.equal(false);
  });

  it('hide-submit-button hides the button', async () => {
    const el = await mount(html`<antom-card-binding hide-submit-button></antom-card-binding>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.hidden).to.equal(true);
    expect(getComputedStyle(button).display).to.equal('none');
  });

  it('focus() focuses the card number field', async () => {
    const el = await mount();
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cardNumber'));
  });
});
