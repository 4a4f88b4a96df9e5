import {expect} from '@open-wc/testing';
import {BRAND_RULES, CARD_BRANDS, brandRule, groupingFor, type CardBrand} from '../../src/card/index.js';

/** The brief's table of lengths, security codes and checksum rules, per brand. */
const EXPECTED: Readonly<
  Record<CardBrand, {lengths: number[]; code: [string, number]; luhn: boolean; grouping16: number[] | null}>
> = {
  VISA: {lengths: [13, 16, 19], code: ['CVV', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  MASTERCARD: {lengths: [16], code: ['CVC', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  AMEX: {lengths: [15], code: ['CID', 4], luhn: true, grouping16: null},
  DISCOVER: {lengths: [16, 17, 18, 19], code: ['CID', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  DINERS: {lengths: [14, 15, 16, 17, 18, 19], code: ['CVV', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  JCB: {lengths: [16, 17, 18, 19], code: ['CVV', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  CUP: {lengths: [16, 17, 18, 19], code: ['CVN', 3], luhn: false, grouping16: [4, 4, 4, 4]},
  MAESTRO: {lengths: [12, 13, 14, 15, 16, 17, 18, 19], code: ['CVC', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  ELO: {lengths: [16], code: ['CVE', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  HIPERCARD: {lengths: [16, 19], code: ['CVC', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  MIR: {lengths: [16, 17, 18, 19], code: ['CVC', 3], luhn: true, grouping16: [4, 4, 4, 4]},
  TROY: {lengths: [16], code: ['CVV', 3], luhn: true, grouping16: [4, 4, 4, 4]},
};

describe('brand table', () => {
  it('has exactly one rule per CardBrand, in CARD_BRANDS order', () => {
    expect(BRAND_RULES.map((rule) => rule.id)).to.deep.equal([...CARD_BRANDS]);
  });

  for (const brand of CARD_BRANDS) {
    it(`${brand}: lengths, security code and checksum as specified`, () => {
      const rule = brandRule(brand);
      const expected = EXPECTED[brand];
      expect(rule.id).to.equal(brand);
      expect(rule.lengths).to.deep.equal(expected.lengths);
      expect([rule.securityCode.name, rule.securityCode.length]).to.deep.equal(expected.code);
      expect(rule.luhn).to.equal(expected.luhn);
      expect(rule.displayName).to.be.a('string').and.not.equal('');
      if (expected.grouping16) {
        // The first four groups of a 16-digit number (a 16-19 digit grouping may add a 5th).
        expect(groupingFor(rule, 16).slice(0, 4)).to.deep.equal(expected.grouping16);
      }
    });
  }

  it('groups Amex as 4-6-5 and 14-digit Diners as 4-6-4', () => {
    expect(groupingFor(brandRule('AMEX'), 15)).to.deep.equal([4, 6, 5]);
    expect(groupingFor(brandRule('DINERS'), 14)).to.deep.equal([4, 6, 4]);
  });

  it('has well-formed ranges: both ends of a range have the same digit count, from <= to', () => {
    for (const rule of BRAND_RULES) {
      expect(rule.iinRanges.length, rule.id).to.be.greaterThan(0);
      for (const [from, to] of rule.iinRanges) {
        expect(String(from).length, `${rule.id} ${from}-${to}`).to.equal(String(to).length);
        expect(from, `${rule.id} ${from}-${to}`).to.be.at.most(to);
        expect(String(from).length).to.be.within(1, 6);
      }
    }
  });

  it('has ascending lengths between 12 and 19 and a grouping that covers the shortest length', () => {
    for (const rule of BRAND_RULES) {
      expect([...rule.lengths].sort((a, b) => a - b), rule.id).to.deep.equal([...rule.lengths]);
      expect(rule.lengths[0]).to.be.at.least(12);
      expect(rule.lengths[rule.lengths.length - 1]).to.be.at.most(19);
      const sum = rule.grouping.reduce((total, size) => total + size, 0);
      expect(sum, rule.id).to.be.at.least(rule.lengths[0]);
    }
  });

  it('throws for an unknown brand id', () => {
    expect(() => brandRule('NOPE' as CardBrand)).to.throw(/NOPE/);
  });
});
