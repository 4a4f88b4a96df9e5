import {expect} from '@open-wc/testing';
import {CARD_BRANDS, luhnValid, validateCardNumber, type CardBrand} from '../../src/card/index.js';
import {TEST_CARDS, breakCheckDigit, luhnNumber} from './helpers.js';

/** A prefix whose six-digit IIN belongs to the brand alone, and the brand's permitted lengths (brief). */
const BRAND_SHAPES: Readonly<Record<CardBrand, {prefix: string; lengths: number[]}>> = {
  VISA: {prefix: '4', lengths: [13, 16, 19]},
  MASTERCARD: {prefix: '51', lengths: [16]},
  AMEX: {prefix: '34', lengths: [15]},
  DISCOVER: {prefix: '6011', lengths: [16, 17, 18, 19]},
  DINERS: {prefix: '36', lengths: [14, 15, 16, 17, 18, 19]},
  JCB: {prefix: '3528', lengths: [16, 17, 18, 19]},
  CUP: {prefix: '62', lengths: [16, 17, 18, 19]},
  MAESTRO: {prefix: '6761', lengths: [12, 13, 14, 15, 16, 17, 18, 19]},
  ELO: {prefix: '509000', lengths: [16]},
  HIPERCARD: {prefix: '606282', lengths: [16, 19]},
  MIR: {prefix: '2200', lengths: [16, 17, 18, 19]},
  TROY: {prefix: '9792', lengths: [16]},
};

describe('validateCardNumber', () => {
  describe('public test cards are valid and of their brand', () => {
    for (const brand of CARD_BRANDS) {
      for (const [number, source] of TEST_CARDS[brand]) {
        it(`${brand} ${number} (${source})`, () => {
          expect(validateCardNumber(number)).to.deep.equal({status: 'valid', error: null, brand});
        });
      }
    }
  });

  describe('every permitted length per brand', () => {
    for (const brand of CARD_BRANDS) {
      const {prefix, lengths} = BRAND_SHAPES[brand];
      const longest = lengths[lengths.length - 1];

      for (const length of lengths) {
        it(`${brand}: ${length} digits with a good check digit is valid`, () => {
          expect(validateCardNumber(luhnNumber(prefix, length))).to.deep.equal({status: 'valid', error: null, brand});
        });
      }

      for (let length = prefix.length + 1; length < longest; length++) {
        if (lengths.includes(length)) continue;
        it(`${brand}: ${length} digits (not a permitted length, below ${longest}) is incomplete`, () => {
          expect(validateCardNumber(luhnNumber(prefix, length))).to.deep.equal({
            status: 'incomplete',
            error: 'card_number.incomplete',
            brand,
          });
        });
      }

      it(`${brand}: ${longest + 1} digits is too long: invalid`, () => {
        expect(validateCardNumber(luhnNumber(prefix, longest + 1))).to.deep.equal({
          status: 'invalid',
          error: 'card_number.invalid',
          brand,
        });
      });

      if (brand !== 'CUP') {
        it(`${brand}: the longest length (${longest}) failing Luhn is invalid`, () => {
          expect(validateCardNumber(breakCheckDigit(luhnNumber(prefix, longest)))).to.deep.equal({
            status: 'invalid',
            error: 'card_number.invalid',
            brand,
          });
        });
      }
    }
  });

  it('a permitted length below the longest failing Luhn may still grow: incomplete, but the error says invalid', () => {
    // A 16-digit Visa number can still become a valid 19-digit one.
    expect(validateCardNumber('4242424242424241')).to.deep.equal({
      status: 'incomplete',
      error: 'card_number.invalid',
      brand: 'VISA',
    });
  });

  it('does not require Luhn for UnionPay', () => {
    const number = breakCheckDigit('6200000000000005');
    expect(luhnValid(number)).to.equal(false);
    expect(validateCardNumber(number)).to.deep.equal({status: 'valid', error: null, brand: 'CUP'});
  });

  describe('states while typing', () => {
    const CASES: readonly (readonly [string, string, string | null, CardBrand | null, string])[] = [
      ['', 'empty', 'card_number.required', null, 'nothing typed'],
      ['  ', 'empty', 'card_number.required', null, 'only spaces'],
      ['4', 'incomplete', 'card_number.incomplete', 'VISA', 'a Visa prefix'],
      ['3', 'incomplete', 'card_number.incomplete', null, 'Amex, Diners or JCB still possible'],
      ['22', 'incomplete', 'card_number.incomplete', null, 'Mir or Mastercard still possible'],
      ['1', 'invalid', 'card_number.unsupported_brand', null, 'no brand starts with 1'],
      ['0', 'invalid', 'card_number.unsupported_brand', null, 'no brand starts with 0'],
      ['2205', 'invalid', 'card_number.unsupported_brand', null, 'between Mir and Mastercard'],
      ['4242 4242 4242 4242', 'valid', null, 'VISA', 'spaces ignored'],
      ['4242-4242-4242-4242', 'valid', null, 'VISA', 'dashes ignored'],
      [' 4242\u00a04242 4242 4242 ', 'valid', null, 'VISA', 'no-break spaces and padding ignored'],
      ['４２４２４２４２４２４２４２４２', 'valid', null, 'VISA', 'full-width digits'],
      ['4242 4242 4242 424x', 'invalid', 'card_number.invalid', 'VISA', 'a letter'],
      ['4242.4242.4242.4242', 'invalid', 'card_number.invalid', 'VISA', 'dots are not card separators'],
      ['4242/4242/4242/4242', 'invalid', 'card_number.invalid', 'VISA', 'nor are slashes'],
      ['5555555555554445', 'invalid', 'card_number.invalid', 'MASTERCARD', 'Mastercard has one length: Luhn failure is final'],
      ['42424242424242424242', 'invalid', 'card_number.invalid', 'VISA', '20 digits'],
    ];
    for (const [input, status, error, brand, why] of CASES) {
      it(`"${input}" (${why}) -> ${status}`, () => {
        expect(validateCardNumber(input)).to.deep.equal({status, error, brand});
      });
    }
  });

  describe('accepted brands', () => {
    it('rejects a brand the merchant does not accept as soon as the prefix shows it, naming the brand', () => {
      expect(validateCardNumber('34', ['VISA'])).to.deep.equal({
        status: 'invalid',
        error: 'card_number.unsupported_brand',
        brand: 'AMEX',
      });
      expect(validateCardNumber('378282246310005', ['VISA', 'MASTERCARD'])).to.deep.equal({
        status: 'invalid',
        error: 'card_number.unsupported_brand',
        brand: 'AMEX',
      });
    });

    it('keeps a prefix incomplete while an accepted brand is still possible', () => {
      // "3" may still become a JCB.
      expect(validateCardNumber('3', ['JCB'])).to.deep.equal({
        status: 'incomplete',
        error: 'card_number.incomplete',
        brand: 'JCB',
      });
    });

    it('rejects an Elo BIN inside Visa when only Visa is accepted, once the BIN is complete', () => {
      expect(validateCardNumber('40117', ['VISA']).status).to.equal('incomplete');
      expect(validateCardNumber('401178', ['VISA'])).to.deep.equal({
        status: 'invalid',
        error: 'card_number.unsupported_brand',
        brand: 'ELO',
      });
    });

    it('accepts a valid number of an accepted brand', () => {
      expect(validateCardNumber('4242424242424242', ['VISA'])).to.deep.equal({status: 'valid', error: null, brand: 'VISA'});
    });
  });
});
