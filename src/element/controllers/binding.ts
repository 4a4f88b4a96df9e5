/**
 * BindingController: one submission from "Add card" to its end. Every submission ends in exactly
 * one terminal event: `bound`, `error`, `redirect` or `pending`.
 *
 * PROCESSING (the gateway accepted the card and has not decided): the buyer sees progress and
 * the page gets `processing` (informational) so it can ask its server, which learns the outcome
 * from notifyVaulting or inquireVaulting, and hand it over with `reportOutcome()`. Without an
 * outcome within `processingTimeout`, the view says "we'll let you know" and `pending` ends the
 * submission; a later report changes nothing (the page already has its answer from its server).
 *
 * Two lazy chunks load in parallel on the first submit: the submit path (zod, encryption, the
 * gateway client) and the outcome chunk (`../outcome.ts`: the answer's views, strings and
 * terminal events). Both are in before the card is sent, so no answer waits for a chunk.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CardSecrets} from '../../gateway/bind-card.js';
import type {AlertView} from '../alert-kinds.js';
import type {Messages} from '../../i18n/messages.js';
import type {SupportedLocale} from '../../i18n/locales.js';
import type {SettledOutcome} from '../outcome.js';
import {CardBindingErrorEvent, type BindingErrorCode, type ReportedOutcome} from '../events.js';

type Host = ReactiveControllerHost &
  HTMLElement & {readonly submitTimeout: number; readonly processingTimeout: number; readonly gatewayOrigins: readonly string[]};

export interface BindingDeps {
  readonly messages: () => Messages;
  readonly locale: () => SupportedLocale;
  readonly show: (view: AlertView) => void;
  readonly announce: (text: string) => void;
  readonly secrets: () => CardSecrets;
  /** Clears the card once the gateway has it. */
  readonly wipe: () => void;
  readonly displayBrand: (brand: string | null) => string | null;
}

/**
 * How the lazy chunks are loaded. A seam for tests: a chunk that fails to load (offline, a
 * deploy that removed it) must end in `error` `network_error` with a retry, which only a loader
 * that can fail on purpose can show.
 */
export const submitPath = {
  load: (): Promise<typeof import('../../gateway/submit-path.js')> => import('../../gateway/submit-path.js'),
  outcome: (): Promise<typeof import('../outcome.js')> => import('../outcome.js'),
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
  /** A PROCESSING submission waiting for `reportOutcome()` (set by the outcome chunk). */
  processing: {timer: ReturnType<typeof setTimeout>; vaultingSessionId: string | null} | null = null;
  #outcome: typeof import('../outcome.js') | null = null;

  constructor(readonly host: Host, readonly deps: BindingDeps) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.processing) this.endProcessing();
  }

  fail(code: BindingErrorCode, message: string, retryable: boolean, resultCode?: string): void {
    this.host.dispatchEvent(new CardBindingErrorEvent(resultCode ? {code, message, retryable, resultCode} : {code, message, retryable}));
  }

  /**
   * Encrypts and sends the card: loads the two chunks, then the outcome chunk runs the attempt
   * (the session value checked in full with zod, the card encrypted and sent) and ends it.
   */
  async bind(sessionValue: string): Promise<void> {
    this.submitting = true;
    this.host.requestUpdate();
    this.deps.announce(this.deps.messages().submitting);
    let outcome: SettledOutcome;
    try {
      // Loaded on first submit: zod, encryption and the gateway client are not needed to render.
      const outcomeChunk = submitPath.outcome().then((chunk) => (this.#outcome = chunk));
      const [submit, chunk] = await Promise.all([submitPath.load(), outcomeChunk]);
      outcome = await chunk.run(this, submit, sessionValue);
    } catch {
      // A chunk did not load (offline, a deploy removed it): nothing was sent.
      this.submitting = false;
      this.host.requestUpdate();
      outcome = {kind: 'failed', code: 'network_error', retryable: true};
    }
    if (this.#outcome) {
      this.#outcome.settle(this, outcome);
    } else {
      // Only a chunk that did not load ends here; the network view's strings are in the entry.
      this.deps.show({kind: 'network'});
      this.fail('network_error', this.deps.messages().networkBody, true);
    }
  }

  /** Forgets the attempt key (a new card, a reset): the next submission is a new attempt. */
  forgetAttempt(): void {
    this.#attemptKey = null;
    this.#attemptCard = null;
  }

  /** The attempt's key: the previous one for the same card, a new one otherwise (digest null: no WebCrypto, keep no key). */
  keyFor(digest: string | null): string {
    if (this.#attemptKey === null || digest === null || digest !== this.#attemptCard) {
      this.#attemptKey = crypto.randomUUID();
      this.#attemptCard = digest;
    }
    return this.#attemptKey;
  }

  /** The page reports a PROCESSING submission's outcome it learned from its server. */
  report(outcome: ReportedOutcome): void {
    if (this.processing) this.#outcome?.report(this, outcome);
  }

  endProcessing(): void {
    clearTimeout(this.processing?.timer);
    this.processing = null;
  }
}
