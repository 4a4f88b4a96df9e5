/**
 * Issue 13: the accepted brands while the number is empty (marks beside the label, named in the
 * number's description), the detected brand's own mark, and the documented parts.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {mount, makeSessionData} from './helpers.js';
import {marksSettled} from '../../src/element/brand-marks.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

const root = (el: AntomCardBinding) => el.shadowRoot!;
const describedText = (el: AntomCardBinding, id: string) =>
  (root(el).querySelector(`#${id}`)!.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((ref) => root(el).getElementById(ref)?.textContent ?? '')
    .join(' ')
    .trim();

async function typeNumber(el: AntomCardBinding, value: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#cardNumber')!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {inputType: 'insertText', data: value.slice(-1), bubbles: true, composed: true}));
  await el.updateComplete;
}

describe('<antom-card-binding> brand marks and parts', () => {
  it('shows the accepted brands (page list) beside the label while the number is empty, and names them', async () => {
    const el = await mount(html`<antom-card-binding accepted-brands="VISA MASTERCARD JCB"></antom-card-binding>`);
    await marksSettled();
    await el.updateComplete;
    const row = root(el).querySelector('[part~="accepted-brands"]')!;
    expect(row.getAttribute('aria-hidden')).to.equal('true');
    expect(row.querySelectorAll('svg')).to.have.length(3);
    expect(getComputedStyle(row.parentElement!).visibility).to.equal('visible');
    expect(describedText(el, 'cardNumber')).to.contain('Accepted cards: Visa, Mastercard, and JCB.');

    await typeNumber(el, '4242');
    await marksSettled();
    await el.updateComplete;
    // Hidden, its space kept (no layout shift); the detected brand is in the field and described.
    expect(getComputedStyle(row.parentElement!).visibility).to.equal('hidden');
    expect(describedText(el, 'cardNumber')).to.contain('Card brand: Visa.');
    const mark = root(el).querySelector('[part~="brand-icon"] svg')!;
    expect(mark.innerHTML).to.not.contain('currentColor'); // the network's mark, not the outline
  });

  it('the session and the page list intersect; no list: no row', async () => {
    const el = await mount(html`<antom-card-binding accepted-brands="VISA AMEX"
      vaulting-session-data=${await makeSessionData({acceptedBrands: ['MASTERCARD', 'VISA']})}></antom-card-binding>`);
    await marksSettled();
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part~="accepted-brands"] svg')).to.have.length(1);
    expect(describedText(el, 'cardNumber')).to.contain('Accepted cards: Visa.');
    const plain = await mount();
    expect(root(plain).querySelector('[part~="accepted-brands"]')).to.equal(null);
  });

  it('the refused-brand message names the accepted brands in the element\'s language', async () => {
    const el = await mount(html`<antom-card-binding locale="de" accepted-brands="VISA MASTERCARD"></antom-card-binding>`);
    await typeNumber(el, '37');
    await waitUntil(() => root(el).querySelector('#cardNumber-error')!.textContent !== '');
    expect(root(el).querySelector('#cardNumber-error')!.textContent).to.contain('Visa und Mastercard');
  });

  it('every part the manifest documents exists in the form', async () => {
    // The test server turns JSON into a module (its esbuild plugin); a non-literal path keeps tsc out of it.
    const manifestPath: string = '../../custom-elements.json';
    const manifest = ((await import(manifestPath)) as {default: {modules: {declarations?: {tagName?: string; cssParts?: {name: string}[]}[]}[]}}).default;
    const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'antom-card-binding');
    const documented = (declaration?.cssParts ?? []).map((part) => part.name);
    expect(documented).to.include('form');
    const el = await mount(html`<antom-card-binding accepted-brands="VISA"></antom-card-binding>`);
    await marksSettled();
    await el.updateComplete;
    const present = new Set([...root(el).querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part')!.split(/\s+/)));
    // Parts of views other than the form: the alert (its own tests), the expiry warning and hosted mode.
    const elsewhere = ['alert', 'alert-title', 'alert-action', 'try-again', 'reload', 'expiry-warning', 'hosted', 'hosted-loading'];
    for (const part of documented.filter((name) => !elsewhere.includes(name))) expect([...present], part).to.include(part);
    for (const part of present) expect(documented, `undocumented part ${part}`).to.include(part);
  });
});
