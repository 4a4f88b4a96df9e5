/**
 * The emulator's signed server-to-server API (reference §2-§8.2): createVaultingSession,
 * inquireVaulting and vaultPaymentMethod (vault-payment-method.ts), at `/ams/api/v1/vaults/...`
 * and the `/ams/sandbox/api/...` twins. Requests are verified with the merchant's public key;
 * answers are signed with the emulator's key, except an INVALID_SIGNATURE answer, which like
 * Antom's carries no signature.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import * as z from 'zod/mini';
import {
  createVaultingSessionRequestSchema,
  describeIssues,
  inquireVaultingRequestSchema,
  type AntomResult,
  type CreateVaultingSessionResponse,
} from '../server/schemas.js';
import {signatureHeaderFor, verifyContent, parseSignatureHeader} from '../server/signature.js';
import {failure, paramIllegal, type ApiHandler} from './api-result.js';
import {closeIfLapsed, inquiryBody, SUCCESS_RESULT} from './bindings.js';
import type {SandboxContext} from './context.js';
import {requestFingerprint} from './fingerprint.js';
import {isoSeconds, parseJsonBytes, sendJson} from './http.js';
import type {Merchant} from './merchants.js';
import {SUBMIT_CARD_PATH} from './paths.js';
import {issueSessionData, newVaultingSessionId, SESSION_SHAPES, type SessionShape} from './session-data.js';
import type {SessionBinding} from './store.js';
import {vaultPaymentMethod} from './vault-payment-method.js';

/** Endpoint name (last path segment) to handler. */
export const API_HANDLERS: Readonly<Record<string, ApiHandler>> = {
  createVaultingSession,
  inquireVaulting,
  vaultPaymentMethod,
};

/** `/ams/api/v1/vaults/<name>` or `/ams/sandbox/api/v1/vaults/<name>` to `<name>`. */
export function apiEndpointName(pathname: string): string | null {
  const match = /^\/ams(?:\/sandbox)?\/api\/v1\/vaults\/([A-Za-z]+)$/.exec(pathname);
  return match?.[1] && Object.hasOwn(API_HANDLERS, match[1]) ? match[1] : null;
}

/**
 * Checks the request signature, runs the endpoint, answers signed. `body` is the raw body; `path`
 * the request-target in origin-form (path and query, also for an absolute-form request), which
 * both signatures cover.
 */
export function handleApiCall(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  handler: ApiHandler,
  body: Buffer,
  path: string,
): void {
  const clientId = request.headers['client-id'];
  const requestTime = request.headers['request-time'];
  const signature = request.headers.signature;
  if (typeof clientId !== 'string' || typeof requestTime !== 'string' || typeof signature !== 'string') {
    sendJson(response, 200, failure('INVALID_SIGNATURE', 'The client-id, request-time and signature headers are required.'));
    return;
  }
  const merchant = context.merchants.get(clientId);
  if (!merchant) {
    sendJson(response, 200, failure('INVALID_SIGNATURE', 'No public key is registered for this client-id.'));
    return;
  }
  if (!signatureMatches({path, clientId, time: requestTime, body, method: request.method}, signature, merchant)) {
    sendJson(response, 200, failure('INVALID_SIGNATURE', 'The signature does not match the request and key.'));
    return;
  }

  const json = parseJsonBytes(body);
  // A vaultPaymentMethod body holds a card: the raw bytes are no longer needed, so they go now.
  // (The parsed strings cannot be zeroed; they are dropped when the handler returns.)
  body.fill(0);
  const answer = json === undefined ? failure('PARAM_ILLEGAL', 'The request body is not UTF-8 JSON.') : handler(context, merchant, json);
  const answerText = JSON.stringify(answer);
  const responseTime = isoSeconds(context.settings.now());
  response.writeHead(200, {
    'content-type': 'application/json; charset=UTF-8',
    'client-id': clientId,
    'response-time': responseTime,
    signature: signatureHeaderFor({path, clientId, time: responseTime, body: answerText}, context.signingKey),
    'content-length': String(Buffer.byteLength(answerText)),
  });
  response.end(answerText);
  const result = (answer as {result?: AntomResult}).result;
  context.settings.log(`${request.method} ${path} ${clientId}: ${result?.resultStatus ?? '?'} ${result?.resultCode ?? ''}`);
}

function signatureMatches(
  content: {path: string; clientId: string; time: string; body: Buffer; method: string | undefined},
  header: string,
  merchant: Merchant,
): boolean {
  try {
    return verifyContent(content, parseSignatureHeader(header).signature, merchant.publicKey);
  } catch {
    return false;
  }
}

function createVaultingSession(context: SandboxContext, merchant: Merchant, body: unknown): object {
  const parsed = z.safeParse(createVaultingSessionRequestSchema, body);
  if (!parsed.success) return paramIllegal(describeIssues(parsed.error.issues));
  const request = parsed.data;
  if (request.paymentMethodType !== 'CARD') return paramIllegal(['paymentMethodType: the emulator vaults CARD only']);
  // The emulator's own request field (not Antom's): which session shape to issue (session-data.ts).
  const shape = (body as {sandboxSessionShape?: unknown}).sandboxSessionShape ?? 'own';
  if (!SESSION_SHAPES.includes(shape as SessionShape)) return paramIllegal([`sandboxSessionShape: one of ${SESSION_SHAPES.join(', ')}`]);

  const fingerprint = requestFingerprint('createVaultingSession', shape === 'own' ? request : {...request, sandboxSessionShape: shape});
  const existing = context.store.findByRequest(merchant.clientId, request.vaultingRequestId);
  if (existing?.kind === 'vault') return paramIllegal(['vaultingRequestId: already used by vaultPaymentMethod']);
  if (existing) {
    // Idempotent on vaultingRequestId: the same call gets the same session back.
    return existing.requestFingerprint === fingerprint
      ? existing.createResponse
      : paramIllegal(['vaultingRequestId: already used with different parameters']);
  }

  const now = context.settings.now();
  // Whole seconds, so the stored expiry equals the ISO text handed out.
  const expiresAt = new Date(Math.floor((now.getTime() + context.settings.sessionTtlMs) / 1000) * 1000);
  const expiryTime = isoSeconds(expiresAt);
  const vaultingSessionId = newVaultingSessionId();
  const {sessionData, credential} = issueSessionData({
    region: context.settings.region,
    clientId: merchant.clientId,
    submitUrl: context.baseUrl + SUBMIT_CARD_PATH,
    acceptedBrands: merchant.acceptedBrands,
    holderNameRequired: merchant.holderNameRequired,
    expiryTime,
    issueTime: isoSeconds(now),
    encryptionKey: context.cardKey.jwk,
    vaultingSessionId,
  }, shape as SessionShape);
  const createResponse: CreateVaultingSessionResponse = {
    result: SUCCESS_RESULT,
    vaultingSessionData: sessionData,
    vaultingSessionId,
    vaultingSessionExpiryTime: expiryTime,
  };
  const record: SessionBinding = {
    kind: 'session',
    clientId: merchant.clientId,
    vaultingRequestId: request.vaultingRequestId,
    requestFingerprint: fingerprint,
    notificationUrl: request.vaultingNotificationUrl,
    redirectUrl: request.redirectUrl ?? null,
    threeDSecureRequested: request.is3DSAuthentication === true || request.is3DSAuthentication === 'true',
    credential,
    vaultingSessionId,
    createdAt: now,
    expiresAt,
    createResponse,
    state: 'OPEN',
    card: null,
    cardToken: null,
    failure: null,
    declinedAttempts: 0,
    lastDecline: null,
    lapsed: false,
    cancelExpiryTimer: null,
    challengeUrl: null,
    attempts: new Map(),
    completedAt: null,
    deliveries: [],
  };
  context.store.add(record);
  return createResponse;
}

function inquireVaulting(context: SandboxContext, merchant: Merchant, body: unknown): object {
  const parsed = z.safeParse(inquireVaultingRequestSchema, body);
  if (!parsed.success) return paramIllegal(describeIssues(parsed.error.issues));
  const record = context.store.findByRequest(merchant.clientId, parsed.data.vaultingRequestId);
  if (!record) return failure('VAULTING_NOT_EXIST', 'The vaulting request does not exist.');
  // Should the expiry timer not have run yet, the answer still matches the (then sent) notification.
  closeIfLapsed(context, record);
  return inquiryBody(record, context.settings.now());
}
