import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {formatExpiryInput, type TextWithCaret} from '../../src/card/index.js';

function edit(previous: string, previousCaret: number, next: string, nextCaret: number): TextWithCaret {
  return formatExpiryInput({value: previous, caret: previousCaret}, {value: next, caret: nextCaret});
}

describe('formatExpiryInput', () => {
  describe('typing', () => {
    const CASES: readonly (readonly [string, number, string, number, string, number, string])[] = [
      ['', 0, '1', 1, '1', 1, '"1" waits for the second month digit'],
      ['', 0, '0', 1, '0', 1, '"0" waits for the second month digit'],
      ['', 0, '4', 1, '04 / ', 5, '"4" can only be April'],
      ['', 0, '2', 1, '02 / ', 5, '"2" can only be February'],
      ['1', 1, '12', 2, '12 / ', 5, 'two month digits add the separator'],
      ['0', 1, '09', 2, '09 / ', 5, 'zero-padded month'],
      ['1', 1, '13', 2, '01 / 3', 6, '"1" then "3": month 01, the year begins with 3 (issue 10)'],
      ['0', 1, '00', 2, '00 / ', 5, 'an impossible month is kept for validation to report'],
      ['12 / ', 5, '12 / 3', 6, '12 / 3', 6, 'first year digit'],
      ['12 / 3', 6, '12 / 30', 7, '12 / 30', 7, 'second year digit'],
      ['12 / 30', 7, '12 / 301', 8, '12 / 30', 7, 'a fifth digit is dropped'],
      ['12 / 30', 0, '012 / 30', 1, '12 / 30', 0, 'typing into a full date is ignored'],
      ['1', 1, '1/', 2, '01 / ', 5, 'a typed slash after one digit pads the month'],
      ['1', 1, '1 ', 2, '01 / ', 5, 'a typed space after one digit pads the month'],
      ['1', 1, '1-', 2, '01 / ', 5, 'a typed dash after one digit pads the month'],
      ['0', 1, '0/', 2, '0', 1, 'a slash after 0 is ignored (month 00 is no month)'],
      ['12 / 3', 6, '12 / 3/', 7, '12 / 3', 6, 'a stray slash is ignored'],
      ['12 / 3', 6, '12 / 3a', 7, '12 / 3', 6, 'a letter is ignored'],
    ];
    for (const [previous, previousCaret, next, nextCaret, value, caret, why] of CASES) {
      it(`${why}: ${JSON.stringify(next)} -> ${JSON.stringify(value)}`, () => {
        expect(edit(previous, previousCaret, next, nextCaret)).to.deep.equal({value, caret});
      });
    }
  });

  describe('deleting', () => {
    it('Backspace on a year digit', () => {
      expect(edit('12 / 3', 6, '12 / ', 5)).to.deep.equal({value: '12 / ', caret: 5});
    });

    it('Backspace over the separator removes it and the month digit before it', () => {
      expect(edit('12 / ', 5, '12 /', 4)).to.deep.equal({value: '1', caret: 1});
      expect(edit('04 / ', 5, '04 /', 4)).to.deep.equal({value: '0', caret: 1});
    });

    it('Backspace on the slash inside a full date removes the month digit before it', () => {
      expect(edit('12 / 30', 4, '12  30', 3)).to.deep.equal({value: '13 / 0', caret: 1});
    });

    it('Delete on the separator removes the year digit after it', () => {
      expect(edit('12 / 30', 2, '12/ 30', 2)).to.deep.equal({value: '12 / 0', caret: 5});
    });

    it('Backspace on a month digit shifts the digits (a flat MMYY mask)', () => {
      expect(edit('12 / 30', 2, '1 / 30', 1)).to.deep.equal({value: '13 / 0', caret: 1});
    });

    it('deleting everything', () => {
      expect(edit('12 / 30', 7, '', 0)).to.deep.equal({value: '', caret: 0});
    });
  });

  describe('paste and autofill', () => {
    const CASES: readonly (readonly [string, string])[] = [
      ['12/2030', '12 / 30'],
      ['12/30', '12 / 30'],
      ['1230', '12 / 30'],
      ['122030', '12 / 30'],
      ['12 / 30', '12 / 30'],
      ['12-30', '12 / 30'],
      ['12 - 2030', '12 / 30'],
      ['1/30', '01 / 30'],
      ['1/2030', '01 / 30'],
      ['4/30', '04 / 30'],
      ['12/1999', '12 / 19'],
      ['123456', '12 / 34'],
      ['12/', '12 / '],
      ['１２／３０', '12 / 30'],
    ];
    for (const [pasted, value] of CASES) {
      it(`${JSON.stringify(pasted)} -> ${JSON.stringify(value)}`, () => {
        expect(edit('', 0, pasted, pasted.length)).to.deep.equal({value, caret: value.length});
      });
    }

    it('autofill replacing a partial date', () => {
      expect(edit('01 / 2', 6, '12/2030', 7)).to.deep.equal({value: '12 / 30', caret: 7});
    });

    it('a paste in the middle keeps the caret after the same digit', () => {
      // "1|" + paste "2/3" -> "12/3" with the caret after the 3 (end): "12 / 3".
      expect(edit('1', 1, '12/3', 4)).to.deep.equal({value: '12 / 3', caret: 6});
      // Caret not at the end: after the digits it followed.
      expect(edit('', 0, '12/30', 2)).to.deep.equal({value: '12 / 30', caret: 5});
    });
  });

  describe('properties', () => {
    const scenario = fc
      .tuple(fc.stringMatching(/^\d{0,4}$/), fc.nat(), fc.nat(), fc.stringMatching(/^[0-9 /\-a]{0,8}$/))
      .map(([digits, a, b, text]) => {
        const start = formatExpiryInput({value: '', caret: 0}, {value: digits, caret: digits.length});
        const from = a % (start.value.length + 1);
        const to = from + (b % (start.value.length - from + 1));
        return {
          previous: {value: start.value, caret: from},
          next: {value: start.value.slice(0, from) + text + start.value.slice(to), caret: from + text.length},
        };
      });

    it('always writes one of "", "M", "MM / ", "MM / Y", "MM / YY", with the caret inside', () => {
      fc.assert(
        fc.property(scenario, ({previous, next}) => {
          const result = formatExpiryInput(previous, next);
          expect(result.value).to.match(/^(\d|\d\d \/ \d{0,2})?$/);
          expect(result.caret).to.be.within(0, result.value.length);
        }),
      );
    });

    it('is stable: feeding the result back unchanged changes nothing', () => {
      fc.assert(
        fc.property(scenario, ({previous, next}) => {
          const result = formatExpiryInput(previous, next);
          expect(formatExpiryInput(result, result)).to.deep.equal(result);
        }),
      );
    });
  });
});
