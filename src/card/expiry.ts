/**
 * Expiry date parsing and validation.
 *
 * Accepted forms: MM/YY, MM/YYYY, M/YY, M/YYYY, MM-YY, MM.YY, MMYY, MMYYYY, with any spaces around
 * the separator ("MM / YY" is what formatExpiryInput writes). A two-digit year is 20YY.
 *
 * A card is valid through the last day of its expiry month. The month is compared with the local
 * calendar month of `now` (the buyer's clock): issuers honour the card until the end of the month
 * in their own time zone, and the buyer's month is the one printed-on-card logic refers to. Near a
 * month boundary the server's check decides; this only keeps the form honest.
 */

import {digitValue, expiryDigitRuns} from './characters.js';
import type {FieldResult} from './types.js';

/** Cards are not issued for longer than this; later dates are typos. */
export const MAX_EXPIRY_YEARS_AHEAD = 20;

export interface ExpiryDate {
  /** 1-12. */
  readonly month: number;
  /** Four digits, e.g. 2030. */
  readonly year: number;
}

/** The month and year digits as typed; `separated` when a separator followed the month. */
interface ExpiryParts {
  readonly month: string;
  readonly year: string;
  readonly separated: boolean;
}

/** Splits into month and year digits; null when the text cannot be an expiry date at all. */
function splitExpiry(text: string): ExpiryParts | null {
  const {runs, separated, foreign} = expiryDigitRuns(text);
  // A character no date has, a separator before the month (or no digit at all), a third number.
  if (foreign || digitValue(text.charCodeAt(0)) < 0 || runs.length > 2) return null;
  const [month, year = ''] = runs;
  // No separator: MMYY or MMYYYY, read from the left.
  return separated ? {month, year, separated} : {month: month.slice(0, 2), year: month.slice(2), separated};
}

/** "12/30" -> {month: 12, year: 2030}; null unless complete and a real month. */
export function parseExpiry(input: string): ExpiryDate | null {
  const parts = splitExpiry(input.trim());
  if (!parts || parts.month.length === 0 || parts.month.length > 2) return null;
  if (parts.year.length !== 2 && parts.year.length !== 4) return null;
  const month = Number(parts.month);
  if (month < 1 || month > 12) return null;
  const year = parts.year.length === 2 ? 2000 + Number(parts.year) : Number(parts.year);
  return {month, year};
}

const REQUIRED: FieldResult = {status: 'empty', error: 'expiry.required'};
const INCOMPLETE: FieldResult = {status: 'incomplete', error: 'expiry.incomplete'};
const VALID: FieldResult = {status: 'valid', error: null};

function invalid(error: FieldResult['error']): FieldResult {
  return {status: 'invalid', error};
}

/**
 * The year spans a typed year can still become, the two-digit reading first. One digit d:
 * 20d0-20d9 (YY) or d000-d999 (the start of YYYY). Three digits: YYY0-YYY9. Two or four digits
 * are complete: a single year.
 */
function possibleYearSpans(year: string): ReadonlyArray<readonly [number, number]> {
  const value = Number(year);
  switch (year.length) {
    case 1:
      return [
        [2000 + value * 10, 2009 + value * 10],
        [value * 1000, value * 1000 + 999],
      ];
    case 2:
      // "20" may also begin a four-digit year being typed (2000-2099).
      return year === '20' ? [[2020, 2020], [2000, 2099]] : [[2000 + value, 2000 + value]];
    case 3:
      return [[value * 10, value * 10 + 9]];
    default:
      return [[value, value]];
  }
}

/** Where a month of a span of years stands against the allowed window [current, latest]. */
function spanError(
  [firstYear, lastYear]: readonly [number, number],
  monthIndex: number,
  current: number,
  latest: number,
): 'expiry.expired' | 'expiry.too_far' | null {
  if (lastYear * 12 + monthIndex < current) return 'expiry.expired';
  if (firstYear * 12 + monthIndex > latest) return 'expiry.too_far';
  return null;
}

/**
 * Validates as the user types: `incomplete` while a valid date can still follow, `invalid` as
 * soon as none can ("13", "00", "12 / 1" which can only be 2010-2019).
 */
export function validateExpiry(input: string, now: Date = new Date()): FieldResult {
  const text = input.trim();
  if (text.length === 0) return REQUIRED;
  const parts = splitExpiry(text);
  if (!parts || parts.month.length > 2 || parts.year.length > 4) return invalid('expiry.invalid');

  // One month digit without a separator: the second digit may still follow ("1" -> "12").
  if (parts.month.length === 1 && !parts.separated) return INCOMPLETE;
  const month = Number(parts.month);
  if (month < 1 || month > 12) return invalid('expiry.invalid_month');
  if (parts.year.length === 0) return INCOMPLETE;

  // Months counted from year 0, in the buyer's local calendar.
  const current = now.getFullYear() * 12 + now.getMonth();
  const latest = current + MAX_EXPIRY_YEARS_AHEAD * 12;
  const spans = possibleYearSpans(parts.year);
  const errors = spans.map((span) => spanError(span, month - 1, current, latest));
  // Some reading of the typed year still allows a date in the window.
  if (errors[0] === null) return parts.year.length === 2 || parts.year.length === 4 ? VALID : INCOMPLETE;
  if (errors.includes(null)) {
    // Only a longer reading still works ("12 / 20" on its way to 2030): not an error while
    // typing, but the two-digit reading's error if the buyer stops there.
    return parts.year.length === 2 ? {status: 'incomplete', error: errors[0]} : INCOMPLETE;
  }
  // None does: report what the two-digit reading, the usual one, ran into.
  return invalid(errors[0]);
}
