/**
 * The alert view: what the element shows instead of the form while a binding is processed, after
 * it ends, or when the session cannot be used. A pure template: a heading that receives focus and
 * carries the reason as its accessible description (a screen reader landing on it hears both),
 * and a way on wherever the buyer has something to do:
 * - "Try again" / "Back to the form" (and Escape) where the still-filled form can be used again;
 * - "Refresh the page" where only a new session helps (used, expired, broken, final errors);
 * - none while something is under way (processing, redirecting) or once the job is done (added,
 *   pending): the host page moves on from `bound` / `pending`.
 */
import {html, nothing, svg, type TemplateResult} from 'lit';
import type {DeclineReason, Messages} from '../i18n/messages.js';
import type {SupportedLocale} from '../i18n/locales.js';

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

/** The views only an answered submission shows; their strings are in the outcome chunk. */
export type OutcomeView = Exclude<AlertView, {kind: 'network' | 'session_missing' | 'session_expired' | 'session_malformed'}>;

/**
 * The outcome chunk's texts (src/element/outcome.ts), set when it loads. Only that chunk (and
 * hosted mode, which imports it) shows an outcome view, so it is always set before one renders.
 */
let outcomeText: ((view: OutcomeView, locale: SupportedLocale) => AlertText) | null = null;
export function setOutcomeText(text: typeof outcomeText): void {
  outcomeText = text;
}

export function alertText(view: AlertView, m: Messages, locale: SupportedLocale): AlertText {
  switch (view.kind) {
    case 'network':
      return {title: m.networkTitle, body: m.networkBody, tone: 'error'};
    case 'session_missing':
      return {title: m.sessionMissingTitle, body: m.sessionMissingBody, tone: 'error'};
    case 'session_expired':
      return {title: m.sessionExpiredTitle, body: m.sessionExpiredBody, tone: 'error'};
    case 'session_malformed':
      return {title: m.sessionMalformedTitle, body: m.sessionMalformedBody, tone: 'error'};
    default:
      return outcomeText!(view, locale);
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

export function renderAlertView(view: AlertView, m: Messages, lang: SupportedLocale, handlers: AlertHandlers): TemplateResult {
  const {title, body, tone} = alertText(view, m, lang);
  const busy = view.kind === 'processing' || view.kind === 'redirecting';
  let action: TemplateResult | typeof nothing = nothing;
  if (isDismissible(view)) {
    const label = view.kind === 'session_missing' ? m.goBack : m.tryAgain;
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
