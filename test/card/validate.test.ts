import {expect} from '@open-wc/testing';
import {validateCard} from '../../src/card/index.js';

const NOW = new Date(2025, 10, 15);
const VISA = {cardNumber: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '737', holderName: 'Jane Doe'};
const VALID = {status: 'valid', error: null};

describe('validateCard', () => {
  it('a complete card', () => {
    expect(validateCard(VISA, {now: NOW})).to.deep.equal({
      complete: true,
      empty: false,
      brand: 'VISA',
      fields: {cardNumber: VALID, expiry: VALID, cvc: VALID, holderName: VALID},
    });
  });

  it('an untouched form', () => {
    expect(validateCard({cardNumber: '', expiry: '', cvc: '', holderName: ''}, {now: NOW})).to.deep.equal({
      complete: false,
      empty: true,
      brand: null,
      fields: {
        cardNumber: {status: 'empty', error: 'card_number.required'},
        expiry: {status: 'empty', error: 'expiry.required'},
        cvc: {status: 'empty', error: 'cvc.required'},
        holderName: {status: 'empty', error: 'holder_name.required'},
      },
    });
  });

  it('one field filled: neither empty nor complete', () => {
    const result = validateCard({cardNumber: '', expiry: '', cvc: '', holderName: 'Jane'}, {now: NOW});
    expect([result.empty, result.complete]).to.deep.equal([false, false]);
  });

  describe('optional holder name', () => {
    it('an empty name is valid when not required', () => {
      const result = validateCard({...VISA, holderName: ''}, {now: NOW, holderNameRequired: false});
      expect(result.fields.holderName).to.deep.equal(VALID);
      expect(result.complete).to.equal(true);
    });

    it('a typed name is still checked', () => {
      const result = validateCard({...VISA, holderName: '1234'}, {now: NOW, holderNameRequired: false});
      expect(result.fields.holderName).to.deep.equal({status: 'invalid', error: 'holder_name.invalid'});
      expect(result.complete).to.equal(false);
    });

    it('is required by default', () => {
      const result = validateCard({...VISA, holderName: ''}, {now: NOW});
      expect(result.fields.holderName).to.deep.equal({status: 'empty', error: 'holder_name.required'});
      expect(result.complete).to.equal(false);
    });

    it('an all-empty form with an optional name is still empty', () => {
      const result = validateCard({cardNumber: '', expiry: '', cvc: '', holderName: ''}, {holderNameRequired: false});
      expect(result.empty).to.equal(true);
      expect(result.complete).to.equal(false);
    });
  });

  describe('security code against the detected brand', () => {
    const AMEX = {...VISA, cardNumber: '3782 822463 10005'};
    it('Amex needs 4 digits', () => {
      expect(validateCard({...AMEX, cvc: '737'}, {now: NOW}).fields.cvc).to.deep.equal({
        status: 'incomplete',
        error: 'cvc.incomplete',
      });
      const result = validateCard({...AMEX, cvc: '7373'}, {now: NOW});
      expect([result.brand, result.complete]).to.deep.equal(['AMEX', true]);
    });

    it('Visa refuses 4 digits', () => {
      expect(validateCard({...VISA, cvc: '7373'}, {now: NOW}).fields.cvc).to.deep.equal({
        status: 'invalid',
        error: 'cvc.invalid',
      });
    });

    it('while the brand is unknown, 3 or 4 digits are fine', () => {
      const result = validateCard({...VISA, cardNumber: '3', cvc: '7373'}, {now: NOW});
      expect(result.brand).to.equal(null);
      expect(result.fields.cvc).to.deep.equal(VALID);
    });
  });

  it('accepted brands: a refused brand makes the number invalid and names the brand', () => {
    const result = validateCard(
      {...VISA, cardNumber: '3782 822463 10005', cvc: '7373'},
      {now: NOW, acceptedBrands: ['VISA', 'MASTERCARD']},
    );
    expect(result.fields.cardNumber).to.deep.equal({status: 'invalid', error: 'card_number.unsupported_brand'});
    expect(result.brand).to.equal('AMEX');
    expect(result.complete).to.equal(false);
  });

  it('checks the expiry against the injected clock', () => {
    expect(validateCard({...VISA, expiry: '11 / 25'}, {now: NOW}).complete).to.equal(true);
    expect(validateCard({...VISA, expiry: '11 / 25'}, {now: new Date(2025, 11, 1)}).fields.expiry).to.deep.equal({
      status: 'invalid',
      error: 'expiry.expired',
    });
  });

  it('works without options (current clock, all brands, name required)', () => {
    const farFuture = String((new Date().getFullYear() + 5) % 100).padStart(2, '0');
    expect(validateCard({...VISA, expiry: `12 / ${farFuture}`}).complete).to.equal(true);
  });
});
