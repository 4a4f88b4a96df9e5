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
}

/** The acknowledgement Antom expects (HTTP 200, this body, no signature needed). */
export const NOTIFICATION_ACK = {
  result: {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success'},
} as const;

/** {@link NOTIFICATION_ACK} as the exact body text to send. */
export const NOTIFICATION_ACK_BODY = JSON.stringify(NOTIFICATION_ACK);

/** Reads one header; the first value when repeated. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(lower) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * Verifies the signature of a notification from Antom (§4.3): `<method> <path>\n<client-id>.
 * <request-time>.<raw body>` signed with Antom's key. Throws AntomSignatureError when anything is
 * missing or does not match.
 */
export function verifyNotification(
  notification: IncomingNotification,
  options: VerifyNotificationOptions,
): VerifiedNotification {
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
  return {clientId, requestTime};
}

/** Parses a notifyVaulting body. Throws AntomFormatError (code NOTIFICATION_INVALID). */
export function parseVaultingNotification(rawBody: string | Uint8Array): VaultingNotification {
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
