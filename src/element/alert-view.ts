/**
 * The alert view: what the element shows instead of the form while a binding is processed, after
 * it ends, or when the session cannot be used. Part of the outcome chunk (outcome.ts re-exports
 * it): the form renders without it, a submission loads it with the submit path, and a session
 * problem loads it when it shows one. A pure template: a heading that receives focus and
 * carries the reason as its accessible description (a screen reader landing on it hears both),
 * and a way on wherever the buyer has something to do:
 * - "Try again" / "Back to the form" (and Escape) where the still-filled form can be used again;
 * - "Refresh the page" where only a new session helps (used, expired, broken, final errors);
 * - none while something is under way (processing, redirecting) or once the job is done (added,
 *   pending): the host page moves on from `bound` / `pending`.
 */
import {css, html, nothing, svg, type TemplateResult} from 'lit';
import type {SupportedLocale} from '../i18n/locales.js';
import type {Messages} from '../i18n/messages.js';
import {isDismissible, type AlertView} from './alert-kinds.js';

export type {AlertView};
import {outcomeMessages} from '../i18n/outcome-messages.js';

/** Views whose way on is a fresh page (a new session). */
function needsReload(view: AlertView): boolean {
  return (
    view.kind === 'session_expired' ||
    view.kind === 'session_malformed' ||
    view.kind === 'session_used' ||
    view.kind === 'encryption' ||
    (view.kind === 'gateway' && !view.retryable)
  );
}

export interface AlertText {
  readonly title: string;
  readonly body: string;
  readonly tone: 'info' | 'success' | 'error';
}

/**
 * The alert views' styles, adopted by the element when this chunk arrives (the tokens and
 * private variables are the element's, see antom-card-binding.styles.ts).
 */
export const alertStyles = css`
  .alert {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_field-text);
    background: var(--_field-bg);
  }
  .alert h2 {
    margin: 0;
    font-size: 1.125em;
  }
  .alert h2:focus {
    outline: none;
  }
  .alert h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .alert p {
    margin: 0;
  }
  .alert[data-tone='error'] h2 {
    color: var(--_error);
  }
  .alert h2 {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .mark {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    fill: currentColor;
    stroke: var(--_field-bg);
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .mark path {
    fill: none;
  }
  .alert[data-tone='success'] .mark {
    color: var(--_success);
  }
  .alert[data-tone='info'] .mark {
    color: var(--_focus);
  }
  .alert .actions {
    display: flex;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .alert h2 .spinner {
    flex: none;
  }
  @media (forced-colors: active) {
    .alert {
      border-color: CanvasText;
    }
    .alert h2:focus-visible {
      outline-color: Highlight;
    }
    .mark {
      color: CanvasText;
      stroke: Canvas;
    }
  }
`;

/** The heading, description and tone of a view, in the element's language. */
export function alertText(view: AlertView, entry: Messages, locale: SupportedLocale): AlertText {
  const m = outcomeMessages(locale);
  switch (view.kind) {
    case 'network':
      return {title: entry.networkTitle, body: entry.networkBody, tone: 'error'};
    case 'session_missing':
      return {title: m.sessionMissingTitle, body: m.sessionMissingBody, tone: 'error'};
    case 'session_expired':
      return {title: m.sessionExpiredTitle, body: entry.sessionExpiredBody, tone: 'error'};
    case 'session_malformed':
      return {title: m.sessionMalformedTitle, body: m.sessionMalformedBody, tone: 'error'};
    case 'success':
      return {
        title: m.successTitle,
        body: view.brand && view.last4 ? m.successBody(view.brand, view.last4) : m.successBodyNoNumber,
        tone: 'success',
      };
    case 'declined':
      return {title: m.declinedTitle, body: m.declineReasons[view.reason], tone: 'error'};
    case 'gateway':
      return {title: m.gatewayTitle, body: view.retryable ? m.gatewayBody : m.gatewayFinalBody, tone: 'error'};
    case 'encryption':
      return {title: m.encryptionTitle, body: m.encryptionBody, tone: 'error'};
    case 'processing':
      return {title: m.processingTitle, body: m.processingBody, tone: 'info'};
    case 'pending':
      return {title: m.pendingTitle, body: m.pendingBody, tone: 'info'};
    case 'redirecting':
      return {title: m.redirectingTitle, body: m.redirectingBody, tone: 'info'};
    case 'session_used':
      return {title: m.sessionUsedTitle, body: m.sessionUsedBody, tone: 'error'};
  }
}

/** The glyph inside each tone's round mark (a check, an exclamation, an "i"). */
const GLYPHS: Record<AlertText['tone'], string> = {success: 'M5.8 10.4l2.9 2.9 5.6-6', error: 'M10 5.2v5.6M10 14v.6', info: 'M10 9v5.6M10 5.6v.6'};

/** The view's state at a glance, beside the heading; the heading's words carry the meaning. */
function toneMark(tone: AlertText['tone']) {
  return svg`<svg class="mark" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="9"/><path d=${GLYPHS[tone]}/></svg>`;
}

export interface AlertHandlers {
  readonly onClose: () => void;
  readonly onReload: () => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
}

export function renderAlertView(view: AlertView, entry: Messages, lang: SupportedLocale, handlers: AlertHandlers): TemplateResult {
  const m = outcomeMessages(lang);
  const {title, body, tone} = alertText(view, entry, lang);
  const busy = view.kind === 'processing' || view.kind === 'redirecting';
  let action: TemplateResult | typeof nothing = nothing;
  if (isDismissible(view)) {
    const label = view.kind === 'session_missing' ? m.goBack : entry.tryAgain;
    action = html`<button class="submit" part="alert-action try-again" type="button" @click=${handlers.onClose}>${label}</button>`;
  } else if (needsReload(view)) {
    action = html`<button class="submit" part="alert-action reload" type="button" @click=${handlers.onReload}>${m.reload}</button>`;
  }
  return html`<section class="alert" part="alert" lang=${lang} data-view=${view.kind} data-tone=${tone}
    aria-labelledby="alert-title" aria-busy=${busy ? 'true' : 'false'} @keydown=${handlers.onKeydown}>
    <h2 id="alert-title" part="alert-title" tabindex="-1" aria-describedby="alert-body">${busy ? html`<span class="spinner" aria-hidden="true"></span>` : toneMark(tone)}${title}</h2>
    <p id="alert-body">${body}</p>
    ${action === nothing ? nothing : html`<div class="actions">${action}</div>`}
  </section>`;
}
