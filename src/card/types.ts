/**
 * Shared types of the pure card rules. No DOM, no lit: these modules run anywhere and are
 * tested table-driven on their own.
 */

/** Brand ids: Antom's `CardBrand` enum values (server SDK model), the subset this library detects. */
export const CARD_BRANDS = [
  'VISA',
  'MASTERCARD',
  'AMEX',
  'DISCOVER',
  'DINERS',
  'JCB',
  'CUP',
  'MAESTRO',
  'ELO',
  'HIPERCARD',
  'MIR',
  'TROY',
] as const;

export type CardBrand = (typeof CARD_BRANDS)[number];

/** What the security code is called on the card, per brand. */
export type SecurityCodeName = 'CVV' | 'CVC' | 'CID' | 'CVN' | 'CVV2' | 'CVE' | 'CAV';

/** An inclusive range of IIN prefixes of one digit count, e.g. [2221, 2720] or [4, 4]. */
export type IinRange = readonly [from: number, to: number];

export interface BrandRule {
  readonly id: CardBrand;
  /** Human-readable name (a proper noun, not translated). */
  readonly displayName: string;
  readonly iinRanges: readonly IinRange[];
  /** Permitted total lengths in digits, ascending. */
  readonly lengths: readonly number[];
  /** Digit group sizes used for display, e.g. [4, 6, 5] for AMEX; the last group absorbs the rest. */
  readonly grouping: readonly number[];
  /**
   * Grouping for numbers longer than `above` digits, when it differs (Diners: 4-6-4 at 14 digits,
   * groups of four for 16 to 19).
   */
  readonly longNumberGrouping?: {readonly above: number; readonly grouping: readonly number[]};
  readonly securityCode: {readonly name: SecurityCodeName; readonly length: number};
  readonly luhn: boolean;
}

/** Every failure is one of these stable codes; the same code keys the translated message. */
export const CARD_ERROR_CODES = [
  'card_number.required',
  'card_number.incomplete',
  'card_number.invalid',
  'card_number.unsupported_brand',
  'expiry.required',
  'expiry.incomplete',
  'expiry.invalid_month',
  'expiry.invalid',
  'expiry.expired',
  'expiry.too_far',
  'cvc.required',
  'cvc.incomplete',
  'cvc.invalid',
  'holder_name.required',
  'holder_name.too_long',
  'holder_name.invalid',
] as const;

export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];

/**
 * The state of one field's value:
 * - `empty`: nothing typed;
 * - `incomplete`: a valid beginning ("potentially valid"); its `error` (e.g. `card_number.incomplete`)
 *   is shown only on blur or submit, never while typing;
 * - `valid`;
 * - `invalid`: no continuation can make it valid; its `error` may be shown at once.
 */
export type FieldStatus = 'empty' | 'incomplete' | 'valid' | 'invalid';

export interface FieldResult {
  readonly status: FieldStatus;
  /** null only when status is `valid`; for `empty` it is the field's `*.required` code. */
  readonly error: CardErrorCode | null;
}

export interface CardNumberResult extends FieldResult {
  /** The detected brand once the prefix identifies exactly one brand, else null. */
  readonly brand: CardBrand | null;
}

/** A text value and caret position, as read from or written to an `<input>`. */
export interface TextWithCaret {
  readonly value: string;
  readonly caret: number;
}
