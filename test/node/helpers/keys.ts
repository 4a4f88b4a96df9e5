/**
 * RSA key pairs for the tests, made once per test process (key generation is the slow part).
 * scripts/run-node-tests.mjs makes them once for the whole run and passes them in
 * ANTOM_TEST_KEYS ({name: PKCS#8 PEM}); a test file run on its own makes its own.
 */
import {createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject} from 'node:crypto';

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
const shared = JSON.parse(process.env.ANTOM_TEST_KEYS ?? '{}') as Record<string, string>;

function keyPair(name: string, bits: number): {privateKey: KeyObject; publicKey: KeyObject} {
  const pem = shared[name];
  if (pem === undefined) return generateKeyPairSync('rsa', {modulusLength: bits});
  const privateKey = createPrivateKey(pem);
  return {privateKey, publicKey: createPublicKey(privateKey)};
}

/** The same pair for the same name within one test process. */
export function testKeyPair(name: string, bits = 2048): TestKeyPair {
  let pair = cache.get(name);
  if (!pair) {
    const {privateKey, publicKey} = keyPair(name, bits);
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
