/**
 * Test data for the card rules: public test card numbers per brand (with their sources) and a
 * Luhn check digit calculator written independently of src/card/luhn.ts, to build numbers of
 * any length and prefix.
 */
import type {BrandRule, CardBrand} from '../../src/card/index.js';

/**
 * `body` with the Luhn check digit appended. Computed left to right: in the final number the
 * digits at odd distance from the check digit are doubled (9 subtracted above 9).
 */
export function withCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const distanceFromCheckDigit = body.length - i;
    let digit = Number(body[i]);
    if (distanceFromCheckDigit % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A Luhn-valid number of `length` digits starting with `prefix` (zeros in between). */
export function luhnNumber(prefix: string, length: number): string {
  return withCheckDigit(prefix.padEnd(length - 1, '0'));
}

/** The same number with its check digit changed: fails Luhn for sure. */
export function breakCheckDigit(number: string): string {
  const last = Number(number[number.length - 1]);
  return number.slice(0, -1) + String((last + 1) % 10);
}

/**
 * Valid test numbers from payment providers' public test card lists:
 * - Stripe: docs.stripe.com/testing ("Cards by brand")
 * - Adyen: docs.adyen.com/development-resources/test-cards-and-credentials/test-card-numbers
 *   (as mirrored by the npm package adyen-test-cards, amercier/adyen-test-cards src/index.ts)
 * - Braintree: developer.paypal.com/braintree/docs/reference/general/testing ("Valid card numbers")
 * - EBANX (Brazil): EBANX sandbox test cards (gist claudiosanches/e566ba431e0ffad97e11)
 * - Authorize.Net: sandbox testing guide (13-digit Visa; listed in processwith/test-payment-cards)
 * - Craftgate (Turkey): "All successful test cards" (Troy; cited in braintree/credit-card-type PR #202)
 * - Mir: 2201382000000013, the Mir test PAN used in public Mir Accept / gateway sandboxes
 */
export const TEST_CARDS: Readonly<Record<CardBrand, readonly (readonly [number: string, source: string])[]>> = {
  VISA: [
    ['4242424242424242', 'Stripe'],
    ['4000056655665556', 'Stripe (debit)'],
    ['4111111111111111', 'Adyen'],
    ['4988438843884305', 'Adyen'],
    ['4012888888881881', 'Braintree'],
    ['4007000000027', 'Authorize.Net (13 digits)'],
    ['4012888818888', 'Authorize.Net (13 digits)'],
  ],
  MASTERCARD: [
    ['5555555555554444', 'Stripe'],
    ['2223003122003222', 'Stripe (2-series)'],
    ['5200828282828210', 'Stripe (debit)'],
    ['5105105105105100', 'Stripe (prepaid)'],
    ['2222400070000005', 'Adyen'],
    ['2223000048400011', 'Braintree'],
  ],
  AMEX: [
    ['378282246310005', 'Stripe'],
    ['371449635398431', 'Stripe'],
    ['370000000000002', 'Adyen'],
  ],
  DISCOVER: [
    ['6011111111111117', 'Stripe'],
    ['6011000990139424', 'Stripe'],
    ['6011981111111113', 'Stripe (debit)'],
    ['6011601160116611', 'Adyen'],
    ['6445644564456445', 'Adyen'],
    ['6011000991300009', 'Braintree'],
  ],
  DINERS: [
    ['3056930009020004', 'Stripe (16 digits)'],
    ['36227206271667', 'Stripe (14 digits)'],
    ['36006666333344', 'Adyen'],
    ['36070500001020', 'Adyen'],
    ['36259600000004', 'Braintree'],
    ['30569309025904', 'EBANX'],
    ['38520000023237', 'EBANX'],
  ],
  JCB: [
    ['3566002020360505', 'Stripe'],
    ['3569990010095841', 'Adyen'],
    ['3530111333300000', 'Braintree'],
  ],
  CUP: [
    ['6200000000000005', 'Stripe'],
    ['6200000000000047', 'Stripe (debit)'],
    ['6205500000000000004', 'Stripe (19 digits)'],
    ['8171999927660000', 'Adyen'],
    ['8171999900000000021', 'Adyen (19 digits)'],
    ['6243030000000001', 'Adyen'],
    ['6250947000000014', 'Adyen'],
    ['6221261111117766', 'Braintree (622126: the Discover co-brand range, resolved to UnionPay)'],
    ['6223164991230014', 'Braintree'],
  ],
  MAESTRO: [
    ['6771798021000008', 'Adyen'],
    ['6304000000000000', 'Braintree'],
  ],
  ELO: [
    ['5066991111111118', 'Adyen'],
    ['6362970000457013', 'EBANX'],
  ],
  HIPERCARD: [
    ['6062828888666688', 'Adyen'],
    ['6062825624254001', 'EBANX'],
  ],
  MIR: [['2201382000000013', 'Mir test PAN']],
  TROY: [
    ['9792100000000001', 'Craftgate'],
    ['9792090000000004', 'Craftgate'],
  ],
};

/**
 * What buildIinTable (src/card/iin-table.ts) trusts brand rules to be, checked here instead of at
 * run time: both ends of a range with the same digit count (six at most) and from <= to, and no prefix claimed
 * by two brands through ranges of the same digit count. Returns one line per problem.
 */
export function iinRangeProblems(rules: readonly BrandRule[]): string[] {
  const problems: string[] = [];
  const ranges = rules.flatMap((rule) => rule.iinRanges.map(([from, to]) => ({brand: rule.id, from, to})));
  for (const {brand, from, to} of ranges) {
    const digits = String(from).length;
    if (digits !== String(to).length || to < from || digits > 6) {
      problems.push(`Bad IIN range ${from}-${to} for ${brand}`);
    }
  }
  for (const [i, a] of ranges.entries()) {
    for (const b of ranges.slice(i + 1)) {
      const sameDigits = String(a.from).length === String(b.from).length;
      if (sameDigits && a.brand !== b.brand && a.from <= b.to && b.from <= a.to) {
        problems.push(`IIN conflict: ${a.brand} ${a.from}-${a.to} and ${b.brand} ${b.from}-${b.to}`);
      }
    }
  }
  return problems;
}
