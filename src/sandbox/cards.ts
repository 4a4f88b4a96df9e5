/**
 * The emulator's small card rules: brand by IIN prefix, Luhn, masking, expiry. The emulator only
 * needs enough to pick a scenario and describe the card (brand, masked number); the element has
 * the full rules in src/card. Nothing here stores a card number.
 */
import type {CardBrand} from '../card/types.js';

/** First match wins, so the narrow ranges (Elo, Hipercard) come before the wide ones (Visa). */
const BRAND_PREFIXES: readonly (readonly [CardBrand, RegExp])[] = [
  ['ELO', /^(401178|401179|431274|438935|451416|457393|45763[12]|504175|506699|5067[0-7]|509\d|627780|636297|636368|6504|6505|6507|6509|6516|6550)/],
  ['HIPERCARD', /^(606282|3841)/],
  ['MIR', /^220[0-4]/],
  ['VISA', /^4/],
  ['MASTERCARD', /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/],
  ['MAESTRO', /^(5018|5020|5038|5893|6304|6759|676[1-3])/],
  ['AMEX', /^3[47]/],
  ['DINERS', /^(30[0-5]|309|36|3[89])/],
  ['JCB', /^35(2[89]|[3-8]\d)/],
  ['DISCOVER', /^(6011|64[4-9]|65)/],
  ['CUP', /^62/],
  ['TROY', /^9792/],
];

export function detectBrand(cardNo: string): CardBrand | null {
  return BRAND_PREFIXES.find(([, prefix]) => prefix.test(cardNo))?.[0] ?? null;
}

export function passesLuhn(cardNo: string): boolean {
  let sum = 0;
  for (let index = 0; index < cardNo.length; index += 1) {
    let digit = cardNo.charCodeAt(cardNo.length - 1 - index) - 48;
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** All but the last four digits as `*`: `************4242` (reference §7.2). */
export function maskCardNumber(cardNo: string): string {
  return '*'.repeat(Math.max(cardNo.length - 4, 0)) + cardNo.slice(-4);
}

/** A card is good through the last day of its expiry month (two-digit year = 20YY), in UTC. */
export function isExpired(expiryMonth: string, expiryYear: string, now: Date): boolean {
  const firstDayAfter = Date.UTC(2000 + Number(expiryYear), Number(expiryMonth), 1);
  return now.getTime() >= firstDayAfter;
}
