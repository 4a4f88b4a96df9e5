/**
 * The life of one binding after a card attempt: declined attempts, final outcomes, the
 * notifyVaulting body they produce, and how inquireVaulting describes each state (reference §7,
 * §8.1). Both kinds of binding (store.ts) go through here; declines and expiry concern sessions
 * only, as a vaultPaymentMethod call is a single attempt.
 *
 * THIS LIBRARY'S OWN MODEL (Antom's is not public, reference §14): a decline ends the attempt, not
 * the session. The session stays OPEN for another attempt until an attempt succeeds, goes to 3-D
 * Secure or PROCESSING, or is the MAX_DECLINED_ATTEMPTS-th decline, or until the session expires.
 * Only the final state is notified, exactly once per vaultingRequestId.
 */
import {randomBytes} from 'node:crypto';
import type {InquireVaultingResponse, VaultingNotification} from '../server/schemas.js';
import {schedule, type SandboxContext} from './context.js';
import {isoSeconds} from './http.js';
import type {NotificationFields} from './options.js';
import type {BindingRecord, Failure, SessionBinding} from './store.js';

export type FinalOutcome =
  | {readonly status: 'SUCCESS'}
  | {readonly status: 'FAIL'; readonly resultCode: string; readonly resultMessage: string};

export const SUCCESS_RESULT = {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'} as const;

/** The emulator's own limit: the declined attempt that reaches it ends the session as FAIL. */
export const MAX_DECLINED_ATTEMPTS = 5;

/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

export function isFinal(record: BindingRecord): boolean {
  return record.state === 'SUCCESS' || record.state === 'FAIL';
}

/** Records the final outcome once and starts notifyVaulting. Later calls do nothing. */
export function completeBinding(context: SandboxContext, record: BindingRecord, outcome: FinalOutcome): void {
  if (isFinal(record)) return;
  if (record.kind === 'session') {
    record.cancelExpiryTimer?.();
    record.cancelExpiryTimer = null;
  }
  record.state = outcome.status;
  record.completedAt = context.settings.now();
  if (outcome.status === 'SUCCESS') {
    // Opaque, and visibly a sandbox token.
    record.cardToken = `SANDBOX_CT_${randomBytes(24).toString('base64url')}`;
  } else {
    record.failure = {resultCode: outcome.resultCode, resultMessage: outcome.resultMessage};
  }
  context.settings.log(`binding ${record.vaultingRequestId}: ${outcome.status}${record.failure ? ` ${record.failure.resultCode}` : ''}`);
  context.notifier.send({
    url: record.notificationUrl,
    clientId: record.clientId,
    body: JSON.stringify(notificationBody(record, context.settings.notificationFields)),
    label: record.vaultingRequestId,
    attempts: record.deliveries,
  });
}

/**
 * Records a declined attempt. Below the limit the session stays OPEN for another attempt (with a
 * new idempotency key), and a timer ends it at its expiry; the limit ends it as FAIL right away.
 */
export function recordDecline(context: SandboxContext, record: SessionBinding, decline: Failure): void {
  record.declinedAttempts += 1;
  record.lastDecline = decline;
  if (record.declinedAttempts >= MAX_DECLINED_ATTEMPTS) {
    context.settings.log(`binding ${record.vaultingRequestId}: ${record.declinedAttempts} declined attempts, the limit; session closed`);
    completeBinding(context, record, {status: 'FAIL', ...decline});
    return;
  }
  context.settings.log(
    `binding ${record.vaultingRequestId}: attempt declined ${decline.resultCode} (${record.declinedAttempts} of ${MAX_DECLINED_ATTEMPTS}); session still open`,
  );
  record.cancelExpiryTimer ??= scheduleLapse(context, record);
}

/** Wall time until the expiry (by the settings clock); checked again when it fires. */
function scheduleLapse(context: SandboxContext, record: SessionBinding): () => void {
  const delay = Math.min(Math.max(1, record.expiresAt.getTime() - context.settings.now().getTime()), MAX_TIMER_DELAY_MS);
  return schedule(context, delay, () => {
    record.cancelExpiryTimer = null;
    if (!closeIfLapsed(context, record) && record.state === 'OPEN') record.cancelExpiryTimer = scheduleLapse(context, record);
  });
}

/**
 * Ends an OPEN session whose expiry has passed. After declined attempts it becomes FAIL with the
 * last decline's code and is notified; with no attempt at all it stays OPEN and is not notified
 * (inquireVaulting says FAIL ORDER_IS_CLOSED). Returns whether the session lapsed while OPEN.
 * A vaultPaymentMethod binding has no session to lapse.
 */
export function closeIfLapsed(context: SandboxContext, record: BindingRecord): boolean {
  if (record.kind !== 'session') return false;
  if (record.state !== 'OPEN' || context.settings.now() < record.expiresAt) return record.lapsed;
  record.lapsed = true;
  if (record.lastDecline) {
    context.settings.log(`binding ${record.vaultingRequestId}: session expired after ${record.declinedAttempts} declined attempt(s)`);
    completeBinding(context, record, {status: 'FAIL', ...record.lastDecline});
  }
  return true;
}

/** Puts the binding in PROCESSING; it succeeds after the configured delay. */
export function startProcessing(context: SandboxContext, record: BindingRecord): void {
  record.state = 'PROCESSING';
  schedule(context, context.settings.processingDelayMs, () => completeBinding(context, record, {status: 'SUCCESS'}));
}

function paymentMethodDetail(record: BindingRecord): NonNullable<VaultingNotification['paymentMethodDetail']> {
  const card = record.card ? {brand: record.card.brand, maskedCardNo: record.card.maskedCardNo} : {};
  return {paymentMethodType: 'CARD', card: record.cardToken ? {cardToken: record.cardToken, ...card} : card};
}

/**
 * The notifyVaulting body for a final state. `ams` (default): the fields of Antom's AMS
 * notification (result, vaultingRequestId, paymentMethodDetail, and metadata when the
 * vaultPaymentMethod request had it); `apo` adds the APO pages' vaultingStatus and
 * vaultingCreateTime (reference antom-production §1.4).
 */
export function notificationBody(record: BindingRecord, fields: NotificationFields = 'ams'): VaultingNotification {
  const success = record.state === 'SUCCESS';
  return {
    result: success
      ? SUCCESS_RESULT
      : {resultCode: record.failure?.resultCode ?? 'PROCESS_FAIL', resultStatus: 'F', resultMessage: record.failure?.resultMessage ?? 'fail.'},
    vaultingRequestId: record.vaultingRequestId,
    ...(fields === 'apo' ? {vaultingStatus: success ? 'SUCCESS' : 'FAIL', vaultingCreateTime: isoSeconds(record.createdAt)} : {}),
    paymentMethodDetail: paymentMethodDetail(record),
    ...metadataOf(record),
  };
}

function metadataOf(record: BindingRecord): {metadata?: string} {
  return record.kind === 'vault' && record.metadata !== null ? {metadata: record.metadata} : {};
}

/** Every PROCESSING answer carries this code (J AlipayVaultingQueryResponse: "When vaultingStatus is PROCESSING"). */
const IN_PROCESS = {vaultingStatus: 'PROCESSING', vaultingResultCode: 'VERIFICATION_IN_PROCESS'} as const;

/** The inquireVaulting body for the binding's current state. */
export function inquiryBody(record: BindingRecord, now: Date): InquireVaultingResponse {
  const base = {result: SUCCESS_RESULT, vaultingRequestId: record.vaultingRequestId, ...metadataOf(record)};
  switch (record.state) {
    case 'SUCCESS':
      return {
        ...base,
        vaultingStatus: 'SUCCESS',
        vaultingResultCode: 'SUCCESS',
        vaultingResultMessage: 'success.',
        paymentMethodDetail: paymentMethodDetail(record),
      };
    case 'FAIL':
      return {
        ...base,
        vaultingStatus: 'FAIL',
        vaultingResultCode: record.failure?.resultCode ?? 'PROCESS_FAIL',
        vaultingResultMessage: record.failure?.resultMessage ?? 'fail.',
      };
    case 'CHALLENGE':
      return {
        ...base,
        ...IN_PROCESS,
        vaultingResultMessage: 'The verification is still under process.',
        ...(record.challengeUrl ? {normalUrl: record.challengeUrl} : {}),
      };
    case 'PROCESSING':
      return {...base, ...IN_PROCESS, vaultingResultMessage: 'The binding is being processed.'};
    case 'OPEN':
      // Only a session is ever OPEN. Declined attempts do not show: the binding is not final while
      // the buyer may try again. A session that lapsed without a card never binds;
      // ORDER_IS_CLOSED is the closest documented code.
      if (record.lapsed || now >= record.expiresAt) {
        return {
          ...base,
          vaultingStatus: 'FAIL',
          vaultingResultCode: 'ORDER_IS_CLOSED',
          vaultingResultMessage: 'The vaulting session expired before a card was submitted.',
        };
      }
      // UNVERIFIED: what Antom answers before any card is submitted is not documented (reference
      // antom-production §1.3, §6); it might well be VAULTING_NOT_EXIST until a vault record
      // exists. PROCESSING is this emulator's choice.
      return {
        ...base,
        ...IN_PROCESS,
        vaultingResultMessage:
          record.declinedAttempts > 0
            ? 'The last attempt was declined; waiting for the buyer to try again.'
            : 'Waiting for the buyer to submit a card.',
      };
  }
}
