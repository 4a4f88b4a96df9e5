/**
 * The few strings only hosted mode shows (Antom's iframe has its own). Kept out of the element's
 * catalogue so the own-fields entry does not carry them; translated in the same XLIFF files.
 */
import type {Msg} from '../i18n/messages.js';

export function buildHostedMessages(msg: Msg) {
  return {
    loading: msg('Loading the secure card form…', {id: 'hosted.loading'}),
    formInvalid: msg('Check the card details in the form.', {id: 'hosted.form_invalid'}),
  };
}

export type HostedMessages = ReturnType<typeof buildHostedMessages>;
