/**
 * Antom's message signature (reference §4): SHA256withRSA over
 * `<METHOD> <URI>\n<client-id>.<time>.<body>`, standard base64, form-URL-encoded, carried as
 * `signature: algorithm=RSA256,keyVersion=N,signature=<value>`. Requests, responses and
 * notifications all use this one shape; only whose time header and key differ.
 */
import {createPrivateKey, createPublicKey, sign, verify, type KeyObject} from 'node:crypto';
import {AntomSignatureError} from './errors.js';

/** A PEM text, base64 DER (the form Antom's dashboard shows), or a ready KeyObject. */
export type KeyInput = string | KeyObject;

/** The parts that are signed. `body` is the raw body exactly as transmitted. */
export interface SignedContent {
  /** Always POST for Antom; kept as a field so the string to sign is complete. */
  readonly method?: string;
  /** Path plus query string, without scheme and host. */
  readonly path: string;
  readonly clientId: string;
  /** The `request-time` (requests, notifications) or `response-time` (responses) header value. */
  readonly time: string;
  readonly body: string | Uint8Array;
}

export interface SignatureHeader {
  readonly algorithm: 'RSA256';
  readonly keyVersion: number;
  /** Standard base64, already URL-decoded. */
  readonly signature: string;
}

const PEM = /-----BEGIN [A-Z ]+-----/;

function derBytes(base64: string): Buffer {
  return Buffer.from(base64.replace(/\s+/g, ''), 'base64');
}

/** Merchant (or emulator) private key: PKCS#8 PEM, PKCS#1 PEM, or base64 PKCS#8 DER. */
export function importPrivateKey(key: KeyInput): KeyObject {
  if (typeof key !== 'string') return key;
  if (PEM.test(key)) return createPrivateKey(key);
  return createPrivateKey({key: derBytes(key), format: 'der', type: 'pkcs8'});
}

/** Public key: SPKI PEM, or base64 SPKI DER (X.509 SubjectPublicKeyInfo). */
export function importPublicKey(key: KeyInput): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  if (PEM.test(key)) return createPublicKey(key);
  return createPublicKey({key: derBytes(key), format: 'der', type: 'spki'});
}

/** The public key as base64 SPKI DER, one line: how Antom's dashboard shows keys. */
export function publicKeyToBase64(key: KeyObject): string {
  return key.export({format: 'der', type: 'spki'}).toString('base64');
}

/** UTF-8 bytes of the string to sign (§4.1). */
export function contentToSign(content: SignedContent): Buffer {
  const head = `${content.method ?? 'POST'} ${content.path}\n${content.clientId}.${content.time}.`;
  if (typeof content.body === 'string') return Buffer.from(head + content.body, 'utf8');
  return Buffer.concat([Buffer.from(head, 'utf8'), content.body]);
}

/** SHA256withRSA signature of the content, standard base64 (not yet URL-encoded). */
export function signContent(content: SignedContent, privateKey: KeyObject): string {
  return sign('sha256', contentToSign(content), privateKey).toString('base64');
}

/** Checks a base64 signature (already URL-decoded) over the content. Never throws on bad input. */
export function verifyContent(content: SignedContent, signatureBase64: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return verify('sha256', contentToSign(content), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** The `signature` header value (§4.2 step 5), as the official SDKs send it (no spaces). */
export function formatSignatureHeader(signatureBase64: string, keyVersion = 1): string {
  // encodeURIComponent escapes exactly the base64 characters form encoding escapes: + / =.
  return `algorithm=RSA256,keyVersion=${keyVersion},signature=${encodeURIComponent(signatureBase64)}`;
}

/**
 * Parses a `signature` header value; tolerates the spaces the docs show after commas and an
 * unencoded base64 value. Throws AntomSignatureError when it is not the documented form.
 */
export function parseSignatureHeader(value: string | undefined): SignatureHeader {
  if (!value) throw new AntomSignatureError('The signature header is missing.');
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const algorithm = fields.get('algorithm');
  if (algorithm !== 'RSA256') throw new AntomSignatureError('The signature algorithm is not RSA256.');
  const keyVersionText = fields.get('keyVersion') ?? '1';
  if (!/^\d{1,9}$/.test(keyVersionText)) throw new AntomSignatureError('The signature keyVersion is not a number.');
  const encoded = fields.get('signature');
  if (!encoded) throw new AntomSignatureError('The signature header has no signature value.');
  let signature: string;
  try {
    signature = decodeURIComponent(encoded);
  } catch {
    throw new AntomSignatureError('The signature value is not URL-encoded base64.');
  }
  return {algorithm, keyVersion: Number(keyVersionText), signature};
}

/** Signs the content and returns the complete `signature` header value. */
export function signatureHeaderFor(content: SignedContent, privateKey: KeyObject, keyVersion = 1): string {
  return formatSignatureHeader(signContent(content, privateKey), keyVersion);
}

/** Verifies a `signature` header value over the content; throws AntomSignatureError if it fails. */
export function assertSignatureHeader(
  content: SignedContent,
  headerValue: string | undefined,
  publicKey: KeyObject,
): void {
  const {signature} = parseSignatureHeader(headerValue);
  if (!verifyContent(content, signature, publicKey)) {
    throw new AntomSignatureError('The signature does not match the message and key.');
  }
}
