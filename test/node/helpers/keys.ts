/**
 * RSA key pairs for the tests, made once per test process (key generation is the slow part).
 */
import {generateKeyPairSync, type KeyObject} from 'node:crypto';

export interface TestKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  /** Base64 DER, the form Antom's dashboard shows: PKCS#8 private, SPKI public. */
  readonly privateKeyBase64: string;
  readonly publicKeyBase64: string;
}

const cache = new Map<string, TestKeyPair>();

/** The same pair for the same name within one test process. */
export function testKeyPair(name: string): TestKeyPair {
  let pair = cache.get(name);
  if (!pair) {
    const {privateKey, publicKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
    pair = {
      privateKey,
      publicKey,
      privateKeyPem: privateKey.export({format: 'pem', type: 'pkcs8'}).toString(),
      publicKeyPem: publicKey.export({format: 'pem', type: 'spki'}).toString(),
      privateKeyBase64: privateKey.export({format: 'der', type: 'pkcs8'}).toString('base64'),
      publicKeyBase64: publicKey.export({format: 'der', type: 'spki'}).toString('base64'),
    };
    cache.set(name, pair);
  }
  return pair;
}
