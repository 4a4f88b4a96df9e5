/**
 * Encrypts a card exactly as a browser does with WebCrypto: a random AES-256-GCM key wrapped with
 * RSA-OAEP (SHA-256) to the session's JWK, AAD = ASCII of the base64url protected header
 * (RFC 7516 compact serialisation). Node's `crypto.subtle` is the same API as the browser's.
 */
import {webcrypto} from 'node:crypto';
import type {EncryptionKey} from '../../../src/session/session-schema.js';

const {subtle} = webcrypto;

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
}

export async function encryptForSession(
  jwk: EncryptionKey,
  plaintext: unknown,
  header: Record<string, unknown> = {alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid},
): Promise<string> {
  const wrappingKey = await subtle.importKey(
    'jwk',
    {kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true},
    {name: 'RSA-OAEP', hash: 'SHA-256'},
    false,
    ['encrypt'],
  );
  const contentKey = await subtle.generateKey({name: 'AES-GCM', length: 256}, true, ['encrypt']);
  const encryptedKey = await subtle.encrypt({name: 'RSA-OAEP'}, wrappingKey, await subtle.exportKey('raw', contentKey));
  const protectedHeader = base64url(new TextEncoder().encode(JSON.stringify(header)));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await subtle.encrypt(
      {name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(protectedHeader), tagLength: 128},
      contentKey,
      new TextEncoder().encode(JSON.stringify(plaintext)),
    ),
  );
  // WebCrypto appends the 16-byte tag to the ciphertext; JWE carries them apart.
  const ciphertext = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  return [protectedHeader, base64url(encryptedKey), base64url(iv), base64url(ciphertext), base64url(tag)].join('.');
}
