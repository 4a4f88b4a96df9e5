/**
 * The life of one binding after the card is in: final outcomes, the notifyVaulting body they
 * produce, and how inquireVaulting describes each state (reference §7, §8.1).
 */
import {randomBytes} from 'node:crypto';
import type {InquireVaultingResponse, VaultingNotification} from '../server/schemas.js';
import {schedule, type SandboxContext} from './context.js';
import {isoSeconds} from './http.js';
import type {BindingRecord} from './store.js';

export type FinalOutcome =
  | {readonly status: 'SUCCESS'}
  | {readonly status: 'FAIL'; readonly resultCode: string; readonly resultMessage: string};

export const SUCCESS_RESULT = {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'} as const;

export function isFinal(record: BindingRecord): boolean {
  return record.state === 'SUCCESS' || record.state === 'FAIL';
}

/** Records the final outcome once and starts notifyVaulting. Later calls do nothing. */
export function completeBinding(context: SandboxContext, record: BindingRecord, outcome: FinalOutcome): void {
  if (isFinal(record)) return;
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
    body: JSON.stringify(notificationBody(record)),
    label: record.vaultingRequestId,
    attempts: record.deliveries,
  });
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

/** The notifyVaulting body for a final state. */
export function notificationBody(record: BindingRecord): VaultingNotification {
  const success = record.state === 'SUCCESS';
  return {
    result: success
      ? SUCCESS_RESULT
      : {resultCode: record.failure?.resultCode ?? 'PROCESS_FAIL', resultStatus: 'F', resultMessage: record.failure?.resultMessage ?? 'fail.'},
    vaultingRequestId: record.vaultingRequestId,
    vaultingStatus: success ? 'SUCCESS' : 'FAIL',
    vaultingCreateTime: isoSeconds(record.createdAt),
    paymentMethodDetail: paymentMethodDetail(record),
  };
}

/** The inquireVaulting body for the binding's current state. */
export function inquiryBody(record: BindingRecord, now: Date): InquireVaultingResponse {
  const base = {result: SUCCESS_RESULT, vaultingRequestId: record.vaultingRequestId};
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
        vaultingStatus: 'PROCESSING',
        vaultingResultCode: 'VERIFICATION_IN_PROCESS',
        vaultingResultMessage: 'The verification is still under process.',
        ...(record.challengeUrl ? {normalUrl: record.challengeUrl} : {}),
      };
    case 'PROCESSING':
      return {...base, vaultingStatus: 'PROCESSING', vaultingResultMessage: 'The binding is being processed.'};
    case 'OPEN':
      // A session that lapsed without a card never binds; ORDER_IS_CLOSED is the closest documented code.
      return now >= record.expiresAt
        ? {
            ...base,
            vaultingStatus: 'FAIL',
            vaultingResultCode: 'ORDER_IS_CLOSED',
            vaultingResultMessage: 'The vaulting session expired before a card was submitted.',
          }
        : {...base, vaultingStatus: 'PROCESSING', vaultingResultMessage: 'Waiting for the buyer to submit a card.'};
  }
}
