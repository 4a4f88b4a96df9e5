import {expect} from '@open-wc/testing';
import {formatCvcInput, isCardNumberFinished, isCvcFilled} from '../../src/card/index.js';

describe('when a field is finished (focus may move on)', () => {
  const numberCases: [number, Parameters<typeof isCardNumberFinished>[1], boolean][] = [
    [16, 'VISA', false], // a 19-digit Visa must be typeable straight through
    [13, 'VISA', false], // valid, but most Visas are longer
    [19, 'VISA', true], // cannot grow
    [15, 'AMEX', true],
    [16, 'CUP', false], // 19-digit UnionPay numbers must not be cut short
    [19, 'CUP', true],
    [16, 'MASTERCARD', true],
    [14, 'DINERS', false], // Diners numbers run to 19 digits
  ];
  for (const [count, brand, finished] of numberCases) {
    it(`${brand} at ${count} digits: ${finished}`, () => expect(isCardNumberFinished(count, brand)).to.equal(finished));
  }

  it('security code: filled at the brand length, never for an unknown brand', () => {
    expect(isCvcFilled('123', 'VISA')).to.equal(true);
    expect(isCvcFilled('123', 'AMEX')).to.equal(false);
    expect(isCvcFilled('1234', 'AMEX')).to.equal(true);
    expect(isCvcFilled('1234', null)).to.equal(false);
  });

  it('security code input: digits only, capped by brand, caret after the same digit', () => {
    expect(formatCvcInput({value: '1a2b3', caret: 5}, 'VISA')).to.deep.equal({value: '123', caret: 3});
    expect(formatCvcInput({value: '12345', caret: 5}, 'VISA')).to.deep.equal({value: '123', caret: 3});
    expect(formatCvcInput({value: '12345', caret: 5}, null)).to.deep.equal({value: '1234', caret: 4});
    expect(formatCvcInput({value: '1x23', caret: 2}, 'AMEX')).to.deep.equal({value: '123', caret: 1});
  });
});
