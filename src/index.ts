/**
 * antom-card-binding: classes, events, card rules and types. No side effects: import
 * `antom-card-binding/define` (or load the bundle) to register `<antom-card-binding>`.
 */
export {AntomCardBinding} from './element/antom-card-binding.js';
export * from './element/events.js';
export * from './card/index.js';
export {decodeSession, MAX_SESSION_DATA_LENGTH} from './session/decode-session.js';
export type {DecodedSession, SessionDecodeResult, SessionErrorCode} from './session/decode-session.js';
export type {SessionMetadata, CardBindingConfig, EncryptionKey} from './session/session-schema.js';
export {SUPPORTED_LOCALES, matchLocale, resolveLocale} from './i18n/locales.js';
export type {SupportedLocale} from './i18n/locales.js';

import type {AntomCardBinding as TagElement} from './element/antom-card-binding.js';

// The tag's type for `document.createElement('antom-card-binding')` and `querySelector`, with the
// root import alone (types only: nothing is registered).
declare global {
  interface HTMLElementTagNameMap {
    'antom-card-binding': TagElement;
  }
}
