import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
  AntomSignatureError,
  assertSignatureHeader,
  contentToSign,
  formatSignatureHeader,
  importPrivateKey,
  importPublicKey,
  parseSignatureHeader,
  signContent,
  signatureHeaderFor,
  verifyContent,
  type SignedContent,
} from '../../../src/server/index.js';
import {testKeyPair} from '../helpers/keys.js';

const merchant = testKeyPair('merchant');
const other = testKeyPair('other');

const CONTENT: SignedContent = {
  path: '/ams/sandbox/api/v1/vaults/createVaultingSession',
  clientId: 'SANDBOX_5X00000000000000',
  time: '1685599933871',
  body: '{"paymentMethodType":"CARD","vaultingRequestId":"vr-1","note":"Zoë 東京 ✓"}',
};

/** The independent implementation: OpenSSL over the same bytes. */
function opensslSignature(content: SignedContent, privateKeyPem: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'antom-sig-'));
  try {
    writeFileSync(join(folder, 'key.pem'), privateKeyPem, {mode: 0o600});
    writeFileSync(join(folder, 'content.txt'), contentToSign(content));
    return execFileSync('openssl', ['dgst', '-sha256', '-sign', join(folder, 'key.pem'), join(folder, 'content.txt')]).toString('base64');
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
}

test('the string to sign is "POST <path>\\n<client-id>.<time>.<body>" in UTF-8', () => {
  assert.equal(
    contentToSign(CONTENT).toString('utf8'),
    `POST ${CONTENT.path}\n${CONTENT.clientId}.${CONTENT.time}.${CONTENT.body as string}`,
  );
  assert.deepEqual(contentToSign({...CONTENT, body: Buffer.from(CONTENT.body as string)}), contentToSign(CONTENT));
});

test('signatures equal `openssl dgst -sha256 -sign` over the same string (SHA256withRSA)', () => {
  for (const content of [CONTENT, {...CONTENT, body: ''}, {...CONTENT, path: '/notify?x=1&y=%20', time: '2024-01-01T00:00:00+08:00'}]) {
    assert.equal(signContent(content, merchant.privateKey), opensslSignature(content, merchant.privateKeyPem));
  }
});

test('the header is algorithm=RSA256,keyVersion=N,signature=<form-URL-encoded base64>', () => {
  const base64 = signContent(CONTENT, merchant.privateKey);
  const header = signatureHeaderFor(CONTENT, merchant.privateKey, 3);
  assert.match(header, /^algorithm=RSA256,keyVersion=3,signature=[A-Za-z0-9%]+$/);
  assert.equal(header, `algorithm=RSA256,keyVersion=3,signature=${base64.replace(/\+/g, '%2B').replace(/\//g, '%2F').replace(/=/g, '%3D')}`);
  assert.deepEqual(parseSignatureHeader(header), {algorithm: 'RSA256', keyVersion: 3, signature: base64});
});

test('parsing tolerates the docs’ spaces and an unencoded value, and rejects other algorithms', () => {
  const base64 = signContent(CONTENT, merchant.privateKey);
  assert.equal(parseSignatureHeader(`algorithm=RSA256, keyVersion=1, signature=${encodeURIComponent(base64)}`).signature, base64);
  assert.equal(parseSignatureHeader(`algorithm=RSA256,keyVersion=1,signature=${base64}`).signature, base64);
  for (const bad of [undefined, '', 'algorithm=RSA512,keyVersion=1,signature=abc', 'algorithm=RSA256,keyVersion=x,signature=abc', 'algorithm=RSA256,keyVersion=1', 'algorithm=RSA256,signature=%E0%A4%A']) {
    assert.throws(() => parseSignatureHeader(bad), AntomSignatureError, String(bad));
  }
});

test('verification accepts the signed content and rejects a changed body, time, path, client id or key', () => {
  const signature = signContent(CONTENT, merchant.privateKey);
  assert.equal(verifyContent(CONTENT, signature, merchant.publicKey), true);
  const changes: [string, SignedContent][] = [
    ['body', {...CONTENT, body: (CONTENT.body as string).replace('vr-1', 'vr-2')}],
    ['body whitespace', {...CONTENT, body: `${CONTENT.body as string} `}],
    ['time', {...CONTENT, time: '1685599933872'}],
    ['path', {...CONTENT, path: '/ams/api/v1/vaults/createVaultingSession'}],
    ['client id', {...CONTENT, clientId: 'SANDBOX_5X00000000000001'}],
    ['method', {...CONTENT, method: 'PUT'}],
  ];
  for (const [what, changed] of changes) assert.equal(verifyContent(changed, signature, merchant.publicKey), false, what);
  assert.equal(verifyContent(CONTENT, signature, other.publicKey), false, 'key');
  assert.equal(verifyContent(CONTENT, signContent(CONTENT, other.privateKey), merchant.publicKey), false, 'signed by another key');
  assert.equal(verifyContent(CONTENT, 'not base64!', merchant.publicKey), false, 'garbage');
  assert.throws(() => assertSignatureHeader(CONTENT, formatSignatureHeader(signContent({...CONTENT, time: '1'}, merchant.privateKey)), merchant.publicKey), AntomSignatureError);
  assert.doesNotThrow(() => assertSignatureHeader(CONTENT, formatSignatureHeader(signature), merchant.publicKey));
});

test('keys are accepted as PEM, as base64 DER (the dashboard form) and as KeyObjects', () => {
  const signature = signContent(CONTENT, importPrivateKey(merchant.privateKeyBase64));
  assert.equal(signature, signContent(CONTENT, importPrivateKey(merchant.privateKeyPem)));
  for (const key of [merchant.publicKeyPem, merchant.publicKeyBase64, merchant.publicKey, merchant.privateKey]) {
    assert.equal(verifyContent(CONTENT, signature, importPublicKey(key)), true);
  }
});
