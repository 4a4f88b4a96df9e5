/**
 * vaultPaymentMethod (reference antom-production §2.1, antom-vaulting §8.2): the merchant server
 * sends the card in the call itself, Antom's end-to-end API for PCI DSS validated merchants. The
 * scenario cards decide the answer as they do for a browser submission:
 *
 * - S SUCCESS with `paymentMethodDetail.card {cardToken, brand, maskedCardNo}`;
 * - F with the decline code (DO_NOT_HONOR, CARD_EXPIRED, CARD_NOT_SUPPORTED, ...);
 * - U VERIFICATION_IN_PROCESS with `normalUrl`: the emulator's 3-D Secure page, which completes the
 *   binding and sends the buyer to the request's redirectUrl;
 * - U UNKNOWN_EXCEPTION for the processing card (recorded, succeeds later) and for the gateway-error
 *   card (nothing recorded).
 *
 * Idempotent on vaultingRequestId per merchant: the same parameters get the binding's current
 * answer again, other parameters PARAM_ILLEGAL. The card number, expiry and security code are
 * looked at here only: never stored, logged or answered; the record keeps brand and masked number.
 */
import * as z from 'zod/mini';
import {
  describeIssues,
  vaultPaymentMethodRequestSchema,
  type VaultPaymentMethodResponse,
} from '../server/schemas.js';
import type {CardBrand} from '../card/types.js';
import {paramIllegal} from './api-result.js';
import {completeBinding, startProcessing, SUCCESS_RESULT} from './bindings.js';
import {detectBrand, isExpired, maskCardNumber, passesLuhn} from './cards.js';
import {openChallenge} from './challenge.js';
import type {SandboxContext} from './context.js';
import {requestFingerprint} from './fingerprint.js';
import type {Merchant} from './merchants.js';
import {decideScenario, DECLINE_MESSAGES, scenarioFor, type Scenario} from './scenarios.js';
import type {VaultBinding} from './store.js';

type VaultRequest = z.infer<typeof vaultPaymentMethodRequestSchema>;
type VaultCard = VaultRequest['paymentMethodDetail']['card'];

/** What a pattern check expects, by field name (the shared describeIssues says "not a valid regex"). */
const FORMAT_HINTS: Readonly<Record<string, string>> = {
  cardNo: 'must be 8 to 32 digits',
  expiryMonth: 'must be two digits, 01 to 12',
  expiryYear: 'must be two digits',
  cvv: 'must be 3 or 4 digits',
  merchantRegion: 'must be an ISO 3166 alpha-2 code',
};

/** PROCESSING has no documented answer of its own here: see the processing case below. */
const NOT_ANSWERED_IN_TIME = {
  resultCode: 'UNKNOWN_EXCEPTION',
  resultStatus: 'U',
  resultMessage: 'The sandbox took the request but did not answer in time (processing scenario card); the outcome follows by notifyVaulting.',
} as const;

export function vaultPaymentMethod(context: SandboxContext, merchant: Merchant, body: unknown): object {
  const parsed = z.safeParse(vaultPaymentMethodRequestSchema, body);
  if (!parsed.success) return paramIllegal(fieldIssues(parsed.error.issues));
  const request = parsed.data;
  if (request.paymentMethodDetail.paymentMethodType !== 'CARD') {
    return paramIllegal(['paymentMethodDetail.paymentMethodType: the emulator vaults CARD only']);
  }

  // A keyed hash: the record must not keep the card, not even as a plain digest of it.
  const fingerprint = requestFingerprint('vaultPaymentMethod', request);
  const existing = context.store.findByRequest(merchant.clientId, request.vaultingRequestId);
  if (existing?.kind === 'session') return paramIllegal(['vaultingRequestId: already used by createVaultingSession']);
  if (existing) {
    return existing.requestFingerprint === fingerprint
      ? answerFor(existing)
      : paramIllegal(['vaultingRequestId: already used with different parameters']);
  }

  const checked = checkCard(request.paymentMethodDetail.card, merchant, context.settings.now());
  if ('issues' in checked) return paramIllegal(checked.issues);
  const threeDSecureRequested = request.paymentMethodDetail.card.is3DSAuthentication === true;
  const scenario = decideScenario({...checked, acceptedBrands: merchant.acceptedBrands, threeDSecureRequested});
  if (scenario.kind === 'gateway_error') {
    // Nothing happened: no record, so inquireVaulting says VAULTING_NOT_EXIST and any retry is new.
    return {
      result: {
        resultCode: 'UNKNOWN_EXCEPTION',
        resultStatus: 'U',
        resultMessage: 'The sandbox gateway failed (scenario card); call again, with a new vaultingRequestId as Antom advises for U.',
      },
    } satisfies VaultPaymentMethodResponse;
  }

  const record: VaultBinding = {
    kind: 'vault',
    clientId: merchant.clientId,
    vaultingRequestId: request.vaultingRequestId,
    requestFingerprint: fingerprint,
    notificationUrl: request.vaultingNotificationUrl,
    redirectUrl: request.redirectUrl,
    threeDSecureRequested,
    metadata: request.metadata ?? null,
    createdAt: context.settings.now(),
    // Set right below, before anyone can read it.
    state: 'PROCESSING',
    card: {brand: checked.brand ?? 'UNKNOWN', maskedCardNo: checked.maskedCardNo},
    cardToken: null,
    failure: null,
    challengeUrl: null,
    completedAt: null,
    deliveries: [],
  };
  context.store.add(record);
  applyScenario(context, record, scenario);
  return answerFor(record);
}

function applyScenario(context: SandboxContext, record: VaultBinding, scenario: Exclude<Scenario, {kind: 'gateway_error'}>): void {
  switch (scenario.kind) {
    case 'success':
      completeBinding(context, record, {status: 'SUCCESS'});
      return;
    case 'decline':
      // One call, one attempt: unlike a session, a declined vaultPaymentMethod is final at once.
      completeBinding(context, record, {status: 'FAIL', resultCode: scenario.resultCode, resultMessage: DECLINE_MESSAGES[scenario.resultCode]});
      return;
    case 'challenge':
      openChallenge(context, record);
      return;
    case 'processing':
      // THE EMULATOR'S OWN MODEL: Antom documents no "processing" answer for vaultPaymentMethod
      // (S, F, U VERIFICATION_IN_PROCESS with a URL, or another U). This card stands for a gateway
      // that accepted the work but could not answer in time: U UNKNOWN_EXCEPTION now, PROCESSING
      // for inquireVaulting, SUCCESS and its notification after processingDelayMs.
      startProcessing(context, record);
      return;
  }
}

/** The answer for the binding's current state: the first answer, and every repeat of the call. */
function answerFor(record: VaultBinding): VaultPaymentMethodResponse {
  const base = {vaultingRequestId: record.vaultingRequestId};
  switch (record.state) {
    case 'SUCCESS':
      return {
        result: SUCCESS_RESULT,
        ...base,
        paymentMethodDetail: {
          paymentMethodType: 'CARD',
          card: {cardToken: record.cardToken ?? '', brand: record.card?.brand, maskedCardNo: record.card?.maskedCardNo},
        },
      };
    case 'FAIL':
      return {
        result: {resultCode: record.failure?.resultCode ?? 'PROCESS_FAIL', resultStatus: 'F', resultMessage: record.failure?.resultMessage ?? 'fail.'},
        ...base,
      };
    case 'CHALLENGE':
      return {
        result: {resultCode: 'VERIFICATION_IN_PROCESS', resultStatus: 'U', resultMessage: 'The buyer must complete 3-D Secure at normalUrl.'},
        ...base,
        ...(record.challengeUrl ? {normalUrl: record.challengeUrl} : {}),
      };
    case 'PROCESSING':
      return {result: NOT_ANSWERED_IN_TIME, ...base};
  }
}

interface CheckedCard {
  readonly brand: CardBrand | null;
  readonly maskedCardNo: string;
  readonly expired: boolean;
  readonly scenario: Scenario;
}

/** The checks beyond the schema. Problems name the field only. */
function checkCard(card: VaultCard, merchant: Merchant, now: Date): CheckedCard | {issues: string[]} {
  const issues: string[] = [];
  if (!passesLuhn(card.cardNo)) issues.push('paymentMethodDetail.card.cardNo: fails the check digit');
  const name = card.cardholderName;
  if (merchant.holderNameRequired && ![name?.fullName, name?.firstName, name?.lastName].some((part) => part?.trim())) {
    issues.push('paymentMethodDetail.card.cardholderName: required by this merchant (a fullName, firstName or lastName)');
  }
  if (issues.length > 0) return {issues};
  return {
    brand: detectBrand(card.cardNo),
    maskedCardNo: maskCardNumber(card.cardNo),
    expired: isExpired(card.expiryMonth, card.expiryYear, now),
    scenario: scenarioFor(card.cardNo),
  };
}

/** describeIssues, with a readable expectation for pattern checks. Never the input. */
function fieldIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 10).map((issue) => {
    const field = issue.path.at(-1);
    const hint = issue.code === 'invalid_format' && issue.format === 'regex' && typeof field === 'string' ? FORMAT_HINTS[field] : undefined;
    return hint ? `${issue.path.join('.')}: ${hint}` : describeIssues([issue])[0]!;
  });
}
