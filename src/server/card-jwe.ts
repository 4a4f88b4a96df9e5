/**
 * Decrypts the compact JWE the element sends (RFC 7516), for the merchant's relay and the sandbox
 * emulator: RSA-OAEP-256 key wrap, A256GCM content,
 * AAD = ASCII of the base64url protected header. Only this one algorithm pair is accepted; no
 * compression, no critical extensions.
 */
import {constants, createDecipheriv, privateDecrypt, type KeyObject} from 'node:crypto';
import * as z from 'zod/mini';
import {jweProtectedHeaderSchema} from '../gateway/submit-protocol.js';

/** The reason is safe to show: it never contains key material or plaintext. */
export class JweError extends Error {
  readonly code = 'JWE_INVALID';
}

export interface CardDecryptionKey {
  readonly privateKey: KeyObject;
  readonly kid: string;
}

const AES_256_KEY_BYTES = 32;
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

/** Returns the plaintext bytes; the caller should `fill(0)` them when done. */
export function decryptCompactJwe(compact: string, key: CardDecryptionKey): Buffer {
  const parts = compact.split('.');
  if (parts.length !== 5) throw new JweError('not a compact JWE (five parts)');
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];

  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8'));
  } catch {
    throw new JweError('the protected header is not base64url JSON');
  }
  const parsed = z.safeParse(jweProtectedHeaderSchema, header);
  if (!parsed.success) throw new JweError('the protected header must say alg RSA-OAEP-256 and enc A256GCM');
  if ('zip' in parsed.data || 'crit' in parsed.data) throw new JweError('zip and crit are not supported');
  if (parsed.data.kid !== undefined && parsed.data.kid !== key.kid) throw new JweError('the key id is not this session’s');

  let contentKey: Buffer;
  try {
    contentKey = privateDecrypt(
      {key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256'},
      Buffer.from(encryptedKey, 'base64url'),
    );
  } catch {
    throw new JweError('the content key could not be unwrapped');
  }
  try {
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (contentKey.length !== AES_256_KEY_BYTES) throw new JweError('the content key is not 256 bits');
    if (ivBytes.length !== GCM_IV_BYTES || tagBytes.length !== GCM_TAG_BYTES) {
      throw new JweError('the IV must be 96 bits and the tag 128 bits');
    }
    const decipher = createDecipheriv('aes-256-gcm', contentKey, ivBytes, {authTagLength: GCM_TAG_BYTES});
    decipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch (error) {
    if (error instanceof JweError) throw error;
    throw new JweError('the ciphertext does not authenticate');
  } finally {
    contentKey.fill(0);
  }
}
