/**
 * Card number display: digits grouped per brand ("4242 4242 4242 4242", Amex "3782 822463 10005"),
 * and the keystroke-level formatter that rewrites the input after each edit and puts the caret
 * back after the digit it followed.
 */

import {brandRule, groupingFor} from './brands.js';
import {digitValue, digitsOf} from './characters.js';
import {acceptedMask, detectBrand} from './detect.js';
import {BRAND_BITS} from './iin-table.js';
import {capInsertion, digitEditOf} from './text-edit.js';
import {CARD_BRANDS, type CardBrand, type TextWithCaret} from './types.js';

export {formatExpiryInput} from './expiry-input.js';

/** Grouping while the brand is unknown: 4-4-4-4-3 fits the 16 and 19 digits most brands use. */
export const UNKNOWN_BRAND_GROUPING = [4, 4, 4, 4, 3] as const;

/** Longest card number any brand issues (ISO/IEC 7812). */
export const MAX_CARD_NUMBER_LENGTH = 19;

const GROUP_SEPARATOR = ' ';

/**
 * The digits of a typed or pasted card number. Spaces and dashes are the usual separators; every
 * other non-digit is dropped too, and validateCardNumber reports it as invalid. Full-width digits
 * (from CJK input methods) become ASCII digits.
 */
export function normalizeCardNumber(input: string): string {
  return digitsOf(input);
}

function groupingOf(digitCount: number, brand: CardBrand | null): readonly number[] {
  return brand ? groupingFor(brandRule(brand), digitCount) : UNKNOWN_BRAND_GROUPING;
}

/**
 * `digits` (ASCII digits) in the brand's groups, separated by single spaces. Never drops or adds
 * digits: digits beyond the grouping stay in the last group. Capping is the input formatter's job.
 */
export function formatCardNumber(digits: string, brand: CardBrand | null): string {
  const grouping = groupingOf(digits.length, brand);
  let formatted = '';
  let position = 0;
  for (let group = 0; position < digits.length; group++) {
    const isLast = group >= grouping.length - 1;
    const end = isLast ? digits.length : position + grouping[group];
    if (position > 0) formatted += GROUP_SEPARATOR;
    formatted += digits.slice(position, end);
    position = end;
  }
  return formatted;
}

/**
 * How many digits a number may have: the brand's longest length, or while the brand is unknown
 * the longest among the accepted brands (all brands when `accepted` is absent or empty; 19 when
 * it names no known brand).
 */
export function maxCardNumberLength(brand: CardBrand | null, accepted?: readonly CardBrand[]): number {
  if (brand) {
    const {lengths} = brandRule(brand);
    return lengths[lengths.length - 1];
  }
  const allowed = acceptedMask(accepted);
  let longest = 0;
  for (const id of CARD_BRANDS) {
    if ((allowed & BRAND_BITS[id]) === 0) continue;
    const {lengths} = brandRule(id);
    longest = Math.max(longest, lengths[lengths.length - 1]);
  }
  return longest || MAX_CARD_NUMBER_LENGTH;
}

/**
 * The brand that decides grouping and length: the accepted brand the prefix identifies, else the
 * brand it identifies among all brands (a refused Amex still shows as 4-6-5 and stops at 15).
 */
function formattingBrand(digits: string, accepted?: readonly CardBrand[]): CardBrand | null {
  const detected = detectBrand(digits, accepted).brand;
  if (detected || !accepted || accepted.length === 0) return detected;
  return detectBrand(digits).brand;
}

/** Index in `formatted` (digits and group spaces) right after its `count`-th digit (0: the start). */
function positionAfterDigit(formatted: string, count: number): number {
  let position = 0;
  for (let seen = 0; seen < count && position < formatted.length; position++) {
    if (formatted.charCodeAt(position) !== 0x20) seen++;
  }
  return position;
}

export interface FormattedCardNumberInput extends TextWithCaret {
  readonly digits: string;
  /** The brand used for grouping and the length cap (see formattingBrand). */
  readonly brand: CardBrand | null;
}

/**
 * Reformats the card number input after the browser applied an edit.
 *
 * @param previous value and caret before the edit (caret: selectionStart)
 * @param next value and caret right after the edit (the `input` event)
 * @returns the value to write back, where to put the caret, the digits and the brand.
 *
 * The caret stays after the digit it followed. At a group boundary with digits after it, it goes
 * after the space when the edit added digits (the next digit appears there) or when the caret
 * already stood after a separator; otherwise before the space.
 * Deleting only a group space (Backspace or Delete on it) deletes the digit beyond it instead.
 * Non-digits are dropped. Length is capped per brand by dropping the inserted overflow (typing
 * into a full number does nothing; an over-long paste is cut).
 */
export function formatCardNumberInput(
  previous: TextWithCaret,
  next: TextWithCaret,
  accepted?: readonly CardBrand[],
): FormattedCardNumberInput {
  const edit = digitEditOf(previous, next);
  let {digits, caretDigits} = edit;
  const {previousDigits} = edit;

  let brand = formattingBrand(digits, accepted);
  const limit = maxCardNumberLength(brand, accepted);
  if (digits.length > limit) {
    ({digits, caretDigits} = capInsertion(previousDigits, edit, limit));
    // Dropping inserted digits can change the first six, hence the brand and its cap.
    brand = formattingBrand(digits, accepted);
    digits = digits.slice(0, maxCardNumberLength(brand, accepted));
    caretDigits = Math.min(caretDigits, digits.length);
  }

  const value = formatCardNumber(digits, brand);
  let caret = positionAfterDigit(value, caretDigits);
  const atGroupBoundary = caret < value.length && value.charCodeAt(caret) === 0x20;
  const grew = digits.length > previousDigits.length;
  const caretFollowedSeparator = next.caret > 0 && digitValue(next.value.charCodeAt(next.caret - 1)) < 0;
  if (atGroupBoundary && (grew || caretFollowedSeparator)) caret++;
  return {value, caret, digits, brand};
}
