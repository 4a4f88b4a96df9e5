import {expect} from '@open-wc/testing';
import {CARD_BRANDS, securityCodeLengths, securityCodeName, validateCvc, type CardBrand} from '../../src/card/index.js';

/** Names and lengths from the brief (Mir's own name, CVP2, is not a SecurityCodeName: CVC). */
const EXPECTED: Readonly<Record<CardBrand, readonly [string, number]>> = {
  VISA: ['CVV', 3],
  MASTERCARD: ['CVC', 3],
  AMEX: ['CID', 4],
  DISCOVER: ['CID', 3],
  DINERS: ['CVV', 3],
  JCB: ['CVV', 3],
  CUP: ['CVN', 3],
  MAESTRO: ['CVC', 3],
  ELO: ['CVE', 3],
  HIPERCARD: ['CVC', 3],
  MIR: ['CVC', 3],
  TROY: ['CVV', 3],
};

describe('security code', () => {
  for (const brand of CARD_BRANDS) {
    const [name, length] = EXPECTED[brand];
    describe(`${brand}: ${name}, ${length} digits`, () => {
      it('is named after the brand', () => expect(securityCodeName(brand)).to.equal(name));
      it('accepts exactly its length', () => {
        expect(securityCodeLengths(brand)).to.deep.equal([length, length]);
        expect(validateCvc('7'.repeat(length), brand)).to.deep.equal({status: 'valid', error: null});
      });
      it('is incomplete when shorter', () => {
        expect(validateCvc('7'.repeat(length - 1), brand)).to.deep.equal({status: 'incomplete', error: 'cvc.incomplete'});
      });
      it('is invalid when longer', () => {
        expect(validateCvc('7'.repeat(length + 1), brand)).to.deep.equal({status: 'invalid', error: 'cvc.invalid'});
      });
    });
  }

  describe('unknown brand', () => {
    it('is called CVC', () => expect(securityCodeName(null)).to.equal('CVC'));
    const CASES: readonly (readonly [string, string, string | null])[] = [
      ['12', 'incomplete', 'cvc.incomplete'],
      ['123', 'valid', null],
      ['1234', 'valid', null],
      ['12345', 'invalid', 'cvc.invalid'],
    ];
    for (const [input, status, error] of CASES) {
      it(`"${input}" -> ${status}`, () => expect(validateCvc(input, null)).to.deep.equal({status, error}));
    }
  });

  const GENERAL: readonly (readonly [string, CardBrand | null, string, string | null])[] = [
    ['', 'VISA', 'empty', 'cvc.required'],
    ['  ', null, 'empty', 'cvc.required'],
    [' 737 ', 'VISA', 'valid', null],
    ['７３７', 'VISA', 'valid', null],
    ['73a', 'VISA', 'invalid', 'cvc.invalid'],
    ['7 3 7', 'VISA', 'invalid', 'cvc.invalid'],
    ['-737', null, 'invalid', 'cvc.invalid'],
    ['1', 'AMEX', 'incomplete', 'cvc.incomplete'],
    ['737', 'AMEX', 'incomplete', 'cvc.incomplete'],
  ];
  for (const [input, brand, status, error] of GENERAL) {
    it(`${JSON.stringify(input)} for ${brand ?? 'unknown'} -> ${status}`, () => {
      expect(validateCvc(input, brand)).to.deep.equal({status, error});
    });
  }
});
