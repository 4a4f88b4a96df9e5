/**
 * BindingController: one submission from "Add card" to its end. Every submission ends in exactly
 * one terminal event: `bound`, `error`, `redirect` or `pending`.
 *
 * PROCESSING (the gateway accepted the card and has not decided): the buyer sees progress and
 * the page gets `processing` (informational) so it can ask its server, which learns the outcome
 * from notifyVaulting or inquireVaulting, and hand it over with `reportOutcome()`. Without an
 * outcome within `processingTimeout`, the view says "we'll let you know" and `pending` ends the
 * submission; a later report changes nothing (the page already has its answer from its server).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {navigate} from '../../gateway/navigate.js';
import {declineReason} from '../../gateway/decline-reasons.js';
import type {BindingOutcome, CardSecrets} from '../../gateway/bind-card.js';
import type {DecodedSession} from '../../session/decode-session.js';
import type {AlertView} from '../alert-view.js';
import type {Messages} from '../../i18n/messages.js';
import {
  CardBindingErrorEvent,
  CardBoundEvent,
  CardPendingEvent,
  CardProcessingEvent,
  CardRedirectEvent,
  type BindingErrorCode,
  type BoundDetail,
  type ReportedOutcome,
} from '../events.js';

type Host = ReactiveControllerHost &
  HTMLElement & {readonly submitTimeout: number; readonly processingTimeout: number; readonly gatewayOrigins: readonly string[]};

export interface BindingDeps {
  readonly messages: () => Messages;
  readonly show: (view: AlertView) => void;
  readonly announce: (text: string) => void;
  readonly secrets: () => CardSecrets;
  /** Clears the card once the gateway has it. */
  readonly wipe: () => void;
  readonly displayBrand: (brand: string | null) => string | null;
}

/**
 * How the submit path's chunk is loaded. A seam for tests: a chunk that fails to load (offline, a
 * deploy that removed it) must end in `error` `network_error` with a retry, which only a loader
 * that can fail on purpose can show.
 */
export const submitPath = {
  load: (): Promise<typeof import('../../gateway/submit-path.js')> => import('../../gateway/submit-path.js'),
};

export class BindingController implements ReactiveController {
  submitting = false;
  /**
   * One key per attempt: kept across retries after a failure that may have reached the gateway,
   * but only for the same card. A digest of the card (SHA-256, in memory only, never sent) tells
   * whether the buyer changed anything since; if so the retry is a new attempt with a new key, so
   * a gateway can never answer it with the first card's outcome.
   */
  #attemptKey: string | null = null;
  #attemptCard: string | null = null;
  #processing: {timer: ReturnType<typeof setTimeout>; vaultingSessionId: string | null} | null = null;

  constructor(private readonly host: Host, private readonly deps: BindingDeps) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.#processing) this.#endProcessing();
  }

  fail(code: BindingErrorCode, message: string, retryable: boolean, resultCode?: string): void {
    this.host.dispatchEvent(new CardBindingErrorEvent(resultCode ? {code, message, retryable, resultCode} : {code, message, retryable}));
  }

  /** Encrypts and sends the card (the session value is checked in full here, with zod). */
  async bind(sessionValue: string): Promise<void> {
    const m = this.deps.messages();
    this.submitting = true;
    this.host.requestUpdate();
    this.deps.announce(m.submitting);
    let outcome: BindingOutcome | {kind: 'malformed'; reason: string};
    let secrets: CardSecrets | null = null;
    try {
      // Loaded on first submit: zod, encryption and the gateway client are not needed to render.
      const {decodeSession, bindCard} = await submitPath.load();
      const decoded = decodeSession(sessionValue, null);
      if (!decoded.ok) {
        outcome = {kind: 'malformed', reason: decoded.reason};
      } else {
        secrets = this.deps.secrets();
        const idempotencyKey = await this.#keyFor(secrets);
        outcome = await bindCard({
          session: decoded.session as DecodedSession,
          card: secrets,
          idempotencyKey,
          timeoutMs: this.host.submitTimeout,
          trust: {pageOrigin: globalThis.location?.origin ?? '', gatewayOrigins: this.host.gatewayOrigins},
        });
      }
    } catch {
      // The chunk did not load (offline, a deploy removed it): nothing was sent.
      outcome = {kind: 'failed', code: 'network_error', retryable: true};
    } finally {
      if (secrets) wipeSecrets(secrets);
      this.submitting = false;
      this.host.requestUpdate();
    }
    if (outcome.kind !== 'failed') this.forgetAttempt();
    this.#settle(outcome);
  }

  /** Forgets the attempt key (a new card, a reset): the next submission is a new attempt. */
  forgetAttempt(): void {
    this.#attemptKey = null;
    this.#attemptCard = null;
  }

  /** The attempt's key: the previous one for the same card, a new one otherwise. */
  async #keyFor(card: CardSecrets): Promise<string> {
    let digest: string | null;
    try {
      const bytes = new TextEncoder().encode(JSON.stringify([card.cardNo, card.expiryMonth, card.expiryYear, card.cvv, card.cardholderName ?? '']));
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      bytes.fill(0);
      digest = Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
    } catch {
      // No WebCrypto (not a secure context): encryption fails next anyway; keep no key.
      digest = null;
    }
    if (this.#attemptKey === null || digest === null || digest !== this.#attemptCard) {
      this.#attemptKey = crypto.randomUUID();
      this.#attemptCard = digest;
    }
    return this.#attemptKey;
  }

  /** The page reports a PROCESSING submission's outcome it learned from its server. */
  report(outcome: ReportedOutcome): void {
    const processing = this.#processing;
    if (!processing) return;
    this.#endProcessing();
    if (outcome.status === 'SUCCESS') {
      this.#settle({
        kind: 'bound',
        detail: {vaultingSessionId: processing.vaultingSessionId, brand: outcome.brand ?? null, maskedCardNo: outcome.maskedCardNo ?? null},
      });
    } else {
      const resultCode = outcome.resultCode ?? 'PROCESS_FAIL';
      this.#settle({kind: 'declined', reason: declineReason(resultCode), resultCode, retryable: false});
    }
  }

  #endProcessing(): void {
    clearTimeout(this.#processing?.timer);
    this.#processing = null;
  }

  #settle(outcome: BindingOutcome | {kind: 'malformed'; reason: string}): void {
    const m = this.deps.messages();
    const show = this.deps.show;
    switch (outcome.kind) {
      case 'bound': {
        const detail: BoundDetail = outcome.detail;
        this.deps.wipe();
        show({kind: 'success', brand: this.deps.displayBrand(detail.brand), last4: detail.maskedCardNo?.slice(-4) || null});
        this.host.dispatchEvent(new CardBoundEvent(detail));
        return;
      }
      case 'redirect': {
        const proceed = this.host.dispatchEvent(new CardRedirectEvent(outcome.detail));
        this.deps.wipe();
        show({kind: 'redirecting'});
        if (proceed) navigate(outcome.detail);
        return;
      }
      case 'processing': {
        this.deps.wipe();
        show({kind: 'processing'});
        const vaultingSessionId = outcome.vaultingSessionId;
        const timer = setTimeout(() => {
          this.#endProcessing();
          show({kind: 'pending'});
          this.host.dispatchEvent(new CardPendingEvent({vaultingSessionId}));
        }, this.host.processingTimeout);
        this.#processing = {timer, vaultingSessionId};
        this.host.dispatchEvent(new CardProcessingEvent({vaultingSessionId}));
        return;
      }
      case 'declined':
        show({kind: 'declined', reason: outcome.reason});
        this.fail('declined', m.declineReasons[outcome.reason], outcome.retryable, outcome.resultCode);
        return;
      case 'session_expired':
        show({kind: 'session_expired'});
        this.fail('session_expired', m.sessionExpiredBody, false, outcome.resultCode);
        return;
      case 'session_used':
        show({kind: 'session_used'});
        this.fail('session_used', m.sessionUsedBody, false, outcome.resultCode);
        return;
      case 'malformed':
      case 'session_malformed':
        show({kind: 'session_malformed'});
        this.fail('session_malformed', `vaultingSessionData: ${outcome.reason}`, false);
        return;
      case 'failed': {
        if (outcome.code === 'encryption_failed') {
          show({kind: 'encryption'});
          this.fail(outcome.code, m.encryptionBody, false);
          return;
        }
        const network = outcome.code === 'network_error' || outcome.code === 'timeout';
        show(network ? {kind: 'network'} : {kind: 'gateway', retryable: outcome.retryable});
        const body = network ? m.networkBody : outcome.retryable ? m.gatewayBody : m.gatewayFinalBody;
        // A broken trust rule is a developer's problem: the message names it (the buyer sees `body`).
        this.fail(outcome.code, outcome.rule ?? body, outcome.retryable, outcome.resultCode);
        return;
      }
    }
  }
}

function wipeSecrets(secrets: CardSecrets): void {
  // Strings are immutable in JS; dropping every reference is what "wiping" can mean here.
  const writable = secrets as {-readonly [K in keyof CardSecrets]?: CardSecrets[K]};
  for (const key of Object.keys(writable) as (keyof CardSecrets)[]) delete writable[key];
}
