/**
 * Where the card may go: the element's trust anchor (issue 12, finding 1). A session is data the
 * page received from somewhere; anyone who can alter it in transit or in the page (a tampered
 * metadata segment) could name their own submit URL and their own key, and receive the card. So
 * the element sends the card only to an origin the HOST PAGE trusts: its own origin (where a
 * merchant relay lives) and the origins it lists in `gateway-origins`. Nothing else is trusted
 * automatically, loopback included. Braintree does the same with the gateway URLs in its client
 * token: only its own domains are accepted.
 *
 * Pure functions; each returns null when the rule holds, or the rule that was broken, in words a
 * developer can act on (never a card value; URLs are not secrets).
 */
import type {EncryptionKey} from '../session/session-schema.js';

export interface TrustPolicy {
  /** `location.origin` of the page the element is in. */
  readonly pageOrigin: string;
  /** Extra origins the page trusts (the `gateway-origins` attribute), normalised or not. */
  readonly gatewayOrigins: readonly string[];
}

/** 127.0.0.0/8, ::1 and localhost: plain http is allowed there (development, the emulator). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** https anywhere, http only on a loopback host. */
function secureTransportProblem(what: string, url: URL): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return `${what} must be https (plain http only on a loopback host), got ${url.protocol}//${url.host}`;
}

/** Origins as the page wrote them ("http://127.0.0.1:4010/", "HTTPS://Shop.example") to URL origins. */
export function normaliseOrigins(origins: readonly string[]): Set<string> {
  const normalised = new Set<string>();
  for (const origin of origins) {
    const url = parseUrl(origin.trim());
    if (url && url.origin !== 'null') normalised.add(url.origin);
  }
  return normalised;
}

/** The session's submit URL: secure transport, and an origin the page trusts. */
export function submitTargetProblem(submitUrl: string, policy: TrustPolicy): string | null {
  const url = parseUrl(submitUrl);
  if (!url) return 'cardBinding.submitUrl is not a URL';
  const transport = secureTransportProblem('cardBinding.submitUrl', url);
  if (transport) return transport;
  if (url.origin === policy.pageOrigin || normaliseOrigins(policy.gatewayOrigins).has(url.origin)) return null;
  return `cardBinding.submitUrl's origin ${url.origin} is neither the page's origin nor listed in gateway-origins`;
}

function base64UrlByteLength(text: string): number {
  const clean = text.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

/** RSA of at least 2048 bits with e = 65537 (AQAB): what RSA-OAEP-256 needs to mean anything. */
export function encryptionKeyProblem(key: EncryptionKey): string | null {
  if (key.kty !== 'RSA') return 'cardBinding.encryptionKey must be an RSA key';
  if (!/^[A-Za-z0-9_-]+$/.test(key.n) || !/^[A-Za-z0-9_-]+$/.test(key.e)) return 'cardBinding.encryptionKey n and e must be base64url';
  // A leading zero byte in n is padding, not strength.
  const leadingZeroBytes = /^(AA)+/.exec(key.n)?.[0].length ?? 0;
  const modulusBits = (base64UrlByteLength(key.n) - Math.floor((leadingZeroBytes * 3) / 4)) * 8;
  if (modulusBits < 2048) return `cardBinding.encryptionKey must be RSA of at least 2048 bits, got about ${modulusBits}`;
  if (key.e !== 'AQAB') return 'cardBinding.encryptionKey must have the public exponent 65537 (AQAB)';
  return null;
}

/** A 3-D Secure target (any issuer's ACS, or Antom's page): secure transport only. */
export function redirectTargetProblem(target: string): string | null {
  const url = parseUrl(target);
  if (!url) return 'the 3-D Secure redirect is not a URL';
  return secureTransportProblem('the 3-D Secure redirect', url);
}
