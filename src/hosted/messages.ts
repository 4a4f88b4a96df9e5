/**
 * The few strings only hosted mode shows (Antom's iframe has its own). Kept out of the element's
 * catalogue so the own-fields entry does not carry them; translated in the same XLIFF files.
 */
import type {Msg} from '../i18n/messages.js';
import {SOURCE_LOCALE, type SupportedLocale} from '../i18n/locales.js';
import {LOADERS, msgFor, type Templates} from '../i18n/translator.js';

/** A `msg` for one locale from the same generated module the element's own catalogue uses. */
export async function localeMsg(locale: SupportedLocale): Promise<Msg> {
  if (locale === SOURCE_LOCALE) return msgFor(null);
  const module = await LOADERS[locale]();
  return msgFor(module.templates as Templates);
}

export function buildHostedMessages(msg: Msg) {
  return {
    loading: msg('Loading the secure card form…', {id: 'hosted.loading'}),
    formInvalid: msg('Check the card details in the form.', {id: 'hosted.form_invalid'}),
    /** The accessible name of Antom's iframe, which the SDK leaves untitled (axe `frame-title`). */
    frameTitle: msg('Secure card form', {id: 'hosted.frame_title'}),
  };
}

export type HostedMessages = ReturnType<typeof buildHostedMessages>;
