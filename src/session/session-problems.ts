/**
 * The developer's words for a session the first reading (read-session.ts) refused: they go to
 * `error.detail.message` and the console, never to the buyer. They travel with the alert views
 * (the outcome chunk): a refused session shows its view, which loads that chunk, so the reason is
 * in when the element reports it and a page with a good session never downloads these words.
 */
import {MAX_SESSION_DATA_LENGTH} from './base64-json.js';
import type {SessionProblem} from './read-session.js';

export function describeSessionProblem({problem, found}: SessionProblem): string {
  switch (problem) {
    case 'whole_answer':
      return (
        'vaultingSessionData was given the whole createVaultingSession answer (an object). ' +
        'Pass its string: el.vaultingSessionData = answer.vaultingSessionData.'
      );
    case 'not_string':
      return `vaultingSessionData must be the string from createVaultingSession's answer (.vaultingSessionData), got ${found}.`;
    case 'too_long':
      return `vaultingSessionData is longer than ${MAX_SESSION_DATA_LENGTH} characters.`;
    case 'segments':
      return `vaultingSessionData must have 4 segments joined by "&&", got ${found}.`;
    case 'not_base64':
      return 'vaultingSessionData: segment 0 or 3 is not base64.';
    case 'not_json':
      return 'vaultingSessionData: segment 3 is not base64 UTF-8 JSON.';
    case 'no_config':
      return 'session metadata: paymentSessionConfig is missing.';
    case 'not_vaulting':
      return 'session metadata: not a VAULTING + CARD session.';
    case 'binding_fields':
      return 'session metadata: cardBinding needs submitUrl and encryptionKey.';
    case 'expiry_time':
      return 'session metadata: cardBinding.expiryTime must be ISO 8601.';
    case 'issue_time':
      return 'session metadata: cardBinding.issueTime must be ISO 8601.';
  }
}
