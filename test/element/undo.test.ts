/**
 * Undo and redo in the formatted fields. The browser's own history replays raw edits onto values
 * the element has reformatted: Ctrl+Z stuck at a partial number and redo typing a number the
 * buyer never typed ("4242 4242 4442 424" from "4242 4242 424"). The card number, expiry and
 * security code keep their own history of formatted values instead: each undo goes one edit back,
 * each redo one forward, and every value shown is one the buyer had on screen.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {errorText, input, mount, press, typeInto} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

const UNDO = ['Control'];
const REDO = ['Control', 'Shift'];

/** Ctrl+Z (undo) or Ctrl+Shift+Z (redo), with real key presses. */
async function history(el: AntomCardBinding, modifiers: string[]): Promise<void> {
  for (const key of modifiers) await sendKeys({down: key});
  await sendKeys({press: 'KeyZ'});
  for (const key of [...modifiers].reverse()) await sendKeys({up: key});
  await el.updateComplete;
}

async function typedStates(el: AntomCardBinding, field: 'cardNumber' | 'expiry' | 'cvc', keys: string): Promise<string[]> {
  const states = [input(el, field).value];
  input(el, field).focus();
  for (const key of keys) {
    await press(el, key);
    states.push(input(el, field).value);
  }
  return states;
}

describe('<antom-card-binding> undo and redo', () => {
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  it('card number: undo walks back through what was on screen, redo forward, never another number', async () => {
    const el = await mount();
    const seen = await typedStates(el, 'cardNumber', '42424242424');
    expect(seen.at(-1)).to.equal('4242 4242 424');
    const field = input(el, 'cardNumber');
    for (let i = seen.length - 2; i >= 0; i--) {
      await history(el, UNDO);
      expect(field.value).to.equal(seen[i]);
      expect(field.selectionStart).to.equal(field.value.length);
    }
    await history(el, UNDO); // nothing left to undo: stays empty
    expect(field.value).to.equal('');
    for (let i = 1; i < seen.length; i++) {
      await history(el, REDO);
      expect(field.value).to.equal(seen[i]);
    }
    await history(el, REDO); // nothing left to redo
    expect(field.value).to.equal('4242 4242 424');
  });

  it('a new edit after undo drops the redo branch; validation follows the restored value', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '4242424242424242');
    const field = input(el, 'cardNumber');
    await history(el, UNDO);
    expect(field.value).to.equal('4242 4242 4242 424');
    await press(el, '1');
    expect(field.value).to.equal('4242 4242 4242 4241');
    await history(el, REDO);
    expect(field.value).to.equal('4242 4242 4242 4241');
    // The restored, valid number is what the rules judge (and what `complete` would report).
    await history(el, UNDO);
    await press(el, '2');
    field.blur();
    await el.updateComplete;
    expect(errorText(el, 'cardNumber')).to.equal('');
    expect(el.cardBrand).to.equal('VISA');
  });

  it('expiry and security code: undo restores the formatted value, not the raw edit', async () => {
    const el = await mount();
    const expiry = await typedStates(el, 'expiry', '1230');
    expect(expiry.at(-1)).to.equal('12 / 30');
    await history(el, UNDO);
    expect(input(el, 'expiry').value).to.equal(expiry.at(-2));
    await history(el, REDO);
    expect(input(el, 'expiry').value).to.equal('12 / 30');
    const cvc = await typedStates(el, 'cvc', '1a23');
    expect(cvc.at(-1)).to.equal('123');
    await history(el, UNDO);
    expect(input(el, 'cvc').value).to.equal('12');
  });

  it('undo from a menu (a beforeinput historyUndo) takes the same step, and the browser does not', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '42424');
    const field = input(el, 'cardNumber');
    const undo = new InputEvent('beforeinput', {inputType: 'historyUndo', cancelable: true, bubbles: true, composed: true});
    field.dispatchEvent(undo);
    await el.updateComplete;
    expect(undo.defaultPrevented).to.equal(true);
    expect(field.value).to.equal('4242');
  });

  it('after reset() there is nothing to undo: the wiped card does not come back', async () => {
    const el = await mount();
    await typeInto(el, 'cardNumber', '4242424242424242');
    el.reset();
    await el.updateComplete;
    input(el, 'cardNumber').focus();
    await history(el, UNDO);
    expect(input(el, 'cardNumber').value).to.equal('');
  });
});
