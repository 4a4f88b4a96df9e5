/**
 * What the characters typed into card fields mean: which are digits (ASCII and the full-width
 * digits of Chinese and Japanese input methods), and which are separators people type or paste
 * between digit groups. Everything else is foreign to a card field.
 */

const ASCII_ZERO = 0x30;
const ASCII_NINE = 0x39;
const FULL_WIDTH_ZERO = 0xff10;
const FULL_WIDTH_NINE = 0xff19;

/**
 * Separators accepted between card number digits: spaces (incl. no-break, figure, narrow and
 * ideographic spaces, as pasted from PDFs and banking apps), hyphens and dashes.
 */
const SEPARATOR_CODES: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x2007, 0x202f, 0x3000, // whitespace
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0xff0d, // hyphen-minus, hyphens, figure and en dash, full-width hyphen
]);

/** Expiry dates add the slash (also full-width) and the dot of MM.YY, common in Europe. */
const EXPIRY_ONLY_SEPARATOR_CODES: ReadonlySet<number> = new Set([0x2f, 0xff0f, 0x2e]);

/** The characters our own formatters insert: the group space and the expiry slash. */
const FORMATTING_CODES: ReadonlySet<number> = new Set([0x20, 0x2f]);

/** The digit a UTF-16 code stands for (0-9), or -1 when it is not a digit. */
export function digitValue(code: number): number {
  if (code >= ASCII_ZERO && code <= ASCII_NINE) return code - ASCII_ZERO;
  if (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_NINE) return code - FULL_WIDTH_ZERO;
  return -1;
}

function isSeparatorCode(code: number): boolean {
  return SEPARATOR_CODES.has(code);
}

export function isExpirySeparatorCode(code: number): boolean {
  return EXPIRY_ONLY_SEPARATOR_CODES.has(code) || SEPARATOR_CODES.has(code);
}

export function isFormattingCode(code: number): boolean {
  return FORMATTING_CODES.has(code);
}

/** The ASCII digits of `text`, in order; every other character is dropped. */
export function digitsOf(text: string): string {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const digit = digitValue(text.charCodeAt(i));
    if (digit >= 0) digits += String.fromCharCode(ASCII_ZERO + digit);
  }
  return digits;
}

/** True when `text` has a character that is neither a digit nor a card number separator. */
export function hasForeignCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (digitValue(code) < 0 && !isSeparatorCode(code)) return true;
  }
  return false;
}

/** How many digits stand before `position` in `text`. */
export function countDigitsBefore(text: string, position: number): number {
  const end = Math.max(0, Math.min(position, text.length));
  let count = 0;
  for (let i = 0; i < end; i++) {
    if (digitValue(text.charCodeAt(i)) >= 0) count++;
  }
  return count;
}

/** What expiryDigitRuns reads from text typed into the expiry field. */
export interface ExpiryDigitRuns {
  /** The ASCII digits of `text`, one string per run of digits, in order. */
  readonly runs: string[];
  /** An expiry separator follows some digit ("12/", "1 / 30"). */
  readonly separated: boolean;
  /** Some character is neither a digit nor an expiry separator. */
  readonly foreign: boolean;
}

/** Splits `text` into its runs of digits: the month and year as the user wrote them. */
export function expiryDigitRuns(text: string): ExpiryDigitRuns {
  const runs: string[] = [];
  let run = '';
  let separated = false;
  let foreign = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = digitValue(code);
    if (digit >= 0) {
      run += String(digit);
      continue;
    }
    if (run) runs.push(run);
    run = '';
    if (!isExpirySeparatorCode(code)) foreign = true;
    else if (runs.length > 0) separated = true;
  }
  if (run) runs.push(run);
  return {runs, separated, foreign};
}
