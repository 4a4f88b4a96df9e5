// Benchmark of the pure card rules that run on every keystroke (run by scripts/bench.mjs with the
// TypeScript loader). Medians of 7 rounds; the baseline, measured in the same rounds, is the least
// any formatter does: keeping the digits of the value.
import {formatCardNumberInput, formatExpiryInput, validateCard} from '../src/card/index.ts';

const ROUNDS = 7;
const NUMBER = '4242424242424242424';
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

function typeNumber(format) {
  let state = {value: '', caret: 0};
  for (const digit of NUMBER) state = format(state, {value: state.value + digit, caret: state.value.length + 1});
  return state;
}
const keepDigits = (_previous, next) => {
  const value = next.value.replace(/\D/g, '');
  return {value, caret: value.length};
};

function microsPerKeystroke(format, repeats = 2000) {
  const started = performance.now();
  for (let i = 0; i < repeats; i++) typeNumber(format);
  return ((performance.now() - started) * 1000) / (repeats * NUMBER.length);
}

const fields = {cardNumber: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '737', holderName: 'Jane Doe'};
function microsPerValidation(repeats = 20000) {
  const started = performance.now();
  for (let i = 0; i < repeats; i++) {
    formatExpiryInput({value: '12 / 3', caret: 6}, {value: '12 / 30', caret: 7});
    validateCard(fields);
  }
  return ((performance.now() - started) * 1000) / repeats;
}

microsPerKeystroke(formatCardNumberInput, 200); // warm up
microsPerKeystroke(keepDigits, 200);
const formatted = [];
const baseline = [];
const validated = [];
for (let round = 0; round < ROUNDS; round++) {
  formatted.push(microsPerKeystroke(formatCardNumberInput));
  baseline.push(microsPerKeystroke(keepDigits));
  validated.push(microsPerValidation());
}
console.log(`card rules (Node, ${ROUNDS} rounds, medians)`);
console.log(`  formatCardNumberInput per keystroke   ${median(formatted).toFixed(2)} µs  (${(median(formatted) / median(baseline)).toFixed(1)}x keeping digits only)`);
console.log(`  baseline: keep digits per keystroke   ${median(baseline).toFixed(2)} µs`);
console.log(`  formatExpiryInput + validateCard      ${median(validated).toFixed(2)} µs per call`);
