/**
 * `createCardBindingRelay`: the merchant's own route between `<antom-card-binding>` and Antom's
 * vaultPaymentMethod, for merchants that are PCI DSS validated and have Antom's end-to-end API
 * enabled (reference antom-production §2.4, §5 "Mode R").
 *
 * - `createSession` issues a `vaultingSessionData` in the element's four-segment format. Segment 0
 *   is an HMAC credential (credential.ts); the metadata's `cardBinding` names this relay's submit
 *   URL and its RSA-OAEP-256 public key. No call to Antom is made yet.
 * - `handle` speaks the element's submit protocol (src/gateway/submit-protocol.ts): it checks the
 *   origin, the body size, the credential, the Idempotency-Key; decrypts and checks the card; calls
 *   vaultPaymentMethod with one vaultingRequestId per attempt; and maps Antom's answer. The card
 *   token stays on the server; the browser learns brand and masked number.
 *
 * State lives in a {@link RelayStore}; a session is claimed with compare-and-set before Antom is
 * called, so two submissions (two tabs, two processes) never bind twice.
 */
import {createHash, createHmac, generateKeyPair, randomBytes, randomUUID, type KeyObject} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {promisify} from 'node:util';
import * as z from 'zod/mini';
import type {CardBrand} from '../../card/types.js';
import {IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN, submitCardRequestSchema, type SubmitCardReply} from '../../gateway/submit-protocol.js';
import type {EncryptionKey, SessionMetadata} from '../../session/session-schema.js';
import type {AntomClient} from '../client.js';
import {AntomError, AntomResultError} from '../errors.js';
import {headerValue, type HeaderSource} from '../notification.js';
import {describeIssues, type VaultPaymentMethodRequest} from '../schemas.js';
import {importPrivateKey, importPublicKey, type KeyInput} from '../signature.js';
import {
  boundAnswer,
  declinedAnswer,
  errorAnswer,
  inProgress,
  judgeInquiry,
  judgeVaultAnswer,
  keyReused,
  originRefused,
  processingAnswer,
  redirectAnswer,
  sessionExpired,
  sessionNotFound,
  sessionUsed,
  tryAgain,
  type Answer,
  type CardSummary,
} from './answers.js';
import {CardRefusedError, cardholderNameOf, openCard, type OpenedCard} from './card-intake.js';
import {issueCredential, verifyCredential} from './credential.js';
import {buildEnv} from './env.js';
import {MemoryRelayStore, type RelayStore} from './store.js';

export interface CardBindingRelayOptions {
  /** The merchant's Antom client (`createAntomClient`); its `vaultPaymentMethod` and `inquireVaulting` are used. */
  readonly antom: Pick<AntomClient, 'vaultPaymentMethod' | 'inquireVaulting' | 'clientId'>;
  /** Absolute http(s) URL of the route that calls `relay.handle` (https in production). */
  readonly submitUrl: string;
  /**
   * Page origins allowed to submit cards (e.g. `https://shop.example`). Default: the origin of
   * `submitUrl` only (the usual same-origin setup).
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * Signs session credentials and keys card fingerprints: at least 32 random bytes. Give a fixed one
   * (from your secret store) so sessions survive restarts and work across processes. Default: random
   * per process.
   */
  readonly secret?: string | Uint8Array;
  /**
   * The RSA private key (at least 2048 bits) cards are encrypted to; only its public half goes into
   * sessions. Give one (PEM, base64 PKCS#8, KeyObject) so sessions survive restarts. Default: an
   * RSA-2048 key generated on first use.
   */
  readonly encryptionKey?: KeyInput;
  /** Sessions, attempts and replies. Default: {@link MemoryRelayStore} (one process, lost on restart). */
  readonly store?: RelayStore;
  /** Session lifetime. Default 1800 (30 minutes); at most 86400. */
  readonly sessionTtlSeconds?: number;
  /** Declined attempts a session takes before it closes. Default 5. */
  readonly maxDeclinedAttempts?: number;
  /** Largest request body accepted. Default 16384 bytes (a card JWE is under 1 KB). */
  readonly maxBodyBytes?: number;
  /** Brands to vault; absent: every brand the library knows. Shown to the element and checked here. */
  readonly acceptedBrands?: readonly CardBrand[];
  /** Whether the cardholder name is required. Default true. */
  readonly holderNameRequired?: boolean;
  /** Passed to vaultPaymentMethod as `paymentMethodDetail.card.is3DSAuthentication` when set. */
  readonly is3DSAuthentication?: boolean;
  /** Passed to vaultPaymentMethod as `merchantRegion` when set (ISO 3166 alpha-2). */
  readonly merchantRegion?: string;
  /** Segment 1 of the issued session data. Default `SG`. The element only checks its form. */
  readonly region?: string;
  /**
   * Called once per attempt that reached an outcome, before the browser is answered: the place to
   * store the card token at once (the notification brings it too). A throw is logged, not fatal.
   */
  readonly onOutcome?: (outcome: RelayOutcome) => void | Promise<void>;
  /** One line per request: ids, statuses and codes, never card data. */
  readonly log?: (line: string) => void;
  /** Injectable clock. */
  readonly now?: () => Date;
}

export interface CreateRelaySessionOptions {
  /** Where Antom sends notifyVaulting for this binding. */
  readonly vaultingNotificationUrl: string;
  /** Where the buyer lands after 3-D Secure (vaultPaymentMethod requires it). */
  readonly redirectUrl: string;
  /** The session's vaultingRequestId (at most 56 characters: attempts add `-2`, `-3`...). Default: generated. */
  readonly vaultingRequestId?: string;
  /** The page origin that will submit; must be allowed. Default: the first allowed origin. */
  readonly origin?: string;
  /** Your own reference (a buyer id): kept on the server, given back by `findAttempt` and `onOutcome`. */
  readonly reference?: string;
  /** Passed to vaultPaymentMethod; Antom echoes it in notifyVaulting (at most 2048 characters). */
  readonly metadata?: string;
  readonly merchantAccountId?: string;
  /** Overrides the relay's option for this session. */
  readonly is3DSAuthentication?: boolean;
}

export interface RelaySession {
  /** Give this to the element (`vaultingSessionData` property). */
  readonly vaultingSessionData: string;
  /**
   * The session's vaultingRequestId: the first attempt's. Later attempts (after a decline or an
   * unknown answer) are `<id>-2`, `<id>-3`...; `findAttempt` maps any of them back.
   */
  readonly vaultingRequestId: string;
  readonly vaultingSessionId: string;
  /** ISO 8601. */
  readonly vaultingSessionExpiryTime: string;
}

export interface RelayAttempt {
  readonly vaultingSessionId: string;
  /** The session's vaultingRequestId (what createSession returned). */
  readonly sessionVaultingRequestId: string;
  /** This attempt's vaultingRequestId, as sent to Antom and found in notifyVaulting. */
  readonly vaultingRequestId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly reference: string | null;
}

export type RelaySessionState = 'OPEN' | 'IN_PROGRESS' | 'AWAITING_3DS' | 'PROCESSING' | 'BOUND' | 'FAILED' | 'CLOSED' | 'EXPIRED';

/** A session as the merchant server may look it up (after 3-D Secure, in an admin page...). */
export interface RelaySessionStatus {
  readonly vaultingSessionId: string;
  /** The session's vaultingRequestId. */
  readonly vaultingRequestId: string;
  /**
   * OPEN: takes a card (none yet, or only declined ones); IN_PROGRESS: a submission is being handled;
   * AWAITING_3DS: the buyer was sent to 3-D Secure; PROCESSING: Antom has not decided; BOUND: a card
   * was vaulted; FAILED: the 3-D Secure or pending attempt failed (recordResult); CLOSED: the limit of
   * declined attempts was reached; EXPIRED: it lapsed while OPEN. All but OPEN and IN_PROGRESS are
   * final for the browser; AWAITING_3DS and PROCESSING end by {@link CardBindingRelay.recordResult}.
   */
  readonly state: RelaySessionState;
  /** The newest attempt's vaultingRequestId (ask inquireVaulting with it), or null before any. */
  readonly latestVaultingRequestId: string | null;
  readonly attempts: number;
  readonly declinedAttempts: number;
  readonly expiresAt: Date;
  readonly reference: string | null;
}

export interface RelayOutcome extends RelayAttempt {
  /** SUCCESS: bound; FAIL: declined; REDIRECT: 3-D Secure started; PROCESSING: Antom has not decided yet. */
  readonly status: 'SUCCESS' | 'FAIL' | 'REDIRECT' | 'PROCESSING';
  readonly resultCode: string;
  /** SUCCESS only. `cardToken` is what Antom returned (absent if it did not). */
  readonly card: {readonly cardToken?: string; readonly brand?: string; readonly maskedCardNo?: string} | null;
  /** The session after this outcome: after a FAIL, OPEN (another card may follow) or CLOSED. */
  readonly sessionState: RelaySessionState;
}

/** A final result from notifyVaulting or inquireVaulting, as the server helper parses them. */
export interface RelayResultInput {
  readonly vaultingRequestId: string;
  readonly result: {readonly resultStatus: 'S' | 'F' | 'U'; readonly resultCode: string};
  /** inquireVaulting's status (its `result` is about the inquiry, not the binding). */
  readonly vaultingStatus?: 'SUCCESS' | 'FAIL' | 'PROCESSING';
}

/** A request as any HTTP framework can give it. */
export interface RelayRequest {
  readonly method: string;
  /** Path and query, or an absolute URL (only for logging; the route is yours). */
  readonly url?: string;
  readonly headers: HeaderSource;
  /** The body exactly as received. */
  readonly rawBody: string | Uint8Array;
  /** The buyer's IP address (Antom asks for `env.clientIp` on card payments). Behind a proxy, take it from the header your proxy sets. */
  readonly clientIp?: string;
}

export interface RelayResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface CardBindingRelay {
  createSession(options: CreateRelaySessionOptions): Promise<RelaySession>;
  /** Answers one request to the submit route (POST and its CORS preflight). Never throws. */
  handle(request: RelayRequest): Promise<RelayResponse>;
  /**
   * The same for node:http / Express / Connect: reads the body (refusing more than `maxBodyBytes`),
   * takes `clientIp` from the socket unless given, and writes the answer.
   */
  handleNodeRequest(request: IncomingMessage, response: ServerResponse, options?: {readonly clientIp?: string}): Promise<void>;
  /** Maps any attempt's vaultingRequestId (from notifyVaulting or your logs) to its session. */
  findAttempt(vaultingRequestId: string): Promise<RelayAttempt | null>;
  /** A session by the vaultingRequestId createSession returned, or null when unknown or forgotten. */
  findSession(vaultingRequestId: string): Promise<RelaySessionStatus | null>;
  /**
   * Tells the relay how an attempt ended, from a verified notifyVaulting body or an inquireVaulting
   * answer, so a session awaiting 3-D Secure or processing becomes BOUND or FAILED. Idempotent;
   * returns the session afterwards, or null for an id this relay did not issue.
   */
  recordResult(result: RelayResultInput): Promise<RelaySessionStatus | null>;
  /** The public key sessions carry, as a JWK. */
  publicKey(): Promise<EncryptionKey>;
}

/** The relay's configuration is unusable. Thrown by createCardBindingRelay / createSession. */
export class CardBindingRelayConfigError extends Error {
  readonly code = 'RELAY_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'CardBindingRelayConfigError';
  }
}

type SessionState = 'OPEN' | 'BUSY' | 'REDIRECT' | 'PROCESSING' | 'BOUND' | 'FAILED' | 'CLOSED';

/** What the store holds per session (JSON). */
interface SessionRecord {
  readonly sessionId: string;
  readonly vaultingRequestId: string;
  readonly origin: string;
  readonly expiresAt: number;
  readonly vaultingNotificationUrl: string;
  readonly redirectUrl: string;
  readonly reference: string | null;
  readonly metadata: string | null;
  readonly merchantAccountId: string | null;
  readonly is3DSAuthentication: boolean | null;
  readonly state: SessionState;
  /** While BUSY: when the claim lapses (a process that died mid-call must not block the session). */
  readonly busyUntil: number | null;
  /** vaultingRequestIds handed out so far. */
  readonly attempts: number;
  readonly declines: number;
  /** The id of a call whose outcome is unknown (transport failure, lapsed claim): reused, as Antom is idempotent on it. */
  readonly unsettledVaultingRequestId: string | null;
}

interface StoredReply {
  readonly fingerprint: string;
  readonly httpStatus: number;
  readonly reply: SubmitCardReply;
}

const DEFAULT_TTL_SECONDS = 1800;
const MAX_TTL_SECONDS = 86_400;
/** State is kept this long past a session's expiry: notifications are retried for about a day. */
const RETENTION_SECONDS = 7 * 86_400;
/** Longer than an Antom call plus an inquiry at the client's timeouts. */
const CLAIM_MS = 60_000;
const MAX_BASE_ID_LENGTH = 56;
const ALLOWED_REQUEST_HEADERS = `content-type, ${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`;

const generateRsa = promisify(generateKeyPair);

function originOf(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CardBindingRelayConfigError(`${what} is not an absolute URL.`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new CardBindingRelayConfigError(`${what} must be an http(s) URL.`);
  return parsed.origin;
}

function secretBytes(secret: string | Uint8Array | undefined): Uint8Array {
  if (secret === undefined) return randomBytes(32);
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < 32) throw new CardBindingRelayConfigError('secret must be at least 32 bytes.');
  return bytes;
}

function loadPrivateKey(input: KeyInput): KeyObject {
  try {
    return importPrivateKey(input);
  } catch {
    throw new CardBindingRelayConfigError('encryptionKey is not a PEM or base64 PKCS#8 private key.');
  }
}

function checkedEncryptionKey(key: KeyObject): KeyObject {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType !== 'rsa' || (details?.modulusLength ?? 0) < 2048 || (details?.publicExponent ?? 0n) !== 65537n) {
    throw new CardBindingRelayConfigError('encryptionKey must be an RSA private key of at least 2048 bits with exponent 65537.');
  }
  return key;
}

function publicJwk(privateKey: KeyObject): {jwk: EncryptionKey; kid: string} {
  const publicKey = importPublicKey(privateKey);
  const {n, e} = publicKey.export({format: 'jwk'});
  const kid = `relay-${createHash('sha256').update(publicKey.export({format: 'der', type: 'spki'})).digest('base64url').slice(0, 16)}`;
  if (!n || !e) throw new CardBindingRelayConfigError('encryptionKey is not an RSA key.');
  return {jwk: {kty: 'RSA', n, e, alg: 'RSA-OAEP-256', use: 'enc', kid}, kid};
}

/** ISO 8601 with offset, second precision. */
function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function attemptId(base: string, attempt: number): string {
  return attempt === 1 ? base : `${base}-${attempt}`;
}

export function createCardBindingRelay(options: CardBindingRelayOptions): CardBindingRelay {
  const submitOrigin = originOf(options.submitUrl, 'submitUrl');
  const allowedOrigins = new Set((options.allowedOrigins ?? [submitOrigin]).map((origin) => originOf(origin, 'allowedOrigins')));
  if (allowedOrigins.size === 0) throw new CardBindingRelayConfigError('allowedOrigins must name at least one origin.');
  const secret = secretBytes(options.secret);
  const store = options.store ?? new MemoryRelayStore();
  const ttlSeconds = options.sessionTtlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_TTL_SECONDS) {
    throw new CardBindingRelayConfigError(`sessionTtlSeconds must be between 1 and ${MAX_TTL_SECONDS}.`);
  }
  const maxDeclines = options.maxDeclinedAttempts ?? 5;
  if (!Number.isInteger(maxDeclines) || maxDeclines < 1) throw new CardBindingRelayConfigError('maxDeclinedAttempts must be a positive integer.');
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const region = options.region ?? 'SG';
  if (!/^[A-Z]{2}$/.test(region)) throw new CardBindingRelayConfigError('region must be two capital letters.');
  const acceptedBrands = options.acceptedBrands?.length ? [...options.acceptedBrands] : null;
  const holderNameRequired = options.holderNameRequired ?? true;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const antom = options.antom;

  type CardKey = {privateKey: KeyObject; jwk: EncryptionKey; kid: string};
  const withJwk = (privateKey: KeyObject): CardKey => ({privateKey: checkedEncryptionKey(privateKey), ...publicJwk(privateKey)});
  // A given key is checked now (a configuration error at start, not at the first session); a
  // generated one is made on first use, off the event loop.
  let keyPromise: Promise<CardKey> | null = options.encryptionKey === undefined ? null : Promise.resolve(withJwk(loadPrivateKey(options.encryptionKey)));
  const cardKey = () => (keyPromise ??= generateRsa('rsa', {modulusLength: 2048}).then(({privateKey}) => withJwk(privateKey)));

  // Keys in the store: hashed where they come from the browser, so no input shapes a key.
  const hashed = (text: string) => createHmac('sha256', secret).update(text).digest('base64url');
  const sessionKey = (sessionId: string) => `relay:session:${sessionId}`;
  const replyKey = (sessionId: string, idempotencyKey: string) => `relay:reply:${sessionId}:${hashed(idempotencyKey)}`;
  const attemptKey = (vaultingRequestId: string) => `relay:attempt:${hashed(vaultingRequestId)}`;
  const requestKey = (vaultingRequestId: string) => `relay:request:${hashed(vaultingRequestId)}`;
  const retention = (record: SessionRecord) => Math.max(1, Math.ceil((record.expiresAt - now().getTime()) / 1000) + RETENTION_SECONDS);

  async function readSession(sessionId: string): Promise<{raw: string; record: SessionRecord} | null> {
    const raw = await store.get(sessionKey(sessionId));
    return raw === null ? null : {raw, record: JSON.parse(raw) as SessionRecord};
  }

  /** Compare-and-set on the session; false when another request changed it first. */
  async function writeSession(previousRaw: string, next: SessionRecord): Promise<boolean> {
    return store.compareAndSet(sessionKey(next.sessionId), previousRaw, JSON.stringify(next), retention(next));
  }

  async function createSession(input: CreateRelaySessionOptions): Promise<RelaySession> {
    const notificationUrl = input.vaultingNotificationUrl;
    originOf(notificationUrl, 'vaultingNotificationUrl');
    originOf(input.redirectUrl, 'redirectUrl');
    const origin = input.origin === undefined ? [...allowedOrigins][0]! : originOf(input.origin, 'origin');
    if (!allowedOrigins.has(origin)) throw new CardBindingRelayConfigError('origin is not one of allowedOrigins.');
    const vaultingRequestId = input.vaultingRequestId ?? `vr-${randomUUID()}`;
    if (!/^[\x21-\x7e]{1,56}$/.test(vaultingRequestId)) {
      throw new CardBindingRelayConfigError(`vaultingRequestId must be 1 to ${MAX_BASE_ID_LENGTH} visible ASCII characters.`);
    }
    if (input.metadata !== undefined && input.metadata.length > 2048) throw new CardBindingRelayConfigError('metadata is longer than 2048.');
    const key = await cardKey();
    const sessionId = randomBytes(24).toString('base64url');
    const issuedAt = Math.floor(now().getTime() / 1000) * 1000;
    const expiresAt = issuedAt + ttlSeconds * 1000;
    const record: SessionRecord = {
      sessionId,
      vaultingRequestId,
      origin,
      expiresAt,
      vaultingNotificationUrl: notificationUrl,
      redirectUrl: input.redirectUrl,
      reference: input.reference ?? null,
      metadata: input.metadata ?? null,
      merchantAccountId: input.merchantAccountId ?? null,
      is3DSAuthentication: input.is3DSAuthentication ?? options.is3DSAuthentication ?? null,
      state: 'OPEN',
      busyUntil: null,
      attempts: 0,
      declines: 0,
      unsettledVaultingRequestId: null,
    };
    if (!(await store.compareAndSet(requestKey(vaultingRequestId), null, sessionId, retention(record)))) {
      throw new CardBindingRelayConfigError('vaultingRequestId was already used for another session.');
    }
    if (!(await store.compareAndSet(sessionKey(sessionId), null, JSON.stringify(record), retention(record)))) {
      throw new CardBindingRelayConfigError('The store refused a new session.');
    }
    const metadata: SessionMetadata & {cardBinding: {mode: 'relay'}} = {
      paymentSessionConfig: {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'},
      clientId: antom.clientId,
      cardBinding: {
        mode: 'relay',
        submitUrl: options.submitUrl,
        ...(acceptedBrands ? {acceptedBrands} : {}),
        holderNameRequired,
        // With expiryTime, the session's lifetime by the server's clock: the element counts it down
        // from when it received the session, whatever the buyer's clock says.
        issueTime: isoSeconds(issuedAt),
        expiryTime: isoSeconds(expiresAt),
        encryptionKey: key.jwk,
        vaultingSessionId: sessionId,
      },
    };
    const credential = issueCredential({sessionId, expiresAt, origin}, secret);
    const metadataSegment = Buffer.from(JSON.stringify(metadata), 'utf8').toString('base64');
    log(`relay session ${sessionId.slice(0, 8)}: created for ${vaultingRequestId}`);
    return {
      // Segment 2 is opaque in Antom's format; "relay" says what issued this one.
      vaultingSessionData: `${credential}&&${region}&&relay&&${metadataSegment}`,
      vaultingRequestId,
      vaultingSessionId: sessionId,
      vaultingSessionExpiryTime: isoSeconds(expiresAt),
    };
  }

  function corsHeaders(origin: string | undefined): Record<string, string> {
    const headers: Record<string, string> = {vary: 'Origin'};
    if (origin !== undefined && allowedOrigins.has(origin)) headers['access-control-allow-origin'] = origin;
    return headers;
  }

  function respond(answer: Answer, headers: Record<string, string>, extra: Record<string, string> = {}): RelayResponse {
    return {
      status: answer.httpStatus,
      headers: {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers, ...extra},
      body: JSON.stringify(answer.reply),
    };
  }

  async function handle(request: RelayRequest): Promise<RelayResponse> {
    const origin = headerValue(request.headers ?? {}, 'origin');
    const cors = corsHeaders(origin);
    try {
      if (request.method === 'OPTIONS') {
        if (!cors['access-control-allow-origin']) return {status: 403, headers: {...cors, 'cache-control': 'no-store'}, body: ''};
        return {
          status: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
            'access-control-max-age': '600',
            'cache-control': 'no-store',
          },
          body: '',
        };
      }
      if (request.method !== 'POST') return respond(errorAnswer(405, 'PARAM_ILLEGAL', 'Use POST.'), cors, {allow: 'POST, OPTIONS'});
      const answer = await submit(request, origin);
      return respond(answer, cors);
    } catch (error) {
      // Never an uncaught error and never its text: it could hold anything.
      log(`relay: internal error (${error instanceof Error ? error.name : 'unknown'})`);
      return respond(errorAnswer(500, 'UNKNOWN_EXCEPTION', 'The relay failed unexpectedly; try again.', 'U'), cors);
    }
  }

  async function submit(request: RelayRequest, origin: string | undefined): Promise<Answer> {
    // A page's fetch always sends Origin on a POST: no Origin, or another one, is not our page.
    if (origin === undefined || !allowedOrigins.has(origin)) return originRefused();
    const rawBody = request.rawBody;
    const size = typeof rawBody === 'string' ? Buffer.byteLength(rawBody) : rawBody.byteLength;
    if (size > maxBodyBytes) return errorAnswer(413, 'PARAM_ILLEGAL', `The request body is larger than ${maxBodyBytes} bytes.`);
    const contentType = headerValue(request.headers, 'content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType)) return errorAnswer(415, 'PARAM_ILLEGAL', 'Send Content-Type: application/json.');

    let json: unknown;
    try {
      json = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', {fatal: true}).decode(rawBody));
    } catch {
      return errorAnswer(400, 'PARAM_ILLEGAL', 'The request body is not UTF-8 JSON.');
    }
    const parsed = z.safeParse(submitCardRequestSchema, json);
    if (!parsed.success) return errorAnswer(400, 'PARAM_ILLEGAL', `Illegal parameters: ${describeIssues(parsed.error.issues).join('; ')}`);
    const idempotencyKey = headerValue(request.headers, IDEMPOTENCY_KEY_HEADER);
    if (idempotencyKey === undefined || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      return errorAnswer(400, 'PARAM_ILLEGAL', 'The Idempotency-Key header is required: 1 to 255 visible ASCII characters.');
    }

    const claims = verifyCredential(parsed.data.vaultingSessionData.split('&&')[0] ?? '', secret);
    if (!claims) return sessionNotFound();
    if (claims.origin !== origin) return originRefused();
    const loaded = await readSession(claims.sessionId);
    if (!loaded) return sessionNotFound();
    const key = await cardKey();

    let card: OpenedCard;
    try {
      card = openCard(parsed.data.encryptedCard, {
        key: {privateKey: key.privateKey, kid: key.kid},
        fingerprintKey: secret,
        sessionId: claims.sessionId,
        acceptedBrands,
        holderNameRequired,
        now: now(),
      });
    } catch (error) {
      if (!(error instanceof CardRefusedError)) throw error;
      if (error.resultCode === 'PARAM_ILLEGAL') return errorAnswer(400, 'PARAM_ILLEGAL', error.message);
      // A card the element should not have let through (clock, tampering): a decline the buyer can read.
      return declinedAnswer(claims.sessionId, error.resultCode, error.message, {brand: 'UNKNOWN', maskedCardNo: ''});
    }

    const replyEntry = replyKey(claims.sessionId, idempotencyKey);
    const stored = await store.get(replyEntry);
    if (stored !== null) {
      const previous = JSON.parse(stored) as StoredReply;
      return previous.fingerprint === card.fingerprint ? {httpStatus: previous.httpStatus, reply: previous.reply} : keyReused();
    }
    if (now().getTime() >= claims.expiresAt) return sessionExpired();
    return attempt(loaded, card, replyEntry, request, parsed.data.browser);
  }

  /** Claims the session, calls Antom once, records the outcome, releases the session. */
  async function attempt(
    loaded: {raw: string; record: SessionRecord},
    card: OpenedCard,
    replyEntry: string,
    request: RelayRequest,
    browser: unknown,
  ): Promise<Answer> {
    const session = loaded.record;
    const at = now().getTime();
    let unsettled = session.unsettledVaultingRequestId;
    if (session.state === 'BUSY') {
      if ((session.busyUntil ?? 0) > at) return inProgress();
      // The request that claimed it never finished (a crash): its call's outcome is unknown.
      log(`relay session ${session.sessionId.slice(0, 8)}: claim lapsed`);
    } else if (session.state !== 'OPEN') {
      return sessionUsed(
        session.state === 'CLOSED'
          ? `This session had ${maxDeclines} declined attempts, the most it takes.`
          : 'A card was already submitted with this session.',
      );
    }
    const isNewId = unsettled === null;
    const attemptNumber = isNewId ? session.attempts + 1 : session.attempts;
    const vaultingRequestId = unsettled ?? attemptId(session.vaultingRequestId, attemptNumber);
    unsettled = vaultingRequestId;
    const claimed: SessionRecord = {...session, state: 'BUSY', busyUntil: at + CLAIM_MS, attempts: attemptNumber, unsettledVaultingRequestId: vaultingRequestId};
    if (!(await writeSession(loaded.raw, claimed))) return inProgress();
    const current = JSON.stringify(claimed);
    const info: RelayAttempt = {
      vaultingSessionId: session.sessionId,
      sessionVaultingRequestId: session.vaultingRequestId,
      vaultingRequestId,
      attempt: attemptNumber,
      reference: session.reference,
    };
    if (isNewId) await store.compareAndSet(attemptKey(vaultingRequestId), null, JSON.stringify(info), retention(session));

    const outcome = await callAntom(session, card, vaultingRequestId, request, browser);
    const summary: CardSummary = {brand: outcome.card?.brand ?? card.brand ?? 'UNKNOWN', maskedCardNo: outcome.card?.maskedCardNo ?? card.maskedCardNo};
    let next: SessionRecord;
    let answer: Answer;
    let remember = true;
    switch (outcome.kind) {
      case 'bound':
        next = {...claimed, state: 'BOUND', busyUntil: null, unsettledVaultingRequestId: null};
        answer = boundAnswer(session.sessionId, summary);
        break;
      case 'declined': {
        const declines = session.declines + 1;
        next = {...claimed, state: declines >= maxDeclines ? 'CLOSED' : 'OPEN', busyUntil: null, declines, unsettledVaultingRequestId: null};
        answer = declinedAnswer(session.sessionId, outcome.resultCode, outcome.resultMessage, summary);
        break;
      }
      case 'challenge':
        next = {...claimed, state: 'REDIRECT', busyUntil: null, unsettledVaultingRequestId: null};
        answer = redirectAnswer(session.sessionId, outcome.url);
        break;
      case 'processing':
        next = {...claimed, state: 'PROCESSING', busyUntil: null, unsettledVaultingRequestId: null};
        answer = processingAnswer(session.sessionId);
        break;
      case 'merchant_error':
        // The request or the account is wrong: the buyer cannot fix it; the log says what.
        next = {...claimed, state: 'OPEN', busyUntil: null, unsettledVaultingRequestId: null};
        answer = errorAnswer(502, outcome.resultCode, 'The card could not be bound: the merchant’s Antom request was refused.');
        break;
      case 'retry_new_id':
        next = {...claimed, state: 'OPEN', busyUntil: null, unsettledVaultingRequestId: null};
        answer = tryAgain();
        remember = false;
        break;
      case 'retry_same_id':
        next = {...claimed, state: 'OPEN', busyUntil: null, unsettledVaultingRequestId: unsettled};
        answer = tryAgain();
        remember = false;
        break;
    }
    log(`relay session ${session.sessionId.slice(0, 8)} ${vaultingRequestId}: ${outcome.kind} ${answer.reply.result.resultCode}`);
    if (remember) {
      const storedReply: StoredReply = {fingerprint: card.fingerprint, httpStatus: answer.httpStatus, reply: answer.reply};
      await store.compareAndSet(replyEntry, null, JSON.stringify(storedReply), retention(session));
    }
    if (!(await writeSession(current, next))) {
      // Only a lapsed claim taken over by another request gets here; its own outcome stands.
      log(`relay session ${session.sessionId.slice(0, 8)}: state changed during the call`);
    }
    const reported = reportedStatus(outcome.kind);
    if (reported && options.onOutcome) {
      try {
        await options.onOutcome({
          ...info,
          status: reported,
          resultCode: answer.reply.result.resultCode,
          card: outcome.kind === 'bound' ? {...(outcome.cardToken ? {cardToken: outcome.cardToken} : {}), ...summary} : null,
          sessionState: publicState(next),
        });
      } catch (error) {
        log(`relay onOutcome failed (${error instanceof Error ? error.name : 'unknown'})`);
      }
    }
    return answer;
  }

  type CallOutcome =
    | {kind: 'bound'; cardToken: string | undefined; card: Partial<CardSummary>}
    | {kind: 'declined'; resultCode: string; resultMessage: string | undefined; card?: undefined}
    | {kind: 'challenge'; url: string; card?: undefined}
    | {kind: 'processing'; card?: undefined}
    | {kind: 'merchant_error'; resultCode: string; card?: undefined}
    | {kind: 'retry_new_id'; card?: undefined}
    | {kind: 'retry_same_id'; card?: undefined};

  async function callAntom(
    session: SessionRecord,
    card: OpenedCard,
    vaultingRequestId: string,
    request: RelayRequest,
    browser: unknown,
  ): Promise<CallOutcome> {
    const body: VaultPaymentMethodRequest = {
      vaultingRequestId,
      vaultingNotificationUrl: session.vaultingNotificationUrl,
      redirectUrl: session.redirectUrl,
      ...(options.merchantRegion ? {merchantRegion: options.merchantRegion} : {}),
      ...(session.merchantAccountId ? {merchantAccountId: session.merchantAccountId} : {}),
      ...(session.metadata ? {metadata: session.metadata} : {}),
      paymentMethodDetail: {
        paymentMethodType: 'CARD',
        card: {
          cardNo: card.cardNo,
          expiryMonth: card.expiryMonth,
          expiryYear: card.expiryYear,
          cvv: card.cvv,
          ...(card.cardholderName ? {cardholderName: cardholderNameOf(card.cardholderName)} : {}),
          ...(session.is3DSAuthentication === null ? {} : {is3DSAuthentication: session.is3DSAuthentication}),
        },
      },
      env: buildEnv({
        userAgent: headerValue(request.headers, 'user-agent'),
        accept: headerValue(request.headers, 'accept'),
        acceptLanguage: headerValue(request.headers, 'accept-language'),
        clientIp: request.clientIp,
        browser,
      }),
    };
    let unsure: 'new_id' | 'same_id';
    try {
      const verdict = judgeVaultAnswer(await antom.vaultPaymentMethod(body));
      if (verdict.kind !== 'unknown') return verdict;
      // Antom: "call this API again with a new vaultingRequestId". It may still have the first one.
      unsure = 'new_id';
    } catch (error) {
      if (error instanceof AntomError && error.code === 'REQUEST_INVALID') {
        log(`relay ${vaultingRequestId}: vaultPaymentMethod request invalid (${error.message})`);
        return {kind: 'merchant_error', resultCode: 'PARAM_ILLEGAL'};
      }
      // Lost answer, bad signature, unreadable body: Antom may have acted. The same id is safe to repeat.
      unsure = 'same_id';
    } finally {
      // What can be dropped is dropped; strings cannot be wiped in JavaScript.
      body.paymentMethodDetail.card.cardNo = '';
      body.paymentMethodDetail.card.cvv = '';
    }
    // Before another try, ask what became of this one: never bind one card twice, never lose a binding.
    try {
      const inquiry = judgeInquiry(await antom.inquireVaulting({vaultingRequestId}));
      return inquiry;
    } catch (error) {
      const notThere = error instanceof AntomResultError && error.resultCode === 'VAULTING_NOT_EXIST';
      return notThere || unsure === 'new_id' ? {kind: 'retry_new_id'} : {kind: 'retry_same_id'};
    }
  }

  async function handleNodeRequest(request: IncomingMessage, response: ServerResponse, extra: {readonly clientIp?: string} = {}): Promise<void> {
    let reply: RelayResponse;
    const method = request.method ?? 'GET';
    let rawBody: Buffer | null;
    try {
      rawBody = method === 'POST' ? await readLimited(request, maxBodyBytes) : Buffer.alloc(0);
    } catch {
      // The client went away mid-body: nobody is left to answer.
      response.destroy();
      return;
    }
    if (rawBody === null) {
      reply = respond(errorAnswer(413, 'PARAM_ILLEGAL', `The request body is larger than ${maxBodyBytes} bytes.`), corsHeaders(headerValue(request.headers, 'origin')), {
        connection: 'close',
      });
    } else {
      reply = await handle({
        method,
        ...(request.url ? {url: request.url} : {}),
        headers: request.headers,
        rawBody,
        ...(extra.clientIp ?? request.socket.remoteAddress ? {clientIp: extra.clientIp ?? request.socket.remoteAddress} : {}),
      });
    }
    response.writeHead(reply.status, {...reply.headers, 'content-length': String(Buffer.byteLength(reply.body))});
    response.end(reply.body);
  }

  async function findAttempt(vaultingRequestId: string): Promise<RelayAttempt | null> {
    const raw = await store.get(attemptKey(vaultingRequestId));
    return raw === null ? null : (JSON.parse(raw) as RelayAttempt);
  }

  function publicState(record: SessionRecord): RelaySessionState {
    const at = now().getTime();
    switch (record.state) {
      case 'BUSY':
        return (record.busyUntil ?? 0) > at ? 'IN_PROGRESS' : at >= record.expiresAt ? 'EXPIRED' : 'OPEN';
      case 'OPEN':
        return at >= record.expiresAt ? 'EXPIRED' : 'OPEN';
      case 'REDIRECT':
        return 'AWAITING_3DS';
      default:
        return record.state;
    }
  }

  function statusOf(record: SessionRecord): RelaySessionStatus {
    return {
      vaultingSessionId: record.sessionId,
      vaultingRequestId: record.vaultingRequestId,
      state: publicState(record),
      latestVaultingRequestId: record.attempts === 0 ? null : attemptId(record.vaultingRequestId, record.attempts),
      attempts: record.attempts,
      declinedAttempts: record.declines,
      expiresAt: new Date(record.expiresAt),
      reference: record.reference,
    };
  }

  async function findSession(vaultingRequestId: string): Promise<RelaySessionStatus | null> {
    const sessionId = await store.get(requestKey(vaultingRequestId));
    const loaded = sessionId === null ? null : await readSession(sessionId);
    return loaded ? statusOf(loaded.record) : null;
  }

  async function recordResult(input: RelayResultInput): Promise<RelaySessionStatus | null> {
    const attempt = await findAttempt(input.vaultingRequestId);
    if (!attempt) return null;
    const succeeded = input.vaultingStatus ? input.vaultingStatus === 'SUCCESS' : input.result.resultStatus === 'S';
    const failed = input.vaultingStatus ? input.vaultingStatus === 'FAIL' : input.result.resultStatus === 'F';
    // Compare-and-set can lose to a submission in flight: read again and retry.
    for (let tries = 0; tries < 5; tries++) {
      const loaded = await readSession(attempt.vaultingSessionId);
      if (!loaded) return null;
      const record = loaded.record;
      const latest = attempt.attempt === record.attempts;
      const pending = record.state === 'REDIRECT' || record.state === 'PROCESSING';
      let next: SessionRecord | null = null;
      if (succeeded && record.state !== 'BOUND') next = {...record, state: 'BOUND', busyUntil: null, unsettledVaultingRequestId: null};
      // A decline the browser already saw changes nothing; only a pending attempt's failure ends the session.
      else if (failed && latest && pending) next = {...record, state: 'FAILED', busyUntil: null};
      if (!next) return statusOf(record);
      if (await writeSession(loaded.raw, next)) {
        log(`relay session ${record.sessionId.slice(0, 8)} ${input.vaultingRequestId}: recorded ${next.state}`);
        return statusOf(next);
      }
    }
    return findSession(attempt.sessionVaultingRequestId);
  }

  return {
    createSession,
    handle,
    handleNodeRequest,
    findAttempt,
    findSession,
    recordResult,
    publicKey: async () => (await cardKey()).jwk,
  };
}

function reportedStatus(kind: string): RelayOutcome['status'] | null {
  switch (kind) {
    case 'bound':
      return 'SUCCESS';
    case 'declined':
      return 'FAIL';
    case 'challenge':
      return 'REDIRECT';
    case 'processing':
      return 'PROCESSING';
    default:
      return null;
  }
}

/** The body, or null once it passes `limit` bytes (reading stops there). */
function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      resolve(null);
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
      done = true;
    });
    request.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}
