/**
 * The element's events: one typed class each, all bubbling and composed so they cross shadow
 * roots. None carries card data: the host page learns the brand, completeness, error codes and,
 * after binding, what the gateway returns to the browser (masked number, brand, session id).
 *
 * Order: `ready`, then `change`... while the buyer types, then `submit`, then exactly one of
 * `bound` | `error` | `redirect` | `pending` for that submission (`processing` may come before
 * the terminal one). `expiring` comes before the session's end, whenever that is.
 */
import type {CardBrand, CardErrorCode} from '../card/types.js';

/** The four fields, as named in `change` event details. */
export type CardFieldName = 'cardNumber' | 'expiry' | 'cvc' | 'holderName';

export interface CardChangeDetail {
  /** Every field is valid: `submit()` would send the card. */
  readonly complete: boolean;
  /** No field holds anything. */
  readonly empty: boolean;
  /** The detected brand once the number's prefix identifies one, else null. */
  readonly brand: CardBrand | null;
  /** The error each field currently shows (null where none is shown). */
  readonly errors: Readonly<Record<CardFieldName, CardErrorCode | null>>;
}

/** Stable codes of `error` events. */
export type BindingErrorCode =
  | 'session_missing'
  | 'session_malformed'
  | 'session_expired'
  | 'session_used'
  | 'duplicate_submit'
  /** `submit()` while the element is `disabled` or shows an alert instead of the form: nothing is sent. */
  | 'unavailable'
  | 'declined'
  | 'network_error'
  | 'timeout'
  | 'gateway_error'
  | 'invalid_response'
  | 'encryption_failed'
  /** Hosted mode: no `AMSVaulting` was handed over or found on `globalThis` (the message says how). */
  | 'hosted_sdk_missing'
  /** Hosted mode: another hosted element (or another use of Antom's SDK) is mounted on the page. */
  | 'hosted_one_per_page'
  /** Hosted mode: Antom's card page reports field errors (it shows them itself). */
  | 'hosted_form_invalid';

export interface BindingErrorDetail {
  readonly code: BindingErrorCode;
  /** A buyer-facing message in the element's language; never holds card data. */
  readonly message: string;
  /** Whether submitting again (same session) can succeed. */
  readonly retryable: boolean;
  /** The gateway's result code where there is one, e.g. `DO_NOT_HONOR`. */
  readonly resultCode?: string;
}

export interface BoundDetail {
  readonly vaultingSessionId: string | null;
  readonly brand: CardBrand | string | null;
  /** e.g. `************4242`, as the gateway masks it. */
  readonly maskedCardNo: string | null;
  /** Only when the gateway hands one to the browser. */
  readonly cardToken?: string;
}

/** What a PROCESSING submission's `processing` and `pending` events tell the page. */
export interface PendingDetail {
  readonly vaultingSessionId: string | null;
}

/** The outcome a page learned from its server (notifyVaulting, inquireVaulting), for `reportOutcome()`. */
export type ReportedOutcome =
  | {readonly status: 'SUCCESS'; readonly brand?: string; readonly maskedCardNo?: string}
  | {readonly status: 'FAIL'; readonly resultCode?: string};

export interface ExpiringDetail {
  /** About how long the session has left. */
  readonly remainingMs: number;
  /** True when the buyer pressed "I need more time" (the page should hand a fresh session). */
  readonly requestedByBuyer: boolean;
}

export interface RedirectDetail {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** Form fields to POST where the gateway asks for a POST. */
  readonly fields?: Readonly<Record<string, string>>;
  /**
   * `'sdk'` in hosted mode: Antom's SDK navigates by itself, so the event is informational and
   * not cancelable; `url` is empty when the SDK did not say where.
   */
  readonly navigatedBy?: 'sdk';
}

/**
 * Hosted mode: every code Antom's SDK reports, as it came (`hosted-event`). `known` is false for
 * a code this version does not map; nothing is dropped. Never the SDK's raw `result` object.
 */
export interface HostedEventDetail {
  readonly code: string;
  readonly message: string;
  readonly known: boolean;
  readonly resultCode?: string;
}

const INIT = {bubbles: true, composed: true} as const;

/** Fields are rendered in their language and usable. */
export class CardReadyEvent extends Event {
  static readonly eventName = 'ready';
  constructor() {
    super(CardReadyEvent.eventName, INIT);
  }
}

/** The buyer changed a field; the detail says what the form now knows, never what was typed. */
export class CardChangeEvent extends Event {
  static readonly eventName = 'change';
  constructor(readonly detail: CardChangeDetail) {
    super(CardChangeEvent.eventName, INIT);
  }
}

/** A valid card is about to be encrypted and sent; cancel it with `preventDefault()`. */
export class CardSubmitEvent extends Event {
  static readonly eventName = 'submit';
  constructor() {
    super(CardSubmitEvent.eventName, {...INIT, cancelable: true});
  }
}

/** The gateway bound the card. */
export class CardBoundEvent extends Event {
  static readonly eventName = 'bound';
  constructor(readonly detail: BoundDetail) {
    super(CardBoundEvent.eventName, INIT);
  }
}

/** Something went wrong; the detail says what and whether a retry can help. */
export class CardBindingErrorEvent extends Event {
  static readonly eventName = 'error';
  constructor(readonly detail: BindingErrorDetail) {
    super(CardBindingErrorEvent.eventName, INIT);
  }
}

/**
 * The gateway asks the buyer to go elsewhere (3-D Secure); cancel to navigate yourself. In hosted
 * mode Antom's SDK navigates itself: not cancelable (`detail.navigatedBy === 'sdk'`).
 */
export class CardRedirectEvent extends Event {
  static readonly eventName = 'redirect';
  constructor(readonly detail: RedirectDetail, cancelable = true) {
    super(CardRedirectEvent.eventName, {...INIT, cancelable});
  }
}

/** The gateway accepted the card and is still deciding (informational; a terminal event follows). */
export class CardProcessingEvent extends Event {
  static readonly eventName = 'processing';
  constructor(readonly detail: PendingDetail) {
    super(CardProcessingEvent.eventName, INIT);
  }
}

/** Terminal: no outcome within `processing-timeout`; the merchant's server learns it from Antom. */
export class CardPendingEvent extends Event {
  static readonly eventName = 'pending';
  constructor(readonly detail: PendingDetail) {
    super(CardPendingEvent.eventName, INIT);
  }
}

/** The session ends soon: hand a fresh `vaultingSessionData` to keep the typed card usable. */
export class CardExpiringEvent extends Event {
  static readonly eventName = 'expiring';
  constructor(readonly detail: ExpiringDetail) {
    super(CardExpiringEvent.eventName, INIT);
  }
}

/** Every event of `<antom-card-binding>`, by name. */
export interface AntomCardBindingEventMap {
  ready: CardReadyEvent;
  change: CardChangeEvent;
  submit: CardSubmitEvent;
  bound: CardBoundEvent;
  error: CardBindingErrorEvent;
  redirect: CardRedirectEvent;
  processing: CardProcessingEvent;
  pending: CardPendingEvent;
  expiring: CardExpiringEvent;
  /** Hosted mode only; the class is in the hosted chunk (src/hosted/hosted-event.ts). */
  'hosted-event': Event & {readonly detail: HostedEventDetail};
}

declare global {
  // Only names that no native event uses: putting `change`, `submit` or `error` here would
  // retype those native events on *every* element (lib.dom declares them there). Those three
  // are typed through AntomCardBinding's own addEventListener overloads instead.
  interface HTMLElementEventMap {
    ready: CardReadyEvent;
    bound: CardBoundEvent;
    redirect: CardRedirectEvent;
    processing: CardProcessingEvent;
    pending: CardPendingEvent;
    expiring: CardExpiringEvent;
  }
}

const guardedDocuments = new WeakSet<Document>();

/**
 * A bubbling event named `error` that reaches `window` runs `window.onerror` and error-monitoring
 * hooks as if a script had crashed. The element's `error` event is an outcome, not a crash: it
 * bubbles through the page up to `document` (where every listener still gets it) and stops there.
 */
export function keepErrorEventsOffWindow(doc: Document): void {
  if (guardedDocuments.has(doc)) return;
  guardedDocuments.add(doc);
  doc.addEventListener('error', (event) => {
    if (event instanceof CardBindingErrorEvent) event.stopPropagation();
  });
}
