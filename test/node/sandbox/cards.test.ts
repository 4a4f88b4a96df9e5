import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {detectBrand, isExpired, maskCardNumber, passesLuhn} from '../../../src/sandbox/cards.js';
import {SCENARIO_CARDS, scenarioFor} from '../../../src/sandbox/scenarios.js';

test('every scenario card passes Luhn, has a known brand and appears once', () => {
  const numbers = SCENARIO_CARDS.map((card) => card.cardNo);
  assert.equal(new Set(numbers).size, numbers.length);
  for (const cardNo of numbers) {
    assert.ok(passesLuhn(cardNo), cardNo);
    assert.ok(detectBrand(cardNo), cardNo);
  }
  assert.deepEqual(scenarioFor('4111111111111111'), {kind: 'success'}, 'other numbers succeed');
});

test('brand detection by prefix', () => {
  const cases: [string, string | null][] = [
    ['4242424242424242', 'VISA'],
    ['5555555555554444', 'MASTERCARD'],
    ['2223003122003222', 'MASTERCARD'],
    ['378282246310005', 'AMEX'],
    ['6011111111111117', 'DISCOVER'],
    ['3566002020360505', 'JCB'],
    ['36227206271667', 'DINERS'],
    ['6200000000000005', 'CUP'],
    ['2200000000000004', 'MIR'],
    ['6062826786276634', 'HIPERCARD'],
    ['5067000000000000', 'ELO'],
    ['6759649826438453', 'MAESTRO'],
    ['9792000000000001', 'TROY'],
    ['1234567812345670', null],
  ];
  for (const [cardNo, brand] of cases) assert.equal(detectBrand(cardNo), brand, cardNo);
});

test('Luhn, masking and expiry', () => {
  assert.equal(passesLuhn('4242424242424241'), false);
  assert.equal(maskCardNumber('4242424242424242'), '************4242');
  assert.equal(maskCardNumber('378282246310005'), '***********0005');
  const now = new Date('2026-03-15T12:00:00Z');
  assert.equal(isExpired('03', '26', now), false, 'good through the end of the month');
  assert.equal(isExpired('02', '26', now), true);
  assert.equal(isExpired('12', '39', now), false);
  assert.equal(isExpired('04', '26', new Date('2026-04-01T00:00:00Z')), false);
  assert.equal(isExpired('03', '26', new Date('2026-04-01T00:00:00Z')), true);
});

test('the README lists every scenario card with its outcome', () => {
  const docs = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const header = docs.split('\n').find((line) => line.startsWith('| Card number |'));
  const vaultColumn = header?.split('|').findIndex((cell) => cell.trim() === 'vaultPaymentMethod answer') ?? -1;
  assert.ok(vaultColumn > 0, 'the table has a vaultPaymentMethod column');
  for (const {cardNo, scenario} of SCENARIO_CARDS) {
    const grouped = cardNo.length === 15 ? `${cardNo.slice(0, 4)} ${cardNo.slice(4, 10)} ${cardNo.slice(10)}` : cardNo.replace(/(\d{4})(?=\d)/g, '$1 ');
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${grouped}\` |`));
    assert.ok(row, `${grouped} is in the table`);
    const expected = {
      success: 'SUCCESS',
      decline: scenario.kind === 'decline' ? scenario.resultCode : '',
      challenge: 'REDIRECT',
      processing: 'PROCESSING',
      gateway_error: 'UNKNOWN_EXCEPTION',
    }[scenario.kind];
    assert.ok(row.includes(expected), `${grouped}: ${expected}`);
    const vaultAnswer = row.split('|')[vaultColumn];
    const expectedVault = {
      success: 'S `SUCCESS`',
      decline: scenario.kind === 'decline' ? `F \`${scenario.resultCode}\`` : '',
      challenge: 'U `VERIFICATION_IN_PROCESS`',
      processing: 'U `UNKNOWN_EXCEPTION`',
      gateway_error: 'U `UNKNOWN_EXCEPTION`',
    }[scenario.kind];
    assert.ok(vaultAnswer?.includes(expectedVault), `${grouped}, vaultPaymentMethod: ${expectedVault}`);
  }
});
