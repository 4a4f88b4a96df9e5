/**
 * The replies the relay sends the element (src/gateway/submit-protocol.ts, unchanged for the
 * element), and how Antom's vaultPaymentMethod and inquireVaulting answers map onto them
 * (reference antom-production §2.1 "Result process logic").
 */
import {PROCESSING_RESULT, SUBMIT_RESULT_CODES, VERIFICATION_IN_PROCESS_RESULT, type SubmitCardReply} from '../../gateway/submit-protocol.js';
import type {InquireVaultingResponse, VaultPaymentMethodResponse} from '../schemas.js';

export interface Answer {
  readonly httpStatus: number;
  readonly reply: SubmitCardReply;
}

/** Codes this relay adds to the protocol's own (SUBMIT_RESULT_CODES). */
export const RELAY_RESULT_CODES = {
  /** The Idempotency-Key was used before with another card: refused, never answered with that card's outcome. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** Another submission of this session is being handled right now; try again shortly. */
  REQUEST_IN_PROGRESS: 'REQUEST_IN_PROGRESS',
} as const;

/**
 * F codes that say the merchant's request or account is wrong, not the card: the buyer cannot fix
 * them, so they are an error, not a decline. Antom publishes no complete list; these are its
 * documented request-level codes.
 */
const MERCHANT_SIDE_CODES = new Set([
  'PARAM_ILLEGAL',
  'INVALID_SIGNATURE',
  'KEY_NOT_FOUND',
  'INVALID_CLIENT',
  'INVALID_CLIENT_STATUS',
  'INVALID_API',
  'NO_INTERFACE_DEF',
  'MERCHANT_NOT_REGISTERED',
  'INVALID_MERCHANT_STATUS',
  'ACCESS_DENIED',
  'REPEAT_REQ_INCONSISTENT',
]);

export function isMerchantSideCode(resultCode: string): boolean {
  return MERCHANT_SIDE_CODES.has(resultCode);
}

const clip = (text: string | undefined, max: number) => (text ?? '').slice(0, max);

export function errorAnswer(httpStatus: number, resultCode: string, resultMessage: string, resultStatus: 'F' | 'U' = 'F'): Answer {
  return {httpStatus, reply: {status: 'ERROR', result: {resultCode, resultStatus, resultMessage: clip(resultMessage, 256)}}};
}

export const sessionNotFound = () => errorAnswer(404, SUBMIT_RESULT_CODES.SESSION_NOT_FOUND, 'The card binding session is unknown.');
export const sessionExpired = () => errorAnswer(410, SUBMIT_RESULT_CODES.SESSION_EXPIRED, 'The card binding session has expired.');
export const sessionUsed = (why: string) => errorAnswer(409, SUBMIT_RESULT_CODES.SESSION_ALREADY_USED, why);
export const originRefused = () =>
  errorAnswer(403, SUBMIT_RESULT_CODES.ORIGIN_NOT_ALLOWED, 'This page origin may not submit cards to this relay.');
export const inProgress = () =>
  errorAnswer(409, RELAY_RESULT_CODES.REQUEST_IN_PROGRESS, 'Another submission of this session is in progress; try again.', 'U');
export const keyReused = () =>
  errorAnswer(422, RELAY_RESULT_CODES.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with another card.');
/** Antom's state is unknown or it asked for another try: the element retries; nothing was bound. */
export const tryAgain = () =>
  errorAnswer(502, 'UNKNOWN_EXCEPTION', 'The card could not be bound this time; try again.', 'U');

export interface CardSummary {
  readonly brand: string;
  readonly maskedCardNo: string;
}

export function boundAnswer(vaultingSessionId: string, card: CardSummary): Answer {
  return {
    httpStatus: 200,
    reply: {
      status: 'SUCCESS',
      result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'},
      vaultingSessionId,
      paymentMethodDetail: {card: {brand: clip(card.brand, 32), maskedCardNo: clip(card.maskedCardNo, 64)}},
    },
  };
}

export function declinedAnswer(vaultingSessionId: string, resultCode: string, resultMessage: string | undefined, card: CardSummary): Answer {
  return {
    httpStatus: 200,
    reply: {
      status: 'FAIL',
      result: {resultCode: clip(resultCode, 64), resultStatus: 'F', resultMessage: clip(resultMessage || 'The card was declined.', 256)},
      vaultingSessionId,
      paymentMethodDetail: {card: {brand: clip(card.brand, 32), maskedCardNo: clip(card.maskedCardNo, 64)}},
    },
  };
}

export function redirectAnswer(vaultingSessionId: string, url: string): Answer {
  return {
    httpStatus: 200,
    reply: {
      status: 'REDIRECT',
      result: VERIFICATION_IN_PROCESS_RESULT,
      vaultingSessionId,
      redirect: {url, method: 'GET'},
    },
  };
}

export function processingAnswer(vaultingSessionId: string): Answer {
  return {
    httpStatus: 200,
    reply: {
      status: 'PROCESSING',
      result: PROCESSING_RESULT,
      vaultingSessionId,
    },
  };
}

/** An http(s) URL, or null: a 3-D Secure URL of any other kind is not followed. */
export function webUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return /^https?:$/.test(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
}

/** What vaultPaymentMethod's answer asks the relay to do next. */
export type VaultVerdict =
  | {readonly kind: 'bound'; readonly cardToken: string | undefined; readonly card: Partial<CardSummary>}
  | {readonly kind: 'declined'; readonly resultCode: string; readonly resultMessage: string | undefined}
  | {readonly kind: 'merchant_error'; readonly resultCode: string}
  | {readonly kind: 'challenge'; readonly url: string}
  /** U without a usable URL: ask inquireVaulting before anything else. */
  | {readonly kind: 'unknown'; readonly resultCode: string};

export function judgeVaultAnswer(answer: VaultPaymentMethodResponse): VaultVerdict {
  const {resultStatus, resultCode, resultMessage} = answer.result;
  if (resultStatus === 'S') {
    const card = answer.paymentMethodDetail?.card;
    return {kind: 'bound', cardToken: card?.cardToken, card: {brand: card?.brand, maskedCardNo: card?.maskedCardNo}};
  }
  if (resultStatus === 'F') {
    return isMerchantSideCode(resultCode) ? {kind: 'merchant_error', resultCode} : {kind: 'declined', resultCode, resultMessage};
  }
  const url = resultCode === 'VERIFICATION_IN_PROCESS' ? webUrl(answer.normalUrl) : null;
  return url ? {kind: 'challenge', url} : {kind: 'unknown', resultCode};
}

/** What inquireVaulting says about an attempt whose vaultPaymentMethod answer was U (or lost). */
export type InquiryVerdict =
  | {readonly kind: 'bound'; readonly cardToken: string | undefined; readonly card: Partial<CardSummary>}
  | {readonly kind: 'declined'; readonly resultCode: string; readonly resultMessage: string | undefined}
  | {readonly kind: 'challenge'; readonly url: string}
  | {readonly kind: 'processing'};

export function judgeInquiry(answer: InquireVaultingResponse): InquiryVerdict {
  if (answer.vaultingStatus === 'SUCCESS') {
    const card = answer.paymentMethodDetail?.card;
    return {kind: 'bound', cardToken: card?.cardToken, card: {brand: card?.brand, maskedCardNo: card?.maskedCardNo}};
  }
  if (answer.vaultingStatus === 'FAIL') {
    return {kind: 'declined', resultCode: answer.vaultingResultCode ?? 'PROCESS_FAIL', resultMessage: answer.vaultingResultMessage};
  }
  const url = webUrl(answer.normalUrl);
  return url ? {kind: 'challenge', url} : {kind: 'processing'};
}
