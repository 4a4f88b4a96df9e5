/**
 * Opens the element's encrypted card on the relay and checks it with the library's own card rules
 * (src/card), the same the element applied, so a card the element accepted is never refused here
 * and a tampered one never reaches Antom. The decrypted bytes are zeroed before this returns; what
 * remains are strings for the one vaultPaymentMethod call (JavaScript cannot wipe strings: the
 * relay drops every reference as soon as the call is made).
 */
import {createHmac, type KeyObject} from 'node:crypto';
import * as z from 'zod/mini';
import {detectBrand, luhnValid, validateCardNumber, validateCvc} from '../../card/index.js';
import type {CardBrand} from '../../card/types.js';
import {cardPlaintextSchema} from '../../gateway/submit-protocol.js';
import {decryptCompactJwe, JweError, type CardDecryptionKey} from '../card-jwe.js';

/** The card as the relay forwards it: held by one request only. */
export interface OpenedCard {
  readonly cardNo: string;
  readonly expiryMonth: string;
  readonly expiryYear: string;
  readonly cvv: string;
  readonly cardholderName: string | undefined;
  readonly brand: CardBrand | null;
  /** `************4242`. */
  readonly maskedCardNo: string;
  /**
   * A keyed hash of number, expiry and name (not the security code: it may not be kept in any form),
   * to tell a retry of the same card from another card under the same Idempotency-Key.
   */
  readonly fingerprint: string;
}

/** Why the card was refused before Antom saw it. The message names fields, never values. */
export class CardRefusedError extends Error {
  constructor(
    /** PARAM_ILLEGAL: not a card the element would send; CARD_NOT_SUPPORTED / CARD_EXPIRED: a decline. */
    readonly resultCode: 'PARAM_ILLEGAL' | 'CARD_NOT_SUPPORTED' | 'CARD_EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

export interface OpenCardOptions {
  readonly key: CardDecryptionKey;
  readonly fingerprintKey: KeyObject | Uint8Array;
  /** Scopes the fingerprint to one session. */
  readonly sessionId: string;
  readonly acceptedBrands: readonly CardBrand[] | null;
  readonly holderNameRequired: boolean;
  readonly now: Date;
}

/** A day's grace past the end of the expiry month: the buyer's month may not have ended yet. */
const EXPIRY_GRACE_MS = 24 * 3600 * 1000;

export function openCard(encryptedCard: string, options: OpenCardOptions): OpenedCard {
  let plaintext: Buffer;
  try {
    plaintext = decryptCompactJwe(encryptedCard, options.key);
  } catch (error) {
    if (error instanceof JweError) throw new CardRefusedError('PARAM_ILLEGAL', `encryptedCard: ${error.message}.`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(plaintext));
  } catch {
    throw new CardRefusedError('PARAM_ILLEGAL', 'encryptedCard: the plaintext is not UTF-8 JSON.');
  } finally {
    plaintext.fill(0);
  }
  const parsed = z.safeParse(cardPlaintextSchema, json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'card'))];
    throw new CardRefusedError('PARAM_ILLEGAL', `Invalid card fields: ${fields.join(', ')}.`);
  }
  const card = parsed.data;
  const brand = detectBrand(card.cardNo).brand;
  const numberCheck = validateCardNumber(card.cardNo, options.acceptedBrands ?? undefined);
  if (numberCheck.error === 'card_number.unsupported_brand') {
    throw new CardRefusedError('CARD_NOT_SUPPORTED', 'The card brand is not accepted.');
  }
  if (numberCheck.status !== 'valid' || !luhnValid(card.cardNo)) {
    throw new CardRefusedError('PARAM_ILLEGAL', 'Invalid card fields: cardNo.');
  }
  if (validateCvc(card.cvv, brand).status !== 'valid') throw new CardRefusedError('PARAM_ILLEGAL', 'Invalid card fields: cvv.');
  const name = card.cardholderName?.trim() || undefined;
  if (options.holderNameRequired && !name) throw new CardRefusedError('PARAM_ILLEGAL', 'Invalid card fields: cardholderName (required).');
  const firstDayAfter = Date.UTC(2000 + Number(card.expiryYear), Number(card.expiryMonth), 1);
  if (options.now.getTime() >= firstDayAfter + EXPIRY_GRACE_MS) throw new CardRefusedError('CARD_EXPIRED', 'The card has expired.');

  const fingerprint = createHmac('sha256', options.fingerprintKey)
    .update(`card fingerprint\n${options.sessionId}\n${card.cardNo}\n${card.expiryMonth}/${card.expiryYear}\n${name ?? ''}`)
    .digest('base64url');
  return {
    cardNo: card.cardNo,
    expiryMonth: card.expiryMonth,
    expiryYear: card.expiryYear,
    cvv: card.cvv,
    cardholderName: name,
    brand,
    maskedCardNo: '*'.repeat(card.cardNo.length - 4) + card.cardNo.slice(-4),
    fingerprint,
  };
}

/**
 * Antom's `UserName` from one typed name. Guess (the docs show the fields, not how a single input
 * should fill them): `fullName` as typed; `lastName` the last word, `firstName` the rest.
 */
export function cardholderNameOf(name: string): {fullName: string; firstName?: string; lastName?: string} {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return {fullName: name};
  return {fullName: name, firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]!};
}
