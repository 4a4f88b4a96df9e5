/**
 * Security code (CVV, CVC, CID, ...) validation and naming. Its length comes from the brand: 4 for
 * Amex, 3 for every other brand here. While the brand is unknown, 3 or 4 digits are accepted.
 */

import {brandRule} from './brands.js';
import {countDigitsBefore, digitsOf} from './characters.js';
import type {CardBrand, FieldResult, SecurityCodeName, TextWithCaret} from './types.js';

/** Label while the brand is unknown: CVC is the most widely recognised name across networks. */
export const DEFAULT_SECURITY_CODE_NAME: SecurityCodeName = 'CVC';

/** What the code is called on this brand's cards ("CID" for Amex, "CVV" for Visa, ...). */
export function securityCodeName(brand: CardBrand | null): SecurityCodeName {
  return brand ? brandRule(brand).securityCode.name : DEFAULT_SECURITY_CODE_NAME;
}

/** How many digits the code has for this brand, as [shortest, longest] accepted. */
export function securityCodeLengths(brand: CardBrand | null): readonly [number, number] {
  // Unknown brand: 3 (most brands) to 4 (Amex).
  if (!brand) return [3, 4];
  const {length} = brandRule(brand).securityCode;
  return [length, length];
}

/** Digits only (full-width digits count); surrounding spaces are ignored. */
export function validateCvc(input: string, brand: CardBrand | null): FieldResult {
  const text = input.trim();
  if (text.length === 0) return {status: 'empty', error: 'cvc.required'};
  if (digitsOf(text).length !== text.length) return {status: 'invalid', error: 'cvc.invalid'};
  const [shortest, longest] = securityCodeLengths(brand);
  if (text.length < shortest) return {status: 'incomplete', error: 'cvc.incomplete'};
  if (text.length > longest) return {status: 'invalid', error: 'cvc.invalid'};
  return {status: 'valid', error: null};
}

/**
 * Reformats the security code input after an edit: digits only, capped at the brand's length (the
 * longest possible while the brand is unknown), the caret after the same digit it followed.
 */
export function formatCvcInput(next: TextWithCaret, brand: CardBrand | null): TextWithCaret {
  const [, longest] = securityCodeLengths(brand);
  const value = digitsOf(next.value).slice(0, longest);
  const digitsBeforeCaret = countDigitsBefore(next.value, next.caret);
  return {value, caret: Math.min(digitsBeforeCaret, value.length)};
}

/** Whether the code is as long as it can be for a known brand (so focus may move on). */
export function isCvcFilled(cvc: string, brand: CardBrand | null): boolean {
  return brand !== null && cvc.length === brandRule(brand).securityCode.length;
}
