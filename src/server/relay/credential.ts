/**
 * The relay's session credential: segment 0 of the `vaultingSessionData` it issues. The browser
 * sends it back with the card; the relay trusts nothing in it that its own HMAC does not cover.
 *
 * Layout (base64url, so it passes the element's segment-0 check): 32 bytes of
 * HMAC-SHA256(secret, DOMAIN || payload) followed by the payload, UTF-8 JSON
 * `{"v":1,"s":<session id>,"e":<expiry, epoch seconds>,"o":<page origin>}`. Changing a single bit
 * of the id, the expiry or the origin makes it invalid. This is this library's own design: a
 * relay session is not an Antom session.
 */
import {createHmac, timingSafeEqual} from 'node:crypto';

const DOMAIN = 'antom-card-binding relay session v1\n';
const MAC_BYTES = 32;
/** Far above any real credential; refuses absurd inputs before any work. */
const MAX_CREDENTIAL_CHARS = 1024;

export interface SessionClaims {
  /** The relay's id of the session (also `cardBinding.vaultingSessionId`). */
  readonly sessionId: string;
  /** Epoch milliseconds, whole seconds. */
  readonly expiresAt: number;
  /** The one page origin that may submit with this session. */
  readonly origin: string;
}

function mac(secret: Uint8Array, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update(DOMAIN).update(payload).digest();
}

export function issueCredential(claims: SessionClaims, secret: Uint8Array): string {
  const payload = Buffer.from(
    JSON.stringify({v: 1, s: claims.sessionId, e: Math.floor(claims.expiresAt / 1000), o: claims.origin}),
    'utf8',
  );
  return Buffer.concat([mac(secret, payload), payload]).toString('base64url');
}

/** The claims of a credential this relay issued, or null for anything else (forged, altered, junk). */
export function verifyCredential(credential: string, secret: Uint8Array): SessionClaims | null {
  if (credential.length > MAX_CREDENTIAL_CHARS || !/^[A-Za-z0-9_-]+$/.test(credential)) return null;
  const bytes = Buffer.from(credential, 'base64url');
  if (bytes.length <= MAC_BYTES) return null;
  const payload = bytes.subarray(MAC_BYTES);
  if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), mac(secret, payload))) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const {v, s, e, o} = claims as Record<string, unknown>;
  if (v !== 1 || typeof s !== 'string' || typeof o !== 'string' || typeof e !== 'number' || !Number.isSafeInteger(e)) return null;
  return {sessionId: s, expiresAt: e * 1000, origin: o};
}
