/**
 * Maps gateway result codes (reference §10.2, §11) to what the buyer is told. Deliberately coarse:
 * like a bank's own wording, it never says "lost" or "stolen" or "fraud" to whoever holds the card.
 */
import type {DeclineReason} from '../i18n/messages.js';

const REASONS: Record<string, DeclineReason> = {
  CARD_EXPIRED: 'expired',
  INVALID_EXPIRATION_DATE: 'expired',
  INVALID_CVV: 'security_code',
  INVALID_CARD_NUMBER: 'card_number',
  CARD_NOT_SUPPORTED: 'not_supported',
  AUTHENTICATION_REQUIRED: 'verification_failed',
  USER_PAYMENT_VERIFICATION_FAILED: 'verification_failed',
  VERIFICATION_FAIL: 'verification_failed',
  VERIFY_TIMES_EXCEED_LIMIT: 'too_many_attempts',
  PAYMENT_COUNT_EXCEED_LIMIT: 'too_many_attempts',
  // An amount limit is not an attempt count: the bank's plain refusal says it best.
  PAYMENT_AMOUNT_EXCEED_LIMIT: 'generic',
  PROCESS_FAIL: 'processing_failed',
  // Issuer refusals, said the way a bank says them.
  DO_NOT_HONOR: 'generic',
  ACCESS_DENIED: 'generic',
  ACCOUNT_CLOSED: 'generic',
  BLOCKED_FIRST_USED: 'generic',
  FRAUD_REJECT: 'generic',
  LOST_CARD: 'generic',
  STOLEN_CARD: 'generic',
  PICKUP_CARD: 'generic',
  RESTRICTED_CARD: 'generic',
  POLICY: 'generic',
  USER_BALANCE_NOT_ENOUGH: 'generic',
  NO_SELECTED_ACCOUNT: 'generic',
  ORDER_IS_CLOSED: 'processing_failed',
};

/** The buyer-facing reason for a decline result code; unknown codes get the generic decline. */
export function declineReason(resultCode: string): DeclineReason {
  return REASONS[resultCode] ?? 'generic';
}
