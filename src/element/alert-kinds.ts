/**
 * Which alert views exist and which the buyer may close: the element's logic needs this before
 * any view is drawn; the views themselves (alert-view.ts) load with the outcome chunk.
 */
import type {DeclineReason} from '../i18n/messages.js';

export type AlertView =
  | {kind: 'success'; brand: string | null; last4: string | null}
  | {kind: 'declined'; reason: DeclineReason}
  | {kind: 'network'}
  | {kind: 'gateway'; retryable: boolean}
  | {kind: 'encryption'}
  | {kind: 'processing'}
  | {kind: 'pending'}
  | {kind: 'redirecting'}
  | {kind: 'session_missing'}
  | {kind: 'session_expired'}
  | {kind: 'session_malformed'}
  | {kind: 'session_used'};

/** Views the buyer may close (Esc or the button) to return to the still-filled form. */
export function isDismissible(view: {kind: string; retryable?: boolean}): boolean {
  return (
    view.kind === 'declined' ||
    view.kind === 'network' ||
    view.kind === 'session_missing' ||
    (view.kind === 'gateway' && view.retryable === true)
  );
}
