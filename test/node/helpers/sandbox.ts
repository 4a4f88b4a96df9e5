/**
 * A sandbox emulator and merchant client wired together for tests, plus small request helpers.
 */
import {randomUUID} from 'node:crypto';
import {startSandbox, type Sandbox, type SandboxOptions} from '../../../src/sandbox/index.js';
import {createAntomClient, signatureHeaderFor, type AntomClient} from '../../../src/server/index.js';
import {decodeSession} from '../../../src/session/decode-session.js';
import type {CardPlaintext} from '../../../src/gateway/submit-protocol.js';
import {encryptForSession} from './browser-jwe.js';
import {testKeyPair} from './keys.js';

export const CLIENT_ID = 'SANDBOX_TEST_MERCHANT_0001';
/** Nothing listens there: notifications fail fast. */
export const UNREACHABLE_NOTIFY_URL = 'http://127.0.0.1:9/notify';

export const GOOD_CARD: CardPlaintext = {
  cardNo: '4242424242424242',
  expiryMonth: '12',
  expiryYear: '39',
  cvv: '123',
  cardholderName: 'Ada Lovelace',
};

export interface TestSandbox {
  readonly sandbox: Sandbox;
  readonly client: AntomClient;
  readonly logs: string[];
}

/** Known keys (fast), fast retries and processing; extra options override. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const logs: string[] = [];
  const sandbox = await startSandbox({
    merchants: [{clientId: CLIENT_ID, publicKey: testKeyPair('merchant').publicKeyPem}],
    privateKey: testKeyPair('antom').privateKeyPem,
    cardEncryptionKey: testKeyPair('card').privateKeyPem,
    timeScale: 0.001,
    processingDelayMs: 50,
    logger: (line) => logs.push(line),
    ...options,
  });
  const client = createAntomClient({
    clientId: CLIENT_ID,
    privateKey: testKeyPair('merchant').privateKeyPem,
    antomPublicKey: sandbox.publicKey,
    baseUrl: sandbox.url,
    // The emulator's clock, so its response-time is fresh to the client even when a test moves it.
    ...(options.now ? {now: options.now} : {}),
  });
  return {sandbox, client, logs};
}

export function newRequestId(): string {
  return `vr-${randomUUID()}`;
}

/** Creates a session through the client; returns the session data. */
export async function createSession(
  client: AntomClient,
  overrides: Partial<Parameters<AntomClient['createVaultingSession']>[0]> = {},
): Promise<{sessionData: string; vaultingRequestId: string; vaultingSessionId: string}> {
  const vaultingRequestId = overrides.vaultingRequestId ?? newRequestId();
  const response = await client.createVaultingSession({
    paymentMethodType: 'CARD',
    vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL,
    ...overrides,
    vaultingRequestId,
  });
  return {sessionData: response.vaultingSessionData, vaultingRequestId, vaultingSessionId: response.vaultingSessionId};
}

/** Segments 0..2: what the browser sends back. */
export function credentialOf(sessionData: string): string {
  return sessionData.split('&&').slice(0, 3).join('&&');
}

export interface SubmitOptions {
  readonly idempotencyKey?: string | null;
  readonly origin?: string;
  /** Use this JWE instead of encrypting `card`. */
  readonly encryptedCard?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary reply shapes
  readonly json: any;
}

export async function readAnswer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {status: response.status, headers: response.headers, text, json};
}

/** Submits a card the way the browser element does (encrypting with the session's key). */
export async function submitCard(sessionData: string, card: unknown, options: SubmitOptions = {}): Promise<HttpAnswer> {
  const decoded = decodeSession(sessionData);
  if (!decoded.ok) throw new Error(`session does not decode: ${decoded.reason}`);
  const encryptedCard = options.encryptedCard ?? (await encryptForSession(decoded.session.encryptionKey, card));
  const headers: Record<string, string> = {'content-type': 'application/json'};
  const key = options.idempotencyKey === undefined ? randomUUID() : options.idempotencyKey;
  if (key !== null) headers['idempotency-key'] = key;
  if (options.origin) headers.origin = options.origin;
  const response = await fetch(decoded.session.submitUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({vaultingSessionData: credentialOf(sessionData), encryptedCard}),
  });
  return readAnswer(response);
}

export interface SignedPostOptions {
  readonly clientId?: string;
  readonly privateKey?: Parameters<typeof signatureHeaderFor>[1];
  readonly time?: string;
  /** Sign this instead of the body that is sent. */
  readonly signedBody?: string;
  readonly headers?: Record<string, string>;
}

/** A raw signed POST, for error paths the client refuses to produce. */
export async function signedPost(baseUrl: string, path: string, body: string, options: SignedPostOptions = {}): Promise<HttpAnswer> {
  const clientId = options.clientId ?? CLIENT_ID;
  const time = options.time ?? String(Date.now());
  const signature = signatureHeaderFor(
    {path, clientId, time, body: options.signedBody ?? body},
    options.privateKey ?? testKeyPair('merchant').privateKey,
  );
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'client-id': clientId, 'request-time': time, signature, ...options.headers},
    body,
  });
  return readAnswer(response);
}

/** Polls until the predicate holds. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
