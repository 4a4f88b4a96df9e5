/**
 * Decodes and validates a `vaultingSessionData` string (reference §6.5): four segments joined by
 * `&&`, the last one base64 UTF-8 JSON metadata. Pure; returns a typed result instead of throwing,
 * and never echoes the input back in an error (the session value is a credential).
 */
import * as z from 'zod/mini';
import type {CardBrand} from '../card/types.js';
import {sessionMetadataSchema, type EncryptionKey, type SessionMetadata} from './session-schema.js';
import {BASE64, MAX_SESSION_DATA_LENGTH, parseBase64Json} from './base64-json.js';

export {MAX_SESSION_DATA_LENGTH};

export type SessionErrorCode = 'session_malformed' | 'session_expired';

export interface DecodedSession {
  /** Segments 0..2 joined with `&&`: what the gateway is sent, as the real SDK does. */
  readonly credential: string;
  readonly region: string;
  readonly submitUrl: string;
  readonly acceptedBrands: readonly CardBrand[] | null;
  readonly holderNameRequired: boolean;
  readonly expiresAt: Date;
  readonly encryptionKey: EncryptionKey;
  readonly vaultingSessionId: string | null;
  readonly metadata: SessionMetadata;
}

export type SessionDecodeResult =
  | {readonly ok: true; readonly session: DecodedSession}
  | {readonly ok: false; readonly code: SessionErrorCode; readonly reason: string};


function malformed(reason: string): SessionDecodeResult {
  return {ok: false, code: 'session_malformed', reason};
}

/**
 * @param now injectable clock; a session whose expiry time is not after `now` is `session_expired`.
 *   `null` skips that check: the element judges the lifetime from receipt (read-session.ts), not
 *   by a clock that may be wrong.
 */
export function decodeSession(value: string, now: Date | null = new Date()): SessionDecodeResult {
  if (value.length > MAX_SESSION_DATA_LENGTH) return malformed('longer than 4096 characters');
  const segments = value.trim().split('&&');
  if (segments.length !== 4) return malformed(`expected 4 segments joined by "&&", got ${segments.length}`);
  const [token, region, , metadataText] = segments as [string, string, string, string];
  if (!token || !BASE64.test(token)) return malformed('segment 0 is not base64');
  if (!/^[A-Z]{2}$/.test(region)) return malformed('segment 1 is not a region sign');
  if (!BASE64.test(metadataText)) return malformed('segment 3 is not base64');

  let json: unknown;
  try {
    json = parseBase64Json(metadataText);
  } catch {
    return malformed('segment 3 is not base64 UTF-8 JSON');
  }
  const parsed = z.safeParse(sessionMetadataSchema, json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || 'metadata';
    return malformed(`${where}: ${first?.message ?? 'invalid'}`);
  }
  const metadata = parsed.data;
  const config = metadata.cardBinding;
  const expiresAt = new Date(config.expiryTime);
  if (now !== null && !(expiresAt.getTime() > now.getTime())) {
    return {ok: false, code: 'session_expired', reason: 'the session expiry time has passed'};
  }
  return {
    ok: true,
    session: {
      credential: segments.slice(0, 3).join('&&'),
      region,
      submitUrl: config.submitUrl,
      acceptedBrands: config.acceptedBrands ?? null,
      holderNameRequired: config.holderNameRequired ?? true,
      expiresAt,
      encryptionKey: config.encryptionKey,
      vaultingSessionId: config.vaultingSessionId ?? null,
      metadata,
    },
  };
}
