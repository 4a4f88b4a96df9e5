/**
 * The alert view: what the element shows instead of the form while a binding is processed, after
 * it ends, or when the session cannot be used. A heading that receives focus, a body that says
 * why, and "Try again" only where another attempt can succeed.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {DeclineReason, Messages} from '../i18n/messages.js';

export type AlertView =
  | {kind: 'success'; brand: string | null; last4: string | null}
  | {kind: 'declined'; reason: DeclineReason}
  | {kind: 'network'}
  | {kind: 'gateway'; retryable: boolean}
  | {kind: 'processing'}
  | {kind: 'redirecting'}
  | {kind: 'session_expired'}
  | {kind: 'session_malformed'};

/** Views the buyer may close (Esc or "Try again") to return to the still-filled form. */
export function isDismissible(view: {kind: string; retryable?: boolean}): boolean {
  return view.kind === 'declined' || view.kind === 'network' || (view.kind === 'gateway' && view.retryable === true);
}

interface AlertText {
  readonly title: string;
  readonly body: string;
  readonly tone: 'info' | 'success' | 'error';
}

function alertText(view: AlertView, m: Messages): AlertText {
  switch (view.kind) {
    case 'success':
      return {
        title: m.successTitle,
        body: view.brand && view.last4 ? m.successBody(view.brand, view.last4) : m.successBodyNoNumber,
        tone: 'success',
      };
    case 'declined':
      return {title: m.declinedTitle, body: m.declineReasons[view.reason], tone: 'error'};
    case 'network':
      return {title: m.networkTitle, body: m.networkBody, tone: 'error'};
    case 'gateway':
      return {title: m.gatewayTitle, body: m.gatewayBody, tone: 'error'};
    case 'processing':
      return {title: m.processingTitle, body: m.processingBody, tone: 'info'};
    case 'redirecting':
      return {title: m.redirectingTitle, body: m.redirectingBody, tone: 'info'};
    case 'session_expired':
      return {title: m.sessionExpiredTitle, body: m.sessionExpiredBody, tone: 'error'};
    case 'session_malformed':
      return {title: m.sessionMalformedTitle, body: m.sessionMalformedBody, tone: 'error'};
  }
}

export function renderAlertView(
  view: AlertView,
  m: Messages,
  lang: string,
  handlers: {readonly onRetry: () => void; readonly onKeydown: (event: KeyboardEvent) => void}
): TemplateResult {
  const {title, body, tone} = alertText(view, m);
  return html`<section class="alert" part="alert" lang=${lang} data-view=${view.kind} data-tone=${tone}
    aria-labelledby="alert-title" aria-describedby="alert-body" @keydown=${handlers.onKeydown}>
    <h2 id="alert-title" part="alert-title" tabindex="-1">${title}</h2>
    <p id="alert-body">${body}</p>
    ${isDismissible(view)
      ? html`<div class="actions">
          <button class="submit" part="alert-action try-again" type="button" @click=${handlers.onRetry}>${m.tryAgain}</button>
        </div>`
      : nothing}
  </section>`;
}
