import {expect} from '@open-wc/testing';
import {parseExpiry, validateExpiry} from '../../src/card/index.js';

/** 15 November 2025, local time: the month the tests treat as "now". */
const NOW = new Date(2025, 10, 15, 12, 0, 0);

describe('parseExpiry', () => {
  const VALID: readonly (readonly [string, number, number])[] = [
    ['12/30', 12, 2030],
    ['12/2030', 12, 2030],
    ['1/30', 1, 2030],
    ['1/2030', 1, 2030],
    ['01/30', 1, 2030],
    ['12-30', 12, 2030],
    ['12.30', 12, 2030],
    ['1230', 12, 2030],
    ['122030', 12, 2030],
    ['12 / 30', 12, 2030],
    ['  12 /30 ', 12, 2030],
    ['12 - 2030', 12, 2030],
    ['12 30', 12, 2030],
    ['１２／３０', 12, 2030],
    ['09/99', 9, 2099],
  ];
  for (const [input, month, year] of VALID) {
    it(`${JSON.stringify(input)} -> ${month}/${year}`, () => {
      expect(parseExpiry(input)).to.deep.equal({month, year});
    });
  }

  const INVALID = ['', '1', '12', '12/', '12 / ', '13/30', '00/30', '0/30', '12/3', '12/303', '123', '12/30/1', '/1230', 'ab/cd', '12/3o', '123/30', '12/20300'];
  for (const input of INVALID) {
    it(`${JSON.stringify(input)} -> null`, () => expect(parseExpiry(input)).to.equal(null));
  }
});

describe('validateExpiry', () => {
  const CASES: readonly (readonly [input: string, status: string, error: string | null, why: string])[] = [
    ['', 'empty', 'expiry.required', 'nothing typed'],
    ['   ', 'empty', 'expiry.required', 'only spaces'],
    ['0', 'incomplete', 'expiry.incomplete', '01-09 still possible'],
    ['1', 'incomplete', 'expiry.incomplete', '10-12 still possible'],
    ['2', 'incomplete', 'expiry.incomplete', 'M/YY still possible'],
    ['12', 'incomplete', 'expiry.incomplete', 'year missing'],
    ['12 / ', 'incomplete', 'expiry.incomplete', 'year missing (formatter output)'],
    ['2/', 'incomplete', 'expiry.incomplete', 'one-digit month, year missing'],
    ['00', 'invalid', 'expiry.invalid_month', 'month 00 ruled out at once'],
    ['13', 'invalid', 'expiry.invalid_month', 'month 13 ruled out at once'],
    ['19', 'invalid', 'expiry.invalid_month', 'month 19'],
    ['00 / 30', 'invalid', 'expiry.invalid_month', 'month 00 with a year'],
    ['13/30', 'invalid', 'expiry.invalid_month', 'month 13 with a year'],
    ['0/30', 'invalid', 'expiry.invalid_month', 'one-digit month 0'],
    ['11/25', 'valid', null, 'the current month is still valid'],
    ['11 / 25', 'valid', null, 'formatter output'],
    ['11/2025', 'valid', null, 'four-digit year'],
    ['1125', 'valid', null, 'MMYY'],
    ['112025', 'valid', null, 'MMYYYY'],
    ['10/25', 'invalid', 'expiry.expired', 'the previous month'],
    ['12/24', 'invalid', 'expiry.expired', 'last year'],
    ['12/25', 'valid', null, 'next month'],
    ['1/26', 'valid', null, 'M/YY'],
    ['11/45', 'valid', null, 'exactly 20 years ahead'],
    ['11/2045', 'valid', null, 'exactly 20 years ahead, YYYY'],
    ['12/45', 'invalid', 'expiry.too_far', '20 years and 1 month ahead'],
    ['12/2045', 'invalid', 'expiry.too_far', '20 years and 1 month ahead, YYYY'],
    ['12 / 1', 'invalid', 'expiry.expired', 'a year starting with 1 can only be 2010-2019 (or 1xxx)'],
    ['12 / 0', 'invalid', 'expiry.expired', '2000-2009'],
    ['12 / 2', 'incomplete', 'expiry.incomplete', '2025-2029 still possible'],
    ['12 / 4', 'incomplete', 'expiry.incomplete', '2040-2045 still possible'],
    ['12 / 5', 'invalid', 'expiry.too_far', '2050-2059, or 5xxx'],
    ['12 / 9', 'invalid', 'expiry.too_far', '2090-2099'],
    ['11/204', 'incomplete', 'expiry.incomplete', 'YYYY in progress: 2040-2049'],
    ['11/201', 'invalid', 'expiry.expired', 'YYYY in progress: 2010-2019'],
    ['11/209', 'invalid', 'expiry.too_far', 'YYYY in progress: 2090-2099'],
    ['113', 'incomplete', 'expiry.incomplete', 'MMY: 2030-2039 still possible'],
    ['11203', 'incomplete', 'expiry.incomplete', 'MMYYY: 2030-2039 still possible'],
    ['12/3a', 'invalid', 'expiry.invalid', 'a letter'],
    ['12/30/1', 'invalid', 'expiry.invalid', 'three parts'],
    ['12/20300', 'invalid', 'expiry.invalid', 'five-digit year'],
    ['123/30', 'invalid', 'expiry.invalid', 'three-digit month'],
    ['/12', 'invalid', 'expiry.invalid', 'separator first'],
    ['１１／２５', 'valid', null, 'full-width digits and slash'],
  ];
  for (const [input, status, error, why] of CASES) {
    it(`${JSON.stringify(input)} (${why}) -> ${status}${error ? ` ${error}` : ''}`, () => {
      expect(validateExpiry(input, NOW)).to.deep.equal({status, error});
    });
  }

  it('uses the local calendar month at its edges', () => {
    const lastMomentOfDecember = new Date(2025, 11, 31, 23, 59, 59, 999);
    const firstMomentOfJanuary = new Date(2026, 0, 1, 0, 0, 0, 0);
    expect(validateExpiry('12/25', lastMomentOfDecember).status).to.equal('valid');
    expect(validateExpiry('12/25', firstMomentOfJanuary)).to.deep.equal({status: 'invalid', error: 'expiry.expired'});
    expect(validateExpiry('01/26', firstMomentOfJanuary).status).to.equal('valid');
    expect(validateExpiry('01/46', firstMomentOfJanuary).status).to.equal('valid');
    expect(validateExpiry('02/46', firstMomentOfJanuary).error).to.equal('expiry.too_far');
  });

  it('once past 2029, a typed "2" may still start a four-digit year (2030...)', () => {
    const in2031 = new Date(2031, 5, 1);
    expect(validateExpiry('12 / 2', in2031)).to.deep.equal({status: 'incomplete', error: 'expiry.incomplete'});
    expect(validateExpiry('12/29', in2031).error).to.equal('expiry.expired');
  });

  it('reports the two-digit reading when no reading of a partial year fits', () => {
    // In 2041, "3" is 2030-2039 (expired) or 3xxx (too far).
    expect(validateExpiry('12 / 3', new Date(2041, 0, 1))).to.deep.equal({status: 'invalid', error: 'expiry.expired'});
  });

  it('defaults to the current time', () => {
    const today = new Date();
    const month = String(today.getMonth() + 1).padStart(2, '0');
    const year = String(today.getFullYear() % 100).padStart(2, '0');
    expect(validateExpiry(`${month}/${year}`).status).to.equal('valid');
    expect(validateExpiry(`${month}/${String(today.getFullYear() - 1)}`).error).to.equal('expiry.expired');
  });
});
