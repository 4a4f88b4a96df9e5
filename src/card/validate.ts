/**
 * The whole card form at once: each field's result, the brand, and whether the form is complete
 * (every field valid) or untouched (every field empty). The security code is judged against the
 * brand the number shows.
 */

import {validateCardNumber} from './card-number.js';
import {validateCvc} from './cvc.js';
import {validateExpiry} from './expiry.js';
import {validateHolderName} from './holder-name.js';
import type {CardBrand, FieldResult} from './types.js';

export type CardFieldName = 'cardNumber' | 'expiry' | 'cvc' | 'holderName';

export type CardFields = Readonly<Record<CardFieldName, string>>;

export interface CardValidationOptions {
  /** The clock for expiry checks; defaults to the current time. */
  readonly now?: Date;
  /** Brands the merchant accepts; absent or empty: all. */
  readonly acceptedBrands?: readonly CardBrand[];
  /** Defaults to true. When false, an empty name is valid (a typed one is still checked). */
  readonly holderNameRequired?: boolean;
}

export interface CardValidation {
  /** Every field is valid: the form may be submitted. */
  readonly complete: boolean;
  /** Nothing typed in any field. */
  readonly empty: boolean;
  readonly brand: CardBrand | null;
  readonly fields: Readonly<Record<CardFieldName, FieldResult>>;
}

const OPTIONAL_AND_EMPTY: FieldResult = {status: 'valid', error: null};

export function validateCard(fields: CardFields, options: CardValidationOptions = {}): CardValidation {
  const cardNumber = validateCardNumber(fields.cardNumber, options.acceptedBrands);
  const {brand} = cardNumber;
  const nameIsOptional = options.holderNameRequired === false;
  const holderName =
    nameIsOptional && fields.holderName.trim().length === 0 ? OPTIONAL_AND_EMPTY : validateHolderName(fields.holderName);
  const results: Record<CardFieldName, FieldResult> = {
    cardNumber: {status: cardNumber.status, error: cardNumber.error},
    expiry: validateExpiry(fields.expiry, options.now),
    cvc: validateCvc(fields.cvc, brand),
    holderName,
  };
  const all = Object.values(results);
  return {
    complete: all.every((result) => result.status === 'valid'),
    empty: Object.values(fields).every((value) => value.trim().length === 0),
    brand,
    fields: results,
  };
}
