import {expect} from '@open-wc/testing';
import {HOLDER_NAME_MAX_LENGTH, validateHolderName} from '../../src/card/index.js';

describe('validateHolderName', () => {
  const CASES: readonly (readonly [string, string, string | null, string])[] = [
    ['', 'empty', 'holder_name.required', 'nothing typed'],
    ['   ', 'empty', 'holder_name.required', 'only spaces'],
    ['Jane Doe', 'valid', null, 'a Latin name'],
    ['  Jane Doe  ', 'valid', null, 'padding is trimmed'],
    ['J', 'valid', null, 'one letter'],
    ["Siobhán O'Brien-Smith", 'valid', null, 'accents, apostrophe, hyphen'],
    ['张伟', 'valid', null, 'Chinese'],
    ['Иван Петров', 'valid', null, 'Cyrillic'],
    ['محمد علي', 'valid', null, 'Arabic'],
    ['John Smith 3rd', 'valid', null, 'digits among letters'],
    ['12345', 'invalid', 'holder_name.invalid', 'only digits'],
    ['4242 4242 4242 4242', 'invalid', 'holder_name.invalid', 'a card number in the wrong field'],
    ['---', 'invalid', 'holder_name.invalid', 'no letter at all'],
  ];
  for (const [input, status, error, why] of CASES) {
    it(`${JSON.stringify(input)} (${why}) -> ${status}`, () => {
      expect(validateHolderName(input)).to.deep.equal({status, error});
    });
  }

  it('allows 64 characters, not 65', () => {
    expect(HOLDER_NAME_MAX_LENGTH).to.equal(64);
    expect(validateHolderName('a'.repeat(64))).to.deep.equal({status: 'valid', error: null});
    expect(validateHolderName('a'.repeat(65))).to.deep.equal({status: 'invalid', error: 'holder_name.too_long'});
  });

  it('counts the length after trimming', () => {
    expect(validateHolderName(`  ${'a'.repeat(64)}  `).status).to.equal('valid');
  });
});
