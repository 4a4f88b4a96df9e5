/**
 * Receiving notifyVaulting (reference §7): check Antom's signature over the request exactly as
 * received, parse the body, and answer with the fixed acknowledgement. Handlers must be idempotent
 * on `vaultingRequestId`: Antom may deliver the same notification more than once.
 */
import * as z from 'zod/mini';
import type {KeyObject} from 'node:crypto';
import {AntomFormatError, AntomSignatureError} from './errors.js';
import {describeIssues, vaultingNotificationSchema, type VaultingNotification} from './schemas.js';
import {assertSignatureHeader, importPublicKey, type KeyInput} from './signature.js';

/** Node's `IncomingHttpHeaders`, a plain record, or fetch `Headers`. Names are case-insensitive. */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A notification request as the merchant's HTTP server received it. */
export interface IncomingNotification {
  /** HTTP method (POST). */
  readonly method: string;
  /** Path plus query string as received, without scheme and host (e.g. `req.url` in node:http). */
  readonly path: string;
  readonly headers: HeaderSource;
  /** The body exactly as received: do not re-serialise parsed JSON. */
  readonly rawBody: string | Uint8Array;
}

export interface VerifiedNotification {
  readonly clientId: string;
  readonly requestTime: string;
}

export interface VerifyNotificationOptions {
  /** Antom's public key (PEM, base64 SPKI DER, or KeyObject). */
  readonly antomPublicKey: KeyInput;
  /** When given, the notification's `client-id` header must equal it. */
  readonly clientId?: string;
  /**
   * How far `request-time` may be from now, either way, in seconds. Default 300, as Stripe's webhook
   * check: a signed notification captured once cannot be replayed later. Antom signs each delivery
   * attempt anew (its retries run for about a day), so a retry is fresh too.
   */
  readonly toleranceSeconds?: number;
  /** Largest body accepted, checked before any other work. Default 65536 bytes (a notification is about 1 KB). */
  readonly maxBodyBytes?: number;
  /** Injectable clock. */
  readonly now?: () => Date;
}

/** Default of {@link VerifyNotificationOptions.toleranceSeconds}. */
export const NOTIFICATION_TOLERANCE_SECONDS = 300;
/** Default of {@link VerifyNotificationOptions.maxBodyBytes}. */
export const NOTIFICATION_MAX_BODY_BYTES = 65_536;

const EPOCH_MILLIS = /^\d{13}$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an Antom time header: epoch milliseconds (what the docs and the Java/Go SDKs send) or ISO
 * 8601 with an offset (what the Python SDK and response headers use). NaN for anything else.
 */
export function parseAntomTime(value: string): number {
  if (EPOCH_MILLIS.test(value)) return Number(value);
  if (ISO_WITH_OFFSET.test(value)) return Date.parse(value);
  return Number.NaN;
}

/** Throws AntomSignatureError unless `value` is an Antom time within `toleranceSeconds` of `now`. */
export function assertFreshTime(header: string, value: string, now: Date, toleranceSeconds: number): void {
  const time = parseAntomTime(value);
  if (Number.isNaN(time)) throw new AntomSignatureError(`The ${header} header is not a time.`);
  if (Math.abs(time - now.getTime()) > toleranceSeconds * 1000) {
    throw new AntomSignatureError(`The ${header} header is more than ${toleranceSeconds} s from now: a replay, or a clock far off.`);
  }
}

function bodyBytes(rawBody: unknown): number {
  if (typeof rawBody === 'string') return Buffer.byteLength(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody.byteLength;
  throw new AntomFormatError('NOTIFICATION_INVALID', 'The notification body must be the raw body: a string or bytes.');
}

function assertBodySize(rawBody: unknown, limit: number): void {
  if (bodyBytes(rawBody) > limit) throw new AntomFormatError('NOTIFICATION_INVALID', `The notification body is larger than ${limit} bytes.`);
}

/** The acknowledgement Antom expects (HTTP 200, this body, no signature needed). */
export const NOTIFICATION_ACK = {
  result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success'},
} as const;

/** {@link NOTIFICATION_ACK} as the exact body text to send. */
export const NOTIFICATION_ACK_BODY = JSON.stringify(NOTIFICATION_ACK);

/** Reads one header; the first value when repeated. Anything that is not a header collection has none. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const lower = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(lower) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * Verifies the signature of a notification from Antom (§4.3): `<method> <path>\n<client-id>.
 * <request-time>.<raw body>` signed with Antom's key, and its freshness. Throws
 * AntomSignatureError when anything is missing, stale or does not match, AntomFormatError
 * (NOTIFICATION_INVALID) when the body is not raw bytes or text, or is over the size limit.
 */
export function verifyNotification(
  notification: IncomingNotification,
  options: VerifyNotificationOptions,
): VerifiedNotification {
  if (typeof notification !== 'object' || notification === null) throw new AntomSignatureError('There is no notification to verify.');
  assertBodySize(notification.rawBody, options.maxBodyBytes ?? NOTIFICATION_MAX_BODY_BYTES);
  if (typeof notification.headers !== 'object' || notification.headers === null) {
    throw new AntomSignatureError('The notification headers are missing.');
  }
  if (typeof notification.method !== 'string' || typeof notification.path !== 'string') {
    throw new AntomSignatureError('The notification method and path are required.');
  }
  const clientId = headerValue(notification.headers, 'client-id');
  const requestTime = headerValue(notification.headers, 'request-time');
  if (!clientId) throw new AntomSignatureError('The client-id header is missing.');
  if (!requestTime) throw new AntomSignatureError('The request-time header is missing.');
  if (options.clientId !== undefined && clientId !== options.clientId) {
    throw new AntomSignatureError('The client-id header is not this merchant’s.');
  }
  const publicKey: KeyObject = importPublicKey(options.antomPublicKey);
  assertSignatureHeader(
    {method: notification.method, path: notification.path, clientId, time: requestTime, body: notification.rawBody},
    headerValue(notification.headers, 'signature'),
    publicKey,
  );
  // After the signature: a forged time must not be the reason given for a forged notification.
  assertFreshTime('request-time', requestTime, (options.now ?? (() => new Date()))(), options.toleranceSeconds ?? NOTIFICATION_TOLERANCE_SECONDS);
  return {clientId, requestTime};
}

/** Parses a notifyVaulting body. Throws AntomFormatError (code NOTIFICATION_INVALID). */
export function parseVaultingNotification(rawBody: string | Uint8Array, maxBodyBytes = NOTIFICATION_MAX_BODY_BYTES): VaultingNotification {
  assertBodySize(rawBody, maxBodyBytes);
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', {fatal: true}).decode(rawBody));
  } catch {
    throw new AntomFormatError('NOTIFICATION_INVALID', 'The notification body is not UTF-8 JSON.');
  }
  const parsed = z.safeParse(vaultingNotificationSchema, json);
  if (!parsed.success) {
    throw new AntomFormatError('NOTIFICATION_INVALID', `The notification body is invalid: ${describeIssues(parsed.error.issues).join('; ')}`);
  }
  return parsed.data;
}
