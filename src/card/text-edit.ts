/**
 * What an edit did to a formatted input, read from the value and caret before and after the
 * browser applied it. Shared by the card number and expiry formatters, which both work on digit
 * sequences and put the caret back after the same digit.
 */

import {countDigitsBefore, digitsOf, isFormattingCode} from './characters.js';
import type {TextWithCaret} from './types.js';

/** The changed stretch of an edit: `removed` from the old text, `inserted` in the new one. */
export interface TextChange {
  readonly start: number;
  readonly removed: string;
  readonly inserted: string;
}

/** The smallest single stretch that turns `before` into `after` (common prefix and suffix kept). */
export function textChange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shorter - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  return {
    start,
    removed: before.slice(start, before.length - tail),
    inserted: after.slice(start, after.length - tail),
  };
}

function onlyFormatting(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isFormattingCode(text.charCodeAt(i))) return false;
  }
  return text.length > 0;
}

/**
 * When the edit only deleted characters our formatter inserted (the group space, the expiry
 * " / "), the user meant to delete the digit beyond them: Backspace the one before, Delete the
 * one after. Which key it was shows in the previous caret: Delete leaves the caret where the
 * removed text started, Backspace had it after. A previous caret that fits neither (stale, e.g.
 * after a click) counts as Backspace, by far the more common key.
 */
export function formattingOnlyDeletion(
  previous: TextWithCaret,
  next: TextWithCaret,
): 'backward' | 'forward' | null {
  const change = textChange(previous.value, next.value);
  if (change.inserted.length > 0 || !onlyFormatting(change.removed)) return null;
  return previous.caret === change.start && next.caret === change.start ? 'forward' : 'backward';
}

/** Digits and the number of them before the caret: the state both formatters work on. */
export interface DigitEdit {
  readonly digits: string;
  readonly caretDigits: number;
}

/**
 * Applies the "delete across a separator" rule: when only formatting was deleted, also delete the
 * digit before (Backspace) or after (Delete) the caret. Otherwise returns the digits as they are.
 */
export function digitEditOf(previous: TextWithCaret, next: TextWithCaret): DigitEdit & {readonly previousDigits: string} {
  const previousDigits = digitsOf(previous.value);
  const digits = digitsOf(next.value);
  const caretDigits = countDigitsBefore(next.value, next.caret);
  if (digits === previousDigits) {
    const deletion = formattingOnlyDeletion(previous, next);
    if (deletion === 'backward' && caretDigits > 0) {
      return {digits: removeAt(digits, caretDigits - 1), caretDigits: caretDigits - 1, previousDigits};
    }
    if (deletion === 'forward' && caretDigits < digits.length) {
      return {digits: removeAt(digits, caretDigits), caretDigits, previousDigits};
    }
  }
  return {digits, caretDigits, previousDigits};
}

function removeAt(text: string, index: number): string {
  return text.slice(0, index) + text.slice(index + 1);
}

/**
 * Fits `edit` (the digits after an insertion) into `limit` digits by dropping the overflow from
 * the inserted digits, never from digits the user already had: typing into a full number is
 * ignored, an over-long paste is cut. Falls back to cutting the end when even the untouched
 * digits exceed the limit.
 */
export function capInsertion(previousDigits: string, edit: DigitEdit, limit: number): DigitEdit {
  const {digits} = edit;
  if (digits.length <= limit) return edit;
  // Digits before `head` and the last `tail` ones are the user's; the ones between were inserted.
  const {start: head, inserted} = textChange(previousDigits, digits);
  const insertedCount = inserted.length;
  const tail = digits.length - head - insertedCount;
  const keep = Math.max(0, limit - head - tail);
  let capped = digits;
  let caretDigits = edit.caretDigits;
  if (keep < insertedCount) {
    const dropped = insertedCount - keep;
    capped = digits.slice(0, head + keep) + digits.slice(digits.length - tail);
    if (caretDigits > head + keep) caretDigits = Math.max(head + keep, caretDigits - dropped);
  }
  capped = capped.slice(0, limit);
  return {digits: capped, caretDigits: Math.min(caretDigits, capped.length)};
}
