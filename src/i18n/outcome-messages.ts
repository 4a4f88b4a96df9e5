/**
 * The strings shown only once a submission has an answer (added, declined, processing, pending,
 * redirecting, a gateway or encryption failure, a used session). They load with the submit path
 * (the outcome chunk, src/element/outcome.ts), not with the form: a page renders and validates
 * without them. Same XLIFF files and ids as the rest of the catalogue (messages.ts).
 */
import {str} from '@lit/localize';
import type {DeclineReason, Msg} from './messages.js';

export function buildOutcomeMessages(msg: Msg) {
  const declineReasons: Record<DeclineReason, string> = {
    generic: msg('Your bank declined this card. Try another card or contact your bank.', {id: 'decline.generic'}),
    expired: msg('The card has expired or the expiry date is wrong.', {id: 'decline.expired'}),
    security_code: msg('The security code is incorrect.', {id: 'decline.security_code'}),
    card_number: msg('The card number is incorrect.', {id: 'decline.card_number'}),
    not_supported: msg('This card is not supported. Try another card.', {id: 'decline.not_supported'}),
    verification_failed: msg('The card could not be verified with your bank.', {id: 'decline.verification_failed'}),
    too_many_attempts: msg('Too many attempts. Try again later.', {id: 'decline.too_many_attempts'}),
    processing_failed: msg("We couldn't add your card. Try again.", {id: 'decline.processing_failed'}),
  };

  return {
    declineReasons,
    sessionUsedTitle: msg('This card form was already used', {id: 'alert.session_used.title'}),
    sessionUsedBody: msg('A card was already sent with this form. Refresh the page to add another card.', {
      id: 'alert.session_used.body',
    }),
    pendingTitle: msg("We'll let you know", {id: 'alert.pending.title'}),
    pendingBody: msg("Your bank is still checking this card. You can leave this page: we'll let you know when it's added.", {
      id: 'alert.pending.body',
    }),
    gatewayFinalBody: msg('The payment service could not add this card. Refresh the page to start again.', {
      id: 'alert.gateway.final_body',
    }),
    encryptionTitle: msg("Your card couldn't be sent safely", {id: 'alert.encryption.title'}),
    encryptionBody: msg('This browser could not protect the card details. Refresh the page or use another browser.', {
      id: 'alert.encryption.body',
    }),
    processingTitle: msg('Adding your card…', {id: 'alert.processing.title'}),
    processingBody: msg('This takes a few seconds. Please keep this page open.', {id: 'alert.processing.body'}),
    successTitle: msg('Card added', {id: 'alert.success.title'}),
    successBody: (brand: string, last4: string) =>
      msg(str`${brand} ending in ${last4} has been saved.`, {id: 'alert.success.body'}),
    successBodyNoNumber: msg('Your card has been saved.', {id: 'alert.success.body_no_number'}),
    declinedTitle: msg('Card not added', {id: 'alert.declined.title'}),
    gatewayTitle: msg('Something went wrong', {id: 'alert.gateway.title'}),
    gatewayBody: msg('The payment service had a problem. Your card was not added. Try again.', {
      id: 'alert.gateway.body',
    }),
    redirectingTitle: msg('Verifying with your bank…', {id: 'alert.redirecting.title'}),
    redirectingBody: msg('You are being taken to your bank to confirm this card.', {id: 'alert.redirecting.body'}),
  };
}

export type OutcomeMessages = ReturnType<typeof buildOutcomeMessages>;
