/**
 * The merchant server's Antom client for card vaulting: validates a request against the documented
 * limits, signs it (reference §4), POSTs it, verifies the signed response with Antom's public key,
 * and returns the parsed body, or throws a typed error (see errors.ts).
 */
import * as z from 'zod/mini';
import type {KeyObject} from 'node:crypto';
import {
  AntomFormatError,
  AntomRequestInvalidError,
  AntomResultError,
  AntomSignatureError,
  AntomTransportError,
} from './errors.js';
import {
  assertFreshTime,
  NOTIFICATION_TOLERANCE_SECONDS,
  verifyNotification,
  parseVaultingNotification,
  type IncomingNotification,
  type VerifiedNotification,
} from './notification.js';
import {
  createVaultingSessionRequestSchema,
  createVaultingSessionResponseSchema,
  describeIssues,
  inquireVaultingRequestSchema,
  inquireVaultingResponseSchema,
  resultSchema,
  type CreateVaultingSessionRequest,
  type CreateVaultingSessionResponse,
  type InquireVaultingRequest,
  type InquireVaultingResponse,
  type VaultingNotification,
  type VaultPaymentMethodRequest,
  type VaultPaymentMethodResponse,
  vaultPaymentMethodRequestSchema,
  vaultPaymentMethodResponseSchema,
} from './schemas.js';
import {assertSignatureHeader, importPrivateKey, importPublicKey, signatureHeaderFor, type KeyInput} from './signature.js';

/** Production paths (reference §2). */
export const VAULTING_PATHS = {
  createVaultingSession: '/ams/api/v1/vaults/createVaultingSession',
  inquireVaulting: '/ams/api/v1/vaults/inquireVaulting',
  vaultPaymentMethod: '/ams/api/v1/vaults/vaultPaymentMethod',
} as const;

/** The sandbox form of a path: the first `/ams/api` becomes `/ams/sandbox/api` (signed as such). */
export function toSandboxPath(path: string): string {
  return path.replace('/ams/api', '/ams/sandbox/api');
}

export interface AntomClientOptions {
  /** The merchant's client id, e.g. `SANDBOX_5Y...`. */
  readonly clientId: string;
  /** The merchant's private key: PEM, base64 PKCS#8 DER, or KeyObject. */
  readonly privateKey: KeyInput;
  /** Antom's public key from the dashboard (or the sandbox emulator's): PEM, base64 SPKI, KeyObject. */
  readonly antomPublicKey: KeyInput;
  /** Gateway origin, e.g. `https://open-sea-global.alipay.com` or the emulator's URL. */
  readonly baseUrl: string;
  /** `keyVersion` in the signature header. Default 1. */
  readonly keyVersion?: number;
  /**
   * Use the `/ams/sandbox/api/...` paths. Default: true when the client id starts with `SANDBOX_`,
   * as Antom's official SDKs do.
   */
  readonly sandboxPaths?: boolean;
  /** Per-call timeout (connect to end of body). Default 15000 ms. */
  readonly timeoutMs?: number;
  /** Injectable fetch (tests, proxies). Default: global fetch. */
  readonly fetch?: typeof fetch;
  /** Injectable clock for `request-time` and the freshness checks. */
  readonly now?: () => Date;
  /**
   * How far a response's `response-time` and a notification's `request-time` may be from this
   * server's clock, either way. Default 300 s. Keep the server's clock in sync (NTP).
   */
  readonly toleranceSeconds?: number;
}

interface Endpoint<Request, Response> {
  readonly path: string;
  readonly request: z.ZodMiniType<unknown, Request>;
  readonly response: z.ZodMiniType<Response>;
  /** Resolve with F and U answers too (their handling is the caller's), instead of throwing. */
  readonly everyResult?: boolean;
}

/** A client for one merchant. Keys are imported once, at construction. */
export class AntomClient {
  readonly clientId: string;
  readonly #privateKey: KeyObject;
  readonly #antomPublicKey: KeyObject;
  readonly #baseUrl: string;
  readonly #keyVersion: number;
  readonly #sandboxPaths: boolean;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #now: () => Date;
  readonly #toleranceSeconds: number;

  constructor(options: AntomClientOptions) {
    this.clientId = options.clientId;
    this.#privateKey = importPrivateKey(options.privateKey);
    this.#antomPublicKey = importPublicKey(options.antomPublicKey);
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#keyVersion = options.keyVersion ?? 1;
    this.#sandboxPaths = options.sandboxPaths ?? options.clientId.startsWith('SANDBOX_');
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#now = options.now ?? (() => new Date());
    this.#toleranceSeconds = options.toleranceSeconds ?? NOTIFICATION_TOLERANCE_SECONDS;
  }

  /**
   * Creates a card vaulting session (reference §6). Hand `vaultingSessionData` to the browser.
   * @throws AntomRequestInvalidError, AntomTransportError, AntomSignatureError, AntomFormatError,
   *   AntomResultError (F: e.g. PARAM_ILLEGAL; U: retry with the same vaultingRequestId)
   */
  createVaultingSession(request: CreateVaultingSessionRequest): Promise<CreateVaultingSessionResponse> {
    return this.#call(
      {
        path: VAULTING_PATHS.createVaultingSession,
        request: createVaultingSessionRequestSchema,
        response: createVaultingSessionResponseSchema,
      },
      request,
    );
  }

  /**
   * Asks for the state of a binding (reference §8.1): `vaultingStatus` PROCESSING, SUCCESS (with
   * `paymentMethodDetail.card.cardToken`) or FAIL (with `vaultingResultCode`).
   * @throws as createVaultingSession; AntomResultError F VAULTING_NOT_EXIST for an unknown id.
   */
  inquireVaulting(request: InquireVaultingRequest): Promise<InquireVaultingResponse> {
    return this.#call(
      {path: VAULTING_PATHS.inquireVaulting, request: inquireVaultingRequestSchema, response: inquireVaultingResponseSchema},
      request,
    );
  }

  /**
   * Vaults a card the merchant server holds (reference antom-production §2.1): the end-to-end API,
   * open only to PCI DSS validated merchants for whom Antom enabled it. The request carries the
   * card in clear over TLS; it is never logged or put in an error by this client.
   *
   * Unlike the other calls it resolves with F and U answers as well, because each one asks the
   * caller for a different next step (Antom's "result process logic"):
   * - S: `paymentMethodDetail.card.cardToken` is the vaulted card;
   * - F: declined or refused, `result.resultCode` says why (`VERIFICATION_FAIL`: retry with a new
   *   vaultingRequestId);
   * - U `VERIFICATION_IN_PROCESS` with `normalUrl`: send the buyer there (3-D Secure); the outcome
   *   arrives by notifyVaulting, or ask inquireVaulting;
   * - any other U: call again with a **new** vaultingRequestId.
   * @throws AntomRequestInvalidError, AntomTransportError, AntomSignatureError, AntomFormatError
   */
  vaultPaymentMethod(request: VaultPaymentMethodRequest): Promise<VaultPaymentMethodResponse> {
    return this.#call(
      {
        path: VAULTING_PATHS.vaultPaymentMethod,
        request: vaultPaymentMethodRequestSchema,
        response: vaultPaymentMethodResponseSchema,
        everyResult: true,
      },
      request,
    );
  }

  /** Verifies a notification's signature with Antom's key and this client id. */
  verifyNotification(notification: IncomingNotification): VerifiedNotification {
    return verifyNotification(notification, {
      antomPublicKey: this.#antomPublicKey,
      clientId: this.clientId,
      now: this.#now,
      toleranceSeconds: this.#toleranceSeconds,
    });
  }

  /**
   * Verifies and parses a notifyVaulting request. Answer it with NOTIFICATION_ACK_BODY once the
   * result is stored; store idempotently by `vaultingRequestId`.
   * @throws AntomSignatureError, AntomFormatError (NOTIFICATION_INVALID)
   */
  receiveVaultingNotification(notification: IncomingNotification): VaultingNotification {
    this.verifyNotification(notification);
    return parseVaultingNotification(notification.rawBody);
  }

  async #call<Request, Response>(endpoint: Endpoint<Request, Response>, request: Request): Promise<Response> {
    const checked = z.safeParse(endpoint.request, request);
    // describeIssues names fields, never values: a card number cannot reach the message.
    if (!checked.success) throw new AntomRequestInvalidError(describeIssues(checked.error.issues));
    const body = JSON.stringify(checked.data);
    const path = this.#sandboxPaths ? toSandboxPath(endpoint.path) : endpoint.path;
    const requestTime = String(this.#now().getTime());
    const signature = signatureHeaderFor(
      {path, clientId: this.clientId, time: requestTime, body},
      this.#privateKey,
      this.#keyVersion,
    );

    const {status, headers, rawBody} = await this.#post(path, body, {
      'content-type': 'application/json; charset=UTF-8',
      'client-id': this.clientId,
      'request-time': requestTime,
      signature,
    });
    // Like Antom's Java SDK: anything but 200 is a transport-level failure.
    if (status !== 200) throw new AntomTransportError(`Antom answered HTTP ${status}.`, status);

    const json = parseJson(rawBody);
    this.#verifyResponse(path, headers, rawBody, json);
    const result = z.safeParse(z.looseObject({result: resultSchema}), json);
    if (!result.success) throw responseInvalid(describeIssues(result.error.issues));
    const {resultStatus, resultCode, resultMessage = ''} = result.data.result;
    if (resultStatus !== 'S' && !endpoint.everyResult) throw new AntomResultError(resultStatus, resultCode, resultMessage);
    const parsed = z.safeParse(endpoint.response, json);
    if (!parsed.success) throw responseInvalid(describeIssues(parsed.error.issues));
    // A signature proves Antom wrote the answer, not that it answers this request: where Antom
    // echoes the id, it must be ours (a proxy could replay another request's signed answer).
    const echoed = (parsed.data as {vaultingRequestId?: unknown}).vaultingRequestId;
    const asked = (checked.data as {vaultingRequestId?: unknown}).vaultingRequestId;
    if (typeof echoed === 'string' && echoed !== '' && echoed !== asked) {
      throw new AntomFormatError('RESPONSE_INVALID', 'The response is about another vaultingRequestId than the request.');
    }
    return parsed.data;
  }

  async #post(
    path: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{status: number; headers: Headers; rawBody: string}> {
    try {
      const response = await this.#fetch(this.#baseUrl + path, {
        method: 'POST',
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      return {status: response.status, headers: response.headers, rawBody: await response.text()};
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed';
      throw new AntomTransportError(`The request to Antom ${reason}.`, undefined, {cause: error});
    }
  }

  /**
   * Responses are signed over `POST <request path>\n<client-id>.<response-time>.<raw body>`. The
   * one documented exception: an INVALID_SIGNATURE answer (our request failed the gateway's check)
   * carries no signature; it is let through so the caller gets that result code.
   */
  #verifyResponse(path: string, headers: Headers, rawBody: string, json: unknown): void {
    const signature = headers.get('signature');
    const responseTime = headers.get('response-time');
    if (!signature || !responseTime) {
      if (isInvalidSignatureResult(json)) return;
      throw new AntomSignatureError('The response is not signed.');
    }
    assertSignatureHeader(
      {path, clientId: this.clientId, time: responseTime, body: rawBody},
      signature,
      this.#antomPublicKey,
    );
    // A signed answer replayed later (or by a proxy from another day) is not fresh.
    assertFreshTime('response-time', responseTime, this.#now(), this.#toleranceSeconds);
  }
}

/** Makes an {@link AntomClient}. */
export function createAntomClient(options: AntomClientOptions): AntomClient {
  return new AntomClient(options);
}

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new AntomFormatError('RESPONSE_INVALID', 'The response body is not JSON.');
  }
}

function responseInvalid(issues: readonly string[]): AntomFormatError {
  return new AntomFormatError('RESPONSE_INVALID', `The response body is invalid: ${issues.join('; ')}`);
}

function isInvalidSignatureResult(json: unknown): boolean {
  const parsed = z.safeParse(z.looseObject({result: resultSchema}), json);
  return parsed.success && parsed.data.result.resultCode === 'INVALID_SIGNATURE';
}
