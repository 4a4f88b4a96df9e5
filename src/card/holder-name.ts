/**
 * Cardholder name validation: required (unless the form makes it optional, see validate.ts),
 * at most 64 characters after trimming, and it must contain a letter of some script, which rules
 * out a card number or other digits pasted into the wrong field.
 */

import type {FieldResult} from './types.js';

/**
 * Longest name accepted, counted in UTF-16 code units after trimming (String length, as the
 * server counts it; for names in any living script that is the character count).
 */
export const HOLDER_NAME_MAX_LENGTH = 64;

/** Any letter of any script: Latin, CJK, Cyrillic, Arabic, ... */
const LETTER = /\p{L}/u;

export function validateHolderName(input: string): FieldResult {
  const name = input.trim();
  if (name.length === 0) return {status: 'empty', error: 'holder_name.required'};
  if (name.length > HOLDER_NAME_MAX_LENGTH) return {status: 'invalid', error: 'holder_name.too_long'};
  if (!LETTER.test(name)) return {status: 'invalid', error: 'holder_name.invalid'};
  return {status: 'valid', error: null};
}
