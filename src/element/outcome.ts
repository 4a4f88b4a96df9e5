/**
 * The outcome chunk: what happens once a submission has an answer. BindingController (in the
 * entry) loads it together with the submit path, so it is in before the gateway answers and no
 * answer waits for it; hosted mode imports it. It holds the outcome views' strings
 * (src/i18n/outcome-messages.ts), their alert texts, and the end of each path: exactly one
 * terminal event (`bound`, `error`, `redirect`, or `pending` after `processing`).
 */
import {navigate} from '../gateway/navigate.js';
import {declineReason} from '../gateway/decline-reasons.js';
import type {BindingOutcome, CardSecrets} from '../gateway/bind-card.js';
import type {DecodedSession} from '../session/decode-session.js';
import {outcomeMessages} from '../i18n/outcome-messages.js';
import type {BindingController} from './controllers/binding.js';
import {CardBoundEvent, CardPendingEvent, CardProcessingEvent, CardRedirectEvent, type BoundDetail, type ReportedOutcome} from './events.js';

// The alert views travel with this chunk: loaded on the first submit (with the submit path) or
// when the element shows a session problem.
export {alertStyles, alertText, renderAlertView} from './alert-view.js';
export {describeSessionProblem} from '../session/session-problems.js';
export {outcomeMessages};

export type SettledOutcome = BindingOutcome | {kind: 'malformed'; reason: string};

/** One attempt, once both chunks are in: checks the session in full, encrypts and sends; the caller settles it. */
export async function run(
  binding: BindingController,
  {decodeSession, bindCard, cardDigest}: typeof import('../gateway/submit-path.js'),
  sessionValue: string
): Promise<SettledOutcome> {
  const {host, deps} = binding;
  let outcome: SettledOutcome;
  let secrets: CardSecrets | null = null;
  try {
    const decoded = decodeSession(sessionValue, null);
    if (!decoded.ok) {
      outcome = {kind: 'malformed', reason: decoded.reason};
    } else {
      secrets = deps.secrets();
      const idempotencyKey = binding.keyFor(await cardDigest(secrets));
      outcome = await bindCard({
        session: decoded.session as DecodedSession,
        card: secrets,
        idempotencyKey,
        timeoutMs: host.submitTimeout,
        trust: {pageOrigin: globalThis.location?.origin ?? '', gatewayOrigins: host.gatewayOrigins},
      });
    }
  } finally {
    if (secrets) wipeSecrets(secrets);
    binding.submitting = false;
    host.requestUpdate();
  }
  if (outcome.kind !== 'failed') binding.forgetAttempt();
  return outcome;
}

function wipeSecrets(secrets: CardSecrets): void {
  // Strings are immutable in JS; dropping every reference is what "wiping" can mean here.
  const writable = secrets as {-readonly [K in keyof CardSecrets]?: CardSecrets[K]};
  for (const key of Object.keys(writable) as (keyof CardSecrets)[]) delete writable[key];
}

/** The page reports a PROCESSING submission's outcome it learned from its server. */
export function report(binding: BindingController, outcome: ReportedOutcome): void {
  const processing = binding.processing;
  if (!processing) return;
  binding.endProcessing();
  if (outcome.status === 'SUCCESS') {
    settle(binding, {
      kind: 'bound',
      detail: {vaultingSessionId: processing.vaultingSessionId, brand: outcome.brand ?? null, maskedCardNo: outcome.maskedCardNo ?? null},
    });
  } else {
    const resultCode = outcome.resultCode ?? 'PROCESS_FAIL';
    settle(binding, {kind: 'declined', reason: declineReason(resultCode), resultCode, retryable: false});
  }
}

/** Shows the answer and fires its one terminal event (`processing` waits for its own). */
export function settle(binding: BindingController, outcome: SettledOutcome): void {
  const {host, deps} = binding;
  const m = deps.messages();
  const o = outcomeMessages(deps.locale());
  const show = deps.show;
  switch (outcome.kind) {
    case 'bound': {
      const detail: BoundDetail = outcome.detail;
      deps.wipe();
      show({kind: 'success', brand: deps.displayBrand(detail.brand), last4: detail.maskedCardNo?.slice(-4) || null});
      host.dispatchEvent(new CardBoundEvent(detail));
      return;
    }
    case 'redirect': {
      const proceed = host.dispatchEvent(new CardRedirectEvent(outcome.detail));
      deps.wipe();
      show({kind: 'redirecting'});
      if (proceed) navigate(outcome.detail);
      return;
    }
    case 'processing': {
      deps.wipe();
      show({kind: 'processing'});
      const vaultingSessionId = outcome.vaultingSessionId;
      const timer = setTimeout(() => {
        binding.endProcessing();
        show({kind: 'pending'});
        host.dispatchEvent(new CardPendingEvent({vaultingSessionId}));
      }, host.processingTimeout);
      binding.processing = {timer, vaultingSessionId};
      host.dispatchEvent(new CardProcessingEvent({vaultingSessionId}));
      return;
    }
    case 'declined':
      show({kind: 'declined', reason: outcome.reason});
      binding.fail('declined', o.declineReasons[outcome.reason], outcome.retryable, outcome.resultCode);
      return;
    case 'session_expired':
      show({kind: 'session_expired'});
      binding.fail('session_expired', m.sessionExpiredBody, false, outcome.resultCode);
      return;
    case 'session_used':
      show({kind: 'session_used'});
      binding.fail('session_used', o.sessionUsedBody, false, outcome.resultCode);
      return;
    case 'malformed':
    case 'session_malformed':
      show({kind: 'session_malformed'});
      binding.fail('session_malformed', `vaultingSessionData: ${outcome.reason}`, false);
      return;
    case 'failed': {
      if (outcome.code === 'encryption_failed') {
        show({kind: 'encryption'});
        binding.fail(outcome.code, o.encryptionBody, false);
        return;
      }
      const network = outcome.code === 'network_error' || outcome.code === 'timeout';
      show(network ? {kind: 'network'} : {kind: 'gateway', retryable: outcome.retryable});
      const body = network ? m.networkBody : outcome.retryable ? o.gatewayBody : o.gatewayFinalBody;
      // A broken trust rule is a developer's problem: the message names it (the buyer sees `body`).
      binding.fail(outcome.code, outcome.rule ?? body, outcome.retryable, outcome.resultCode);
      return;
    }
  }
}
