/**
 * The browser-facing card submit endpoint: THIS LIBRARY'S OWN DESIGN (src/gateway/submit-protocol.ts),
 * not an Antom API. The session credential is the only authentication; the card arrives as a JWE
 * for the session's key. One binding per session: a declined attempt leaves the session open for
 * another (new Idempotency-Key) up to MAX_DECLINED_ATTEMPTS; any other answered attempt ends it.
 * Each answered attempt is replayed for its own Idempotency-Key.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import * as z from 'zod/mini';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  PROCESSING_RESULT,
  SUBMIT_RESULT_CODES,
  submitCardRequestSchema,
  VERIFICATION_IN_PROCESS_RESULT,
  type SubmitCardReply,
} from '../gateway/submit-protocol.js';
import {describeIssues} from '../server/schemas.js';
import {closeIfLapsed, completeBinding, MAX_DECLINED_ATTEMPTS, recordDecline, startProcessing, SUCCESS_RESULT} from './bindings.js';
import {CardInputError, inspectCard, type InspectedCard} from './card-intake.js';
import {openChallenge} from './challenge.js';
import type {SandboxContext} from './context.js';
import {bodyLimits, parseJsonBytes, readBodyOrRefuse, sendJson, sendText} from './http.js';
import {decryptCompactJwe, JweError} from '../server/card-jwe.js';
import {allowsOrigin} from './merchants.js';
import {decideScenario, DECLINE_MESSAGES, type Scenario} from './scenarios.js';
import type {SessionBinding} from './store.js';

interface Answer {
  readonly httpStatus: number;
  readonly reply: SubmitCardReply;
}

const ALLOWED_REQUEST_HEADERS = `content-type, ${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`;

function errorAnswer(httpStatus: number, resultCode: string, resultMessage: string, resultStatus: 'F' | 'U' = 'F'): Answer {
  return {httpStatus, reply: {status: 'ERROR', result: {resultCode, resultStatus, resultMessage}}};
}

/** Handles OPTIONS (CORS preflight) and POST on the submit path. */
export async function handleSubmitRoute(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
  // No session is known before the body is read, so these headers go by "any merchant allows it";
  // the POST itself is then checked against the session's own merchant.
  const cors: Record<string, string> = {vary: 'Origin'};
  if (origin !== null && context.merchants.anyAllowsOrigin(origin)) cors['access-control-allow-origin'] = origin;

  if (request.method === 'OPTIONS') {
    answerPreflight(request, response, cors);
    return;
  }
  if (request.method !== 'POST') {
    const {httpStatus, reply} = errorAnswer(405, 'PARAM_ILLEGAL', 'Use POST.');
    sendJson(response, httpStatus, reply, {...cors, allow: 'POST, OPTIONS'});
    return;
  }
  const body = await readBodyOrRefuse(request, bodyLimits(context.settings), ({status, resultCode, message}) =>
    sendJson(response, status, errorAnswer(status, resultCode, message).reply, {...cors, connection: 'close'}),
  );
  if (!body) return;
  const idempotencyKey = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  const {httpStatus, reply} = submitCard(context, body, typeof idempotencyKey === 'string' ? idempotencyKey : null, origin);
  sendJson(response, httpStatus, reply, cors);
  context.settings.log(`POST submitCard: ${httpStatus} ${reply.status} ${reply.result.resultCode}`);
}

function answerPreflight(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): void {
  if (!cors['access-control-allow-origin']) {
    sendText(response, 403, '', cors);
    return;
  }
  const headers: Record<string, string> = {
    ...cors,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
    'access-control-max-age': '600',
  };
  // Chrome's Private Network Access: a public page may call this loopback server when it says so.
  if (request.headers['access-control-request-private-network'] === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  sendText(response, 204, '', headers);
}

function submitCard(context: SandboxContext, body: Buffer, idempotencyKey: string | null, origin: string | null): Answer {
  const json = parseJsonBytes(body);
  if (json === undefined) return errorAnswer(400, 'PARAM_ILLEGAL', 'The request body is not UTF-8 JSON.');
  const parsed = z.safeParse(submitCardRequestSchema, json);
  if (!parsed.success) {
    return errorAnswer(400, 'PARAM_ILLEGAL', `Illegal parameters: ${describeIssues(parsed.error.issues).join('; ')}`);
  }
  if (idempotencyKey === null || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    return errorAnswer(400, 'PARAM_ILLEGAL', 'The Idempotency-Key header is required: 1 to 255 visible ASCII characters.');
  }
  const record = context.store.findByCredential(parsed.data.vaultingSessionData);
  const merchant = record && context.merchants.get(record.clientId);
  if (!record || !merchant) return errorAnswer(404, SUBMIT_RESULT_CODES.SESSION_NOT_FOUND, 'The vaulting session is unknown.');
  if (origin !== null && !allowsOrigin(merchant, origin)) {
    return errorAnswer(403, SUBMIT_RESULT_CODES.ORIGIN_NOT_ALLOWED, 'This page origin is not allowed for the merchant.');
  }
  const now = context.settings.now();

  let card: InspectedCard;
  try {
    const plaintext = decryptCompactJwe(parsed.data.encryptedCard, context.cardKey);
    card = inspectCard(plaintext, {holderNameRequired: merchant.holderNameRequired, now});
  } catch (error) {
    if (error instanceof JweError) return errorAnswer(400, 'PARAM_ILLEGAL', `encryptedCard: ${error.message}.`);
    if (error instanceof CardInputError) return errorAnswer(400, 'PARAM_ILLEGAL', `${error.message}.`);
    throw error;
  }

  // A known key: its own reply again for the same card (a retry after a lost answer); refused for
  // another card, never answered with that card's outcome. Checked after decryption, because each
  // JWE of the same card differs.
  const replay = record.attempts.get(idempotencyKey);
  if (replay) {
    if (replay.cardFingerprint === card.fingerprint) return {httpStatus: 200, reply: replay.reply};
    return errorAnswer(422, SUBMIT_RESULT_CODES.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with another card.');
  }
  // Also ends (and notifies) a session with declines whose expiry timer has not run yet.
  if (closeIfLapsed(context, record)) return errorAnswer(410, SUBMIT_RESULT_CODES.SESSION_EXPIRED, 'The vaulting session has expired.');
  if (record.state !== 'OPEN') {
    const why =
      record.declinedAttempts >= MAX_DECLINED_ATTEMPTS
        ? `This session had ${MAX_DECLINED_ATTEMPTS} declined attempts, the most it takes.`
        : 'A card was already submitted with this session.';
    return errorAnswer(409, SUBMIT_RESULT_CODES.SESSION_ALREADY_USED, why);
  }
  const scenario = decideScenario({
    ...card,
    acceptedBrands: merchant.acceptedBrands,
    threeDSecureRequested: record.threeDSecureRequested,
  });
  if (scenario.kind === 'gateway_error') {
    // Not stored: nothing happened, so a retry (same key or not) is tried afresh.
    return errorAnswer(500, 'UNKNOWN_EXCEPTION', 'The sandbox gateway failed (scenario card); try again later.', 'U');
  }
  record.card = {brand: card.brand ?? 'UNKNOWN', maskedCardNo: card.maskedCardNo};
  const reply = applyScenario(context, record, scenario);
  record.attempts.set(idempotencyKey, {reply, cardFingerprint: card.fingerprint});
  return {httpStatus: 200, reply};
}

function applyScenario(
  context: SandboxContext,
  record: SessionBinding,
  scenario: Exclude<Scenario, {kind: 'gateway_error'}>,
): SubmitCardReply {
  const vaultingSessionId = record.vaultingSessionId;
  const card = record.card ?? {brand: 'UNKNOWN', maskedCardNo: ''};
  switch (scenario.kind) {
    case 'success':
      completeBinding(context, record, {status: 'SUCCESS'});
      return {status: 'SUCCESS', result: SUCCESS_RESULT, vaultingSessionId, paymentMethodDetail: {card}};
    case 'decline': {
      const resultMessage = DECLINE_MESSAGES[scenario.resultCode];
      // Ends this attempt only, unless it is the last one the session takes.
      recordDecline(context, record, {resultCode: scenario.resultCode, resultMessage});
      return {
        status: 'FAIL',
        result: {resultCode: scenario.resultCode, resultStatus: 'F', resultMessage},
        vaultingSessionId,
        paymentMethodDetail: {card},
      };
    }
    case 'processing':
      startProcessing(context, record);
      return {
        status: 'PROCESSING',
        result: PROCESSING_RESULT,
        vaultingSessionId,
      };
    case 'challenge': {
      const url = openChallenge(context, record);
      return {
        status: 'REDIRECT',
        result: VERIFICATION_IN_PROCESS_RESULT,
        vaultingSessionId,
        redirect: {url, method: 'GET'},
      };
    }
  }
}
