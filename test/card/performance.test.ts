import {expect} from '@open-wc/testing';
import {formatCardNumberInput, formatExpiryInput, validateCard, type TextWithCaret} from '../../src/card/index.js';

/** Types `digits` one key at a time at the end, as the element does on each input event. */
function typeNumber(digits: string): TextWithCaret {
  let state: TextWithCaret = {value: '', caret: 0};
  for (const digit of digits) {
    const next = {value: state.value + digit, caret: state.value.length + 1};
    state = formatCardNumberInput(state, next);
  }
  return state;
}

describe('performance (runs on every keystroke)', () => {
  it('formatCardNumberInput stays far below 1 ms per keystroke', () => {
    typeNumber('4242424242424242424'); // warm up
    const rounds = 2000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) typeNumber('4242424242424242424');
    const perKeystroke = (performance.now() - started) / (rounds * 19);
    console.log(`formatCardNumberInput: ${(perKeystroke * 1000).toFixed(2)} µs per keystroke`);
    // Generous bound: the budget is 1 ms, coverage instrumentation slows this down several times.
    expect(perKeystroke).to.be.below(0.1);
  });

  it('formatExpiryInput and validateCard stay far below 1 ms per call', () => {
    const rounds = 20000;
    const fields = {cardNumber: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '737', holderName: 'Jane Doe'};
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      formatExpiryInput({value: '12 / 3', caret: 6}, {value: '12 / 30', caret: 7});
      validateCard(fields);
    }
    const perCall = (performance.now() - started) / rounds;
    console.log(`formatExpiryInput + validateCard: ${(perCall * 1000).toFixed(2)} µs per call`);
    expect(perCall).to.be.below(0.2);
  });
});
