import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {
  CARD_BRANDS,
  formatCardNumber,
  formatCardNumberInput,
  maxCardNumberLength,
  normalizeCardNumber,
  type CardBrand,
  type TextWithCaret,
} from '../../src/card/index.js';

function edit(previous: string, previousCaret: number, next: string, nextCaret: number, accepted?: CardBrand[]) {
  return formatCardNumberInput({value: previous, caret: previousCaret}, {value: next, caret: nextCaret}, accepted);
}

describe('normalizeCardNumber', () => {
  const CASES: readonly (readonly [string, string])[] = [
    ['4242 4242 4242 4242', '4242424242424242'],
    ['4242-4242-4242-4242', '4242424242424242'],
    [' 4242\u00a04242\u20134242\t4242 ', '4242424242424242'],
    ['４２４２ ４２４２', '42424242'],
    ['ab12c3', '123'],
    ['', ''],
  ];
  for (const [input, digits] of CASES) {
    it(`${JSON.stringify(input)} -> ${digits}`, () => expect(normalizeCardNumber(input)).to.equal(digits));
  }
});

describe('formatCardNumber', () => {
  const CASES: readonly (readonly [string, CardBrand | null, string])[] = [
    ['', null, ''],
    ['4', 'VISA', '4'],
    ['4242', 'VISA', '4242'],
    ['42424', 'VISA', '4242 4'],
    ['4242424242424242', 'VISA', '4242 4242 4242 4242'],
    ['4242424242424242424', 'VISA', '4242 4242 4242 4242 424'],
    ['4007000000027', 'VISA', '4007 0000 0002 7'],
    ['5555555555554444', 'MASTERCARD', '5555 5555 5555 4444'],
    ['3782822', 'AMEX', '3782 822'],
    ['37828224631', 'AMEX', '3782 822463 1'],
    ['378282246310005', 'AMEX', '3782 822463 10005'],
    ['36227206271667', 'DINERS', '3622 720627 1667'],
    ['3056930009020004', 'DINERS', '3056 9300 0902 0004'],
    ['6205500000000000004', 'CUP', '6205 5000 0000 0000 004'],
    ['4242424242424242424', null, '4242 4242 4242 4242 424'],
    // Digits beyond the grouping stay in the last group: formatting never drops digits.
    ['55555555555544441', 'MASTERCARD', '5555 5555 5555 44441'],
    ['4242424242424242424242', null, '4242 4242 4242 4242 424242'],
  ];
  for (const [digits, brand, formatted] of CASES) {
    it(`${digits} as ${brand ?? 'unknown'} -> "${formatted}"`, () => {
      expect(formatCardNumber(digits, brand)).to.equal(formatted);
    });
  }

  const brandOrNull = fc.constantFrom<CardBrand | null>(null, ...CARD_BRANDS);

  it('property: formatting is idempotent through normalize', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,25}$/), brandOrNull, (digits, brand) => {
        const formatted = formatCardNumber(digits, brand);
        expect(formatCardNumber(normalizeCardNumber(formatted), brand)).to.equal(formatted);
      }),
    );
  });

  it('property: formatting never changes the digits and only adds single inner spaces', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,25}$/), brandOrNull, (digits, brand) => {
        const formatted = formatCardNumber(digits, brand);
        expect(normalizeCardNumber(formatted)).to.equal(digits);
        expect(formatted).to.match(/^(\d+( \d+)*)?$/);
      }),
    );
  });
});

describe('maxCardNumberLength', () => {
  const CASES: readonly (readonly [CardBrand | null, CardBrand[] | undefined, number])[] = [
    ['VISA', undefined, 19],
    ['MASTERCARD', undefined, 16],
    ['AMEX', undefined, 15],
    ['DINERS', undefined, 19],
    ['ELO', undefined, 16],
    ['TROY', undefined, 16],
    ['HIPERCARD', undefined, 19],
    [null, undefined, 19],
    [null, [], 19],
    [null, ['MASTERCARD', 'AMEX'], 16],
    [null, ['AMEX'], 15],
    // The brand decides even when not accepted: a refused Amex still stops at 15.
    ['AMEX', ['VISA'], 15],
    // Ids that are no CardBrand (from untyped callers) accept nothing: the ISO maximum applies.
    [null, ['DANKORT' as CardBrand], 19],
  ];
  for (const [brand, accepted, length] of CASES) {
    it(`${brand ?? 'unknown'} accepting ${accepted ? `[${accepted.join(', ')}]` : 'all'} -> ${length}`, () => {
      expect(maxCardNumberLength(brand, accepted)).to.equal(length);
    });
  }
});

describe('formatCardNumberInput: caret mapping', () => {
  it('typing the first digit', () => {
    expect(edit('', 0, '4', 1)).to.deep.equal({value: '4', caret: 1, digits: '4', brand: 'VISA'});
  });

  it('typing the fourth digit adds no trailing space', () => {
    expect(edit('424', 3, '4242', 4)).to.deep.include({value: '4242', caret: 4});
  });

  it('typing at the end past a group boundary: the space goes in, the caret after the new digit', () => {
    expect(edit('4242', 4, '42424', 5)).to.deep.include({value: '4242 4', caret: 6});
    expect(edit('4242 4', 6, '4242 42', 7)).to.deep.include({value: '4242 42', caret: 7});
  });

  it('typing mid-number at a group boundary (before or after the space) lands after the new digit', () => {
    expect(edit('4242 4242', 4, '42429 4242', 5)).to.deep.include({value: '4242 9424 2', caret: 6});
    expect(edit('4242 4242', 5, '4242 94242', 6)).to.deep.include({value: '4242 9424 2', caret: 6});
  });

  it('typing that leaves the caret at a group boundary puts it after the space', () => {
    // 3 digits before the caret, a 4th typed: the caret is at the end of a group, digits follow.
    expect(edit('4242 4242', 3, '42492 4242', 4)).to.deep.include({value: '4249 2424 2', caret: 5});
  });

  it('Backspace mid-number: the caret stays after the digit it followed', () => {
    // "4242 42|42 4242": Backspace removes the 6th digit.
    expect(edit('4242 4242 4242', 7, '4242 442 4242', 6)).to.deep.include({
      value: '4242 4424 242',
      caret: 6,
      digits: '42424424242',
    });
  });

  it('Delete mid-number: the following digits move up, the caret stays after the space it followed', () => {
    expect(edit('4242 4242', 5, '4242 242', 5)).to.deep.include({value: '4242 242', caret: 5, digits: '4242242'});
  });

  it('Backspace on the first digit of a group keeps the caret after the space', () => {
    expect(edit('4242 4242', 6, '4242 242', 5)).to.deep.include({value: '4242 242', caret: 5, digits: '4242242'});
  });

  it('Backspace at the end of a group pulls the next digit up; the caret stays after the digit it followed', () => {
    expect(edit('4242 4242 4242', 9, '4242 424 4242', 8)).to.deep.include({value: '4242 4244 242', caret: 8});
  });

  it('Backspace right after a space deletes the digit before the space', () => {
    expect(edit('4242 4', 5, '42424', 4)).to.deep.include({value: '4244', caret: 3, digits: '4244'});
    // Second group boundary: "4242 4242 |4242 4242" -> the 8th digit goes.
    expect(edit('4242 4242 4242 4242', 10, '4242 42424242 4242', 9)).to.deep.include({
      value: '4242 4244 2424 242',
      caret: 8,
      digits: '424242442424242',
    });
  });

  it('Delete right before a space deletes the digit after the space', () => {
    expect(edit('4242 4242', 4, '42424242', 4)).to.deep.include({value: '4242 242', caret: 4, digits: '4242242'});
  });

  it('a stale previous caret (moved by a click) counts as Backspace, the more common key', () => {
    expect(edit('4242 4242', 9, '42424242', 4)).to.deep.include({value: '4244 242', caret: 3, digits: '4244242'});
  });

  it('Backspace on the last digit of a group removes the trailing space too', () => {
    expect(edit('4242 4', 6, '4242 ', 5)).to.deep.include({value: '4242', caret: 4, digits: '4242'});
  });

  it('pasting a number with dashes and spaces', () => {
    expect(edit('', 0, '4242-4242 4242 4242', 19)).to.deep.equal({
      value: '4242 4242 4242 4242',
      caret: 19,
      digits: '4242424242424242',
      brand: 'VISA',
    });
  });

  it('replacing a selection by typing', () => {
    // Select the second group "4242" of a 16-digit number and type 1.
    expect(edit('4242 4242 4242 4242', 5, '4242 1 4242 4242', 6)).to.deep.include({
      value: '4242 1424 2424 2',
      caret: 6,
      digits: '4242142424242',
    });
  });

  it('replacing everything by a paste of another brand regroups for it', () => {
    expect(edit('4242 4242 4242 4242', 0, '378282246310005', 15)).to.deep.equal({
      value: '3782 822463 10005',
      caret: 17,
      digits: '378282246310005',
      brand: 'AMEX',
    });
  });

  it('regroups a Diners number when it grows past 14 digits', () => {
    expect(edit('3622 720627 1667', 16, '3622 720627 16671', 17)).to.deep.include({
      value: '3622 7206 2716 671',
      caret: 18,
    });
  });

  it('drops letters and keeps the caret after its digit', () => {
    expect(edit('4242', 4, '4242a', 5)).to.deep.include({value: '4242', caret: 4});
    expect(edit('4242', 2, '42x42', 3)).to.deep.include({value: '4242', caret: 2});
  });

  describe('length cap', () => {
    it('cuts an over-long paste at the brand maximum (Visa 19)', () => {
      expect(edit('', 0, '4242424242424242424242', 22)).to.deep.include({
        value: '4242 4242 4242 4242 424',
        caret: 23,
        digits: '4242424242424242424',
      });
    });

    it('cuts an over-long paste at the brand maximum (Amex 15)', () => {
      expect(edit('', 0, '3782822463100051234', 19)).to.deep.include({value: '3782 822463 10005', caret: 17});
    });

    it('ignores a digit typed at the end of a full number', () => {
      expect(edit('5555 5555 5555 4444', 19, '5555 5555 5555 44441', 20)).to.deep.include({
        value: '5555 5555 5555 4444',
        caret: 19,
      });
    });

    it('ignores a digit typed into the middle of a full number instead of pushing one off the end', () => {
      expect(edit('5555 5555 5555 4444', 2, '551555 5555 5555 4444', 3)).to.deep.include({
        value: '5555 5555 5555 4444',
        caret: 2,
      });
    });

    it('keeps as much of a mid-number paste as fits, and all digits that were there', () => {
      expect(edit('5555 5555 5555', 4, '555599999999 5555 5555', 12)).to.deep.include({
        value: '5555 9999 5555 5555',
        caret: 10,
      });
    });

    it('caps by the accepted brand that the prefix identifies (Elo only: 16)', () => {
      expect(edit('', 0, '40117800000000000000', 20, ['ELO'])).to.deep.include({
        digits: '4011780000000000',
        brand: 'ELO',
      });
    });

    it('formats a refused brand as that brand (Amex when only Visa is accepted)', () => {
      expect(edit('', 0, '378282246310005', 15, ['VISA'])).to.deep.include({value: '3782 822463 10005', brand: 'AMEX'});
    });

    it('re-checks the brand after dropping inserted digits', () => {
      // Typing 4 in front of a full Mastercard makes it a Visa (19 max): nothing is dropped.
      expect(edit('5555 5555 5555 4444', 0, '45555 5555 5555 4444', 1)).to.deep.include({
        value: '4555 5555 5555 5444 4',
        brand: 'VISA',
        caret: 1,
      });
    });
  });

  it('leaves a no-op edit unchanged', () => {
    expect(edit('4242 4242', 0, '4242 4242', 0)).to.deep.include({value: '4242 4242', caret: 0});
  });
});

describe('formatCardNumberInput: properties', () => {
  const EDIT_TEXT = fc.stringMatching(/^[0-9 \-a]{0,8}$/);
  /** A formatted starting value and an arbitrary splice of it (typing, deleting, pasting). */
  const scenario = fc
    .tuple(fc.stringMatching(/^\d{0,19}$/), fc.nat(), fc.nat(), EDIT_TEXT)
    .map(([digits, a, b, text]) => {
      const start = formatCardNumberInput({value: '', caret: 0}, {value: digits, caret: digits.length});
      const from = a % (start.value.length + 1);
      const to = from + (b % (start.value.length - from + 1));
      const next: TextWithCaret = {
        value: start.value.slice(0, from) + text + start.value.slice(to),
        caret: from + text.length,
      };
      const previous: TextWithCaret = {value: start.value, caret: text.length === 0 && to > from ? to : from};
      return {previous, next};
    });

  it('keeps the typed digit sequence (when no cap or separator rule applies) and formats canonically', () => {
    fc.assert(
      fc.property(scenario, ({previous, next}) => {
        const result = formatCardNumberInput(previous, next);
        const typed = normalizeCardNumber(next.value);
        expect(normalizeCardNumber(result.value)).to.equal(result.digits);
        expect(result.value).to.equal(formatCardNumber(result.digits, result.brand));
        expect(result.digits.length).to.be.at.most(maxCardNumberLength(result.brand));
        expect(result.caret).to.be.within(0, result.value.length);
        // 15 is the smallest cap of any brand (Amex).
        if (typed !== normalizeCardNumber(previous.value) && typed.length <= 15) {
          expect(result.digits).to.equal(typed);
          const digitsBeforeCaret = normalizeCardNumber(next.value.slice(0, next.caret)).length;
          expect(normalizeCardNumber(result.value.slice(0, result.caret)).length).to.equal(digitsBeforeCaret);
        }
      }),
    );
  });

  it('never invents digits: the result is a subsequence of what was typed, or one digit fewer', () => {
    fc.assert(
      fc.property(scenario, ({previous, next}) => {
        const result = formatCardNumberInput(previous, next);
        const typed = normalizeCardNumber(next.value);
        let i = 0;
        for (const digit of result.digits) {
          i = typed.indexOf(digit, i) + 1;
          expect(i, `${result.digits} within ${typed}`).to.be.greaterThan(0);
        }
        expect(result.digits.length).to.be.at.least(Math.min(typed.length, 15) - 1);
      }),
    );
  });

  it('is stable: feeding the result back unchanged changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({previous, next}) => {
        const result = formatCardNumberInput(previous, next);
        const again = formatCardNumberInput(result, result);
        expect({value: again.value, caret: again.caret}).to.deep.equal({value: result.value, caret: result.caret});
      }),
    );
  });

  it('deleting a group space with Backspace removes exactly the digit before it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5,19}$/), fc.nat(), (digits, pick) => {
        const start = formatCardNumberInput({value: '', caret: 0}, {value: digits, caret: digits.length});
        const spaces = [...start.value].flatMap((char, index) => (char === ' ' ? [index] : []));
        if (spaces.length === 0) return;
        const space = spaces[pick % spaces.length];
        const next = {value: start.value.slice(0, space) + start.value.slice(space + 1), caret: space};
        const result = formatCardNumberInput({value: start.value, caret: space + 1}, next);
        const digitIndex = normalizeCardNumber(start.value.slice(0, space)).length - 1;
        expect(result.digits).to.equal(start.digits.slice(0, digitIndex) + start.digits.slice(digitIndex + 1));
      }),
    );
  });
});
