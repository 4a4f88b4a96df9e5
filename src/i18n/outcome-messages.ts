/**
 * The alert views' strings (added, declined, processing, pending, redirecting, a gateway or
 * encryption failure, a used, missing, expired or malformed session, and their buttons). They
 * load with the outcome chunk (src/element/outcome.ts, which holds the views), not with the form:
 * a page renders and validates without them. Same XLIFF files and ids as the rest of the
 * catalogue (messages.ts); the few the entry still needs (the network view for a chunk that does
 * not load, error messages) stay there.
 */
import {str} from '@lit/localize';
import type {DeclineReason, Msg} from './messages.js';
import {loadedTemplates, msgFor, type Templates} from './translator.js';
import type {SupportedLocale} from './locales.js';

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
    sessionMalformedTitle: msg("This card form can't be used", {id: 'alert.session_malformed.title'}),
    sessionMalformedBody: msg("This card form isn't working right now. Refresh the page, or try again later.", {
      id: 'alert.session_malformed.buyer_body',
    }),
    sessionMissingTitle: msg("The card form isn't ready yet", {id: 'alert.session_missing.title'}),
    sessionMissingBody: msg('Your card was not sent. Go back and try again in a moment.', {id: 'alert.session_missing.body'}),
    sessionExpiredTitle: msg('Session expired', {id: 'alert.session_expired.title'}),
    reload: msg('Refresh the page', {id: 'action.reload'}),
    goBack: msg('Back to the form', {id: 'action.back'}),
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

const catalogues = new Map<Templates | null, OutcomeMessages>();

/** The alert strings in a locale the element already shows (its chunk is loaded). */
export function outcomeMessages(locale: SupportedLocale): OutcomeMessages {
  const templates = loadedTemplates(locale);
  let messages = catalogues.get(templates);
  if (!messages) catalogues.set(templates, (messages = buildOutcomeMessages(msgFor(templates))));
  return messages;
}
