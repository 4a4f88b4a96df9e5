import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {luhnValid} from '../../src/card/index.js';
import {breakCheckDigit, withCheckDigit} from './helpers.js';

describe('luhnValid', () => {
  // 79927398713 is the worked example of ISO/IEC 7812-1 annex B and of Wikipedia's "Luhn algorithm".
  const VALID = ['79927398713', '4242424242424242', '378282246310005', '18', '59', '0', '00'];
  const INVALID = [
    '79927398710',
    '79927398711',
    '79927398712',
    '79927398714',
    '79927398719',
    '4242424242424241',
    '2442424242424242', // the first two digits of 4242... swapped: caught
    '1',
    '10',
  ];

  for (const digits of VALID) {
    it(`accepts ${digits}`, () => expect(luhnValid(digits)).to.equal(true));
  }
  for (const digits of INVALID) {
    it(`rejects ${digits}`, () => expect(luhnValid(digits)).to.equal(false));
  }

  it('rejects the empty string and anything that is not only ASCII digits', () => {
    for (const text of ['', '4242 4242 4242 4242', '4242-4242', '42a2', ' 18', '１８']) {
      expect(luhnValid(text), text).to.equal(false);
    }
  });

  it('accepts every number completed with its check digit (independent calculator)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,25}$/), (body) => {
        expect(luhnValid(withCheckDigit(body))).to.equal(true);
      }),
    );
  });

  it('catches every single-digit error', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,25}$/),
        fc.nat(),
        fc.integer({min: 1, max: 9}),
        (body, position, delta) => {
          const number = withCheckDigit(body);
          const index = position % number.length;
          const changed = (Number(number[index]) + delta) % 10;
          const typo = number.slice(0, index) + String(changed) + number.slice(index + 1);
          expect(luhnValid(typo), typo).to.equal(false);
        },
      ),
    );
  });

  it('breakCheckDigit (used by other tests) always yields a failing number', () => {
    expect(luhnValid(breakCheckDigit('4242424242424242'))).to.equal(false);
  });
});
