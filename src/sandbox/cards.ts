/**
 * The emulator's card helpers: brand and Luhn come from the library's own card rules (src/card,
 * pure TypeScript), so the emulator and the element can never disagree about a number; masking
 * and expiry are the emulator's. Nothing here stores a card number.
 */
import {detectBrand as detectBrandByPrefix, luhnValid} from '../card/index.js';
import type {CardBrand} from '../card/types.js';

/** The brand of a whole card number (digits only), or null for an unknown prefix. */
export function detectBrand(cardNo: string): CardBrand | null {
  return detectBrandByPrefix(cardNo).brand;
}

export const passesLuhn = luhnValid;

/** All but the last four digits as `*`: `************4242` (reference §7.2). */
export function maskCardNumber(cardNo: string): string {
  return '*'.repeat(Math.max(cardNo.length - 4, 0)) + cardNo.slice(-4);
}

/** A card is good through the last day of its expiry month (two-digit year = 20YY), in UTC. */
export function isExpired(expiryMonth: string, expiryYear: string, now: Date): boolean {
  const firstDayAfter = Date.UTC(2000 + Number(expiryYear), Number(expiryMonth), 1);
  return now.getTime() >= firstDayAfter;
}
