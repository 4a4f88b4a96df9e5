/**
 * Request fingerprints for idempotency on vaultingRequestId: an HMAC-SHA256, under a key made once
 * per process, of the request as canonical JSON (keys sorted at every level). Equal requests give
 * equal fingerprints whatever their key order; the fingerprint cannot be turned back into the
 * request or checked against a guessed card number without the key, which never leaves memory.
 */
import {createHmac, randomBytes} from 'node:crypto';

const KEY = randomBytes(32);

/** `api` keeps the fingerprints of different endpoints apart. */
export function requestFingerprint(api: string, request: unknown): string {
  return createHmac('sha256', KEY).update(api).update('\n').update(canonicalJson(request)).digest('base64url');
}

/** JSON with object keys sorted at every level; array order is kept. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}
