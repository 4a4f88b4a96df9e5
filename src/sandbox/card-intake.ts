/**
 * Turns the decrypted card into the little the emulator keeps: brand, masked number, whether it
 * has expired, and its scenario. The card number, expiry and security code stay inside this
 * function; the plaintext buffer is zeroed before it returns.
 */
import * as z from 'zod/mini';
import type {CardBrand} from '../card/types.js';
import {cardPlaintextSchema} from '../gateway/submit-protocol.js';
import {detectBrand, isExpired, maskCardNumber, passesLuhn} from './cards.js';
import {scenarioFor, type Scenario} from './scenarios.js';
import {requestFingerprint} from './fingerprint.js';

export interface InspectedCard {
  /**
   * A keyed hash of number, expiry and name (not the security code, which may not be kept in any
   * form): tells a retry of the same card from another card under the same Idempotency-Key.
   */
  readonly fingerprint: string;
  readonly brand: CardBrand | null;
  readonly maskedCardNo: string;
  readonly expired: boolean;
  readonly scenario: Scenario;
}

/** The fields at fault, never their values. */
export class CardInputError extends Error {
  readonly code = 'CARD_INVALID';
}

export function inspectCard(plaintext: Buffer, options: {readonly holderNameRequired: boolean; readonly now: Date}): InspectedCard {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(plaintext));
  } catch {
    throw new CardInputError('the decrypted card is not UTF-8 JSON');
  } finally {
    plaintext.fill(0);
  }
  const parsed = z.safeParse(cardPlaintextSchema, json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'card'))];
    throw new CardInputError(`invalid card fields: ${fields.join(', ')}`);
  }
  const card = parsed.data;
  if (!passesLuhn(card.cardNo)) throw new CardInputError('invalid card fields: cardNo (check digit)');
  if (options.holderNameRequired && !card.cardholderName?.trim()) {
    throw new CardInputError('invalid card fields: cardholderName (required)');
  }
  return {
    fingerprint: requestFingerprint('card', [card.cardNo, card.expiryMonth, card.expiryYear, card.cardholderName?.trim() ?? '']),
    brand: detectBrand(card.cardNo),
    maskedCardNo: maskCardNumber(card.cardNo),
    expired: isExpired(card.expiryMonth, card.expiryYear, options.now),
    scenario: scenarioFor(card.cardNo),
  };
}
