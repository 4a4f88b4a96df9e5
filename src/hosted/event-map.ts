/**
 * What each code from Antom's web SDK (`onEventCallback`, `onError`, a rejected mount or submit)
 * means for `<antom-card-binding>`'s events. Pure: the table and one function.
 *
 * `source` says where the meaning comes from:
 * - `sdk`: the code is emitted by the SDK's own code in @alipay/ams-checkout 1.47.2 and its
 *   meaning is read there (file and line in `where`);
 * - `guess`: the code is sent by Antom's hosted vaulting app inside the iframe, which is not in
 *   the package and not documented for vaulting (antom-production.md §3, §6). Only the names are
 *   known (the SDK's `eventCodeEnum`, `esm/types/index.js:180-197`, or Antom's general SDK
 *   reference for payments). Each guess is one line here, to check against Antom's sandbox.
 *
 * Whatever is not in the table still reaches the page in `hosted-event` (never dropped).
 */
import type {BindingErrorCode} from '../element/events.js';

export type HostedOutcome =
  /** Informational: nothing to do but pass it on in `hosted-event`. */
  | {readonly kind: 'info'}
  /** Antom's card page is shown and usable: `ready`. */
  | {readonly kind: 'ready'}
  | {readonly kind: 'bound'}
  | {readonly kind: 'declined'}
  /** Antom accepted the card and decides later: terminal `pending` (the server learns the outcome). */
  | {readonly kind: 'pending'}
  /** The SDK navigates by itself: informational, non-cancelable `redirect`. */
  | {readonly kind: 'redirect'}
  /** Antom's page shows field errors: the submission ends in `error` `hosted_form_invalid`. */
  | {readonly kind: 'form_invalid'}
  | {readonly kind: 'error'; readonly code: BindingErrorCode; readonly retryable: boolean};

export interface HostedCodeRule {
  readonly code: string;
  readonly outcome: HostedOutcome;
  readonly source: 'sdk' | 'guess';
  /** Where the code is emitted or named. */
  readonly where: string;
}

const INFO: HostedOutcome = {kind: 'info'};
const error = (code: BindingErrorCode, retryable: boolean): HostedOutcome => ({kind: 'error', code, retryable});

/** The table (also printed in the README's "Hosted mode"). */
export const HOSTED_CODE_TABLE: readonly HostedCodeRule[] = [
  {code: 'SDK_START_OF_LOADING', outcome: INFO, source: 'sdk', where: 'esm/plugin/component/index.js (mount begins)'},
  {code: 'SDK_END_OF_LOADING', outcome: {kind: 'ready'}, source: 'sdk', where: 'esm/plugin/component/index.js:1263-1267 (app posts dismissLoading)'},
  // Parameter errors: a session the SDK cannot parse (our reading accepted it, so rare).
  {code: 'SDK_CREATEPAYMENT_PARAMETER_ERROR', outcome: error('session_malformed', false), source: 'sdk', where: 'esm/core/component/index.js:156-175'},
  // Constructor options the SDK refused: this library's mistake or an SDK it does not know.
  {code: 'SDK_INIT_PARAMETER_ERROR', outcome: error('gateway_error', false), source: 'sdk', where: 'esm/core/instance/index.js:310-335'},
  // Load timeout (15 s) and network errors are told apart by message (see hostedOutcome).
  {code: 'SDK_CREATECOMPONENT_ERROR', outcome: error('gateway_error', true), source: 'sdk', where: 'esm/constant/index.js:55-72'},
  {code: 'SDK_INTERNAL_ERROR', outcome: error('gateway_error', true), source: 'sdk', where: 'esm/plugin/component/index.js (non-JSON message, iframe failure)'},
  {code: 'SDK_CALL_URL_SUCCESS', outcome: {kind: 'redirect'}, source: 'sdk', where: 'esm/plugin/component/index.js:1588-1592 (after it navigated)'},
  {code: 'SDK_LAUNCH_PAYMENT_APP_ERROR', outcome: error('gateway_error', true), source: 'sdk', where: 'esm/constant/index.js:74-92'},
  {code: 'SDK_CALL_URL_ERROR', outcome: error('gateway_error', true), source: 'sdk', where: 'esm/constant/index.js:117 (deprecated alias)'},
  // From here on: codes the hosted vaulting app may send. Names are real, meanings for vaulting are guessed.
  {code: 'SDK_PAYMENT_SUCCESSFUL', outcome: {kind: 'bound'}, source: 'guess', where: 'eventCodeEnum; Antom SDK reference (payments)'},
  {code: 'SDK_PAYMENT_AUTHORIZATION_SUCCESSFUL', outcome: {kind: 'bound'}, source: 'guess', where: 'Antom SDK reference (payments)'},
  {code: 'SDK_PAYMENT_FAIL', outcome: {kind: 'declined'}, source: 'guess', where: 'eventCodeEnum; Antom SDK reference (payments)'},
  {code: 'SDK_PAYMENT_PROCESSING', outcome: {kind: 'pending'}, source: 'guess', where: 'eventCodeEnum; Antom SDK reference (payments)'},
  {code: 'SDK_PAYMENT_ERROR', outcome: error('gateway_error', true), source: 'guess', where: 'eventCodeEnum; Antom SDK reference (payments)'},
  {code: 'SDK_SUBMIT_NETWORK_ERROR', outcome: error('network_error', true), source: 'guess', where: 'Antom SDK reference (payments)'},
  {code: 'SDK_PAYMENT_CHALLENGE', outcome: {kind: 'redirect'}, source: 'guess', where: 'Antom SDK reference: "the SDK jumps to the verification page"'},
  {code: 'SDK_REDIRECT', outcome: {kind: 'redirect'}, source: 'guess', where: 'eventCodeEnum'},
  {code: 'SDK_FORM_VERIFICATION_FAILED', outcome: {kind: 'form_invalid'}, source: 'guess', where: 'Antom SDK reference (payments)'},
  // Named but with nothing to map for a card binding: passed through only.
  {code: 'SDK_PAYMENT_CANCEL', outcome: INFO, source: 'guess', where: 'eventCodeEnum'},
  {code: 'SDK_PAYMENT_RETRY', outcome: INFO, source: 'guess', where: 'Antom SDK reference (payments)'},
  {code: 'SDK_PAYMENT_WARN', outcome: INFO, source: 'guess', where: 'eventCodeEnum'},
  {code: 'SDK_DUPLICATE_SUBMISSION_BEHAVIOR', outcome: INFO, source: 'guess', where: 'Antom SDK reference (payments)'},
];

const BY_CODE = new Map(HOSTED_CODE_TABLE.map((rule) => [rule.code, rule]));

/** The rule for a code, or null: an unknown code (passed through in `hosted-event` only). */
export function hostedRule(code: string): HostedCodeRule | null {
  return BY_CODE.get(code) ?? null;
}

/**
 * The outcome of one SDK report. SDK_CREATECOMPONENT_ERROR carries several causes told apart by
 * message (`esm/constant/index.js:55-72`): "Load resource timeout" and "Network request error"
 * are `network_error`; "Only one component can be rendered simultaneously" is `hosted_one_per_page`.
 */
export function hostedOutcome(code: string, message: string): HostedOutcome | null {
  if (code === 'SDK_CREATECOMPONENT_ERROR') {
    if (/timeout|network/i.test(message)) return error('network_error', true);
    if (/only one component/i.test(message)) return error('hosted_one_per_page', false);
  }
  return hostedRule(code)?.outcome ?? null;
}

/** The result code an SDK report carries, if any (`result.paymentResultCode` or `result.result.resultCode`). */
export function resultCodeOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const {paymentResultCode, result: inner} = result as {paymentResultCode?: unknown; result?: {resultCode?: unknown}};
  if (typeof paymentResultCode === 'string' && paymentResultCode) return paymentResultCode;
  const code = typeof inner === 'object' && inner !== null ? inner.resultCode : undefined;
  return typeof code === 'string' && code ? code : undefined;
}

/** The URL a redirect report names: `result.redirectUrls.normalUrl`, or the URL in the message. */
export function redirectUrlOf(message: string, result: unknown): string {
  const urls = typeof result === 'object' && result !== null ? (result as {redirectUrls?: {normalUrl?: unknown}}).redirectUrls : undefined;
  if (typeof urls?.normalUrl === 'string' && urls.normalUrl) return urls.normalUrl;
  return /https?:\/\/\S+/.exec(message)?.[0] ?? '';
}
