/**
 * Delivers notifyVaulting (reference §7): a POST to the merchant's vaultingNotificationUrl signed
 * with the emulator's key, accepted only when answered HTTP 200 with the fixed acknowledgement.
 * Otherwise retried on the documented schedule (0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h),
 * multiplied by `timeScale`. Every attempt is recorded and logged.
 */
import type {KeyObject} from 'node:crypto';
import * as z from 'zod/mini';
import {signatureHeaderFor} from '../server/signature.js';
import {isoSeconds} from './http.js';
import type {DeliveryAttempt} from './store.js';

/** Waits before each retry, in seconds (reference §7.3): at most 8 retries over about a day. */
export const NOTIFICATION_RETRY_INTERVALS_SECONDS = [0, 120, 600, 600, 3600, 7200, 21_600, 54_000] as const;

export interface NotifierOptions {
  readonly signingKey: KeyObject;
  readonly retries: boolean;
  readonly timeScale: number;
  readonly timeoutMs: number;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

export interface Notification {
  readonly url: string;
  readonly clientId: string;
  /** The JSON body, signed and sent as is on every attempt. */
  readonly body: string;
  /** Label for log lines (the vaultingRequestId). */
  readonly label: string;
  /** Receives each attempt as it finishes. */
  readonly attempts: DeliveryAttempt[];
}

const ackSchema = z.looseObject({
  result: z.looseObject({resultCode: z.literal('SUCCESS'), resultStatus: z.literal('S')}),
});

export class Notifier {
  readonly #options: NotifierOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #inFlight = new Set<AbortController>();
  #closed = false;

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  /** Starts delivery in the background. */
  send(notification: Notification): void {
    this.#start(notification, 1);
  }

  /** Stops all retries and aborts requests in flight. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const controller of this.#inFlight) controller.abort();
  }

  /** Background work must never become an unhandled rejection (it would end the process). */
  #start(notification: Notification, attempt: number): void {
    this.#attempt(notification, attempt).catch(() => {
      this.#options.log(`notifyVaulting ${notification.label} attempt ${attempt}: internal error, delivery stopped`);
    });
  }

  async #attempt(notification: Notification, attempt: number): Promise<void> {
    if (this.#closed) return;
    const {httpStatus, acknowledged, error} = await this.#post(notification);
    if (this.#closed) return;
    const retryIndex = attempt - 1;
    const interval = NOTIFICATION_RETRY_INTERVALS_SECONDS[retryIndex];
    const retry = !acknowledged && this.#options.retries && interval !== undefined;
    const nextAttemptInMs = retry ? interval * 1000 * this.#options.timeScale : undefined;

    const record: DeliveryAttempt = {
      attempt,
      at: isoSeconds(this.#options.now()),
      url: notification.url,
      httpStatus,
      acknowledged,
      ...(error === undefined ? {} : {error}),
      ...(nextAttemptInMs === undefined ? {} : {nextAttemptInMs}),
    };
    notification.attempts.push(record);
    this.#options.log(describeAttempt(notification.label, record));

    if (nextAttemptInMs !== undefined) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#start(notification, attempt + 1);
      }, nextAttemptInMs);
      this.#timers.add(timer);
    }
  }

  async #post(notification: Notification): Promise<{httpStatus: number | null; acknowledged: boolean; error?: string}> {
    const url = new URL(notification.url);
    const requestTime = isoSeconds(this.#options.now());
    const signature = signatureHeaderFor(
      {path: url.pathname + url.search, clientId: notification.clientId, time: requestTime, body: notification.body},
      this.#options.signingKey,
    );
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.#options.timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'client-id': notification.clientId,
          'request-time': requestTime,
          signature,
        },
        body: notification.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      const text = await response.text();
      if (response.status !== 200) return {httpStatus: response.status, acknowledged: false, error: 'not HTTP 200'};
      if (!isAcknowledgement(text)) return {httpStatus: 200, acknowledged: false, error: 'not the fixed acknowledgement'};
      return {httpStatus: 200, acknowledged: true};
    } catch {
      return {httpStatus: null, acknowledged: false, error: controller.signal.aborted ? 'timed out' : 'network error'};
    } finally {
      clearTimeout(timeout);
      this.#inFlight.delete(controller);
    }
  }
}

function isAcknowledgement(text: string): boolean {
  try {
    return z.safeParse(ackSchema, JSON.parse(text)).success;
  } catch {
    return false;
  }
}

function describeAttempt(label: string, attempt: DeliveryAttempt): string {
  const answer = attempt.httpStatus === null ? attempt.error : `HTTP ${attempt.httpStatus}`;
  const outcome = attempt.acknowledged ? 'acknowledged' : `not acknowledged (${attempt.error ?? ''})`;
  const next =
    attempt.nextAttemptInMs === undefined
      ? attempt.acknowledged
        ? ''
        : '; no more attempts'
      : `; next attempt in ${Math.round(attempt.nextAttemptInMs)} ms`;
  return `notifyVaulting ${label} attempt ${attempt.attempt} to ${attempt.url}: ${answer}, ${outcome}${next}`;
}
