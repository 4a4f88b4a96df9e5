// Benchmark of the card-binding relay: submissions per second through relay.handle (origin,
// size and credential checks, JWE decryption, the card rules, the store's compare-and-set, the
// call to a stand-in Antom that answers at once, the reply) next to the part no relay can skip,
// measured in the same run, interleaved: RSA-OAEP-256 + A256GCM decryption of the same JWE with
// bare node:crypto. Prints medians of repeated rounds and the ratio. Goal: within 2x, i.e. the
// relay's own work (two zod boundary checks, the card rules, five HMACs, the store) costs less
// than the one RSA decryption every relay must do; a real vaultPaymentMethod call then takes a
// hundred times longer than either.
import {constants, createDecipheriv, generateKeyPairSync, privateDecrypt, webcrypto} from 'node:crypto';
import './register-ts.mjs';

const {createCardBindingRelay} = await import('../src/server/index.ts');
const {decodeSession} = await import('../src/session/decode-session.ts');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PAGE = 'https://shop.example';

const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
// Declines keep the session open, so one session takes every iteration.
const antom = {
  clientId: 'SANDBOX_BENCH',
  vaultPaymentMethod: async () => ({result: {resultCode: 'DO_NOT_HONOR', resultStatus: 'F', resultMessage: 'declined'}}),
  inquireVaulting: async () => {
    throw new Error('not used');
  },
};
const relay = createCardBindingRelay({antom, submitUrl: `${PAGE}/cards/submit`, encryptionKey: privateKey, maxDeclinedAttempts: Number.MAX_SAFE_INTEGER});
const session = await relay.createSession({vaultingNotificationUrl: `${PAGE}/notify`, redirectUrl: `${PAGE}/done`});
const decoded = decodeSession(session.vaultingSessionData);
const card = {cardNo: '4242424242424242', expiryMonth: '12', expiryYear: '39', cvv: '737', cardholderName: 'Ada Lovelace'};
const jwe = await encrypt(decoded.session.encryptionKey, card);
const rawBody = JSON.stringify({vaultingSessionData: decoded.session.credential, encryptedCard: jwe, browser: {screenWidth: 1280, screenHeight: 800, colorDepth: 24, timeZoneOffset: 0, language: 'en'}});
let keyCounter = 0;

async function relayRound() {
  const start = process.hrtime.bigint();
  for (let index = 0; index < ITERATIONS; index += 1) {
    const reply = await relay.handle({
      method: 'POST',
      headers: {origin: PAGE, 'content-type': 'application/json', 'idempotency-key': `k-${keyCounter++}`, 'user-agent': 'bench'},
      rawBody,
      clientIp: '127.0.0.1',
    });
    if (reply.status !== 200) throw new Error(`relay answered ${reply.status}: ${reply.body}`);
  }
  return ITERATIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function bareRound() {
  const start = process.hrtime.bigint();
  for (let index = 0; index < ITERATIONS; index += 1) {
    const [header, wrapped, iv, ciphertext, tag] = jwe.split('.');
    const contentKey = privateDecrypt({key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256'}, Buffer.from(wrapped, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', contentKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(header, 'ascii'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    if (JSON.parse(plaintext.toString()).cardNo !== card.cardNo) throw new Error('bare decrypt failed');
    await undefined; // the relay's path is async too
  }
  return ITERATIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function encrypt(jwk, plaintext) {
  const {subtle} = webcrypto;
  const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
  const rsa = await subtle.importKey('jwk', {kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true}, {name: 'RSA-OAEP', hash: 'SHA-256'}, false, ['encrypt']);
  const aes = await subtle.generateKey({name: 'AES-GCM', length: 256}, true, ['encrypt']);
  const header = b64(Buffer.from(JSON.stringify({alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid})));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await subtle.encrypt({name: 'AES-GCM', iv, additionalData: Buffer.from(header), tagLength: 128}, aes, Buffer.from(JSON.stringify(plaintext))));
  const wrapped = new Uint8Array(await subtle.encrypt({name: 'RSA-OAEP'}, rsa, await subtle.exportKey('raw', aes)));
  return [header, b64(wrapped), b64(iv), b64(sealed.subarray(0, -16)), b64(sealed.subarray(-16))].join('.');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
await relayRound();
await bareRound(); // warm-up
const relayRates = [];
const bareRates = [];
for (let round = 0; round < ROUNDS; round += 1) {
  if (round % 2 === 0) {
    relayRates.push(await relayRound());
    bareRates.push(await bareRound());
  } else {
    bareRates.push(await bareRound());
    relayRates.push(await relayRound());
  }
}
const relayMedian = median(relayRates);
const bareMedian = median(bareRates);
const ratio = bareMedian / relayMedian;
const fmt = (value) => value.toFixed(0).padStart(6);
console.log(`relay submissions (RSA-2048 JWE, instant Antom stand-in, ${ROUNDS} rounds x ${ITERATIONS}, medians)`);
console.log(`  relay.handle               ${fmt(relayMedian)} submissions/s`);
console.log(`  bare JWE decryption        ${fmt(bareMedian)} ops/s`);
console.log(`  ratio bare/relay           ${ratio.toFixed(3)}x  (goal <= 2x) ${ratio <= 2 ? 'ok' : 'OVER GOAL'}`);
