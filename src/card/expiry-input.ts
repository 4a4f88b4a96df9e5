/**
 * Keystroke-level formatting of the expiry input as "MM / YY" (the convention of Stripe and most
 * card forms), with the caret kept after the digit it followed.
 *
 * - A first digit 2-9 can only start month 02-09: it becomes "0d / ". "0" and "1" wait for a second
 *   digit. Two month digits get the separator at once ("12" -> "12 / ").
 * - A typed separator after one digit pads it ("1/" -> "01 / ").
 * - Backspace on the separator removes it and the month digit before it ("12 / " -> "1").
 * - Pasted or autofilled text is read by its own structure: "12/2030", "12/30", "1/30", "1230",
 *   "122030" all become "12 / 30". Typed key by key, a year that begins with "20" may take four
 *   digits ("12 / 203", then "12 / 30"), as Stripe's field does.
 * - "1" then a digit 3-9 means month 01 and the start of the year ("13" -> "01 / 3").
 * - Month 00 or 13+ is not corrected here; validateExpiry reports it at once.
 */

import {digitValue, digitsOf, expiryDigitRuns, isExpirySeparatorCode} from './characters.js';
import {capInsertion, digitEditOf, textChange} from './text-edit.js';
import type {TextWithCaret} from './types.js';

export const EXPIRY_SEPARATOR = ' / ';

/** MMYY. */
const MAX_EXPIRY_DIGITS = 4;

/** "1230" -> "12 / 30", "12" -> "12 / ", "1" -> "1". */
export function formatExpiryDigits(digits: string): string {
  if (digits.length < 2) return digits;
  return digits.slice(0, 2) + EXPIRY_SEPARATOR + digits.slice(2, MAX_EXPIRY_DIGITS);
}

/** Where the caret goes after `count` digits: past the separator once the month is complete. */
function caretAfterDigits(value: string, count: number): number {
  if (count < 2 || value.length < 2) return Math.min(count, value.length);
  return Math.min(count + EXPIRY_SEPARATOR.length, value.length);
}

function isMonth(text: string): boolean {
  const month = Number(text);
  return text.length === 2 && month >= 1 && month <= 12;
}

/** The year part shortened to YY: "2030" -> "30"; other lengths keep their first two digits. */
function twoDigitYear(year: string): string {
  return year.length === 4 && year.startsWith('20') ? year.slice(2) : year.slice(0, 2);
}

/**
 * The MMYY digits of text whose structure the user chose (a typed separator, a paste, autofill):
 * digit runs split by separators are month and year.
 */
function digitsFromStructuredText(text: string): string {
  const {runs, separated} = expiryDigitRuns(text);
  if (runs.length === 0) return '';

  const [month, ...rest] = runs;
  if (runs.length === 1) {
    // "122030": MMYYYY, as some autofill sources send it.
    if (month.length === 6 && isMonth(month.slice(0, 2)) && month.startsWith('20', 2)) {
      return month.slice(0, 2) + month.slice(4);
    }
    // "1/": the user says the month has one digit.
    if (month.length === 1 && separated && month !== '0') return '0' + month;
    return month.slice(0, MAX_EXPIRY_DIGITS);
  }
  const paddedMonth = month.length === 1 && month !== '0' ? '0' + month : month;
  const year = rest.join('');
  if (paddedMonth.length !== 2) return (month + year).slice(0, MAX_EXPIRY_DIGITS);
  return paddedMonth + twoDigitYear(year);
}

/** A typed separator, or several digits at once (paste, autofill), carry the user's structure. */
function carriesStructure(inserted: string): boolean {
  let digits = 0;
  for (let i = 0; i < inserted.length; i++) {
    const code = inserted.charCodeAt(i);
    if (isExpirySeparatorCode(code)) return true;
    if (digitValue(code) >= 0) digits++;
  }
  return digits >= 2;
}

/**
 * Reformats the expiry input after the browser applied an edit.
 *
 * @param previous value and caret before the edit (caret: selectionStart)
 * @param next value and caret right after the edit
 */
export function formatExpiryInput(previous: TextWithCaret, next: TextWithCaret): TextWithCaret {
  const change = textChange(previous.value, next.value);
  if (carriesStructure(change.inserted)) {
    const digits = digitsFromStructuredText(next.value);
    const value = formatExpiryDigits(digits);
    const caretAtEnd = next.caret >= next.value.length;
    const caretDigits = caretAtEnd ? digits.length : Math.min(digitsOf(next.value.slice(0, next.caret)).length, digits.length);
    return {value, caret: caretAtEnd ? value.length : caretAfterDigits(value, caretDigits)};
  }

  const edit = digitEditOf(previous, next);
  let {digits, caretDigits} = edit;
  const {previousDigits} = edit;
  const typedFirstDigit = digits.length === 1 && previousDigits.length === 0;
  if (typedFirstDigit && digits >= '2') {
    // 2-9 can only be the second digit of 02-09.
    digits = '0' + digits;
    caretDigits += 1;
  }
  const appended = digits.length === previousDigits.length + 1 && digits.startsWith(previousDigits);
  if (appended && previousDigits === '1' && digits[1]! > '2') {
    // "1" then "3": month 13 does not exist, so the buyer meant 01 and the year begins with 3.
    digits = '01' + digits[1]!;
    caretDigits = 3;
  }
  // A four-digit year typed key by key ("12/2030"): "20" may begin the year, so up to two more
  // digits are taken and the year is shortened to YY once it has four.
  if (appended && previousDigits.length >= 4 && previousDigits.startsWith('20', 2) && digits.length <= 6) {
    if (digits.length === 6) digits = digits.slice(0, 2) + digits.slice(4);
    const value = formatExpiryDigits(digits.slice(0, 2)) + digits.slice(2);
    return {value, caret: value.length};
  }
  ({digits, caretDigits} = capInsertion(previousDigits, {digits, caretDigits}, MAX_EXPIRY_DIGITS));
  const value = formatExpiryDigits(digits);
  return {value, caret: caretAfterDigits(value, caretDigits)};
}
