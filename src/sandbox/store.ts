/**
 * In-memory record of every binding the emulator knows and what became of it: the sessions that
 * createVaultingSession issued (the browser submits the card later) and the cards that
 * vaultPaymentMethod received from a merchant server. Holds no card data beyond brand and masked
 * number. Bounded: the oldest records are forgotten first.
 */
import type {SubmitCardReply} from '../gateway/submit-protocol.js';
import type {CreateVaultingSessionResponse} from '../server/schemas.js';

/**
 * OPEN: a session taking card attempts (none yet, or only declined ones); CHALLENGE: 3-D Secure pending;
 * PROCESSING: outcome pending; SUCCESS / FAIL: final, notified.
 */
export type BindingState = 'OPEN' | 'CHALLENGE' | 'PROCESSING' | 'SUCCESS' | 'FAIL';

export interface Failure {
  readonly resultCode: string;
  readonly resultMessage: string;
}

// A type alias, not an interface, so it fits the reply schema's loose (index-signature) object.
export type CardSummary = {
  readonly brand: string;
  readonly maskedCardNo: string;
};

export interface DeliveryAttempt {
  readonly attempt: number;
  readonly at: string;
  readonly url: string;
  readonly httpStatus: number | null;
  readonly acknowledged: boolean;
  /** Why the attempt failed (network error, timeout, unexpected answer). */
  readonly error?: string;
  /** When another attempt follows. */
  readonly nextAttemptInMs?: number;
}

/** What both kinds of binding have. */
interface BindingBase {
  readonly clientId: string;
  readonly vaultingRequestId: string;
  /**
   * Keyed hash of the request's canonical JSON (fingerprint.ts), to tell a repeat from a reused
   * id. Never the request itself: a vaultPaymentMethod request carries the card.
   */
  readonly requestFingerprint: string;
  readonly notificationUrl: string;
  readonly redirectUrl: string | null;
  readonly threeDSecureRequested: boolean;
  readonly createdAt: Date;
  state: BindingState;
  card: CardSummary | null;
  cardToken: string | null;
  /** The final code and message when FAIL. */
  failure: Failure | null;
  challengeUrl: string | null;
  completedAt: Date | null;
  readonly deliveries: DeliveryAttempt[];
}

/** Made by createVaultingSession; the browser submits the card to the emulator's own endpoint. */
export interface SessionBinding extends BindingBase {
  readonly kind: 'session';
  /** Segments 0..2 of the session data: the browser's credential. */
  readonly credential: string;
  readonly vaultingSessionId: string;
  readonly expiresAt: Date;
  /** The createVaultingSession answer, replayed for a repeated vaultingRequestId. */
  readonly createResponse: CreateVaultingSessionResponse;
  /** Declined attempts so far; the session stays OPEN below the limit (MAX_DECLINED_ATTEMPTS). */
  declinedAttempts: number;
  /** The newest declined attempt's code and message. */
  lastDecline: Failure | null;
  /** True when the session reached its expiry while still OPEN (FAIL if it had declines). */
  lapsed: boolean;
  /** Cancels the expiry timer started by the first decline. */
  cancelExpiryTimer: (() => void) | null;
  /**
   * Every answered attempt (SUCCESS, FAIL, PROCESSING, REDIRECT) by idempotency key, replayed for
   * the same key. At most MAX_DECLINED_ATTEMPTS + 1 entries: no attempt is taken once the session ends.
   */
  readonly attempts: Map<string, {readonly reply: SubmitCardReply; readonly cardFingerprint: string}>;
}

/**
 * Made by vaultPaymentMethod: the merchant server sent the card in the call itself. One call, one
 * attempt: such a record is never OPEN, and it has no session, expiry or browser attempts.
 */
export interface VaultBinding extends BindingBase {
  readonly kind: 'vault';
  state: Exclude<BindingState, 'OPEN'>;
  /** The request's `metadata`, echoed in notifyVaulting and inquireVaulting. */
  readonly metadata: string | null;
}

export type BindingRecord = SessionBinding | VaultBinding;

export class BindingStore {
  readonly #byRequest = new Map<string, BindingRecord>();
  readonly #byCredential = new Map<string, SessionBinding>();
  readonly #byChallenge = new Map<string, BindingRecord>();

  constructor(readonly maxRecords = 10_000) {}

  add(record: BindingRecord): void {
    this.#byRequest.set(requestKey(record.clientId, record.vaultingRequestId), record);
    if (record.kind === 'session') this.#byCredential.set(record.credential, record);
    while (this.#byRequest.size > this.maxRecords) this.#forgetOldest();
  }

  findByRequest(clientId: string, vaultingRequestId: string): BindingRecord | undefined {
    return this.#byRequest.get(requestKey(clientId, vaultingRequestId));
  }

  findByCredential(credential: string): SessionBinding | undefined {
    return this.#byCredential.get(credential);
  }

  addChallenge(challengeId: string, record: BindingRecord): void {
    this.#byChallenge.set(challengeId, record);
  }

  findByChallenge(challengeId: string): BindingRecord | undefined {
    return this.#byChallenge.get(challengeId);
  }

  all(): BindingRecord[] {
    return [...this.#byRequest.values()];
  }

  #forgetOldest(): void {
    const oldest = this.#byRequest.entries().next().value;
    if (!oldest) return;
    const [key, record] = oldest;
    this.#byRequest.delete(key);
    if (record.kind === 'session') this.#byCredential.delete(record.credential);
    for (const [challengeId, candidate] of this.#byChallenge) {
      if (candidate === record) this.#byChallenge.delete(challengeId);
    }
  }
}

function requestKey(clientId: string, vaultingRequestId: string): string {
  return `${clientId}\n${vaultingRequestId}`;
}
