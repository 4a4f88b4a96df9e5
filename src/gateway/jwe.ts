/**
 * Compact JWE (RFC 7516) encryption in the browser with WebCrypto: RSA-OAEP-256 wraps a fresh
 * AES-256-GCM content key; the AAD is the ASCII of the base64url protected header. The plaintext
 * bytes and the content key are zeroed once the ciphertext exists.
 */
import {JWE_ALG, JWE_ENC} from './submit-protocol.js';
import type {EncryptionKey} from '../session/session-schema.js';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Encrypts `plaintext` (consumed: zeroed afterwards) to `key`; returns the compact JWE. */
export async function encryptCompactJwe(plaintext: Uint8Array<ArrayBuffer>, key: EncryptionKey): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is unavailable (the page is not a secure context)');
  const contentKey = crypto.getRandomValues(new Uint8Array(32));
  try {
    const rsaKey = await subtle.importKey(
      'jwk',
      {kty: 'RSA', n: key.n, e: key.e, alg: JWE_ALG, ext: true},
      {name: 'RSA-OAEP', hash: 'SHA-256'},
      false,
      ['encrypt']
    );
    const aesKey = await subtle.importKey('raw', contentKey, {name: 'AES-GCM'}, false, ['encrypt']);
    const header = base64url(
      new TextEncoder().encode(JSON.stringify(key.kid ? {alg: JWE_ALG, enc: JWE_ENC, kid: key.kid} : {alg: JWE_ALG, enc: JWE_ENC}))
    );
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const wrappedKey = new Uint8Array(await subtle.encrypt({name: 'RSA-OAEP'}, rsaKey, contentKey));
    const sealed = new Uint8Array(
      await subtle.encrypt(
        {name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(header), tagLength: 128},
        aesKey,
        plaintext
      )
    );
    const ciphertext = sealed.subarray(0, sealed.length - 16);
    const tag = sealed.subarray(sealed.length - 16);
    return [header, base64url(wrappedKey), base64url(iv), base64url(ciphertext), base64url(tag)].join('.');
  } finally {
    contentKey.fill(0);
    plaintext.fill(0);
  }
}
