/**
 * Every string a person can see or hear in the element, in one catalogue.
 *
 * Each string is written as a `msg()` call with an explicit id so that `lit-localize extract`
 * finds it (it recognises any function typed as @lit/localize's `msg`) and translators get
 * stable keys; error messages use the card rules' error codes as ids. The catalogue is a
 * function of `msg` so that each element can build it with its *own* locale's templates (see
 * translator.ts) instead of @lit/localize's single page-wide locale.
 */
import {str, type msg as litMsg} from '@lit/localize';
import type {CardErrorCode, SecurityCodeName} from '../card/types.js';

export type Msg = typeof litMsg;

/** Buyer-facing reasons a gateway decline maps to (never more specific than a bank would say). */
export type DeclineReason =
  | 'generic'
  | 'expired'
  | 'security_code'
  | 'card_number'
  | 'not_supported'
  | 'verification_failed'
  | 'too_many_attempts'
  | 'processing_failed';

export function buildMessages(msg: Msg) {
  const errors: Record<CardErrorCode, string> = {
    'card_number.required': msg('Enter your card number.', {id: 'card_number.required'}),
    'card_number.incomplete': msg('Your card number is incomplete.', {id: 'card_number.incomplete'}),
    'card_number.invalid': msg('Your card number is invalid.', {id: 'card_number.invalid'}),
    'card_number.unsupported_brand': msg('This card brand is not accepted.', {id: 'card_number.unsupported_brand'}),
    'expiry.required': msg('Enter the expiry date.', {id: 'expiry.required'}),
    'expiry.incomplete': msg('The expiry date is incomplete.', {id: 'expiry.incomplete'}),
    'expiry.invalid_month': msg('The month must be between 01 and 12.', {id: 'expiry.invalid_month'}),
    'expiry.invalid': msg('Enter the expiry date as month and year.', {id: 'expiry.invalid'}),
    'expiry.expired': msg('This card has expired.', {id: 'expiry.expired'}),
    'expiry.too_far': msg('The expiry year is too far in the future.', {id: 'expiry.too_far'}),
    'cvc.required': msg('Enter the security code.', {id: 'cvc.required'}),
    'cvc.incomplete': msg('The security code is incomplete.', {id: 'cvc.incomplete'}),
    'cvc.invalid': msg('The security code is invalid.', {id: 'cvc.invalid'}),
    'holder_name.required': msg('Enter the name on the card.', {id: 'holder_name.required'}),
    'holder_name.too_long': msg('The name must be 64 characters or fewer.', {id: 'holder_name.too_long'}),
    'holder_name.invalid': msg('Enter the name as it appears on the card.', {id: 'holder_name.invalid'}),
  };

  const securityCodeNames: Record<SecurityCodeName, string> = {
    CVV: msg('CVV', {id: 'security_code_name.CVV'}),
    CVC: msg('CVC', {id: 'security_code_name.CVC'}),
    CID: msg('CID', {id: 'security_code_name.CID'}),
    CVN: msg('CVN', {id: 'security_code_name.CVN'}),
    CVV2: msg('CVV2', {id: 'security_code_name.CVV2'}),
    CVE: msg('CVE', {id: 'security_code_name.CVE'}),
    CAV: msg('CAV', {id: 'security_code_name.CAV'}),
  };

  return {
    errors,
    securityCodeNames,
    formLabel: msg('Add a card', {id: 'form.label'}),
    cardNumberLabel: msg('Card number', {id: 'label.card_number'}),
    expiryLabel: msg('Expiry date', {id: 'label.expiry'}),
    securityCodeLabel: msg('Security code', {id: 'label.security_code'}),
    /** The label names the brand's code inside the same words the errors use ("Security code (CVV)"). */
    securityCodeLabelNamed: (name: string) => msg(str`Security code (${name})`, {id: 'label.security_code_named'}),
    autoAdvanceHint: msg('Focus moves to the next field when this one is complete.', {id: 'hint.auto_advance'}),
    holderNameLabel: msg('Name on card', {id: 'label.holder_name'}),
    cardNumberPlaceholder: msg('1234 1234 1234 1234', {id: 'placeholder.card_number'}),
    expiryPlaceholder: msg('MM / YY', {id: 'placeholder.expiry'}),
    expiryHint: msg('Month and year, as shown on the card.', {id: 'hint.expiry'}),
    securityCodeHintBack: (digits: number) =>
      msg(str`${digits} digits on the back of the card.`, {id: 'hint.security_code.back'}),
    securityCodeHintFront: (digits: number) =>
      msg(str`${digits} digits on the front of the card.`, {id: 'hint.security_code.front'}),
    brandDetected: (brand: string) => msg(str`Card brand: ${brand}.`, {id: 'sr.brand_detected'}),
    /** `brands`: the accepted brands' names, already joined as a list in the element's language. */
    acceptedBrands: (brands: string) => msg(str`Accepted cards: ${brands}.`, {id: 'hint.accepted_brands'}),
    /** The refused-brand error when the accepted brands are known: it names them. */
    unsupportedBrandNamed: (brands: string) =>
      msg(str`This card brand is not accepted. We accept ${brands}.`, {id: 'card_number.unsupported_brand_named'}),
    oneFieldNeedsAttention: msg('1 field needs attention.', {id: 'sr.one_field_needs_attention'}),
    fieldsNeedAttention: (count: number) =>
      msg(str`${count} fields need attention.`, {id: 'sr.fields_need_attention'}),
    submit: msg('Add card', {id: 'action.submit'}),
    submitting: msg('Adding card…', {id: 'action.submitting'}),
    tryAgain: msg('Try again', {id: 'action.try_again'}),
    sessionMissing: msg('This card form has no session yet, so the card cannot be added.', {id: 'error.session_missing'}),
    moreTime: msg('I need more time', {id: 'action.more_time'}),
    expiryWarning: (seconds: number) =>
      msg(str`For your security, this form expires in ${seconds} seconds.`, {id: 'warning.session_expiring'}),
    sessionExpiredAnnouncement: msg('This card form has expired.', {id: 'sr.session_expired'}),
    sessionExpiredBody: msg('For your security, this card form has expired. Refresh the page to start again.', {
      id: 'alert.session_expired.body',
    }),
    networkTitle: msg('Connection problem', {id: 'alert.network.title'}),
    networkBody: msg("We couldn't reach the payment service. Check your connection and try again.", {
      id: 'alert.network.body',
    }),
    duplicateSubmit: msg('Your card is already being added.', {id: 'error.duplicate_submit'}),
    unavailable: msg("The card form can't take a card right now.", {id: 'error.unavailable'}),
  };
}

export type Messages = ReturnType<typeof buildMessages>;
