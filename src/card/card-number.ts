/**
 * Card number validation as the user types.
 *
 * - empty: `card_number.required`;
 * - a prefix no accepted brand can continue ("1", or "34" when only Visa is accepted): invalid,
 *   `card_number.unsupported_brand`, as soon as the prefix rules it out;
 * - a length the brand permits, passing Luhn (where the brand uses it): valid;
 * - shorter than the brand's next permitted length: incomplete, `card_number.incomplete`;
 * - a permitted length failing Luhn: invalid (`card_number.invalid`) at the brand's longest
 *   length; below it the number may still grow into a valid one (a 16-digit Visa can become 19),
 *   so the status is incomplete but the error to show on blur is `card_number.invalid`;
 * - longer than the brand allows, or characters other than digits, spaces and dashes: invalid.
 */

import {brandRule} from './brands.js';
import {digitsOf, hasForeignCharacter} from './characters.js';
import {detectBrand} from './detect.js';
import {maxCardNumberLength} from './format.js';
import {luhnValid} from './luhn.js';
import type {BrandRule, CardBrand, CardNumberResult, FieldResult} from './types.js';

const VALID: FieldResult = {status: 'valid', error: null};

/** The digits judged as a number of one brand. */
function judgeAs(rule: BrandRule, digits: string): FieldResult {
  const longest = rule.lengths[rule.lengths.length - 1];
  if (digits.length > longest) return {status: 'invalid', error: 'card_number.invalid'};
  if (!rule.lengths.includes(digits.length)) return {status: 'incomplete', error: 'card_number.incomplete'};
  if (!rule.luhn || luhnValid(digits)) return VALID;
  return {status: digits.length === longest ? 'invalid' : 'incomplete', error: 'card_number.invalid'};
}

/** The most hopeful verdict over the brands the number may still be. */
function bestVerdict(candidates: readonly CardBrand[], digits: string): FieldResult {
  const verdicts = candidates.map((brand) => judgeAs(brandRule(brand), digits));
  return (
    verdicts.find((verdict) => verdict.status === 'valid') ??
    verdicts.find((verdict) => verdict.error === 'card_number.incomplete') ??
    verdicts.find((verdict) => verdict.status === 'incomplete') ??
    verdicts[0]
  );
}

/**
 * @param accepted brands the merchant accepts (absent or empty: all)
 * @returns the status, its error code and the detected brand. The brand is reported even when
 *   not accepted, so the form can say which brand it refuses.
 */
export function validateCardNumber(input: string, accepted?: readonly CardBrand[]): CardNumberResult {
  const digits = digitsOf(input);
  const detection = detectBrand(digits, accepted);
  if (hasForeignCharacter(input)) {
    return {status: 'invalid', error: 'card_number.invalid', brand: detection.brand};
  }
  if (digits.length === 0) return {status: 'empty', error: 'card_number.required', brand: null};
  if (detection.candidates.length === 0) {
    return {status: 'invalid', error: 'card_number.unsupported_brand', brand: detectBrand(digits).brand};
  }
  return {...bestVerdict(detection.candidates, digits), brand: detection.brand};
}

/**
 * Whether a *valid* number of `digitCount` digits is finished, so focus may move on: only when it
 * cannot grow any longer. Moving on at a shorter valid length would spill the rest of a 19-digit
 * Visa or UnionPay number into the expiry (WCAG 3.2.2: focus must never surprise).
 */
export function isCardNumberFinished(digitCount: number, brand: CardBrand | null, accepted?: readonly CardBrand[]): boolean {
  return digitCount === maxCardNumberLength(brand, accepted);
}
