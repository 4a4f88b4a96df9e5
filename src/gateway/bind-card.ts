/**
 * The browser half of a binding: encrypt the card to the session's key, POST it to the session's
 * submit URL with a timeout and an idempotency key, and turn every possible answer (including
 * none) into one typed outcome. Never throws; never puts card data in an error.
 */
import * as z from 'zod/mini';
import {encryptCompactJwe} from './jwe.js';
import {declineReason} from './decline-reasons.js';
import {IDEMPOTENCY_KEY_HEADER, SUBMIT_RESULT_CODES, submitCardReplySchema, type BrowserEnv, type CardPlaintext} from './submit-protocol.js';
import type {DecodedSession} from '../session/decode-session.js';
import type {BoundDetail, RedirectDetail} from '../element/events.js';
import type {DeclineReason} from '../i18n/messages.js';
import {encryptionKeyProblem, redirectTargetProblem, submitTargetProblem, type TrustPolicy} from './trust.js';

/** The card as the gateway wants it; held only for the duration of one submission. */
export type CardSecrets = CardPlaintext;

export type BindingOutcome =
  | {readonly kind: 'bound'; readonly detail: BoundDetail}
  | {readonly kind: 'redirect'; readonly detail: RedirectDetail}
  | {readonly kind: 'processing'; readonly vaultingSessionId: string | null}
  | {readonly kind: 'declined'; readonly reason: DeclineReason; readonly resultCode: string; readonly retryable: boolean}
  | {readonly kind: 'session_expired'; readonly resultCode?: string}
  /** The session takes no more attempts (HTTP 409 SESSION_ALREADY_USED): a new session is needed. */
  | {readonly kind: 'session_used'; readonly resultCode: string}
  /** The session breaks a trust rule (where the card would go, how it would be encrypted): nothing was sent. */
  | {readonly kind: 'session_malformed'; readonly reason: string}
  | {
      readonly kind: 'failed';
      readonly code: 'network_error' | 'timeout' | 'gateway_error' | 'invalid_response' | 'encryption_failed';
      readonly retryable: boolean;
      readonly resultCode?: string;
      /** The trust rule a reply broke (a 3-D Secure target over plain http), for developers. */
      readonly rule?: string;
    };

export interface BindCardOptions {
  readonly session: DecodedSession;
  readonly card: CardSecrets;
  /** Same key for every retry of one attempt, so the gateway never binds twice. */
  readonly idempotencyKey: string;
  readonly timeoutMs: number;
  /** Injectable for tests and for pages that route requests their own way. */
  readonly fetch?: typeof fetch;
  /**
   * Which origins the host page trusts with the card (its own, and `gateway-origins`); see
   * trust.ts. The element always passes it. Absent only in unit tests of the exchange itself.
   */
  readonly trust?: TrustPolicy;
}

/**
 * What 3-D Secure asks to know about the browser (see browserEnvSchema): nothing about the card or
 * the buyer beyond what every site can read. Values a browser hides or lacks are left out.
 */
export function browserEnv(): BrowserEnv {
  const env: {-readonly [K in keyof BrowserEnv]: BrowserEnv[K]} = {};
  const whole = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined);
  const screenInfo = globalThis.screen as Screen | undefined;
  const width = whole(screenInfo?.width);
  const height = whole(screenInfo?.height);
  const colorDepth = whole(screenInfo?.colorDepth);
  const timeZoneOffset = whole(new Date().getTimezoneOffset());
  if (width !== undefined) env.screenWidth = width;
  if (height !== undefined) env.screenHeight = height;
  if (colorDepth !== undefined) env.colorDepth = colorDepth;
  if (timeZoneOffset !== undefined) env.timeZoneOffset = timeZoneOffset;
  const language = globalThis.navigator?.language;
  if (typeof language === 'string' && language.length <= 35) env.language = language;
  return env;
}

/**
 * An outcome (SUCCESS, FAIL, PROCESSING, REDIRECT) comes with HTTP 200 and an ERROR with 4xx or
 * 5xx; anything else is a reply that cannot be trusted (a 500 page whose body happens to say
 * SUCCESS is not a bound card).
 */
function statusAgrees(httpStatus: number, replyStatus: string): boolean {
  return replyStatus === 'ERROR' ? httpStatus >= 400 && httpStatus <= 599 : httpStatus === 200;
}

export async function bindCard(options: BindCardOptions): Promise<BindingOutcome> {
  if (options.trust) {
    // Before anything is encrypted or sent: a session naming another destination gets nothing.
    const problem = submitTargetProblem(options.session.submitUrl, options.trust) ?? encryptionKeyProblem(options.session.encryptionKey);
    if (problem) return {kind: 'session_malformed', reason: problem};
  }
  let encryptedCard: string;
  try {
    encryptedCard = await encryptCompactJwe(new TextEncoder().encode(JSON.stringify(options.card)), options.session.encryptionKey);
  } catch {
    return {kind: 'failed', code: 'encryption_failed', retryable: false};
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let response: Response;
  let body: unknown;
  try {
    response = await (options.fetch ?? fetch)(options.session.submitUrl, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: options.idempotencyKey},
      body: JSON.stringify({vaultingSessionData: options.session.credential, encryptedCard, browser: browserEnv()}),
      credentials: 'omit',
      cache: 'no-store',
      // A redirect would re-post the encrypted card to wherever it points: never follow one.
      redirect: 'manual',
      referrerPolicy: 'strict-origin',
      signal: controller.signal,
    });
    try {
      body = await response.json();
    } catch (error) {
      // Not JSON: judged below. Anything else (the connection died mid-body) is a network error.
      if (!(error instanceof SyntaxError)) throw error;
      body = undefined;
    }
  } catch {
    return controller.signal.aborted
      ? {kind: 'failed', code: 'timeout', retryable: true}
      : {kind: 'failed', code: 'network_error', retryable: true};
  } finally {
    clearTimeout(timer);
  }
  // The gateway is misconfigured or hostile; the same request would be redirected again.
  if (response.type === 'opaqueredirect') return {kind: 'failed', code: 'invalid_response', retryable: false};

  const parsed = z.safeParse(submitCardReplySchema, body);
  if (!parsed.success || !statusAgrees(response.status, parsed.data.status)) {
    // We cannot tell whether the card was bound; a retry with the same key is safe either way.
    return response.status >= 500
      ? {kind: 'failed', code: 'gateway_error', retryable: true}
      : {kind: 'failed', code: 'invalid_response', retryable: true};
  }
  const reply = parsed.data;
  switch (reply.status) {
    case 'SUCCESS':
      return {
        kind: 'bound',
        detail: {
          vaultingSessionId: reply.vaultingSessionId,
          brand: reply.paymentMethodDetail.card.brand,
          maskedCardNo: reply.paymentMethodDetail.card.maskedCardNo,
        },
      };
    case 'REDIRECT': {
      const rule = options.trust ? redirectTargetProblem(reply.redirect.url) : null;
      if (rule) return {kind: 'failed', code: 'invalid_response', retryable: false, rule};
      return {
        kind: 'redirect',
        detail: reply.redirect.fields
          ? {url: reply.redirect.url, method: reply.redirect.method, fields: reply.redirect.fields}
          : {url: reply.redirect.url, method: reply.redirect.method},
      };
    }
    case 'PROCESSING':
      return {kind: 'processing', vaultingSessionId: reply.vaultingSessionId};
    case 'FAIL':
      return {kind: 'declined', reason: declineReason(reply.result.resultCode), resultCode: reply.result.resultCode, retryable: true};
    case 'ERROR': {
      const code = reply.result.resultCode;
      if (code === SUBMIT_RESULT_CODES.SESSION_ALREADY_USED) return {kind: 'session_used', resultCode: code};
      if (code === SUBMIT_RESULT_CODES.SESSION_EXPIRED || code === SUBMIT_RESULT_CODES.SESSION_NOT_FOUND) {
        return {kind: 'session_expired', resultCode: code};
      }
      // U (UNKNOWN_EXCEPTION and the like) may succeed on retry; F will not.
      return {kind: 'failed', code: 'gateway_error', retryable: reply.result.resultStatus === 'U', resultCode: code};
    }
  }
}
