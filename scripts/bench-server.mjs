// Benchmark of the merchant helper's signing: sign + verify per second through
// antom-card-binding/server (build the string to sign, SHA256withRSA, base64, URL-encode the
// header; then parse the header, decode and verify) next to bare node:crypto sign + verify of the
// same bytes, measured in the same run, interleaved. Prints medians of repeated rounds and the
// ratio (goal: helper within 1.2x of bare).
import {generateKeyPairSync, sign, verify} from 'node:crypto';
import './register-ts.mjs';

const {assertSignatureHeader, contentToSign, signatureHeaderFor} = await import('../src/server/index.ts');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

const {privateKey, publicKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
const content = {
  path: '/ams/sandbox/api/v1/vaults/createVaultingSession',
  clientId: 'SANDBOX_5X00000000000000',
  time: '1685599933871',
  body: JSON.stringify({
    paymentMethodType: 'CARD',
    vaultingRequestId: 'vr-0123456789abcdef',
    vaultingNotificationUrl: 'https://merchant.example/antom/notify',
    redirectUrl: 'https://merchant.example/cards/done',
  }),
};

function helperRound() {
  const start = process.hrtime.bigint();
  for (let index = 0; index < ITERATIONS; index += 1) {
    const header = signatureHeaderFor(content, privateKey);
    assertSignatureHeader(content, header, publicKey);
  }
  return ITERATIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

function bareRound() {
  // The same bytes, prepared the plainest way: one string, one Buffer.
  const start = process.hrtime.bigint();
  for (let index = 0; index < ITERATIONS; index += 1) {
    const data = Buffer.from(`POST ${content.path}\n${content.clientId}.${content.time}.${content.body}`);
    const signature = sign('sha256', data, privateKey);
    if (!verify('sha256', data, publicKey, signature)) throw new Error('bare verify failed');
  }
  return ITERATIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

if (!contentToSign(content).equals(Buffer.from(`POST ${content.path}\n${content.clientId}.${content.time}.${content.body}`))) {
  throw new Error('the helper signs other bytes than the bare baseline');
}
helperRound();
bareRound(); // warm-up
const helper = [];
const bare = [];
for (let round = 0; round < ROUNDS; round += 1) {
  // Alternate the order so drift in machine load hits both sides alike.
  if (round % 2 === 0) {
    helper.push(helperRound());
    bare.push(bareRound());
  } else {
    bare.push(bareRound());
    helper.push(helperRound());
  }
}
const helperMedian = median(helper);
const bareMedian = median(bare);
const ratio = bareMedian / helperMedian;
const fmt = (value) => value.toFixed(0).padStart(6);
console.log(`server sign+verify (RSA-2048, ${ROUNDS} rounds x ${ITERATIONS}, medians)`);
console.log(`  antom-card-binding/server  ${fmt(helperMedian)} ops/s`);
console.log(`  bare node:crypto           ${fmt(bareMedian)} ops/s`);
console.log(`  ratio bare/helper          ${ratio.toFixed(3)}x  (goal <= 1.2x) ${ratio <= 1.2 ? 'ok' : 'OVER GOAL'}`);
